/**
 * The JSON that `codeai parse` prints: the meaning of a document without
 * spans, comments or layout. The shape is stable; optional parts (a timeout,
 * an activity, a condition, a retry field...) are left out when not written.
 *
 * `max_attempts` and `backoff_multiplier` are JSON numbers written as in the
 * file: `2.0` stays `2.0` and `99999999999999999999` is not rounded (JSON
 * allows both; JSON.stringify would print `2` and `100000000000000000000`).
 * So the output is written by `formatJson`, which prints a `Numeral` as its
 * text, not by JSON.stringify. The one change: leading zeros, which JSON
 * forbids, are dropped (`007` prints as `7`).
 */
import { readInteger } from '../language/numbers'
import type { CaiDocument, Job, NumberProp, Retry, Step, StepItem, Workflow } from '../language/model'

/** A numeral kept as written, printed by `formatJson` as a JSON number with this text. */
export class Numeral {
  constructor(readonly raw: string) {}

  /** Where a plain JSON.stringify meets one: the nearest double, as before. */
  toJSON(): number {
    return Number(this.raw)
  }
}

export interface RetryJson {
  max_attempts?: Numeral
  initial_interval?: string
  backoff_multiplier?: Numeral
}

export interface StepJson {
  name: string
  activity?: string
  input?: Record<string, string>
  if?: string
}

export interface ParallelJson {
  parallel: StepJson[]
}

export interface WorkflowJson {
  name: string
  trigger: { type: 'event' | 'schedule' | 'manual'; value?: string }
  timeout?: string
  steps: (StepJson | ParallelJson)[]
  retry?: RetryJson
}

export interface JobJson {
  name: string
  schedule?: string
  task: string
  queue?: string
  retry?: RetryJson
}

export interface OtherBlockJson {
  keyword: string
  text: string
}

export interface DocumentJson {
  workflows: WorkflowJson[]
  jobs: JobJson[]
  other: OtherBlockJson[]
}

export function documentToJson(doc: CaiDocument): DocumentJson {
  const result: DocumentJson = { workflows: [], jobs: [], other: [] }
  for (const item of doc.items) {
    if (item.kind === 'workflow') result.workflows.push(workflowToJson(item))
    else if (item.kind === 'job') result.jobs.push(jobToJson(item))
    else if (item.kind === 'foreign') result.other.push({ keyword: item.keyword, text: item.text })
    // Broken declarations only exist alongside syntax errors, when nothing is printed.
  }
  return result
}

function workflowToJson(workflow: Workflow): WorkflowJson {
  const trigger: WorkflowJson['trigger'] = { type: workflow.trigger.type }
  if (workflow.trigger.value !== undefined) trigger.value = workflow.trigger.value
  return {
    name: workflow.name,
    trigger,
    ...(workflow.timeout && { timeout: workflow.timeout.value }),
    steps: workflow.steps.items.map(stepItemToJson),
    ...(workflow.retry && { retry: retryToJson(workflow.retry) }),
  }
}

function stepItemToJson(item: StepItem): StepJson | ParallelJson {
  return item.kind === 'parallel' ? { parallel: item.branches.map(stepToJson) } : stepToJson(item)
}

function stepToJson(step: Step): StepJson {
  return {
    name: step.name,
    ...(step.activity && { activity: step.activity.value }),
    ...(step.input && { input: Object.fromEntries(step.input.entries.map((entry) => [entry.key, entry.value])) }),
    ...(step.condition && { if: step.condition.value }),
  }
}

function jobToJson(job: Job): JobJson {
  return {
    name: job.name,
    ...(job.schedule && { schedule: job.schedule.value }),
    task: job.task.value,
    ...(job.queue && { queue: job.queue.value }),
    ...(job.retry && { retry: retryToJson(job.retry) }),
  }
}

function retryToJson(retry: Retry): RetryJson {
  return {
    ...(retry.maxAttempts && { max_attempts: numberValue(retry.maxAttempts) }),
    ...(retry.initialInterval && { initial_interval: retry.initialInterval.value }),
    ...(retry.backoffMultiplier && { backoff_multiplier: numberValue(retry.backoffMultiplier) }),
  }
}

function numberValue(prop: NumberProp): Numeral {
  return new Numeral(prop.raw)
}

/**
 * JSON text laid out as JSON.stringify(value, null, 2) lays it out, with
 * each Numeral printed as written (the parser only accepts `[0-9]+` and
 * `[0-9]+.[0-9]+`, so it is a JSON number once leading zeros are dropped),
 * except an octal integer, printed as the value CodeAI reads (`010` is 8).
 */
export function formatJson(value: unknown, indent = ''): string {
  if (value instanceof Numeral) {
    const octal = /^0[0-7]+$/.test(value.raw) ? readInteger(value.raw) : undefined
    return octal?.ok ? octal.value.toString() : value.raw.replace(/^0+(?=[0-9])/, '')
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((item) => inner + formatJson(item, inner)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value).filter(([, field]) => field !== undefined)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([key, field]) => `${inner}${JSON.stringify(key)}: ${formatJson(field, inner)}`).join(',\n')}\n${indent}}`
}
