/** What the inspector says about a value in words: a schedule's runs, a retry policy's waits, the file's queues. */
import { describeCron, nextRuns, parseCron } from '../language/cron'
import { emptyBlockTrivia, emptyTrivia, KNOWN_QUEUES, type CaiDocument, type NumberProp, type Retry } from '../language/model'
import { parseGoDuration } from '../language/duration'
import { describeRetry } from '../language/retry'
import { formatRun } from '../language/run-times'
import { attemptsNumeral, multiplierNumeral, type RetryFields } from '../language/operations/retry'
import { isRefusal } from '../language/operations/result'

export interface SchedulePreview {
  /** e.g. "At 06:00 AM". */
  words: string
  /** The next runs, e.g. "Tue 2025-01-07 06:00 UTC". */
  runs: string[]
}

/**
 * A valid cron expression in words with its next `count` runs after `from`,
 * in the expression's TZ= zone or else UTC (as nextRuns computes them); undefined when invalid.
 */
export function schedulePreview(expr: string, from: Date, count = 5): SchedulePreview | undefined {
  const parsed = parseCron(expr)
  if (!parsed.ok) return undefined
  const runs = nextRuns(parsed.schedule, from, count).map((date) => formatRun(date, parsed.schedule.timezone))
  return { words: describeCron(expr), runs }
}

export type RetryField = keyof RetryFields

/**
 * The waits a retry policy gives by CodeAI's rules for its owner ("then 10s,
 * 20s, 40s; gives up after 4 attempts, 1m10s"), with one field replaced by a
 * value being typed (blank: the field removed). Undefined when that value
 * would be refused.
 */
export function retrySummary(
  retry: Retry | undefined,
  owner: 'workflow' | 'job',
  draft?: { field: RetryField; value: string },
): string | undefined {
  if (!draft) return describeRetry(retry, owner).summary
  const base: Retry = retry ?? { kind: 'retry', ...emptyBlockTrivia() }
  const value = draft.value.trim()
  if (draft.field === 'initialInterval') {
    if (value !== '' && !parseGoDuration(value).ok) return undefined
    const initialInterval = value === '' ? undefined : { ...emptyTrivia(), value }
    return describeRetry({ ...base, initialInterval }, owner).summary
  }
  let number: NumberProp | undefined
  if (value !== '') {
    const raw = draft.field === 'maxAttempts' ? attemptsNumeral(value) : multiplierNumeral(value)
    if (isRefusal(raw)) return undefined
    number = { ...emptyTrivia(), raw }
  }
  return describeRetry({ ...base, [draft.field]: number }, owner).summary
}

/** The queues a job may be put on: those the file's jobs use, then the known ones, without duplicates. */
export function queueChoices(doc: CaiDocument): string[] {
  const used = doc.items.flatMap((item) => (item.kind === 'job' && item.queue ? [item.queue.value] : []))
  return [...new Set([...used, ...KNOWN_QUEUES])]
}
