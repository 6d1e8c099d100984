/**
 * Small document-model builders for the canvas tests: workflows and jobs with
 * made-up but well nested spans (each node's span holds its children's), so
 * tests can place diagnostics inside a step, a trigger, a parallel block...
 */
import {
  emptyBlockTrivia,
  emptyTrivia,
  type Diagnostic,
  type Job,
  type Parallel,
  type Retry,
  type Severity,
  type Span,
  type Step,
  type StringProp,
  type Trigger,
  type TriggerType,
  type Workflow,
} from '../language/model'

let cursor = 0
/** A fresh span of `length` after everything made so far. */
function take(length = 10): Span {
  const span = { start: cursor, end: cursor + length }
  cursor += length + 1
  return span
}

function open(): number {
  return cursor++
}

function close(start: number): Span {
  return { start, end: cursor++ }
}

function prop(value: string): StringProp {
  return { ...emptyTrivia(), value, span: take() }
}

export interface StepSpec {
  activity?: string
  inputs?: Record<string, string>
  if?: string
}

export function step(name: string, spec: StepSpec = {}): Step {
  const start = open()
  const entries = Object.entries(spec.inputs ?? {}).map(([key, value]) => ({ ...emptyTrivia(), key, value, span: take() }))
  return {
    ...emptyBlockTrivia(),
    kind: 'step',
    name,
    nameSpan: take(name.length),
    activity: spec.activity === undefined ? undefined : prop(spec.activity),
    input: spec.inputs ? { ...emptyBlockTrivia(), kind: 'input', entries } : undefined,
    condition: spec.if === undefined ? undefined : prop(spec.if),
    span: close(start),
  }
}

/** Steps must be built inside the call, so their spans fall within the block's. */
export function parallel(branches: () => Step[]): Parallel {
  const start = open()
  const made = branches()
  return { ...emptyBlockTrivia(), kind: 'parallel', branches: made, span: close(start) }
}

export interface WorkflowSpec {
  trigger?: { type: TriggerType; value?: string }
  timeout?: string
  steps?: () => Array<Step | Parallel>
  retry?: { maxAttempts?: string; initialInterval?: string; backoffMultiplier?: string }
}

function retryBlock(spec: NonNullable<WorkflowSpec['retry']>): Retry {
  const start = open()
  return {
    ...emptyBlockTrivia(),
    kind: 'retry',
    maxAttempts: spec.maxAttempts === undefined ? undefined : { ...emptyTrivia(), raw: spec.maxAttempts, span: take() },
    initialInterval: spec.initialInterval === undefined ? undefined : prop(spec.initialInterval),
    backoffMultiplier: spec.backoffMultiplier === undefined ? undefined : { ...emptyTrivia(), raw: spec.backoffMultiplier, span: take() },
    span: close(start),
  }
}

export function workflow(name: string, spec: WorkflowSpec = {}): Workflow {
  const start = open()
  const nameSpan = take(name.length)
  const triggerSpec = spec.trigger ?? { type: 'manual' }
  const trigger: Trigger = { ...emptyTrivia(), kind: 'trigger', type: triggerSpec.type, value: triggerSpec.value, span: take() }
  const timeout = spec.timeout === undefined ? undefined : prop(spec.timeout)
  const stepsStart = open()
  const items = spec.steps?.() ?? []
  const steps = { ...emptyBlockTrivia(), kind: 'steps' as const, items, span: close(stepsStart) }
  const retry = spec.retry && retryBlock(spec.retry)
  return { ...emptyBlockTrivia(), kind: 'workflow', name, nameSpan, trigger, timeout, steps, retry, span: close(start) }
}

export interface JobSpec {
  schedule?: string
  task?: string
  queue?: string
  retry?: WorkflowSpec['retry']
}

export function job(name: string, spec: JobSpec = {}): Job {
  const start = open()
  return {
    ...emptyBlockTrivia(),
    kind: 'job',
    name,
    nameSpan: take(name.length),
    schedule: spec.schedule === undefined ? undefined : prop(spec.schedule),
    task: prop(spec.task ?? `${name}.run`),
    queue: spec.queue === undefined ? undefined : prop(spec.queue),
    retry: spec.retry && retryBlock(spec.retry),
    span: close(start),
  }
}

/** A diagnostic over `span` (positions are not used by the canvas beyond the line). */
export function diagnostic(span: Span, severity: Severity = 'error', message = `${severity} here`, line = 1): Diagnostic {
  return {
    severity,
    code: 'test',
    message,
    span,
    start: { line, column: 1 },
    end: { line, column: 1 },
  }
}
