/**
 * Test helper: builds documents and their source text together, so a test
 * can check the spans of diagnostics against the text (`textAt`). Written in
 * the canonical layout (two-space indents, one statement a line); it is not
 * the printer, only enough of one for validation tests.
 */
import {
  emptyBlockTrivia,
  emptyTrivia,
  type CaiDocument,
  type Input,
  type Job,
  type NumberProp,
  type Parallel,
  type Retry,
  type Span,
  type Step,
  type StepItem,
  type StringProp,
  type TopItem,
  type Trigger,
  type Workflow,
} from '../model'

export interface StepSpec {
  step: string
  activity?: string
  input?: Record<string, string>
  if?: string
}

export interface ParallelSpec {
  parallel: StepSpec[]
}

export interface RetrySpec {
  maxAttempts?: string
  initialInterval?: string
  backoffMultiplier?: string
}

export interface WorkflowSpec {
  workflow: string
  /** An event name, `schedule: ...` or neither for `trigger manual`. */
  event?: string
  schedule?: string
  timeout?: string
  steps: Array<StepSpec | ParallelSpec>
  retry?: RetrySpec
}

export interface JobSpec {
  job: string
  schedule?: string
  task: string
  queue?: string
  retry?: RetrySpec
}

/** Source text plus the document parsed from it, with every span set. */
export interface Built {
  doc: CaiDocument
  text: string
}

class Writer {
  text = ''
  private depth = 0

  /** Starts a line at the current indent; returns where the line's content starts. */
  line(): number {
    if (this.text !== '') this.text += '\n'
    this.text += '  '.repeat(this.depth)
    return this.text.length
  }

  token(value: string): Span {
    const start = this.text.length
    this.text += value
    return { start, end: this.text.length }
  }

  /** `keyword "value"` on a line of its own. */
  stringProp(keyword: string, value: string): StringProp {
    const start = this.line()
    this.token(keyword + ' ')
    const valueSpan = this.token(`"${value}"`)
    return { ...emptyTrivia(), value, span: { start, end: valueSpan.end }, valueSpan }
  }

  numberProp(keyword: string, raw: string): NumberProp {
    const start = this.line()
    this.token(keyword + ' ')
    const valueSpan = this.token(raw)
    return { ...emptyTrivia(), raw, span: { start, end: valueSpan.end }, valueSpan }
  }

  /** `header {`, the body, `}`; returns the span from the header to the brace. */
  block(header: string, body: () => void): Span {
    const start = this.line()
    this.token(header + ' {')
    this.depth++
    body()
    this.depth--
    this.line()
    const close = this.token('}')
    return { start, end: close.end }
  }
}

export function build(...specs: Array<WorkflowSpec | JobSpec>): Built {
  const writer = new Writer()
  const items: TopItem[] = specs.map((spec) => ('workflow' in spec ? writeWorkflow(writer, spec) : writeJob(writer, spec)))
  return { doc: { kind: 'document', items, endComments: [] }, text: writer.text + '\n' }
}

/** The text a span covers. */
export function textAt(built: Built, span: Span): string {
  return built.text.slice(span.start, span.end)
}

/** The same document as operations would make it: no spans anywhere. */
export function withoutSpans<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (/^(span|\w+Span)$/.test(key) ? undefined : inner))) as T
}

function writeWorkflow(writer: Writer, spec: WorkflowSpec): Workflow {
  let nameSpan: Span = { start: 0, end: 0 }
  let trigger: Trigger | undefined
  let timeout: StringProp | undefined
  let steps: StepItem[] = []
  let stepsSpan: Span = { start: 0, end: 0 }
  let retry: Retry | undefined
  const span = writer.block(`workflow ${spec.workflow}`, () => {
    nameSpan = nameSpanIn(writer, spec.workflow)
    trigger = writeTrigger(writer, spec)
    if (spec.timeout !== undefined) timeout = writer.stringProp('timeout', spec.timeout)
    stepsSpan = writer.block('steps', () => {
      steps = spec.steps.map((item) => ('parallel' in item ? writeParallel(writer, item) : writeStep(writer, item)))
    })
    if (spec.retry) retry = writeRetry(writer, spec.retry)
  })
  return {
    ...emptyBlockTrivia(),
    kind: 'workflow',
    name: spec.workflow,
    trigger: trigger!,
    timeout,
    steps: { ...emptyBlockTrivia(), kind: 'steps', items: steps, span: stepsSpan },
    retry,
    span,
    nameSpan,
  }
}

/** The span of the name in the header just written (`keyword NAME {`). */
function nameSpanIn(writer: Writer, name: string): Span {
  const end = writer.text.length - ' {'.length
  return { start: end - name.length, end }
}

function writeTrigger(writer: Writer, spec: WorkflowSpec): Trigger {
  const start = writer.line()
  writer.token('trigger ')
  if (spec.event === undefined && spec.schedule === undefined) {
    const keyword = writer.token('manual')
    return { ...emptyTrivia(), kind: 'trigger', type: 'manual', span: { start, end: keyword.end } }
  }
  const type = spec.event !== undefined ? 'event' : 'schedule'
  const value = spec.event ?? spec.schedule ?? ''
  writer.token(type + ' ')
  const valueSpan = writer.token(`"${value}"`)
  return { ...emptyTrivia(), kind: 'trigger', type, value, span: { start, end: valueSpan.end }, valueSpan }
}

function writeStep(writer: Writer, spec: StepSpec): Step {
  let nameSpan: Span = { start: 0, end: 0 }
  let activity: StringProp | undefined
  let input: Input | undefined
  let condition: StringProp | undefined
  const span = writer.block(spec.step, () => {
    nameSpan = nameSpanIn(writer, spec.step)
    if (spec.activity !== undefined) activity = writer.stringProp('activity', spec.activity)
    if (spec.input) input = writeInput(writer, spec.input)
    if (spec.if !== undefined) condition = writer.stringProp('if', spec.if)
  })
  return { ...emptyBlockTrivia(), kind: 'step', name: spec.step, activity, input, condition, span, nameSpan }
}

function writeInput(writer: Writer, entries: Record<string, string>): Input {
  const written: Input['entries'] = []
  const span = writer.block('input', () => {
    for (const [key, value] of Object.entries(entries)) {
      const start = writer.line()
      const keySpan = writer.token(key)
      writer.token(': ')
      const valueSpan = writer.token(`"${value}"`)
      written.push({ ...emptyTrivia(), key, value, span: { start, end: valueSpan.end }, keySpan, valueSpan })
    }
  })
  return { ...emptyBlockTrivia(), kind: 'input', entries: written, span }
}

function writeParallel(writer: Writer, spec: ParallelSpec): Parallel {
  let branches: Step[] = []
  const span = writer.block('parallel', () => {
    branches = spec.parallel.map((branch) => writeStep(writer, branch))
  })
  return { ...emptyBlockTrivia(), kind: 'parallel', branches, span }
}

function writeRetry(writer: Writer, spec: RetrySpec): Retry {
  const retry: Retry = { ...emptyBlockTrivia(), kind: 'retry' }
  retry.span = writer.block('retry', () => {
    if (spec.maxAttempts !== undefined) retry.maxAttempts = writer.numberProp('max_attempts', spec.maxAttempts)
    if (spec.initialInterval !== undefined) retry.initialInterval = writer.stringProp('initial_interval', spec.initialInterval)
    if (spec.backoffMultiplier !== undefined) retry.backoffMultiplier = writer.numberProp('backoff_multiplier', spec.backoffMultiplier)
  })
  return retry
}

function writeJob(writer: Writer, spec: JobSpec): Job {
  let nameSpan: Span = { start: 0, end: 0 }
  let schedule: StringProp | undefined
  let task: StringProp | undefined
  let queue: StringProp | undefined
  let retry: Retry | undefined
  const span = writer.block(`job ${spec.job}`, () => {
    nameSpan = nameSpanIn(writer, spec.job)
    if (spec.schedule !== undefined) schedule = writer.stringProp('schedule', spec.schedule)
    task = writer.stringProp('task', spec.task)
    if (spec.queue !== undefined) queue = writer.stringProp('queue', spec.queue)
    if (spec.retry) retry = writeRetry(writer, spec.retry)
  })
  return { ...emptyBlockTrivia(), kind: 'job', name: spec.job, schedule, task: task!, queue, retry, span, nameSpan }
}
