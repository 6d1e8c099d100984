/**
 * The jobs board as React Flow nodes, derived purely from the document: one
 * lane (a container node) per queue — `critical`, `default`, `low_priority`,
 * then any other queue in order of first use — and one card per job in its
 * queue's lane (`default` when it names none). A job with syntax errors keeps
 * the queue it declares, and shows its last good card, greyed, or a stub when
 * it never parsed.
 *
 * Lanes wrap like words in a paragraph, and a lane's cards wrap into columns,
 * so the whole board fits the canvas at a legible zoom where it can
 * (`boardLayout`). The graph holds no next runs: a card computes its own when
 * it is drawn (`scheduleSummary`, cached per schedule text), so a file of
 * thousands of scheduled jobs costs only what is on screen.
 */
import { ON_DEMAND, scheduleWords } from '../diagram/schedule'
import { KNOWN_QUEUES, type Broken, type Diagnostic, type Job, type TopItem, type Workflow } from '../language/model'
import { diagnosticsWithinSorted } from '../language/diagnostics-within'
import { DEFAULT_QUEUE, queueOf, queueOrder } from '../language/queues'
import { describeRetry } from '../language/retry'
import { jobNodeId } from '../store/node-ids'
import { fixedNode, type CanvasGraph, type JobNode, type QueueLaneNode } from './flow-elements'
import { summarise } from './node-diagnostics'

export const JOB_SIZES = {
  card: { width: 270, height: 164 },
  laneInset: 12,
  laneHeader: 36,
  cardGap: 12,
  laneGap: 24,
} as const

export const RUNS_SHOWN = 3

export const queueLaneId = (queue: string) => `@queue/${queue}`

/** The canvas the board is laid out for, in screen pixels. */
export interface BoardArea {
  width: number
  height: number
}

/** What the board is laid out for when the canvas has not been measured yet. */
export const DEFAULT_BOARD_AREA: BoardArea = { width: 1000, height: 700 }

export interface JobsGraphOptions {
  /** The canvas the board should fit (default DEFAULT_BOARD_AREA). */
  area?: BoardArea
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

/**
 * The queue a broken job's text declares: a `queue "name"` line of its own
 * (also in the colon style, `queue: "name"`, which CodeAI rejects but whose
 * meaning is plain). Undefined when it declares none a lane could take.
 */
export function declaredQueue(broken: Broken): string | undefined {
  const found = /^[ \t]*queue[ \t]*:?[ \t]*(?:"([A-Za-z_][A-Za-z0-9_]*)"|([A-Za-z_][A-Za-z0-9_]*))[ \t]*(?:\/\/.*)?$/m.exec(broken.text)
  return found ? (found[1] ?? found[2]) : undefined
}

/** The text is the truth: a broken job's declared queue first, then its last good version's, then `default`. */
const entryQueue = (entry: BoardEntry) =>
  (entry.broken && declaredQueue(entry.broken)) ?? (entry.job ? queueOf(entry.job) : DEFAULT_QUEUE)

export interface ScheduleSummary {
  /** The schedule in words, or why it is invalid. */
  words: string
  /** The next RUNS_SHOWN runs, formatted in the schedule's zone; none when it is invalid. */
  runs: string[]
}

/** Schedules summarised so far: words per schedule text, runs per text and minute. Bounded. */
const summaries = new Map<string, { minute: number; summary: ScheduleSummary }>()
const SUMMARIES_KEPT = 2_000

/**
 * A schedule in words and its next runs from `minute` (ms, whole minutes).
 * Cached per schedule text and minute, so cards
 * drawn again (scrolling, typing elsewhere) cost nothing.
 */
export function scheduleSummary(schedule: string | undefined, minute: number): ScheduleSummary {
  if (!schedule) return { words: ON_DEMAND, runs: [] }
  const held = summaries.get(schedule)
  if (held && held.minute === minute) return held.summary
  const { words, nextRuns } = scheduleWords(schedule, new Date(minute), RUNS_SHOWN)
  const summary = { words, runs: nextRuns }
  if (summaries.size >= SUMMARIES_KEPT) summaries.clear()
  summaries.set(schedule, { minute, summary })
  return summary
}

function firstError(diagnostics: readonly Diagnostic[], broken: Broken): JobNode['data']['error'] {
  const error = diagnosticsWithinSorted(diagnostics, broken.span).find((d) => d.severity === 'error')
  return error && { line: error.start.line, start: error.span.start, end: error.span.end }
}

/** Where a lane and its cards go: `columns` of cards, `rows` deep. */
interface LaneBox {
  x: number
  y: number
  columns: number
  rows: number
}

const cardStrideX = JOB_SIZES.card.width + JOB_SIZES.cardGap
const cardStrideY = JOB_SIZES.card.height + JOB_SIZES.cardGap
const laneWidth = (columns: number) => 2 * JOB_SIZES.laneInset + columns * cardStrideX - JOB_SIZES.cardGap
const laneHeight = (rows: number) => JOB_SIZES.laneHeader + JOB_SIZES.laneInset + Math.max(1, rows) * cardStrideY - JOB_SIZES.cardGap
/** Most card columns a lane takes, and most cards a lane stacks before it needs one more column. */
const MOST_COLUMNS = 6
const MOST_ROWS_TRIED = 24

/** Lanes of `counts` cards, `deep` cards per column at most, wrapped into rows at most `rowWidth` wide. */
function wrapLanes(counts: readonly number[], deep: number, rowWidth: number): { lanes: LaneBox[]; width: number; height: number } {
  const lanes: LaneBox[] = []
  let x = 0
  let y = 0
  let rowHeight = 0
  let width = 0
  for (const count of counts) {
    const columns = Math.min(MOST_COLUMNS, Math.max(1, Math.ceil(count / deep)))
    const rows = Math.max(1, Math.ceil(count / columns))
    const w = laneWidth(columns)
    if (x > 0 && x + w > rowWidth) {
      y += rowHeight + JOB_SIZES.laneGap
      x = 0
      rowHeight = 0
    }
    lanes.push({ x, y, columns, rows })
    x += w + JOB_SIZES.laneGap
    width = Math.max(width, x - JOB_SIZES.laneGap)
    rowHeight = Math.max(rowHeight, laneHeight(rows))
  }
  return { lanes, width, height: y + rowHeight }
}

/**
 * Where the lanes go: of the wrappings tried (cards per column, lane-row
 * width), the one whose whole board fits `area` at the largest zoom (up to
 * 1, the canvas's most); on a tie the one with wider rows and deeper lanes.
 * Lanes in one row share its height, so cards line up across the row.
 */
export function boardLayout(counts: readonly number[], area: BoardArea): LaneBox[] {
  const deepest = Math.max(1, ...counts)
  const widths = new Set<number>()
  for (let columns = 1; columns <= MOST_COLUMNS * Math.max(1, counts.length); columns++) widths.add(laneWidth(columns))
  let best: { lanes: LaneBox[]; zoom: number } | null = null
  for (let deep = Math.min(deepest, MOST_ROWS_TRIED); deep >= 1; deep--) {
    for (const rowWidth of [...widths].sort((a, b) => b - a)) {
      const board = wrapLanes(counts, deep, rowWidth)
      const zoom = Math.min(1, area.width / board.width, area.height / board.height)
      if (!best || zoom > best.zoom + 1e-9) best = { lanes: board.lanes, zoom }
    }
  }
  // Rows of lanes share their height: a lane is as tall as the tallest in its row.
  return best!.lanes
}

export function jobsGraph(
  items: readonly TopItem[],
  diagnostics: readonly Diagnostic[],
  lastGood: Readonly<Record<string, Workflow | Job>>,
  options: JobsGraphOptions = {},
): CanvasGraph {
  const entries = boardEntries(items, lastGood)
  const queues = queueOrder(entries.map(entryQueue))
  const byQueue = new Map<string, BoardEntry[]>(queues.map((queue) => [queue, []]))
  for (const entry of entries) byQueue.get(entryQueue(entry))!.push(entry)

  const { card, laneInset, laneHeader } = JOB_SIZES
  const boxes = boardLayout(
    queues.map((queue) => byQueue.get(queue)!.length),
    options.area ?? DEFAULT_BOARD_AREA,
  )
  const rowRows = new Map<number, number>()
  for (const box of boxes) rowRows.set(box.y, Math.max(rowRows.get(box.y) ?? 0, box.rows))
  const seen = new Map<string, number>()
  const nodes: CanvasGraph['nodes'] = []

  queues.forEach((queue, laneIndex) => {
    const jobs = byQueue.get(queue)!
    const laneId = queueLaneId(queue)
    const box = boxes[laneIndex]
    nodes.push(
      fixedNode<QueueLaneNode>(
        laneId,
        'queue',
        { x: box.x, y: box.y, width: laneWidth(box.columns), height: laneHeight(rowRows.get(box.y)!) },
        { queue, jobs: jobs.length, known: (KNOWN_QUEUES as readonly string[]).includes(queue) },
        { handles: 'none', container: true, inert: true, ariaLabel: `Queue ${queue}` },
      ),
    )
    jobs.forEach((entry, k) => {
      const count = (seen.get(entry.name) ?? 0) + 1
      seen.set(entry.name, count)
      const { job, broken } = entry
      const stale = !!broken
      // Row by row, left to right: reading order.
      const column = k % box.columns
      const row = Math.floor(k / box.columns)
      nodes.push(
        fixedNode<JobNode>(
          jobNodeId(count === 1 ? entry.name : `${entry.name}~${count}`),
          'job',
          { x: laneInset + column * cardStrideX, y: laneHeader + row * cardStrideY, width: card.width, height: card.height },
          {
            name: entry.name,
            task: job?.task.value ?? '',
            queue,
            ...(job?.schedule ? { schedule: job.schedule.value } : {}),
            retry: job ? describeRetry(job.retry, 'job').summary : '',
            error: broken && firstError(diagnostics, broken),
          },
          {
            handles: 'none',
            parent: laneId,
            stale,
            marks: stale || !job ? undefined : summarise(diagnosticsWithinSorted(diagnostics, job.span)),
            ariaLabel: `Job ${entry.name}`,
            draggable: count === 1,
          },
        ),
      )
    })
  })
  return { nodes, edges: [] }
}

/**
 * The queue lane under `point` (flow coordinates), or null. A lane reaches a
 * header's height above itself and down to the next row of lanes; lanes of
 * the last row run on below the board.
 */
export function laneAt(nodes: readonly CanvasGraph['nodes'][number][], point: { x: number; y: number }): QueueLaneNode | null {
  const lanes = nodes.filter((node): node is QueueLaneNode => node.type === 'queue')
  for (const lane of lanes) {
    const width = lane.width ?? 0
    const top = lane.position.y - JOB_SIZES.laneHeader
    const nextRow = Math.min(...lanes.map((other) => other.position.y).filter((y) => y > lane.position.y))
    if (point.x >= lane.position.x && point.x <= lane.position.x + width && point.y >= top && point.y < nextRow - JOB_SIZES.laneHeader) {
      return lane
    }
  }
  return null
}
