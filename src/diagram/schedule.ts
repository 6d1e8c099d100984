/** A job's schedule as people read it: in words, with its next runs in the schedule's zone. */
import { describeCron, nextRuns, parseCron } from '../language/cron'
import { formatRun } from '../language/run-times'

export const ON_DEMAND = 'On demand: never scheduled, runs when enqueued'

export interface ScheduleWords {
  words: string
  /** Formatted with their zone; empty for an invalid expression or no schedule. */
  nextRuns: string[]
}

export function scheduleWords(schedule: string | undefined, now: Date, count: number): ScheduleWords {
  // CodeAI schedules neither a job without `schedule` nor one with `schedule ""`: it runs only when enqueued.
  if (schedule === undefined || schedule === '') return { words: ON_DEMAND, nextRuns: [] }
  const parsed = parseCron(schedule)
  const runs = parsed.ok ? nextRuns(parsed.schedule, now, count) : []
  const zone = parsed.ok ? parsed.schedule.timezone : undefined
  return { words: describeCron(schedule), nextRuns: runs.map((run) => formatRun(run, zone)) }
}
