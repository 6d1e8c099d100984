/**
 * The selected workflow as React Flow nodes and edges: the headless picture
 * (src/diagram/graph.ts) with the canvas's concerns added: handles, class
 * names, diagnostics marks, stale (read-only) pictures, dragging. No React,
 * no DOM.
 */
import type { Diagnostic, Workflow } from '../language/model'
import { entryEditOf } from '../language/reparse'
import { endNode, flowEdges, retryLabels, rowDiagram, skipEdges, triggerNode, workflowDiagram, type Segment, single } from '../diagram/graph'
import type { DiagramEdge, DiagramNode } from '../diagram/elements'
import { stepNodeId } from '../diagram/ids'
import { layoutWorkflow, type Box, type Row, type WorkflowLayout } from '../diagram/layout'
import {
  ARROW,
  HANDLE,
  READ_ONLY_TITLE,
  fixedNode,
  type CanvasEdge,
  type CanvasGraph,
  type CanvasNode,
  type EndNode,
  type FlowEdgeData,
  type ParallelNode,
  type StepNode,
  type TriggerNode,
} from './flow-elements'
import { entryIndexAt, mapDiagnostics, type DiagnosticTarget, type NodeDiagnostics } from './node-diagnostics'
import { plainEqual } from './reuse'

export interface WorkflowGraphOptions {
  /** Add the data-flow overlay: a dotted edge from A to B for each input of B that reads `steps.A.`. */
  dataFlow: boolean
  /** The last good picture of a workflow that now has syntax errors: greyed, read-only. */
  stale?: boolean
}

/**
 * The canvas's graph of `workflow`; `layout` may be passed when the caller
 * already has it. `previous`, the graph last built for the picture, lends
 * its step nodes and edges where they are unchanged: after a keystroke in
 * one step of 10,000 the others are not built again, and keep their objects.
 */
export function workflowGraph(
  workflow: Workflow,
  diagnostics: readonly Diagnostic[],
  options: WorkflowGraphOptions,
  layout?: WorkflowLayout,
  previous?: CanvasGraph,
): CanvasGraph {
  const stale = !!options.stale
  layout ??= layoutWorkflow(workflow)
  const marks: Map<DiagnosticTarget, NodeDiagnostics> = stale ? new Map() : mapDiagnostics(workflow, diagnostics)
  const edited = previous && editedGraph(workflow, marks, options, layout, previous)
  if (edited) {
    builtFrom.set(edited, { workflow, layout, options, marks })
    return edited
  }
  const diagram = workflowDiagram(workflow, { dataFlow: options.dataFlow }, layout)
  /** The containers' boxes: children are placed relative to them. */
  const boxes = new Map<string, Box>()
  const nodes: CanvasNode[] = []
  // Compared by position in the list: an edit that adds or removes a node ends the reuse at that node.
  const before = previous?.nodes ?? []
  for (let i = 0; i < diagram.nodes.length; i++) {
    const node = diagram.nodes[i]
    if (node.kind === 'parallel') boxes.set(node.id, node.box)
    const parentBox = node.parent === undefined ? undefined : boxes.get(node.parent)
    const kept = node.kind === 'step' && i < before.length ? keptStepNode(before[i], node, parentBox, marks.get(node.step), stale) : undefined
    nodes.push(kept ?? canvasNode(node, workflow.name, marks, stale, parentBox))
  }
  const edgesBefore = previous?.edges ?? []
  const edges = diagram.edges.map((edge, i) => (i < edgesBefore.length && sameDiagramEdge(edgesBefore[i], edge) ? edgesBefore[i] : canvasEdge(edge)))
  const graph = { nodes, edges }
  builtFrom.set(graph, { workflow, layout, options, marks })
  return graph
}

/** What each graph was built from: the next keystroke's graph may be the last one with one entry redone. */
const builtFrom = new WeakMap<
  CanvasGraph,
  { workflow: Workflow; layout: WorkflowLayout; options: WorkflowGraphOptions; marks: Map<DiagnosticTarget, NodeDiagnostics> }
>()

/** The rows (entries) of `workflow` that hold a node with marks. */
function markedRows(workflow: Workflow, marks: Map<DiagnosticTarget, NodeDiagnostics>, into: Set<number>): void {
  for (const target of marks.keys()) {
    if (typeof target === 'string' || !target.span) continue
    into.add(entryIndexAt(workflow.steps.items, target.span.start))
  }
}

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height
const rowSteps = (row: Row) => (row.kind === 'step' ? [row.step] : row.branches.map((branch) => branch.step))
const rowNodeCount = (row: Row) => (row.kind === 'step' ? 1 : 1 + row.branches.length)

/** Whether no step outside entry `index` of `workflow` has one of `names` (nor do two of them match). */
function namesOnlyIn(workflow: Workflow, index: number, names: readonly string[]): boolean {
  if (new Set(names).size !== names.length) return false
  const items = workflow.steps.items
  for (let i = 0; i < items.length; i++) {
    if (i === index) continue
    const entry = items[i]
    if (entry.kind === 'step') {
      if (names.includes(entry.name)) return false
    } else if (entry.branches.some((step) => names.includes(step.name))) return false
  }
  return true
}

/** The flow segment of a row whose nodes (its container first, for a parallel block) are `nodes`. */
function rowSegment(row: Row, nodes: readonly CanvasNode[]): Segment {
  if (row.kind === 'step') return single(nodes[0].id, row.step.condition?.value)
  if (row.branches.length === 0) return single(nodes[0].id)
  const ids = nodes.slice(1).map((node) => node.id)
  return { anchor: nodes[0].id, entries: ids, conditions: row.branches.map((branch) => branch.step.condition?.value), exits: ids, fans: true }
}

/** How many flow edges run from one segment to the next (a fan between two parallel blocks goes through the first's container). */
function flowEdgeCount(from: Row | undefined, to: Row | undefined): number {
  const fans = (row: Row | undefined) => row?.kind === 'parallel' && row.branches.length > 0
  const exits = from?.kind === 'parallel' && from.branches.length > 0 ? from.branches.length : 1
  const entries = to?.kind === 'parallel' && to.branches.length > 0 ? to.branches.length : 1
  return (fans(from) && fans(to) ? 1 : exits) * entries
}

const skipEdgeCount = (row: Row) => rowSteps(row).filter((step) => step.condition).length

/**
 * The graph of a workflow that an edit changed in one entry only (reparse.ts
 * entryEditOf), made from the previous graph: that entry's nodes and the
 * edges around it are built again, the other nodes are kept unless their
 * diagnostics marks changed, and nothing else is built or compared. About
 * 30 ms at 10,000 steps, where building the diagram and comparing it with the
 * last graph node by node cost that much. Undefined when this does not hold
 * (an entry that changes size or position, a step name used elsewhere, the
 * data-flow overlay, a stale picture): the caller builds the graph whole.
 */
function editedGraph(
  workflow: Workflow,
  marks: Map<DiagnosticTarget, NodeDiagnostics>,
  options: WorkflowGraphOptions,
  layout: WorkflowLayout,
  previous: CanvasGraph,
): CanvasGraph | undefined {
  const source = builtFrom.get(previous)
  const edit = entryEditOf(workflow)
  if (!source || !edit || edit.previous !== source.workflow) return undefined
  if (options.dataFlow || source.options.dataFlow || options.stale || source.options.stale) return undefined
  const { rows } = layout
  const oldRows = source.layout.rows
  const k = edit.index
  const row = rows[k]
  const oldRow = oldRows[k]
  if (!row || !oldRow || rows.length !== oldRows.length || row.kind !== oldRow.kind || !sameBox(row.box, oldRow.box)) return undefined
  if (rowNodeCount(row) !== rowNodeCount(oldRow)) return undefined
  if (!sameBox(layout.end, source.layout.end)) return undefined
  const names = rowSteps(row).map((step) => step.name)
  if (!namesOnlyIn(workflow, k, names) || !namesOnlyIn(source.workflow, k, rowSteps(oldRow).map((step) => step.name))) return undefined

  // Where each row's nodes start in the node list (the trigger is first).
  const starts = new Array<number>(rows.length + 1)
  starts[0] = 1
  for (let r = 0; r < rows.length; r++) starts[r + 1] = starts[r] + rowNodeCount(rows[r])
  const nodes = previous.nodes.slice()

  // The edited entry, built again: its old nodes are kept where nothing differs.
  const built: DiagramNode[] = []
  rowDiagram(workflow.name, row, names.map((name) => stepNodeId(workflow.name, name)), retryLabels(workflow), built)
  const replace = (at: number, node: DiagramNode) => {
    const before = previous.nodes[at]
    const parentBox = node.parent === undefined ? undefined : row.box
    const kept = node.kind === 'step' ? keptStepNode(before, node, parentBox, marks.get(node.step), false) : undefined
    nodes[at] = kept ?? canvasNode(node, workflow.name, marks, false, parentBox)
  }
  built.forEach((node, i) => replace(starts[k] + i, node))

  // Elsewhere only the marks can differ (a reference to a renamed step); such a node is built again.
  const marked = (node: CanvasNode, target: DiagnosticTarget) => {
    const mark = marks.get(target)
    return node.data.severity !== mark?.severity || node.domAttributes?.title !== mark?.title
  }
  const retry = retryLabels(workflow)
  // Only rows with marks, now or in the last graph, can differ: found from the marks, not by visiting every row.
  const check = new Set<number>()
  markedRows(workflow, marks, check)
  markedRows(source.workflow, source.marks, check)
  for (const r of check) {
    if (r === k || r < 0 || r >= rows.length) continue
    const other = rows[r]
    const at = starts[r]
    const targets: DiagnosticTarget[] = other.kind === 'step' ? [other.step] : [other.block, ...other.branches.map((branch) => branch.step)]
    if (!targets.some((target, i) => marked(nodes[at + i], target))) continue
    const again: DiagramNode[] = []
    rowDiagram(workflow.name, other, nodes.slice(other.kind === 'step' ? at : at + 1, starts[r + 1]).map((node) => node.id), retry, again)
    again.forEach((node, i) => (nodes[at + i] = canvasNode(node, workflow.name, marks, false, node.parent === undefined ? undefined : other.box)))
  }
  if (marked(nodes[0], 'trigger')) nodes[0] = canvasNode(triggerNode(workflow, layout), workflow.name, marks, false, undefined)
  const last = nodes.length - 1
  if (marked(nodes[last], 'end')) nodes[last] = canvasNode(endNode(workflow, layout), workflow.name, marks, false, undefined)

  // The edges: flow edges are listed segment after segment (the trigger, each row, the end), then each row's skip bypasses.
  // The entry's row is segment k + 1: the flow into it and out of it, and the bypasses of it and of its neighbours, are redone.
  const segment = (s: number): Segment | undefined => {
    if (s < 0 || s > rows.length + 1) return undefined
    if (s === 0) return single(nodes[0].id)
    if (s === rows.length + 1) return single(nodes[last].id)
    return rowSegment(rows[s - 1], nodes.slice(starts[s - 1], starts[s]))
  }
  const rowAt = (s: number) => (s >= 1 && s <= rows.length ? rows[s - 1] : undefined)
  const oldRowAt = (s: number) => (s === k + 1 ? oldRow : rowAt(s))
  let flowStart = 0
  for (let p = 0; p < k; p++) flowStart += flowEdgeCount(rowAt(p), rowAt(p + 1))
  const oldFlow = flowEdgeCount(oldRowAt(k), oldRowAt(k + 1)) + flowEdgeCount(oldRowAt(k + 1), oldRowAt(k + 2))
  let flowTotal = flowStart + oldFlow
  for (let p = k + 2; p <= rows.length; p++) flowTotal += flowEdgeCount(rowAt(p), rowAt(p + 1))
  const firstSkipRow = Math.max(0, k - 1)
  const lastSkipRow = Math.min(rows.length - 1, k + 1)
  let skipStart = flowTotal
  for (let r = 0; r < firstSkipRow; r++) skipStart += skipEdgeCount(rows[r])
  let oldSkips = 0
  for (let r = firstSkipRow; r <= lastSkipRow; r++) oldSkips += skipEdgeCount(r === k ? oldRow : rows[r])

  const flow: DiagramEdge[] = []
  flowEdges(segment(k)!, segment(k + 1)!, flow)
  flowEdges(segment(k + 1)!, segment(k + 2)!, flow)
  const skips: DiagramEdge[] = []
  for (let r = firstSkipRow; r <= lastSkipRow; r++) skipEdges(rows[r], r, segment(r)!, segment(r + 1)!.entries, segment(r + 2)!, skips)
  const redone = (built: DiagramEdge[], start: number, oldCount: number) =>
    built.map((edge, i) => {
      const before = i < oldCount ? previous.edges[start + i] : undefined
      return before && sameDiagramEdge(before, edge) ? before : canvasEdge(edge)
    })
  const edges = [
    ...previous.edges.slice(0, flowStart),
    ...redone(flow, flowStart, oldFlow),
    ...previous.edges.slice(flowStart + oldFlow, skipStart),
    ...redone(skips, skipStart, oldSkips),
    ...previous.edges.slice(skipStart + oldSkips),
  ]
  return { nodes, edges }
}

/** `before` if it is what canvasNode would build for the step `node` now; field by field, without building it. */
function keptStepNode(
  before: CanvasNode,
  node: DiagramNode & { kind: 'step' },
  parentBox: Box | undefined,
  marks: NodeDiagnostics | undefined,
  stale: boolean,
): CanvasNode | undefined {
  if (before.type !== 'step' || before.id !== node.id || before.parentId !== node.parent || before.draggable !== !stale) return undefined
  const { box, info } = node
  const data = before.data
  const fits =
    before.position.x === box.x - (parentBox?.x ?? 0) &&
    before.position.y === box.y - (parentBox?.y ?? 0) &&
    before.width === box.width &&
    before.height === box.height &&
    data.name === info.name &&
    data.activity === info.activity &&
    data.inputs === info.inputs &&
    data.condition === info.condition &&
    data.retryBadge === info.retryBadge &&
    data.retryTitle === info.retryTitle &&
    data.severity === marks?.severity &&
    before.domAttributes?.title === (marks?.title ?? (stale ? READ_ONLY_TITLE : undefined))
  return fits ? before : undefined
}

/** Whether `before` is what canvasEdge builds for `edge`: the same ends and the same data. */
function sameDiagramEdge(before: CanvasEdge, edge: DiagramEdge): boolean {
  if (before.id !== edge.id || before.source !== edge.source || before.target !== edge.target) return false
  if (edge.kind === 'flow') {
    const data = before.data as Record<string, unknown>
    // canvasEdge's flow data: the label and title, and the fan; the condition shows in the class.
    const { condition, fan, label, title } = edge.info
    return before.type === 'flow' && data.label === label && data.title === title && data.fan === fan && before.className!.includes(' cai-edge-condition') === !!condition
  }
  return before.type === edge.kind && plainEqual(before.data, edge.info)
}

function canvasNode(
  node: DiagramNode,
  workflow: string,
  marks: Map<DiagnosticTarget, NodeDiagnostics>,
  stale: boolean,
  parentBox: Box | undefined,
): CanvasNode {
  switch (node.kind) {
    case 'trigger':
      return fixedNode<TriggerNode>(node.id, 'trigger', node.box, node.info, {
        handles: 'out',
        marks: marks.get('trigger'),
        stale,
        ariaLabel: `Trigger of ${workflow}: ${node.info.type}`,
      })
    case 'step': {
      // Children are placed relative to their container.
      const box = parentBox ? { ...node.box, x: node.box.x - parentBox.x, y: node.box.y - parentBox.y } : node.box
      return fixedNode<StepNode>(node.id, 'step', box, node.info, {
        handles: 'step',
        parent: node.parent,
        marks: marks.get(node.step),
        stale,
        extraClass: node.step.condition ? 'cai-node-conditional' : undefined,
        ariaLabel: `Step ${node.info.name}`,
        draggable: true,
      })
    }
    case 'parallel':
      return fixedNode<ParallelNode>(node.id, 'parallel', node.box, node.info, {
        handles: 'through',
        marks: marks.get(node.block),
        stale,
        container: true,
        ariaLabel: `Parallel block ${node.info.index + 1} with ${node.info.branches} branches`,
      })
    case 'end':
      return fixedNode<EndNode>(node.id, 'end', node.box, node.info, {
        handles: 'in',
        marks: marks.get('end'),
        stale,
        ariaLabel: `End of ${workflow}`,
      })
  }
}

function canvasEdge(edge: DiagramEdge): CanvasEdge {
  const ends = { source: edge.source, target: edge.target, sourceHandle: HANDLE.out, targetHandle: HANDLE.in, markerEnd: ARROW }
  switch (edge.kind) {
    case 'flow': {
      const { condition, fan, label, title } = edge.info
      const data: FlowEdgeData = label === undefined ? {} : { label, title }
      let className = 'cai-edge-flow'
      if (fan) {
        className += ` cai-edge-fan-${fan}`
        data.fan = fan
      }
      if (condition) className += ' cai-edge-condition'
      return { id: edge.id, type: 'flow', ...ends, className, data }
    }
    case 'skip':
      return { id: edge.id, type: 'skip', ...ends, className: 'cai-edge-skip', data: edge.info }
    case 'data':
      return {
        id: edge.id,
        type: 'data',
        ...ends,
        sourceHandle: HANDLE.dataOut,
        targetHandle: HANDLE.dataIn,
        className: 'cai-edge-data',
        data: edge.info,
      }
  }
}
