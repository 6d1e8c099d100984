/**
 * The canvas's graph after a keystroke inside one step: the last graph with
 * that entry's nodes and the edges around it built again (see editedGraph).
 * No React, no DOM.
 */
import { entryIndexAt } from '../language/locate'
import type { Workflow } from '../language/model'
import { entryEditOf } from '../language/reparse'
import { endNode, flowEdges, retryLabels, rowDiagram, rowSegment, single, skipEdges, triggerNode, type Segment } from '../diagram/graph'
import type { DiagramEdge, DiagramNode } from '../diagram/elements'
import { stepNodeId } from '../diagram/ids'
import type { Box, Row, WorkflowLayout } from '../diagram/layout'
import { canvasEdge, canvasNode, keptStepNode, sameDiagramEdge } from './canvas-nodes'
import type { CanvasGraph, CanvasNode } from './flow-elements'
import type { DiagnosticTarget, NodeDiagnostics } from './node-diagnostics'

/** What a graph was built from. */
export interface GraphSource {
  workflow: Workflow
  layout: WorkflowLayout
  dataFlow: boolean
  stale: boolean
  marks: Map<DiagnosticTarget, NodeDiagnostics>
}

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
 * entryEditOf), made from `previous`, the graph built from `last`: that
 * entry's nodes and the edges around it are built again, the other nodes are
 * kept unless their diagnostics marks changed, and nothing else is built or
 * compared. At 10,000 steps this costs 4 to 10 ms, where building the
 * diagram and comparing it with the last graph node by node cost about 30.
 * Undefined when this does not hold (an entry that changes size or position,
 * a step name used elsewhere, the data-flow overlay, a stale picture): the
 * caller builds the graph whole.
 */
export function editedGraph(source: GraphSource, previous: CanvasGraph, last: GraphSource): CanvasGraph | undefined {
  const { workflow, layout, marks } = source
  const edit = entryEditOf(workflow)
  if (!edit || edit.previous !== last.workflow) return undefined
  if (source.dataFlow || last.dataFlow || source.stale || last.stale) return undefined
  const { rows } = layout
  const oldRows = last.layout.rows
  const k = edit.index
  const row = rows[k]
  const oldRow = oldRows[k]
  if (!row || !oldRow || rows.length !== oldRows.length || row.kind !== oldRow.kind || !sameBox(row.box, oldRow.box)) return undefined
  if (rowNodeCount(row) !== rowNodeCount(oldRow)) return undefined
  if (!sameBox(layout.end, last.layout.end)) return undefined
  const names = rowSteps(row).map((step) => step.name)
  if (!namesOnlyIn(workflow, k, names) || !namesOnlyIn(last.workflow, k, rowSteps(oldRow).map((step) => step.name))) return undefined

  // Where each row's nodes start in the node list (the trigger is first).
  const starts = new Array<number>(rows.length + 1)
  starts[0] = 1
  for (let r = 0; r < rows.length; r++) starts[r + 1] = starts[r] + rowNodeCount(rows[r])
  const nodes = previous.nodes.slice()

  // A row's step ids: those of its nodes in the list (after its container, for a parallel block).
  const stepIdsOf = (r: number) => nodes.slice(rows[r].kind === 'step' ? starts[r] : starts[r] + 1, starts[r + 1]).map((node) => node.id)
  // A row built again; its old nodes are kept where nothing differs.
  const retry = retryLabels(workflow)
  const redraw = (r: number, ids: readonly string[]) => {
    const built: DiagramNode[] = []
    rowDiagram(workflow.name, rows[r], ids, retry, built)
    built.forEach((node, i) => {
      const at = starts[r] + i
      const parentBox = node.parent === undefined ? undefined : rows[r].box
      const kept = node.kind === 'step' ? keptStepNode(previous.nodes[at], node, parentBox, marks.get(node.step), false) : undefined
      nodes[at] = kept ?? canvasNode(node, workflow.name, marks, false, parentBox)
    })
  }
  redraw(k, names.map((name) => stepNodeId(workflow.name, name)))

  // Elsewhere only the marks can differ (a reference to a renamed step); such a node is built again.
  const marked = (node: CanvasNode, target: DiagnosticTarget) => {
    const mark = marks.get(target)
    return node.data.severity !== mark?.severity || node.domAttributes?.title !== mark?.title
  }
  // Only rows with marks, now or in the last graph, can differ: found from the marks, not by visiting every row.
  const check = new Set<number>()
  markedRows(workflow, marks, check)
  markedRows(last.workflow, last.marks, check)
  for (const r of check) {
    if (r === k || r < 0 || r >= rows.length) continue
    const other = rows[r]
    const targets: DiagnosticTarget[] = other.kind === 'step' ? [other.step] : [other.block, ...other.branches.map((branch) => branch.step)]
    if (targets.some((target, i) => marked(nodes[starts[r] + i], target))) redraw(r, stepIdsOf(r))
  }
  if (marked(nodes[0], 'trigger')) nodes[0] = canvasNode(triggerNode(workflow, layout), workflow.name, marks, false, undefined)
  const end = nodes.length - 1
  if (marked(nodes[end], 'end')) nodes[end] = canvasNode(endNode(workflow, layout), workflow.name, marks, false, undefined)

  // The edges: flow edges are listed segment after segment (the trigger, each row, the end), then each row's skip bypasses.
  // The entry's row is segment k + 1: the flow into it and out of it, and the bypasses of it and of its neighbours, are redone.
  const segment = (s: number): Segment | undefined => {
    if (s < 0 || s > rows.length + 1) return undefined
    if (s === 0) return single(nodes[0].id)
    if (s === rows.length + 1) return single(nodes[end].id)
    return rowSegment(rows[s - 1], nodes[starts[s - 1]].id, stepIdsOf(s - 1))
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
