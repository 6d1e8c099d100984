/**
 * The jobs board as React Flow nodes, derived purely from the document: one
 * lane (a container node) per queue — `critical`, `default`, `low_priority`,
 * then any other queue in order of first use — and one card per job in its
 * queue's lane (`default` when it names none). A job with syntax errors shows
 * its last good card, greyed, or a stub when it never parsed.
 */
import { describeCron, nextRuns, parseCron } from '../language/cron'
import { KNOWN_QUEUES, type Broken, type Diagnostic, type Job, type TopItem, type Workflow } from '../language/model'
import { describeRetry } from '../language/retry'
import { formatRun } from '../language/run-times'
import { jobNodeId } from '../store/node-ids'
import { fixedNode, type CanvasGraph, type JobData, type JobNode, type QueueLaneNode } from './flow-elements'
import { diagnosticsWithin, summarise } from './node-diagnostics'

export const JOB_SIZES = {
  card: { width: 270, height: 164 },
  laneInset: 12,
  laneHeader: 36,
  cardGap: 12,
  laneGap: 24,
} as const

const LANE_WIDTH = JOB_SIZES.card.width + 2 * JOB_SIZES.laneInset
export const RUNS_SHOWN = 3
export const DEFAULT_QUEUE = 'default'

export const queueLaneId = (queue: string) => `@queue/${queue}`

export interface JobsGraphOptions {
  /** Next runs are counted from this moment. */
  now: Date
}

/** A job as the board shows it: parsed, or the last good parse of a broken one, or only a name. */
interface BoardEntry {
  name: string
  job?: Job
  broken?: Broken
}

function boardEntries(items: readonly TopItem[], lastGood: Readonly<Record<string, Workflow | Job>>): BoardEntry[] {
  const entries: BoardEntry[] = []
  for (const item of items) {
    if (item.kind === 'job') entries.push({ name: item.name, job: item })
    else if (item.kind === 'broken' && item.declaration === 'job' && item.name) {
      const good = lastGood[`job:${item.name}`]
      entries.push({ name: item.name, job: good?.kind === 'job' ? good : undefined, broken: item })
    }
  }
  return entries
}

const queueOf = (entry: BoardEntry) => entry.job?.queue?.value ?? DEFAULT_QUEUE

/** The lanes in board order: the three known queues, then the others in order of first use. */
export function queueOrder(queues: Iterable<string>): string[] {
  const order: string[] = [...KNOWN_QUEUES]
  for (const queue of queues) if (!order.includes(queue)) order.push(queue)
  return order
}

function scheduleData(schedule: string | undefined, now: Date): Pick<JobData, 'schedule' | 'scheduleWords' | 'nextRuns'> {
  if (schedule === undefined) return { scheduleWords: 'No schedule: runs when enqueued', nextRuns: [] }
  const parsed = parseCron(schedule)
  const runs = parsed.ok ? nextRuns(parsed.schedule, now, RUNS_SHOWN) : []
  const zone = parsed.ok ? parsed.schedule.timezone : undefined
  return { schedule, scheduleWords: describeCron(schedule), nextRuns: runs.map((run) => formatRun(run, zone)) }
}

function firstError(diagnostics: readonly Diagnostic[], broken: Broken): JobData['error'] {
  const error = diagnosticsWithin(diagnostics, broken.span).find((d) => d.severity === 'error')
  return error && { line: error.start.line, start: error.span.start, end: error.span.end }
}

export function jobsGraph(
  items: readonly TopItem[],
  diagnostics: readonly Diagnostic[],
  lastGood: Readonly<Record<string, Workflow | Job>>,
  options: JobsGraphOptions,
): CanvasGraph {
  const entries = boardEntries(items, lastGood)
  const lanes = queueOrder(entries.map(queueOf))
  const byQueue = new Map<string, BoardEntry[]>(lanes.map((queue) => [queue, []]))
  for (const entry of entries) byQueue.get(queueOf(entry))!.push(entry)

  const { card, laneInset, laneHeader, cardGap, laneGap } = JOB_SIZES
  const tallest = Math.max(1, ...lanes.map((queue) => byQueue.get(queue)!.length))
  const laneHeight = laneHeader + tallest * (card.height + cardGap) + laneInset - cardGap
  const seen = new Map<string, number>()
  const nodes: CanvasGraph['nodes'] = []

  lanes.forEach((queue, laneIndex) => {
    const jobs = byQueue.get(queue)!
    const laneId = queueLaneId(queue)
    nodes.push(
      fixedNode<QueueLaneNode>(
        laneId,
        'queue',
        { x: laneIndex * (LANE_WIDTH + laneGap), y: 0, width: LANE_WIDTH, height: laneHeight },
        { queue, jobs: jobs.length, known: (KNOWN_QUEUES as readonly string[]).includes(queue) },
        { handles: 'none', container: true, inert: true, ariaLabel: `Queue ${queue}` },
      ),
    )
    jobs.forEach((entry, k) => {
      const count = (seen.get(entry.name) ?? 0) + 1
      seen.set(entry.name, count)
      const { job, broken } = entry
      const stale = !!broken
      nodes.push(
        fixedNode<JobNode>(
          jobNodeId(count === 1 ? entry.name : `${entry.name}~${count}`),
          'job',
          { x: laneInset, y: laneHeader + k * (card.height + cardGap), width: card.width, height: card.height },
          {
            name: entry.name,
            task: job?.task.value ?? '',
            queue,
            ...(job ? scheduleData(job.schedule?.value, options.now) : { nextRuns: [] }),
            retry: job ? describeRetry(job.retry, 'job').summary : '',
            error: broken && firstError(diagnostics, broken),
          },
          {
            handles: 'none',
            parent: laneId,
            stale,
            marks: stale || !job ? undefined : summarise(diagnosticsWithin(diagnostics, job.span)),
            ariaLabel: `Job ${entry.name}`,
            draggable: count === 1,
          },
        ),
      )
    })
  })
  return { nodes, edges: [] }
}

/** The queue lane under `point` (flow coordinates; lanes run the board's whole height and beyond), or null. */
export function laneAt(nodes: readonly CanvasGraph['nodes'][number][], point: { x: number; y: number }): QueueLaneNode | null {
  for (const node of nodes) {
    if (node.type !== 'queue') continue
    const width = node.width ?? 0
    if (point.x >= node.position.x && point.x <= node.position.x + width && point.y >= node.position.y - JOB_SIZES.laneHeader) {
      return node
    }
  }
  return null
}
