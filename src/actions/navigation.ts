/**
 * Moving the selection with the arrow keys, by the picture's structure (pure):
 * in a workflow, down and up go to the next and previous entry of the flow
 * (trigger, each step or parallel block, end), left and right to the sibling
 * branch of a parallel block; on the jobs board, down and up go along a queue
 * lane, left and right to the neighbouring lane.
 */
import type { CaiDocument, Job } from '../language/model'
import { findWorkflow } from '../language/locate'
import { endNodeId, jobNodeId, parallelNodeId, stepNodeId, triggerNodeId } from '../store/node-ids'
import { queueOf, queueOrder } from '../language/queues'
import { nodeIdOf, type ActionTarget } from './targets'

export type Direction = 'up' | 'down' | 'left' | 'right'

/** One row of a workflow's picture: its node ids left to right, and the parallel block's id when it is one. */
interface Row {
  ids: string[]
  block?: string
}

/** A workflow's rows in flow order: trigger, each entry (a parallel block's branches, or the block when empty), end. */
function workflowRows(doc: CaiDocument, workflowName: string): Row[] {
  const workflow = findWorkflow(doc, workflowName)
  if (!workflow) return []
  let ordinal = 0
  const rows: Row[] = [{ ids: [triggerNodeId(workflowName)] }]
  for (const entry of workflow.steps.items) {
    if (entry.kind === 'step') {
      rows.push({ ids: [stepNodeId(workflowName, entry.name)] })
      continue
    }
    const block = parallelNodeId(workflowName, ordinal++)
    const ids = entry.branches.map((branch) => stepNodeId(workflowName, branch.name))
    rows.push({ ids: ids.length > 0 ? ids : [block], block })
  }
  rows.push({ ids: [endNodeId(workflowName)] })
  return rows
}

/** The job node ids of the jobs board, lane by lane, in board order. */
function jobLanes(doc: CaiDocument): string[][] {
  const jobs = doc.items.filter((item): item is Job => item.kind === 'job')
  const lanes = queueOrder(jobs.map(queueOf))
  return lanes
    .map((queue) => jobs.filter((job) => queueOf(job) === queue).map((job) => jobNodeId(job.name)))
    .filter((lane) => lane.length > 0)
}

/** The node id the selection moves to from `target` in `direction`; null when there is none that way. */
export function neighbour(doc: CaiDocument, target: ActionTarget, direction: Direction): string | null {
  if (target.kind === 'job' || (target.kind === 'pane' && target.board === 'jobs')) {
    return step(jobLanes(doc), target.kind === 'job' ? jobNodeId(target.job) : null, direction, 'columns')
  }
  if (target.workflow === null) return null
  const rows = workflowRows(doc, target.workflow)
  let from: string | null = null
  if (target.kind === 'parallel') {
    // A block stands for its first branch.
    const block = parallelNodeId(target.workflow, target.index)
    from = rows.find((row) => row.block === block)?.ids[0] ?? null
  } else {
    from = nodeIdOf(target)
  }
  return step(
    rows.map((row) => row.ids),
    from,
    direction,
    'rows',
  )
}

/**
 * One step in a grid of lines: `rows` (flow top to bottom, members left to
 * right) or `columns` (lanes left to right, members top to bottom). With no
 * starting point, the first member is chosen.
 */
function step(lines: string[][], from: string | null, direction: Direction, layout: 'rows' | 'columns'): string | null {
  if (lines.length === 0) return null
  if (from === null) return lines[0][0]
  const line = lines.findIndex((members) => members.includes(from))
  if (line < 0) return lines[0][0]
  const member = lines[line].indexOf(from)
  const across = layout === 'rows' ? direction === 'up' || direction === 'down' : direction === 'left' || direction === 'right'
  const forward = direction === 'down' || direction === 'right'
  if (across) {
    const next = lines[line + (forward ? 1 : -1)]
    if (!next) return null
    // Keep the lane (or place in the lane) when the neighbouring line has one.
    return next[Math.min(member, next.length - 1)]
  }
  return lines[line][member + (forward ? 1 : -1)] ?? null
}
