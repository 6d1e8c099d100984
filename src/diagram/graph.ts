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
interface Segment {
  /** The node standing for the whole entry (the container, for a parallel block). */
  anchor: string
  /** Nodes that receive the flow (a parallel block's branches). */
  entries: string[]
  /** Nodes the flow leaves from. */
  exits: string[]
  /** A parallel block with at least one branch. */
  fans: boolean
}

const single = (id: string): Segment => ({ anchor: id, entries: [id], exits: [id], fans: false })

/**
 * Step node ids. A duplicated step name (an error the validator reports) gets
 * `~2`, `~3`... so ids stay unique; references resolve to the first.
 */
class StepIds {
  private readonly byStep = new Map<Step, string>()
  readonly byName = new Map<string, string>()

  constructor(workflow: Workflow, steps: readonly Step[]) {
    const seen = new Map<string, number>()
    for (const step of steps) {
      const count = (seen.get(step.name) ?? 0) + 1
      seen.set(step.name, count)
      const id = stepNodeId(workflow.name, count === 1 ? step.name : `${step.name}~${count}`)
      this.byStep.set(step, id)
      if (count === 1) this.byName.set(step.name, id)
    }
  }

  of(step: Step): string {
    return this.byStep.get(step)!
  }
}

/** The picture of a workflow; `layout` may be passed when the caller already has it. */
export function workflowDiagram(workflow: Workflow, options: DiagramOptions, layout: WorkflowLayout = layoutWorkflow(workflow)): Diagram {
  const steps = allSteps(workflow)
  const ids = new StepIds(workflow, steps)
  const name = workflow.name
  const nodes: DiagramNode[] = []
  const edges: DiagramEdge[] = []

  const retry = workflow.retry ? describeRetry(workflow.retry) : undefined
  const retryBadge = retry ? `↻ ${attemptsShown(retry.attempts)}` : undefined
  const retryTitle = retry ? `Retry policy: up to ${attemptsShown(retry.attempts)} attempts, ${retry.summary}` : undefined

  const { trigger } = workflow
  nodes.push({
    id: triggerNodeId(name),
    kind: 'trigger',
    box: layout.trigger,
    info: {
      workflow: name,
      type: trigger.type,
      value: trigger.value,
      words: trigger.type === 'schedule' ? describeCron(trigger.value ?? '') : undefined,
    },
  })

  const stepNode = (step: Step, box: Box, parent?: string): DiagramNode => {
    // Built field by field: this runs for every step after every edit.
    const info: StepInfo = {
      name: step.name,
      activity: step.activity?.value,
      inputs: step.input?.entries.length ?? 0,
      condition: step.condition?.value,
    }
    if (retryBadge) {
      info.retryBadge = retryBadge
      info.retryTitle = retryTitle
    }
    const node: DiagramNode = { id: ids.of(step), kind: 'step', box, info, step }
    if (parent) node.parent = parent
    return node
  }

  const segments: Segment[] = [single(triggerNodeId(name))]
  for (const row of layout.rows) {
    if (row.kind === 'step') {
      nodes.push(stepNode(row.step, row.box))
      segments.push(single(ids.of(row.step)))
      continue
    }
    const groupId = parallelNodeId(name, row.index)
    nodes.push({
      id: groupId,
      kind: 'parallel',
      box: row.box,
      info: { index: row.index, branches: row.branches.length },
      block: row.block,
      lanes: row.lanes,
    })
    const branchIds: string[] = []
    for (const branch of row.branches) {
      nodes.push(stepNode(branch.step, branch.box, groupId))
      branchIds.push(ids.of(branch.step))
    }
    segments.push(branchIds.length > 0 ? { anchor: groupId, entries: branchIds, exits: branchIds, fans: true } : single(groupId))
  }

  const timeout = workflow.timeout?.value
  nodes.push({
    id: endNodeId(name),
    kind: 'end',
    box: layout.end,
    info: { timeout, timeoutWords: timeout === undefined ? undefined : describeDuration(timeout) },
  })
  segments.push(single(endNodeId(name)))

  const conditions = new Map<string, string>()
  for (const step of steps) if (step.condition) conditions.set(ids.of(step), step.condition.value)

  for (let i = 0; i + 1 < segments.length; i++) edges.push(...flowEdges(segments[i], segments[i + 1], conditions))
  layout.rows.forEach((row, r) => edges.push(...skipEdges(row, r, segments[r], segments[r + 2], ids)))
  if (options.dataFlow) edges.push(...dataFlowEdges(steps, ids))
  return { nodes, edges }
}

/**
 * The flow from one entry to the next: one edge between single nodes, a
 * fan-out into a parallel block's branches, a fan-in out of them. Between two
 * parallel blocks the first block's container fans out into the second's
 * branches (the container is the join). The first edge into a conditional
 * step carries its condition.
 */
function flowEdges(from: Segment, to: Segment, conditions: Map<string, string>): DiagramEdge[] {
  const sources = from.fans && to.fans ? [from.anchor] : from.exits
  const targets = to.entries
  const fan = targets.length > 1 ? 'out' : sources.length > 1 ? 'in' : undefined
  const edges: DiagramEdge[] = []
  for (const target of targets) {
    const condition = conditions.get(target)
    sources.forEach((source, s) => {
      const info: FlowEdgeInfo = condition !== undefined && s === 0 ? conditionLabel(condition) : {}
      if (fan) info.fan = fan
      if (condition !== undefined) info.condition = true
      edges.push({ id: `flow:${source}->${target}`, kind: 'flow', source, target, info })
    })
  }
  return edges
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
function skipEdges(row: Row, rowIndex: number, before: Segment, after: Segment, ids: StepIds): DiagramEdge[] {
  const conditional: StepRow[] = row.kind === 'step' ? [row] : row.branches
  const around = row.box
  const edges: DiagramEdge[] = []
  conditional
    .filter((candidate) => candidate.step.condition)
    .forEach((candidate, k) => {
      const id = ids.of(candidate.step)
      edges.push({
        id: `skip:${id}`,
        kind: 'skip',
        source: before.anchor,
        target: after.anchor,
        info: {
          label: 'skip',
          title: `When the condition is false, ${candidate.step.name} is skipped`,
          condition: candidate.step.condition!.value,
          // Neighbouring rows alternate, so their bypasses never share a line.
          laneX: rightOf(around) + SIZES.skipMargin + ((rowIndex % 2) + 2 * k) * SKIP_STAGGER,
          labelShift: k * SKIP_LABEL_STAGGER,
        },
      })
    })
  return edges
}

/** A dotted edge from step A to step B for each input of B that reads `steps.A.` (A a step of this workflow, not B). */
function dataFlowEdges(steps: readonly Step[], ids: StepIds): DiagramEdge[] {
  const edges: DiagramEdge[] = []
  const seen = new Set<string>()
  for (const step of steps) {
    const target = ids.of(step)
    for (const entry of step.input?.entries ?? []) {
      for (const reference of stepReferences(entry.value)) {
        const source = ids.byName.get(reference.step)
        const id = `data:${source}->${target}:${entry.key}`
        if (!source || source === target || seen.has(id)) continue
        seen.add(id)
        edges.push({ id, kind: 'data', source, target, info: { title: `${step.name}.${entry.key} reads ${entry.value}` } })
      }
    }
  }
  return edges
}

/** Unlimited attempts (max_attempts 0 or absent) as the infinity sign. */
function attemptsShown(attempts: number): string {
  return Number.isFinite(attempts) ? String(attempts) : '∞'
}
