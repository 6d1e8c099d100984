/**
 * The runtime profile: the numbers CodeAI's runtime runs a file with. Its
 * defaults are CodeAI's own (spec section 6, each with the source file that
 * sets it); a deployment may configure them differently, so the user may
 * change them. The profile shapes the dry run, the jobs calendar and the
 * runtime warnings, never the syntax rules.
 *
 * In memory every duration is milliseconds; as JSON (a profile file, the
 * browser's settings, a share link) durations are Go duration strings
 * ("24h", "10m"), the way a .cai file writes them.
 */
import { formatDuration, NANOS, parseGoDuration } from '../language/duration'
import type { RetryRules } from '../language/retry'

export interface ServedQueue {
  name: string
  /** Asynq's priority weight: a queue with weight 6 is picked about 6 times as often as one with 1. */
  weight: number
}

export interface RuntimeProfile {
  /** A workflow without `timeout` (internal/workflow/dsl_loader.go). */
  workflowTimeoutMs: number
  /** Start-to-close timeout of every activity attempt (internal/workflow/dsl_loader.go). */
  activityTimeoutMs: number
  /** A workflow without `retry` (internal/workflow/dsl_loader.go). */
  defaultRetry: { maxAttempts: number; initialIntervalMs: number; backoffMultiplier: number }
  /** The most a workflow activity waits between attempts (internal/workflow/dsl_loader.go). */
  maxRetryIntervalMs: number
  /** The queues the worker serves, with weights (internal/scheduler/queue/config.go, config/scheduler.yaml). */
  queues: ServedQueue[]
  /** Tasks the worker runs at once (internal/scheduler/queue/config.go, config/scheduler.yaml). */
  concurrency: number
  /** Retries of a job without `retry` (internal/scheduler/dsl_loader.go). */
  jobDefaultRetries: number
  /** The most a job waits between runs; the wait is 2^n s after the n-th failure (internal/scheduler/queue/manager.go). */
  jobMaxRetryDelayMs: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

export const CODEAI_PROFILE: RuntimeProfile = Object.freeze({
  workflowTimeoutMs: 24 * HOUR,
  activityTimeoutMs: 10 * MINUTE,
  defaultRetry: Object.freeze({ maxAttempts: 3, initialIntervalMs: SECOND, backoffMultiplier: 2 }),
  maxRetryIntervalMs: 10 * MINUTE,
  queues: Object.freeze([
    Object.freeze({ name: 'critical', weight: 6 }),
    Object.freeze({ name: 'default', weight: 3 }),
    Object.freeze({ name: 'low', weight: 1 }),
  ]) as ServedQueue[],
  concurrency: 10,
  jobDefaultRetries: 3,
  jobMaxRetryDelayMs: 10 * MINUTE,
}) as RuntimeProfile

/** The profile as the language core's retry rules (nanoseconds). */
export function retryRules(profile: RuntimeProfile): RetryRules {
  return {
    workflowDefault: {
      maxAttempts: profile.defaultRetry.maxAttempts,
      initialIntervalNanos: profile.defaultRetry.initialIntervalMs * NANOS.millisecond,
      backoffMultiplier: profile.defaultRetry.backoffMultiplier,
    },
    maxIntervalNanos: profile.maxRetryIntervalMs * NANOS.millisecond,
    workflowTimeoutNanos: profile.workflowTimeoutMs * NANOS.millisecond,
    jobDefaultRetries: profile.jobDefaultRetries,
    jobMaxDelayNanos: profile.jobMaxRetryDelayMs * NANOS.millisecond,
  }
}

export function servesQueue(profile: RuntimeProfile, queue: string): boolean {
  return profile.queues.some((served) => served.name === queue)
}

// ---------------------------------------------------------------------------
// JSON

/** The profile as JSON: durations as Go duration strings. */
export interface RuntimeProfileJson {
  workflowTimeout: string
  activityTimeout: string
  defaultRetry: { maxAttempts: number; initialInterval: string; backoffMultiplier: number }
  maxRetryInterval: string
  queues: Record<string, number>
  concurrency: number
  jobDefaultRetries: number
  jobMaxRetryDelay: string
}

export function profileToJson(profile: RuntimeProfile): RuntimeProfileJson {
  const duration = (ms: number) => formatDuration(ms * NANOS.millisecond)
  return {
    workflowTimeout: duration(profile.workflowTimeoutMs),
    activityTimeout: duration(profile.activityTimeoutMs),
    defaultRetry: {
      maxAttempts: profile.defaultRetry.maxAttempts,
      initialInterval: duration(profile.defaultRetry.initialIntervalMs),
      backoffMultiplier: profile.defaultRetry.backoffMultiplier,
    },
    maxRetryInterval: duration(profile.maxRetryIntervalMs),
    queues: Object.fromEntries(profile.queues.map((queue) => [queue.name, queue.weight])),
    concurrency: profile.concurrency,
    jobDefaultRetries: profile.jobDefaultRetries,
    jobMaxRetryDelay: duration(profile.jobMaxRetryDelayMs),
  }
}

export type ProfileResult = { ok: true; profile: RuntimeProfile } | { ok: false; errors: string[] }

/** Limits past which a number is a mistake, not a deployment. */
const LIMITS = {
  durationMs: 366 * 24 * HOUR,
  attempts: 1_000_000,
  multiplier: 1000,
  weight: 1000,
  concurrency: 100_000,
  retries: 1000,
  queues: 100,
} as const

const QUEUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * A profile from JSON (parsed already). Fields left out keep CodeAI's
 * defaults; unknown fields, negative or absurd numbers and malformed durations
 * are refused, each with a message naming the field.
 */
export function profileFromJson(value: unknown): ProfileResult {
  if (!isRecord(value)) return { ok: false, errors: ['a runtime profile is a JSON object, e.g. {"concurrency": 20}'] }
  const errors: string[] = []
  const profile: RuntimeProfile = structuredCloneProfile(CODEAI_PROFILE)
  const known = new Set(Object.keys(profileToJson(CODEAI_PROFILE)))
  for (const key of Object.keys(value)) if (!known.has(key)) errors.push(`unknown field "${key}" (known: ${[...known].join(', ')})`)

  const duration = (field: string, raw: unknown, min: number, apply: (ms: number) => void) => {
    if (raw === undefined) return
    const parsed = typeof raw === 'string' ? parseGoDuration(raw) : undefined
    if (!parsed?.ok) return errors.push(`${field} must be a duration such as "10m" or "24h", not ${JSON.stringify(raw)}`)
    const ms = parsed.nanos / NANOS.millisecond
    if (ms < min) return errors.push(`${field} must be at least ${formatDuration(min * NANOS.millisecond)}, not "${raw}"`)
    if (ms > LIMITS.durationMs) return errors.push(`${field} must be at most a year (8784h), not "${raw}"`)
    apply(ms)
  }
  const number = (field: string, raw: unknown, min: number, max: number, integer: boolean, apply: (n: number) => void) => {
    if (raw === undefined) return
    if (typeof raw !== 'number' || !Number.isFinite(raw) || (integer && !Number.isInteger(raw))) {
      return errors.push(`${field} must be ${integer ? 'a whole number' : 'a number'}, not ${JSON.stringify(raw)}`)
    }
    if (raw < min || raw > max) return errors.push(`${field} must be between ${min} and ${max}, not ${raw}`)
    apply(raw)
  }

  duration('workflowTimeout', value.workflowTimeout, 1, (ms) => (profile.workflowTimeoutMs = ms))
  duration('activityTimeout', value.activityTimeout, 1, (ms) => (profile.activityTimeoutMs = ms))
  duration('maxRetryInterval', value.maxRetryInterval, 0, (ms) => (profile.maxRetryIntervalMs = ms))
  duration('jobMaxRetryDelay', value.jobMaxRetryDelay, 0, (ms) => (profile.jobMaxRetryDelayMs = ms))
  number('concurrency', value.concurrency, 1, LIMITS.concurrency, true, (n) => (profile.concurrency = n))
  number('jobDefaultRetries', value.jobDefaultRetries, 0, LIMITS.retries, true, (n) => (profile.jobDefaultRetries = n))

  const retry = value.defaultRetry
  if (retry !== undefined) {
    if (!isRecord(retry)) errors.push('defaultRetry must be an object such as {"maxAttempts": 3, "initialInterval": "1s", "backoffMultiplier": 2}')
    else {
      for (const key of Object.keys(retry)) {
        if (!['maxAttempts', 'initialInterval', 'backoffMultiplier'].includes(key)) errors.push(`unknown field "defaultRetry.${key}"`)
      }
      number('defaultRetry.maxAttempts', retry.maxAttempts, 1, LIMITS.attempts, true, (n) => (profile.defaultRetry.maxAttempts = n))
      duration('defaultRetry.initialInterval', retry.initialInterval, 0, (ms) => (profile.defaultRetry.initialIntervalMs = ms))
      number('defaultRetry.backoffMultiplier', retry.backoffMultiplier, 1, LIMITS.multiplier, false, (n) => (profile.defaultRetry.backoffMultiplier = n))
    }
  }

  const queues = value.queues
  if (queues !== undefined) {
    if (!isRecord(queues)) errors.push('queues must be an object of queue names and weights, e.g. {"critical": 6, "default": 3, "low": 1}')
    else {
      const entries = Object.entries(queues)
      if (entries.length > LIMITS.queues) errors.push(`queues may name at most ${LIMITS.queues} queues, not ${entries.length}`)
      const served: ServedQueue[] = []
      for (const [name, weight] of entries) {
        if (!QUEUE_NAME.test(name)) errors.push(`queue name "${name}" must be an identifier (letters, digits, _)`)
        number(`queues.${name}`, weight, 1, LIMITS.weight, true, (n) => served.push({ name, weight: n }))
      }
      profile.queues = served
    }
  }
  return errors.length === 0 ? { ok: true, profile } : { ok: false, errors }
}

/** The fields of `profile` that differ from CodeAI's defaults, as JSON; empty when none do. */
export function profileChanges(profile: RuntimeProfile): Partial<RuntimeProfileJson> {
  const current = profileToJson(profile) as unknown as Record<string, unknown>
  const defaults = profileToJson(CODEAI_PROFILE) as unknown as Record<string, unknown>
  const changes: Record<string, unknown> = {}
  for (const key of Object.keys(current)) {
    if (JSON.stringify(current[key]) !== JSON.stringify(defaults[key])) changes[key] = current[key]
  }
  return changes as Partial<RuntimeProfileJson>
}

export function isDefaultProfile(profile: RuntimeProfile): boolean {
  return Object.keys(profileChanges(profile)).length === 0
}

function structuredCloneProfile(profile: RuntimeProfile): RuntimeProfile {
  return { ...profile, defaultRetry: { ...profile.defaultRetry }, queues: profile.queues.map((queue) => ({ ...queue })) }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
