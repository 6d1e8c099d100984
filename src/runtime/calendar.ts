/**
 * A file's jobs laid on a calendar: every run between two instants (robfig
 * cron, in the schedule's zone, UTC when it names none), how many tasks each
 * queue receives per minute, the minutes where more tasks fall due than the
 * worker runs at once, and the jobs whose queue the worker never serves.
 */
import { nextRuns, parseCron } from '../language/cron'
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

export interface MinuteLoad {
  minuteMs: number
  total: number
  byQueue: Record<string, number>
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
  /** In time order (then by job name). */
  runs: JobRun[]
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
const BATCH = 512

/** The queue a job goes to: `default` when it names none (or an empty one). */
export function jobQueue(job: Job): string {
  return job.queue && job.queue.value !== '' ? job.queue.value : 'default'
}

/** Runs in [from, to). */
export function jobCalendar(jobs: readonly Job[], from: Date, to: Date, profile: RuntimeProfile): Calendar {
  const fromMs = from.getTime()
  const toMs = to.getTime()
  const runs: JobRun[] = []
  const lanes = new Map<string, QueueLane>()
  for (const served of profile.queues) lanes.set(served.name, { name: served.name, served: true, weight: served.weight, jobs: [], runs: 0 })
  const unserved: Calendar['unserved'] = []
  const unscheduled: string[] = []
  const truncated: string[] = []

  for (const job of jobs) {
    const queue = jobQueue(job)
    let lane = lanes.get(queue)
    if (!lane) {
      lane = { name: queue, served: servesQueue(profile, queue), jobs: [], runs: 0 }
      lanes.set(queue, lane)
    }
    lane.jobs.push(job.name)
    if (!lane.served) unserved.push({ job: job.name, queue })
    const parsed = job.schedule ? parseCron(job.schedule.value) : undefined
    if (!parsed?.ok) {
      unscheduled.push(job.name)
      continue
    }
    const zone = runZone(parsed.schedule.timezone)
    let cursor = new Date(fromMs - 1)
    let count = 0
    outer: while (true) {
      const batch = nextRuns(parsed.schedule, cursor, BATCH)
      for (const date of batch) {
        const atMs = date.getTime()
        if (atMs >= toMs) break outer
        if (count === MAX_RUNS_PER_JOB) {
          truncated.push(job.name)
          break outer
        }
        runs.push({ job: job.name, queue, atMs, zone })
        count++
      }
      if (batch.length < BATCH) break
      cursor = batch[batch.length - 1]
    }
    lane.runs += count
  }

  runs.sort((a, b) => a.atMs - b.atMs || (a.job < b.job ? -1 : a.job > b.job ? 1 : 0))
  const minutes: MinuteLoad[] = []
  let current: MinuteLoad | undefined
  for (const run of runs) {
    const minuteMs = Math.floor(run.atMs / MINUTE) * MINUTE
    if (!current || current.minuteMs !== minuteMs) {
      current = { minuteMs, total: 0, byQueue: {}, jobs: [] }
      minutes.push(current)
    }
    current.total++
    current.byQueue[run.queue] = (current.byQueue[run.queue] ?? 0) + 1
    current.jobs.push(run.job)
  }
  return {
    fromMs,
    toMs,
    concurrency: profile.concurrency,
    queues: [...lanes.values()].filter((lane) => lane.served || lane.jobs.length > 0),
    runs,
    minutes,
    collisions: minutes.filter((minute) => minute.total > profile.concurrency),
    unserved,
    unscheduled,
    truncated,
  }
}
