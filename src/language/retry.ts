/**
 * What a retry policy does over time. Attempt n+1 waits
 * `initial_interval * backoff_multiplier^(n-1)`; `max_attempts` counts every
 * attempt, the first included (spec section 3).
 */
import { formatDuration, NANOS, parseGoDuration } from './duration'
import type { Retry } from './model'

/**
 * What the designer assumes for a field a `retry { }` block leaves out (or
 * holds an invalid value for). The spec names no defaults: the interval and
 * multiplier are Temporal's defaults (1s, 2.0); Temporal's unlimited attempts
 * cannot be summed, so the designer assumes a common 3.
 */
export const RETRY_DEFAULTS = {
  maxAttempts: 3,
  initialIntervalNanos: 1 * NANOS.second,
  backoffMultiplier: 2,
} as const

export interface RetryDescription {
  /** Every attempt, the first included (at least 1). */
  attempts: number
  /** The wait before each retry, in nanoseconds (at most MAX_LISTED_DELAYS are listed). */
  delays: number[]
  /** The sum of all waits, in nanoseconds (Infinity when it overflows). */
  total: number
  /** e.g. "then 10s, 20s, 40s; gives up after 4 attempts, 1m10s". */
  summary: string
  /** The fields whose RETRY_DEFAULTS value was used. */
  assumed: Array<'max_attempts' | 'initial_interval' | 'backoff_multiplier'>
}

export const MAX_LISTED_DELAYS = 1000

export function describeRetry(retry: Retry | undefined): RetryDescription {
  if (!retry) return { attempts: 1, delays: [], total: 0, summary: 'no retry policy: 1 attempt', assumed: [] }
  const assumed: RetryDescription['assumed'] = []

  let attempts: number = RETRY_DEFAULTS.maxAttempts
  const rawAttempts = retry.maxAttempts ? Number(retry.maxAttempts.raw) : NaN
  if (Number.isInteger(rawAttempts)) attempts = Math.max(1, rawAttempts)
  else assumed.push('max_attempts')

  let interval: number = RETRY_DEFAULTS.initialIntervalNanos
  const parsedInterval = retry.initialInterval ? parseGoDuration(retry.initialInterval.value) : undefined
  if (parsedInterval?.ok) interval = parsedInterval.nanos
  else assumed.push('initial_interval')

  let multiplier: number = RETRY_DEFAULTS.backoffMultiplier
  const rawMultiplier = retry.backoffMultiplier ? Number(retry.backoffMultiplier.raw) : NaN
  if (Number.isFinite(rawMultiplier)) multiplier = rawMultiplier
  else assumed.push('backoff_multiplier')

  const retries = attempts - 1
  // A zero interval waits nothing however large the power (0 * Infinity would be NaN).
  const delayAt = (k: number) => (interval === 0 ? 0 : interval * multiplier ** k)
  const delays: number[] = []
  let listedTotal = 0
  for (let k = 0; k < Math.min(retries, MAX_LISTED_DELAYS); k++) {
    const delay = Math.round(delayAt(k))
    delays.push(delay)
    listedTotal += delay
  }
  const total = retries <= MAX_LISTED_DELAYS ? listedTotal : listedTotal + geometricSum(delayAt(MAX_LISTED_DELAYS), multiplier, retries - MAX_LISTED_DELAYS)

  const lastDelay = Math.round(delayAt(retries - 1))
  return { attempts, delays, total, summary: summarise(attempts, delays, lastDelay, total, assumed), assumed }
}

/** first + first*ratio + ... (count terms). */
function geometricSum(first: number, ratio: number, count: number): number {
  if (first === 0) return 0
  return ratio === 1 ? first * count : (first * (ratio ** count - 1)) / (ratio - 1)
}

function summarise(attempts: number, delays: number[], lastDelay: number, total: number, assumed: string[]): string {
  const retries = attempts - 1
  const assumption = assumed.length === 0 ? '' : ` (assumes ${assumed.map(describeDefault).join(', ')})`
  if (retries === 0) return `no retries; gives up after 1 attempt${assumption}`
  const shown = retries <= 5 ? delays : [...delays.slice(0, 3), undefined, lastDelay]
  const waits = shown.map((delay) => (delay === undefined ? '…' : formatRounded(delay))).join(', ')
  return `then ${waits}; gives up after ${attempts} attempts, ${formatRounded(total)}${assumption}`
}

/** Whole seconds from a minute up, milliseconds from a second up: a summary needs no nanoseconds. */
function formatRounded(nanos: number): string {
  const magnitude = Math.abs(nanos)
  const unit = magnitude >= NANOS.minute ? NANOS.second : magnitude >= NANOS.second ? NANOS.millisecond : 1
  return formatDuration(Math.round(nanos / unit) * unit)
}

function describeDefault(field: string): string {
  if (field === 'max_attempts') return `max_attempts ${RETRY_DEFAULTS.maxAttempts}`
  if (field === 'initial_interval') return `initial_interval ${formatDuration(RETRY_DEFAULTS.initialIntervalNanos)}`
  return `backoff_multiplier ${RETRY_DEFAULTS.backoffMultiplier.toFixed(1)}`
}
