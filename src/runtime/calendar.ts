/**
 * A file's jobs laid on a calendar: every run between two instants (robfig
 * cron, in the schedule's zone, UTC when it names none), how many tasks each
 * queue receives per minute, the minutes where more tasks fall due than the
 * worker runs at once, and the jobs whose queue the worker never serves.
 */
import { queueOf } from '../language/queues'
import { nextRuns, parseCron, type CronSchedule } from '../language/cron'
import type { Job } from '../language/model'
import { runZone } from '../language/run-times'
import { servesQueue, type RuntimeProfile } from './profile'

export interface JobRun {
  job: string
  queue: string
  atMs: number
  /** The zone the schedule runs in. */
  zone: string
}

/** One job's runs: times shared, not one object per run (a week of 1,000 jobs is ~300,000 runs). */
export interface JobRuns {
  job: string
  queue: string
  /** The zone the schedule runs in. */
  zone: string
  /** Instants in time order, milliseconds. */
  runs: readonly number[]
}

export interface MinuteLoad {
  minuteMs: number
  total: number
  byQueue: Record<string, number>
  /** The jobs due that minute; listed for collisions only (empty otherwise). */
  jobs: string[]
}

export interface QueueLane {
  name: string
  served: boolean
  /** The profile's weight; absent when not served. */
  weight?: number
  jobs: string[]
  runs: number
}

export interface Calendar {
  fromMs: number
  toMs: number
  concurrency: number
  /** Served queues first, in the profile's order, then the others in order of appearance. */
  queues: QueueLane[]
  /** Each scheduled job's runs, in the file's order. */
  jobs: JobRuns[]
  /** All runs, every job. */
  runCount: number
  /** Minutes with at least one run, in time order. */
  minutes: MinuteLoad[]
  /** Minutes with more tasks due than the worker runs at once. */
  collisions: MinuteLoad[]
  /** Jobs on a queue the worker does not serve: they are enqueued and never processed. */
  unserved: Array<{ job: string; queue: string }>
  /** Jobs without a valid schedule: nothing to lay out. */
  unscheduled: string[]
  /** Jobs whose runs were cut at MAX_RUNS_PER_JOB. */
  truncated: string[]
}

export const MAX_RUNS_PER_JOB = 50_000
const MINUTE = 60_000
const MAX_BATCH = 1024


/**
 * Runs in [from, to). A schedule in UTC is expanded day by day from its
 * parsed fields (exact: UTC has no daylight saving); one in another zone is
 * left to nextRuns, which knows the zone's transitions. Each distinct
 * expression is expanded once.
 */
export function jobCalendar(jobs: readonly Job[], from: Date, to: Date, profile: RuntimeProfile): Calendar {
  const fromMs = from.getTime()
  const toMs = to.getTime()
  const lanes = new Map<string, QueueLane>()
  for (const served of profile.queues) lanes.set(served.name, { name: served.name, served: true, weight: served.weight, jobs: [], runs: 0 })
  const unserved: Calendar['unserved'] = []
  const unscheduled: string[] = []
  const truncated: string[] = []
  const expanded = new Map<string, { times: number[]; zone: string; cut: boolean } | undefined>()
  const perJob: JobRuns[] = []

  for (const job of jobs) {
    const queue = queueOf(job)
    let lane = lanes.get(queue)
    if (!lane) {
      lane = { name: queue, served: servesQueue(profile, queue), jobs: [], runs: 0 }
      lanes.set(queue, lane)
    }
    lane.jobs.push(job.name)
    if (!lane.served) unserved.push({ job: job.name, queue })
    const expression = job.schedule?.value
    if (expression !== undefined && !expanded.has(expression)) expanded.set(expression, expand(expression, fromMs, toMs))
    const runs = expression === undefined ? undefined : expanded.get(expression)
    if (!runs) {
      unscheduled.push(job.name)
      continue
    }
    if (runs.cut) truncated.push(job.name)
    lane.runs += runs.times.length
    perJob.push({ job: job.name, queue, zone: runs.zone, runs: runs.times })
  }

  // Counted in typed arrays by minute of the range: no object per run.
  const base = Math.floor(fromMs / MINUTE)
  const span = Math.max(0, Math.ceil(toMs / MINUTE) - base)
  const totals = new Uint32Array(span)
  const perQueue = new Map<string, Uint32Array>()
  let runCount = 0
  for (const { queue, runs } of perJob) {
    runCount += runs.length
    let counts = perQueue.get(queue)
    if (!counts) perQueue.set(queue, (counts = new Uint32Array(span)))
    for (const atMs of runs) {
      const index = Math.floor(atMs / MINUTE) - base
      totals[index]++
      counts[index]++
    }
  }
  const minutes: MinuteLoad[] = []
  const loadAt = new Map<number, MinuteLoad>()
  for (let index = 0; index < span; index++) {
    if (totals[index] === 0) continue
    const byQueue: Record<string, number> = {}
    for (const [queue, counts] of perQueue) if (counts[index] > 0) byQueue[queue] = counts[index]
    const load = { minuteMs: (base + index) * MINUTE, total: totals[index], byQueue, jobs: [] }
    minutes.push(load)
    if (load.total > profile.concurrency) loadAt.set(index, load)
  }
  const collisions = [...loadAt.values()]
  if (collisions.length > 0) {
    for (const { job, runs } of perJob) {
      for (const atMs of runs) loadAt.get(Math.floor(atMs / MINUTE) - base)?.jobs.push(job)
    }
  }
  return {
    fromMs,
    toMs,
    concurrency: profile.concurrency,
    queues: [...lanes.values()].filter((lane) => lane.served || lane.jobs.length > 0),
    jobs: perJob,
    runCount,
    minutes,
    collisions,
    unserved,
    unscheduled,
    truncated,
  }
}

function expand(expression: string, fromMs: number, toMs: number): { times: number[]; zone: string; cut: boolean } | undefined {
  const parsed = parseCron(expression)
  if (!parsed.ok) return undefined
  const { schedule } = parsed
  const zone = runZone(schedule.timezone)
  const times = zone === 'UTC' ? expandUtc(schedule, fromMs, toMs) : expandZoned(schedule, fromMs, toMs)
  const cut = times.length > MAX_RUNS_PER_JOB
  return { times: cut ? times.slice(0, MAX_RUNS_PER_JOB) : times, zone, cut }
}

const DAY = 24 * 60 * MINUTE

/** robfig's SpecSchedule in UTC, enumerated: every matching minute of every matching day in [from, to). */
export function expandUtc(schedule: CronSchedule, fromMs: number, toMs: number): number[] {
  const hours = [...schedule.hours].sort((a, b) => a - b)
  const minutes = [...schedule.minutes].sort((a, b) => a - b)
  const times: number[] = []
  for (let day = Math.floor(fromMs / DAY) * DAY; day < toMs && times.length <= MAX_RUNS_PER_JOB; day += DAY) {
    const date = new Date(day)
    if (!schedule.months.has(date.getUTCMonth() + 1)) continue
    const domMatch = schedule.daysOfMonth.has(date.getUTCDate())
    const dowMatch = schedule.daysOfWeek.has(date.getUTCDay())
    // robfig: when either day field is a star both must match, otherwise either may.
    if (schedule.domStar || schedule.dowStar ? !(domMatch && dowMatch) : !(domMatch || dowMatch)) continue
    for (const hour of hours) {
      for (const minute of minutes) {
        const at = day + hour * 3_600_000 + minute * MINUTE
        if (at >= fromMs && at < toMs) times.push(at)
      }
    }
  }
  return times
}

function expandZoned(schedule: CronSchedule, fromMs: number, toMs: number): number[] {
  const times: number[] = []
  let cursor = new Date(fromMs - 1)
  // Batches grow: a daily schedule over a week needs a few runs, not a year of them.
  for (let size = 8; times.length <= MAX_RUNS_PER_JOB; size = Math.min(size * 2, MAX_BATCH)) {
    const batch = nextRuns(schedule, cursor, size)
    for (const date of batch) {
      if (date.getTime() >= toMs) return times
      times.push(date.getTime())
    }
    if (batch.length < size) return times
    cursor = batch[batch.length - 1]
  }
  return times
}

/** Runs of the jobs `keep` accepts, one object each, in time order (within a minute, in the file's order). */
export function runsInOrder(calendar: Calendar, keep: (entry: JobRuns) => boolean = () => true): JobRun[] {
  const runs: JobRun[] = []
  for (const { job, queue, zone, runs: times } of calendar.jobs) {
    if (keep({ job, queue, zone, runs: times })) for (const atMs of times) runs.push({ job, queue, atMs, zone })
  }
  return runs.sort((a, b) => a.atMs - b.atMs)
}
