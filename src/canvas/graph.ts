/**
 * A workflow as React Flow nodes and edges, derived purely from the document
 * model and its diagnostics (no React, no DOM): trigger, steps, parallel
 * blocks as containers with one lane per branch, end; flow edges (fan-out and
 * fan-in around parallel blocks), condition labels, "skip" bypasses and the
 * data-flow overlay. Node ids follow src/store/node-ids.ts.
 */
import { describeCron } from '../language/cron'
import { describeDuration } from '../language/duration'
import { allSteps } from '../language/locate'
import type { Diagnostic, Step, Workflow } from '../language/model'
import { stepReferences } from '../language/references'
import { describeRetry } from '../language/retry'
import { endNodeId, parallelNodeId, stepNodeId, triggerNodeId } from '../store/node-ids'
import {
  ARROW,
  HANDLE,
  fixedNode,
  truncate,
  type CanvasEdge,
  type CanvasGraph,
  type CanvasNode,
  type DataEdge,
  type EndNode,
  type FlowEdge,
  type FlowEdgeData,
  type ParallelNode,
  type SkipEdge,
  type StepData,
  type StepNode,
  type TriggerNode,
} from './flow-elements'
import { SIZES, layoutWorkflow, rightOf, type Box, type Row, type StepRow } from './layout'
import { mapDiagnostics, type DiagnosticTarget, type NodeDiagnostics } from './node-diagnostics'

export interface WorkflowGraphOptions {
  /** Add the data-flow overlay: a dotted edge from A to B for each input of B that reads `steps.A.`. */
  dataFlow: boolean
  /** The last good picture of a workflow that now has syntax errors: greyed, read-only. */
  stale?: boolean
}

/** Longest condition shown on an edge; the edge's tooltip has all of it. */
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
 * `~2`, `~3`... so React Flow's ids stay unique; references resolve to the first.
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

export function workflowGraph(
  workflow: Workflow,
  diagnostics: readonly Diagnostic[],
  options: WorkflowGraphOptions,
): CanvasGraph {
  const stale = !!options.stale
  const layout = layoutWorkflow(workflow)
  const marks: Map<DiagnosticTarget, NodeDiagnostics> = stale ? new Map() : mapDiagnostics(workflow, diagnostics)
  const steps = allSteps(workflow)
  const ids = new StepIds(workflow, steps)
  const name = workflow.name
  const nodes: CanvasNode[] = []
  const edges: CanvasEdge[] = []

  const retry = workflow.retry ? describeRetry(workflow.retry) : undefined
  const stepTemplate: Pick<StepData, 'retryBadge' | 'retryTitle'> = retry
    ? { retryBadge: `↻ ${attemptsShown(retry.attempts)}`, retryTitle: `Retry policy: up to ${attemptsShown(retry.attempts)} attempts, ${retry.summary}` }
    : {}

  const { trigger } = workflow
  nodes.push(
    fixedNode<TriggerNode>(
      triggerNodeId(name),
      'trigger',
      layout.trigger,
      {
        workflow: name,
        type: trigger.type,
        value: trigger.value,
        words: trigger.type === 'schedule' ? describeCron(trigger.value ?? '') : undefined,
      },
      { handles: 'out', marks: marks.get('trigger'), stale, ariaLabel: `Trigger of ${name}: ${trigger.type}` },
    ),
  )

  const stepNode = (step: Step, box: Box, parent?: string) =>
    fixedNode<StepNode>(
      ids.of(step),
      'step',
      box,
      {
        name: step.name,
        activity: step.activity?.value,
        inputs: step.input?.entries.length ?? 0,
        condition: step.condition?.value,
        ...stepTemplate,
      },
      {
        handles: 'step',
        parent,
        marks: marks.get(step),
        stale,
        extraClass: step.condition ? 'cai-node-conditional' : undefined,
        ariaLabel: `Step ${step.name}`,
        draggable: true,
      },
    )

  const segments: Segment[] = [single(triggerNodeId(name))]
  for (const row of layout.rows) {
    if (row.kind === 'step') {
      nodes.push(stepNode(row.step, row.box))
      segments.push(single(ids.of(row.step)))
      continue
    }
    const groupId = parallelNodeId(name, row.index)
    nodes.push(
      fixedNode<ParallelNode>(
        groupId,
        'parallel',
        row.box,
        { index: row.index, branches: row.branches.length },
        {
          handles: 'through',
          marks: marks.get(row.block),
          stale,
          container: true,
          ariaLabel: `Parallel block ${row.index + 1} with ${row.branches.length} branches`,
        },
      ),
    )
    const branchIds: string[] = []
    for (const branch of row.branches) {
      // Children are placed relative to their container.
      const relative = { ...branch.box, x: branch.box.x - row.box.x, y: branch.box.y - row.box.y }
      nodes.push(stepNode(branch.step, relative, groupId))
      branchIds.push(ids.of(branch.step))
    }
    segments.push(branchIds.length > 0 ? { anchor: groupId, entries: branchIds, exits: branchIds, fans: true } : single(groupId))
  }

  const timeout = workflow.timeout?.value
  nodes.push(
    fixedNode<EndNode>(
      endNodeId(name),
      'end',
      layout.end,
      { timeout, timeoutWords: timeout === undefined ? undefined : describeDuration(timeout) },
      { handles: 'in', marks: marks.get('end'), stale, ariaLabel: `End of ${name}` },
    ),
  )
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
function flowEdges(from: Segment, to: Segment, conditions: Map<string, string>): FlowEdge[] {
  const sources = from.fans && to.fans ? [from.anchor] : from.exits
  const targets = to.entries
  const fan = targets.length > 1 ? 'out' : sources.length > 1 ? 'in' : undefined
  const edges: FlowEdge[] = []
  for (const target of targets) {
    const condition = conditions.get(target)
    sources.forEach((source, s) => {
      const data: FlowEdgeData = condition !== undefined && s === 0 ? conditionLabel(condition) : {}
      let className = 'cai-edge-flow'
      if (fan) {
        className += ` cai-edge-fan-${fan}`
        data.fan = fan
      }
      if (condition !== undefined) className += ' cai-edge-condition'
      edges.push({
        id: `flow:${source}->${target}`,
        type: 'flow',
        source,
        target,
        sourceHandle: HANDLE.out,
        targetHandle: HANDLE.in,
        className,
        markerEnd: ARROW,
        data,
      })
    })
  }
  return edges
}

function conditionLabel(condition: string): FlowEdgeData {
  const label = condition.trim() === '' ? '(empty condition)' : truncate(condition, CONDITION_LABEL_MAX)
  return { label, title: `if ${condition}` }
}

/**
 * A dashed "skip" bypass for each conditional step of a row: from what comes
 * before the row to what follows it, run down the right side of the step (or
 * of the parallel block holding it).
 */
function skipEdges(row: Row, rowIndex: number, before: Segment, after: Segment, ids: StepIds): SkipEdge[] {
  const conditional: StepRow[] = row.kind === 'step' ? [row] : row.branches
  const around = row.box
  const edges: SkipEdge[] = []
  conditional
    .filter((candidate) => candidate.step.condition)
    .forEach((candidate, k) => {
      const id = ids.of(candidate.step)
      edges.push({
        id: `skip:${id}`,
        type: 'skip',
        source: before.anchor,
        target: after.anchor,
        sourceHandle: HANDLE.out,
        targetHandle: HANDLE.in,
        className: 'cai-edge-skip',
        markerEnd: ARROW,
        data: {
          label: 'skip',
          title: `When the condition is false, ${candidate.step.name} is skipped`,
          // Neighbouring rows alternate, so their bypasses never share a line.
          laneX: rightOf(around) + SIZES.skipMargin + ((rowIndex % 2) + 2 * k) * SKIP_STAGGER,
          labelShift: k * SKIP_LABEL_STAGGER,
        },
      })
    })
  return edges
}

/** A dotted edge from step A to step B for each input of B that reads `steps.A.` (A a step of this workflow, not B). */
function dataFlowEdges(steps: readonly Step[], ids: StepIds): DataEdge[] {
  const edges: DataEdge[] = []
  const seen = new Set<string>()
  for (const step of steps) {
    const target = ids.of(step)
    for (const entry of step.input?.entries ?? []) {
      for (const reference of stepReferences(entry.value)) {
        const source = ids.byName.get(reference.step)
        const id = `data:${source}->${target}:${entry.key}`
        if (!source || source === target || seen.has(id)) continue
        seen.add(id)
        edges.push({
          id,
          type: 'data',
          source,
          target,
          sourceHandle: HANDLE.dataOut,
          targetHandle: HANDLE.dataIn,
          className: 'cai-edge-data',
          markerEnd: ARROW,
          data: { title: `${step.name}.${entry.key} reads ${entry.value}` },
        })
      }
    }
  }
  return edges
}

/** Unlimited attempts (max_attempts 0 or absent) as the infinity sign. */
function attemptsShown(attempts: number): string {
  return Number.isFinite(attempts) ? String(attempts) : '∞'
}
