/**
 * What a retry policy does over time, as CodeAI's runtime applies it (spec
 * section 6). Workflows run on Temporal, jobs on Asynq, and the two read the
 * same `retry { }` block differently:
 *
 * - Workflow (`internal/workflow/dsl_loader.go`): the policy applies to every
 *   activity. Without a block: 3 attempts, 1 s, x2.0. With one: `max_attempts`
 *   counts every attempt, the first included, and 0 or no line means
 *   unlimited (until the workflow timeout); `initial_interval` defaults to 1 s;
 *   `backoff_multiplier` defaults to 2.0, also when 0 or less. The wait before
 *   attempt n+1 is min(initial x multiplier^(n-1), 10 min).
 * - Job (`internal/scheduler/dsl_loader.go`): `max_attempts` is Asynq's
 *   MaxRetry, the retries after the first run (a block without it: none;
 *   no block: 3). The wait after the n-th failure is 2^n s, at most 10 min;
 *   `initial_interval` and `backoff_multiplier` are not passed on.
 *
 * All durations here are nanoseconds, like the rest of the language core.
 */
import { integerValue } from './numbers'
import { formatDuration, NANOS, parseGoDuration } from './duration'
import type { Retry } from './model'

/** The numbers a deployment may configure; CODEAI_RETRY_RULES holds CodeAI's own. */
export interface RetryRules {
  /** A workflow without a `retry` block. */
  workflowDefault: { maxAttempts: number; initialIntervalNanos: number; backoffMultiplier: number }
  /** The most any workflow activity waits between two attempts. */
  maxIntervalNanos: number
  /** A workflow without `timeout`: how long unlimited attempts go on. */
  workflowTimeoutNanos: number
  /** A job without a `retry` block: its retries after the first run. */
  jobDefaultRetries: number
  /** The most a job waits between two runs (the wait is 2^n s after the n-th failure). */
  jobMaxDelayNanos: number
}

export const CODEAI_RETRY_RULES: RetryRules = {
  workflowDefault: { maxAttempts: 3, initialIntervalNanos: 1 * NANOS.second, backoffMultiplier: 2 },
  maxIntervalNanos: 10 * NANOS.minute,
  workflowTimeoutNanos: 24 * NANOS.hour,
  jobDefaultRetries: 3,
  jobMaxDelayNanos: 10 * NANOS.minute,
}

/** A workflow's effective policy. `maxAttempts` is Infinity when unlimited. */
export interface WorkflowRetryPolicy {
  maxAttempts: number
  initialIntervalNanos: number
  backoffMultiplier: number
  maxIntervalNanos: number
  /** `default`: no retry block, the runtime's default policy applies. */
  source: 'default' | 'written'
}

export function workflowRetryPolicy(retry: Retry | undefined, rules: RetryRules = CODEAI_RETRY_RULES): WorkflowRetryPolicy {
  if (!retry) return { ...rules.workflowDefault, maxIntervalNanos: rules.maxIntervalNanos, source: 'default' }
  // As Go reads it: `010` is 8 attempts.
  const attempts = retry.maxAttempts ? (integerValue(retry.maxAttempts.raw) ?? 0) : 0
  const interval = retry.initialInterval ? parseGoDuration(retry.initialInterval.value) : undefined
  const multiplier = retry.backoffMultiplier ? Number(retry.backoffMultiplier.raw) : NaN
  return {
    maxAttempts: Number.isInteger(attempts) && attempts > 0 ? attempts : Infinity,
    initialIntervalNanos: interval?.ok && interval.nanos >= 0 ? interval.nanos : 1 * NANOS.second,
    backoffMultiplier: Number.isFinite(multiplier) && multiplier > 0 ? multiplier : 2,
    maxIntervalNanos: rules.maxIntervalNanos,
    source: 'written',
  }
}

/** The wait before attempt n+1 (n >= 1): min(initial x multiplier^(n-1), the cap). */
export function workflowRetryDelay(policy: WorkflowRetryPolicy, n: number): number {
  if (policy.initialIntervalNanos === 0) return 0
  return Math.min(policy.initialIntervalNanos * policy.backoffMultiplier ** (n - 1), policy.maxIntervalNanos)
}

/** A job's effective policy: how many retries follow the first run. */
export interface JobRetryPolicy {
  retries: number
  maxDelayNanos: number
  source: 'default' | 'written'
}

export function jobRetryPolicy(retry: Retry | undefined, rules: RetryRules = CODEAI_RETRY_RULES): JobRetryPolicy {
  if (!retry) return { retries: rules.jobDefaultRetries, maxDelayNanos: rules.jobMaxDelayNanos, source: 'default' }
  const written = retry.maxAttempts ? (integerValue(retry.maxAttempts.raw) ?? 0) : 0
  return { retries: Number.isInteger(written) && written > 0 ? written : 0, maxDelayNanos: rules.jobMaxDelayNanos, source: 'written' }
}

/** The wait after a job's n-th failure (n >= 1): 2^n s, at most the cap. */
export function jobRetryDelay(policy: JobRetryPolicy, n: number): number {
  return Math.min(2 ** n * NANOS.second, policy.maxDelayNanos)
}

export interface RetryDescription {
  /** Every attempt (a job: every run), the first included; Infinity when unlimited. */
  attempts: number
  /** The wait before each retry, in nanoseconds (at most MAX_LISTED_DELAYS are listed). */
  delays: number[]
  /** The sum of all waits, in nanoseconds (Infinity when attempts are unlimited). */
  total: number
  /** e.g. "then 10s, 20s, 40s; gives up after 4 attempts, 1m10s". */
  summary: string
}

export const MAX_LISTED_DELAYS = 1000

/** A workflow's or a job's retry policy in words and numbers, by CodeAI's rules for that owner. */
export function describeRetry(retry: Retry | undefined, owner: 'workflow' | 'job' = 'workflow', rules: RetryRules = CODEAI_RETRY_RULES): RetryDescription {
  return owner === 'job' ? describeJobRetry(retry, rules) : describeWorkflowRetry(retry, rules)
}

function describeWorkflowRetry(retry: Retry | undefined, rules: RetryRules): RetryDescription {
  const policy = workflowRetryPolicy(retry, rules)
  const prefix = policy.source === 'default' ? 'no retry policy, so CodeAI\'s default: ' : ''
  if (policy.maxAttempts === Infinity) {
    const first = [1, 2, 3].map((n) => formatRounded(workflowRetryDelay(policy, n)))
    const timeout = formatDuration(rules.workflowTimeoutNanos)
    return {
      attempts: Infinity,
      delays: [1, 2, 3].map((n) => workflowRetryDelay(policy, n)),
      total: Infinity,
      summary: `${prefix}then ${first.join(', ')}, … (at most ${formatRounded(policy.maxIntervalNanos)} apart); unlimited attempts until the workflow timeout (${timeout} when none is set)`,
    }
  }
  const retries = policy.maxAttempts - 1
  const delays: number[] = []
  let total = 0
  const listed = Math.min(retries, MAX_LISTED_DELAYS)
  for (let n = 1; n <= listed; n++) {
    const delay = workflowRetryDelay(policy, n)
    delays.push(delay)
    total += delay
  }
  // The rest summed at once: `max_attempts 100000000000` must not take a loop of that length.
  total += workflowRetryDelaysBetween(policy, listed + 1, retries)
  const last = retries > 0 ? workflowRetryDelay(policy, retries) : 0
  return { attempts: policy.maxAttempts, delays, total, summary: prefix + summariseAttempts(policy.maxAttempts, 'attempts', delays, last, total) }
}

function describeJobRetry(retry: Retry | undefined, rules: RetryRules): RetryDescription {
  const policy = jobRetryPolicy(retry, rules)
  const delays: number[] = []
  let total = 0
  for (let n = 1; n <= policy.retries; n++) {
    const delay = jobRetryDelay(policy, n)
    delays.push(delay)
    total += delay
    // From the cap on (the 10th retry) every wait is the cap: the rest summed at once, not in a loop as long as max_attempts.
    if (delay === policy.maxDelayNanos) {
      total += (policy.retries - n) * delay
      for (let k = n + 1; k <= Math.min(policy.retries, MAX_LISTED_DELAYS); k++) delays.push(delay)
      break
    }
  }
  const runs = policy.retries + 1
  const last = policy.retries > 0 ? jobRetryDelay(policy, policy.retries) : 0
  const prefix = policy.source === 'default' ? 'no retry policy, so CodeAI\'s default of 3 retries: ' : ''
  const ignored =
    retry && (retry.initialInterval || retry.backoffMultiplier) ? ' (initial_interval and backoff_multiplier have no effect on a job)' : ''
  return { attempts: runs, delays, total, summary: prefix + summariseAttempts(runs, 'runs', delays, last, total) + ignored }
}

/**
 * The sum of the waits before attempts from+1 … to+1 (nanoseconds), in closed form: the
 * capped ones at the cap, the others a geometric series. Waits that grow
 * stay at the cap once they reach it; waits that shrink (a multiplier under
 * 1) leave it once they fall below it.
 */
export function workflowRetryDelaysBetween(policy: WorkflowRetryPolicy, from: number, to: number): number {
  const { initialIntervalNanos: initial, backoffMultiplier: ratio, maxIntervalNanos: cap } = policy
  if (initial === 0 || to < from) return 0
  const count = to - from + 1
  if (ratio === 1) return count * Math.min(initial, cap)
  // Where initial x ratio^(n-1) meets the cap: the waits are under it for n below this when they grow, above it when they shrink.
  const cross = 1 + Math.log(cap / initial) / Math.log(ratio)
  const [low, high] = ratio > 1 ? [from, Math.min(to, Math.ceil(cross) - 1)] : [Math.max(from, Math.floor(cross) + 1), to]
  const under = Math.max(0, high - low + 1)
  const geometric = under === 0 ? 0 : (initial * ratio ** (low - 1) * (1 - ratio ** under)) / (1 - ratio)
  return geometric + (count - under) * cap
}

function summariseAttempts(count: number, noun: 'attempts' | 'runs', delays: number[], lastDelay: number, total: number): string {
  const retries = count - 1
  if (retries === 0) return `no retries; gives up after 1 ${noun === 'attempts' ? 'attempt' : 'run'}`
  const shown = retries <= 5 ? delays : [...delays.slice(0, 3), undefined, lastDelay]
  const waits = shown.map((delay) => (delay === undefined ? '…' : formatRounded(delay))).join(', ')
  return `then ${waits}; gives up after ${count} ${noun}, ${formatRounded(total)}`
}

/** Whole seconds from a minute up, milliseconds from a second up: a summary needs no nanoseconds. */
function formatRounded(nanos: number): string {
  const magnitude = Math.abs(nanos)
  const unit = magnitude >= NANOS.minute ? NANOS.second : magnitude >= NANOS.second ? NANOS.millisecond : 1
  return formatDuration(Math.round(nanos / unit) * unit)
}
