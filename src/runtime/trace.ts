/** What a dry run of a workflow produces: plain JSON-safe data, times in virtual milliseconds from the start. */
import type { ConditionReading } from './scenario'

/**
 * - `ran`: succeeded (perhaps after retries);
 * - `skipped`: its condition was false (only when conditions are read as written);
 * - `failed`: its attempts ran out, which failed the workflow;
 * - `timed-out`: the workflow timeout cut it (an attempt or a wait);
 * - `cancelled`: a parallel sibling failed the workflow while it ran;
 * - `not-reached`: the workflow ended before it.
 */
export type StepOutcome = 'ran' | 'skipped' | 'failed' | 'timed-out' | 'cancelled' | 'not-reached'

/** `activity-timeout`: the attempt outlasted the start-to-close timeout, which fails it; `cut`: the workflow ended during it. */
export type AttemptResult = 'succeeded' | 'failed' | 'activity-timeout' | 'cut'

export interface AttemptTrace {
  /** 1 for the first attempt. */
  number: number
  startMs: number
  endMs: number
  result: AttemptResult
}

/** The pause before attempt `beforeAttempt` (cut short when the workflow ended during it). */
export interface WaitTrace {
  beforeAttempt: number
  startMs: number
  endMs: number
}

export interface InputTrace {
  key: string
  /** The mapping as written, which is what CodeAI passes today. */
  written: string
  /** What it names in the scenario's data (undefined when it names nothing there); literals stay as written. */
  evaluated: unknown
}

export interface ConditionTrace {
  written: string
  /** The value the run used: true when read as CodeAI runs it today. */
  value: boolean
  /** What it is as written, evaluated on the data, whichever reading ran. */
  asWritten: boolean
  reason: string
  understood: boolean
}

export interface StepTrace {
  name: string
  activity?: string
  /** Index of the top-level item (step or parallel block) it belongs to. */
  block: number
  parallel: boolean
  outcome: StepOutcome
  /** Why it was skipped, failed, timed out, cancelled or not reached. */
  reason?: string
  /** Absent when not reached. */
  startMs?: number
  endMs?: number
  attempts: AttemptTrace[]
  waits: WaitTrace[]
  inputs: InputTrace[]
  condition?: ConditionTrace
  /** Attempts that happened but are not listed (more than MAX_RECORDED_ATTEMPTS). */
  omittedAttempts?: number
}

export type WorkflowOutcome =
  | { kind: 'completed' }
  | { kind: 'failed'; step: string }
  | { kind: 'timed-out'; step?: string }

export interface CriticalSegment {
  step: string
  startMs: number
  endMs: number
}

export interface Trace {
  workflow: string
  conditions: ConditionReading
  timeoutMs: number
  timeoutSource: 'written' | 'profile'
  activityTimeoutMs: number
  retry: {
    /** null: unlimited (until the workflow timeout). */
    maxAttempts: number | null
    initialIntervalMs: number
    backoffMultiplier: number
    maxIntervalMs: number
    source: 'default' | 'written'
  }
  steps: StepTrace[]
  outcome: WorkflowOutcome
  durationMs: number
  /** The chain of steps whose times add up to the duration: in a parallel block, the branch that ended it. */
  criticalPath: CriticalSegment[]
  /** In plain words: "completes in 4 min 12 s; process_payment retried twice; ...". */
  summary: string
}

export const MAX_RECORDED_ATTEMPTS = 10_000
