import { floatValue, integerValue } from '../numbers'
import { emptyBlockTrivia, type CaiDocument, type NumberProp, type Retry, type StringProp } from '../model'
import { valueProblem } from './names'
import { numberProp, revise } from './nodes'
import { nextProp } from './fields'
import { updateJob, updateWorkflow } from './paths'
import { isRefusal, refuse, type OpResult, type Refusal } from './result'

/** Editing the `retry { }` policy of a workflow or a job. */

export type RetryOwner = { workflow: string } | { job: string }

export interface RetryFields {
  /** A whole number of 0 or more: on a workflow it counts every attempt, the first included, and 0 means unlimited (Temporal's rule); on a job it counts the retries after the first run. */
  maxAttempts: number | string | undefined
  initialInterval: string | undefined
  /** A number of 0 or more; always written with a decimal point (`2` becomes `2.0`). */
  backoffMultiplier: number | string | undefined
}

/** What `addRetry` writes: three attempts, waiting 1s then 2s. */
export const DEFAULT_RETRY = { maxAttempts: '3', initialInterval: '1s', backoffMultiplier: '2.0' } as const

/** Sets one field of the retry policy, creating `retry { }` if there is none; `undefined` removes the field. */
export function setRetryField<K extends keyof RetryFields>(
  doc: CaiDocument,
  owner: RetryOwner,
  field: K,
  value: RetryFields[K],
): OpResult {
  return updateRetry(doc, owner, (retry) => {
    if (value === undefined && (retry === undefined || retry[field] === undefined)) return retry
    const base: Retry = retry ?? { kind: 'retry', ...emptyBlockTrivia() }
    if (field === 'initialInterval') {
      const problem = value === undefined ? undefined : valueProblem(String(value))
      if (problem) return refuse(problem)
      const next = nextProp(base.initialInterval, value as string | undefined)
      return next === base.initialInterval ? retry : revise(base, { initialInterval: next })
    }
    const key = field as 'maxAttempts' | 'backoffMultiplier'
    const raw = value === undefined ? undefined : key === 'maxAttempts' ? attemptsNumeral(value) : multiplierNumeral(value)
    if (isRefusal(raw)) return raw
    const next = nextNumber(base[key], raw)
    return next === base[key] ? retry : revise(base, { [key]: next } as Partial<Retry>)
  })
}

/** Adds a retry policy with DEFAULT_RETRY's values; refuses if there is one. */
export function addRetry(doc: CaiDocument, owner: RetryOwner): OpResult {
  return updateRetry(doc, owner, (retry) => {
    if (retry) return refuse(`${ownerLabel(owner)} already has a retry policy`)
    return {
      kind: 'retry',
      ...emptyBlockTrivia(),
      maxAttempts: numberProp(DEFAULT_RETRY.maxAttempts),
      initialInterval: nextProp(undefined, DEFAULT_RETRY.initialInterval) as StringProp,
      backoffMultiplier: numberProp(DEFAULT_RETRY.backoffMultiplier),
    }
  })
}

/** Removes the retry policy with its comments (nothing to do when there is none). */
export function removeRetry(doc: CaiDocument, owner: RetryOwner): OpResult {
  return updateRetry(doc, owner, () => undefined)
}

/** The numeral for `max_attempts`, or why `value` cannot be one. */
export function attemptsNumeral(value: number | string): string | Refusal {
  const raw = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value.trim()
  if (!/^[0-9]+$/.test(raw)) {
    return refuse('max_attempts must be a whole number of 0 or more (0 means unlimited attempts until the workflow timeout)')
  }
  // Written in decimal: a leading 0 would make CodeAI read the numeral as octal (010 is 8, 08 an error).
  const decimal = raw.replace(/^0+(?=[0-9])/, '')
  if (integerValue(decimal) === undefined) return refuse('max_attempts must be at most 9223372036854775807, the largest integer CodeAI reads')
  return decimal
}

/** The numeral for `backoff_multiplier`, always with a decimal point, or why `value` cannot be one. */
export function multiplierNumeral(value: number | string): string | Refusal {
  const raw = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim()
  if (!/^[0-9]+(\.[0-9]+)?$/.test(raw)) {
    return refuse('backoff_multiplier must be a number of 0 or more, written like 2.0 or 1.5')
  }
  if (floatValue(raw) === undefined) return refuse('backoff_multiplier must be at most about 1.8e308, the largest number CodeAI reads')
  return raw.includes('.') ? raw : `${raw}.0`
}

function nextNumber(current: NumberProp | undefined, raw: string | undefined): NumberProp | undefined {
  if (raw === undefined) return undefined
  return current?.raw === raw ? current : numberProp(raw, current)
}

function ownerLabel(owner: RetryOwner): string {
  return 'workflow' in owner ? `workflow ${owner.workflow}` : `job ${owner.job}`
}

function updateRetry(
  doc: CaiDocument,
  owner: RetryOwner,
  edit: (retry: Retry | undefined) => Retry | undefined | Refusal,
): OpResult {
  if ('workflow' in owner) {
    return updateWorkflow(doc, owner.workflow, (workflow) => {
      const retry = edit(workflow.retry)
      if (isRefusal(retry)) return retry
      return retry === workflow.retry ? workflow : revise(workflow, { retry })
    })
  }
  return updateJob(doc, owner.job, (job) => {
    const retry = edit(job.retry)
    if (retry && isRefusal(retry)) return retry
    return retry === job.retry ? job : revise(job, { retry })
  })
}
