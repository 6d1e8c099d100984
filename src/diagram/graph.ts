/**
 * A workflow as a picture, derived purely from the document model: trigger,
 * steps, parallel blocks as containers with one lane per branch, end; flow
 * edges (fan-out and fan-in around parallel blocks), condition labels, "skip"
 * bypasses and the data-flow overlay. Node ids follow ./ids.ts. The canvas,
 * the image export, the CLI and the review all draw from this.
 */
import { describeCron } from '../language/cron'
import { describeDuration } from '../language/duration'
import { allSteps } from '../language/locate'
import type { Step, Workflow } from '../language/model'
import { stepReferences } from '../language/references'
import { describeRetry } from '../language/retry'
import type { Diagram, DiagramEdge, DiagramNode, FlowEdgeInfo, StepInfo } from './elements'
import { endNodeId, parallelNodeId, stepNodeId, triggerNodeId } from './ids'
import { SIZES, layoutWorkflow, rightOf, type Box, type Row, type StepRow, type WorkflowLayout } from './layout'
import { truncate } from './text'

export interface DiagramOptions {
  /** Add the data-flow overlay: a dotted edge from A to B for each input of B that reads `steps.A.`. */
  dataFlow: boolean
}

/** Longest condition shown on an edge; the edge's tooltip (and the SVG's legend) has all of it. */
export const CONDITION_LABEL_MAX = 36
/** Horizontal distance between the bypasses of neighbouring conditional steps. */
const SKIP_STAGGER = 14
const SKIP_LABEL_STAGGER = 22

/** One entry of the flow, as the edges see it. */
export interface Segment {
  /** The node standing for the whole entry (the container, for a parallel block). */
  anchor: string
  /** Nodes that receive the flow (a parallel block's branches). */
  entries: string[]
  /** The condition of each entry, if it has one. */
  conditions: (string | undefined)[]
  /** Nodes the flow leaves from. */
  exits: string[]
  /** A parallel block with at least one branch. */
  fans: boolean
}

export const single = (id: string, condition?: string): Segment => {
  const entries = [id]
  return { anchor: id, entries, conditions: [condition], exits: entries, fans: false }
}

/**
 * Step node ids, in the order of `steps` (allSteps: the layout's order). A
 * duplicated step name (an error the validator reports) gets `~2`, `~3`...
 * so ids stay unique; references resolve to the first.
 */
interface StepIds {
  list: string[]
  byName: Map<string, string>
}

function stepIds(workflow: Workflow, steps: readonly Step[]): StepIds {
  const list = new Array<string>(steps.length)
  const byName = new Map<string, string>()
  let repeats: Map<string, number> | undefined
  for (let i = 0; i < steps.length; i++) {
    const name = steps[i].name
    if (!byName.has(name)) {
      list[i] = stepNodeId(workflow.name, name)
      byName.set(name, list[i])
      continue
    }
    repeats ??= new Map()
    const count = (repeats.get(name) ?? 1) + 1
    repeats.set(name, count)
    list[i] = stepNodeId(workflow.name, `${name}~${count}`)
  }
  return { list, byName }
}

/** The retry badge and tooltip every step of `workflow` shows, if it has a retry policy. */
export interface RetryLabels {
  badge?: string
  title?: string
}

export function retryLabels(workflow: Workflow): RetryLabels {
  const retry = workflow.retry ? describeRetry(workflow.retry) : undefined
  if (!retry) return {}
  return { badge: `↻ ${attemptsShown(retry.attempts)}`, title: `Retry policy: up to ${attemptsShown(retry.attempts)} attempts, ${retry.summary}` }
}

export function triggerNode(workflow: Workflow, layout: WorkflowLayout): DiagramNode {
  const { trigger } = workflow
  return {
    id: triggerNodeId(workflow.name),
    kind: 'trigger',
    box: layout.trigger,
    info: {
      workflow: workflow.name,
      type: trigger.type,
      value: trigger.value,
      words: trigger.type === 'schedule' ? describeCron(trigger.value ?? '') : undefined,
    },
  }
}

export function endNode(workflow: Workflow, layout: WorkflowLayout): DiagramNode {
  const timeout = workflow.timeout?.value
  return {
    id: endNodeId(workflow.name),
    kind: 'end',
    box: layout.end,
    info: { timeout, timeoutWords: timeout === undefined ? undefined : describeDuration(timeout) },
  }
}

function stepNode(step: Step, id: string, box: Box, retry: RetryLabels, parent?: string): DiagramNode {
  const info: StepInfo = {
    name: step.name,
    activity: step.activity?.value,
    inputs: step.input?.entries.length ?? 0,
    condition: step.condition?.value,
  }
  if (retry.badge) {
    info.retryBadge = retry.badge
    info.retryTitle = retry.title
  }
  const node: DiagramNode = { id, kind: 'step', box, info, step }
  if (parent) node.parent = parent
  return node
}

/**
 * A layout row's nodes (a step, or a parallel block and its branches), pushed
 * onto `nodes`, and its flow segment. `ids` are the row's step ids, in order.
 */
export function rowDiagram(workflowName: string, row: Row, ids: readonly string[], retry: RetryLabels, nodes: DiagramNode[]): Segment {
  if (row.kind === 'step') {
    nodes.push(stepNode(row.step, ids[0], row.box, retry))
    return rowSegment(row, ids[0], ids)
  }
  const groupId = parallelNodeId(workflowName, row.index)
  nodes.push({
    id: groupId,
    kind: 'parallel',
    box: row.box,
    info: { index: row.index, branches: row.branches.length },
    block: row.block,
    lanes: row.lanes,
  })
  row.branches.forEach((branch, i) => nodes.push(stepNode(branch.step, ids[i], branch.box, retry, groupId)))
  return rowSegment(row, groupId, ids)
}

/** A layout row's flow segment: `anchor` is its node (its container, for a parallel block), `ids` its step ids, in order. */
export function rowSegment(row: Row, anchor: string, ids: readonly string[]): Segment {
  if (row.kind === 'step') return single(anchor, row.step.condition?.value)
  if (row.branches.length === 0) return single(anchor)
  const entries = [...ids]
  return { anchor, entries, conditions: row.branches.map((branch) => branch.step.condition?.value), exits: entries, fans: true }
}

/** The picture of a workflow; `layout` may be passed when the caller already has it. */
export function workflowDiagram(workflow: Workflow, options: DiagramOptions, layout: WorkflowLayout = layoutWorkflow(workflow)): Diagram {
  // Built with plain loops and few allocations: this runs for every step after every edit (12,000 nodes at 10,000 steps).
  const steps = allSteps(workflow)
  const ids = stepIds(workflow, steps)
  const name = workflow.name
  const nodes: DiagramNode[] = [triggerNode(workflow, layout)]
  const edges: DiagramEdge[] = []
  const retry = retryLabels(workflow)

  const segments: Segment[] = [single(triggerNodeId(name))]
  let next = 0 // the index in `steps` of the row's first step
  for (const row of layout.rows) {
    const count = row.kind === 'step' ? 1 : row.branches.length
    segments.push(rowDiagram(name, row, count === 1 ? [ids.list[next]] : ids.list.slice(next, next + count), retry, nodes))
    next += count
  }
  nodes.push(endNode(workflow, layout))
  segments.push(single(endNodeId(name)))

  for (let i = 0; i + 1 < segments.length; i++) flowEdges(segments[i], segments[i + 1], edges)
  // Row r is segment r + 1; its entries are its steps' ids, in the row's order.
  layout.rows.forEach((row, r) => skipEdges(row, r, segments[r], segments[r + 1].entries, segments[r + 2], edges))
  if (options.dataFlow) dataFlowEdges(steps, ids, edges)
  return { nodes, edges }
}

/**
 * The flow from one entry to the next: one edge between single nodes, a
 * fan-out into a parallel block's branches, a fan-in out of them. Between two
 * parallel blocks the first block's container fans out into the second's
 * branches (the container is the join). The first edge into a conditional
 * step carries its condition.
 */
export function flowEdges(from: Segment, to: Segment, edges: DiagramEdge[]): void {
  const sources = from.fans && to.fans ? [from.anchor] : from.exits
  const targets = to.entries
  const fan = targets.length > 1 ? 'out' : sources.length > 1 ? 'in' : undefined
  for (let t = 0; t < targets.length; t++) {
    const target = targets[t]
    const condition = to.conditions[t]
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s]
      const info: FlowEdgeInfo = condition !== undefined && s === 0 ? conditionLabel(condition) : {}
      if (fan) info.fan = fan
      if (condition !== undefined) info.condition = true
      edges.push({ id: `flow:${source}->${target}`, kind: 'flow', source, target, info })
    }
  }
}

function conditionLabel(condition: string): FlowEdgeInfo {
  const label = condition.trim() === '' ? '(empty condition)' : truncate(condition, CONDITION_LABEL_MAX)
  return { label, title: `if ${condition}` }
}

/**
 * A dashed "skip" bypass for each conditional step of a row: from what comes
 * before the row to what follows it, run down the right side of the step (or
 * of the parallel block holding it).
 */
export function skipEdges(row: Row, rowIndex: number, before: Segment, ids: readonly string[], after: Segment, edges: DiagramEdge[]): void {
  const stepRows: StepRow[] = row.kind === 'step' ? [row] : row.branches
  const around = row.box
  let k = 0 // conditional steps so far in the row
  stepRows.forEach((candidate, i) => {
    const { condition } = candidate.step
    if (!condition) return
    edges.push({
      id: `skip:${ids[i]}`,
      kind: 'skip',
      source: before.anchor,
      target: after.anchor,
      info: {
        label: 'skip',
        title: `When the condition is false, ${candidate.step.name} is skipped`,
        condition: condition.value,
        // Neighbouring rows alternate, so their bypasses never share a line.
        laneX: rightOf(around) + SIZES.skipMargin + ((rowIndex % 2) + 2 * k) * SKIP_STAGGER,
        labelShift: k * SKIP_LABEL_STAGGER,
      },
    })
    k++
  })
}

/** A dotted edge from step A to step B for each input of B that reads `steps.A.` (A a step of this workflow, not B). */
function dataFlowEdges(steps: readonly Step[], ids: StepIds, edges: DiagramEdge[]): void {
  const seen = new Set<string>()
  steps.forEach((step, i) => {
    const target = ids.list[i]
    for (const entry of step.input?.entries ?? []) {
      for (const reference of stepReferences(entry.value)) {
        const source = ids.byName.get(reference.step)
        const id = `data:${source}->${target}:${entry.key}`
        if (!source || source === target || seen.has(id)) continue
        seen.add(id)
        edges.push({ id, kind: 'data', source, target, info: { title: `${step.name}.${entry.key} reads ${entry.value}` } })
      }
    }
  })
}

/** Unlimited attempts (max_attempts 0 or absent) as the infinity sign. */
function attemptsShown(attempts: number): string {
  return Number.isFinite(attempts) ? String(attempts) : '∞'
}
