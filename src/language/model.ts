/**
 * The document model of a .cai file: what `parse` produces, `print` writes and
 * the operations transform. Plain immutable data (no classes), so it can be
 * compared, serialised and passed to a worker.
 *
 * Every node parsed from text carries `span`, its source range as UTF-16
 * offsets into the text (`end` exclusive). Nodes made by operations have none.
 * Spans never include a node's comments. A `valueSpan` covers the value's
 * token as written, quotes included; a `nameSpan` covers the name identifier.
 *
 * Comments and blank lines ("trivia") are kept on the node they belong to:
 * - `leading`: comments on their own lines just before the node;
 * - `trailing`: comments after the node's last token, on the same line
 *   (also comments that stood between the node's own tokens);
 * - blocks also have `openTrailing` (after `{` on the same line) and
 *   `inner` (dangling comments after the last child, before `}`).
 * `blankBefore` says a blank line stood before the node (before its first
 * leading comment, if it has any); each comment has its own `blankBefore`.
 */

export interface Span {
  start: number
  end: number
}

export interface Comment {
  kind: 'line' | 'block'
  /** The comment's exact text, including `//` or the slash-star delimiters. */
  text: string
  /** A blank line stood between this comment and what precedes it. */
  blankBefore: boolean
  /**
   * Only on the last `leading` comment: a blank line stood between it and the
   * node (a detached comment, e.g. a file header). Absent means no.
   */
  blankAfter?: boolean
  span?: Span
}

export interface Trivia {
  leading: Comment[]
  trailing: Comment[]
  blankBefore: boolean
}

export interface BlockTrivia extends Trivia {
  openTrailing: Comment[]
  inner: Comment[]
}

/** A keyword-and-string statement: `activity "x"`, `if "c"`, `timeout "5m"`, `task "t"`... */
export interface StringProp extends Trivia {
  value: string
  span?: Span
  valueSpan?: Span
}

/** `max_attempts 3` or `backoff_multiplier 2.0`; `raw` is the numeral as written. */
export interface NumberProp extends Trivia {
  raw: string
  span?: Span
  valueSpan?: Span
}

export interface Retry extends BlockTrivia {
  kind: 'retry'
  maxAttempts?: NumberProp
  initialInterval?: StringProp
  backoffMultiplier?: NumberProp
  span?: Span
}

export interface InputEntry extends Trivia {
  key: string
  value: string
  span?: Span
  keySpan?: Span
  valueSpan?: Span
}

export interface Input extends BlockTrivia {
  kind: 'input'
  entries: InputEntry[]
  span?: Span
}

export interface Step extends BlockTrivia {
  kind: 'step'
  name: string
  activity?: StringProp
  input?: Input
  condition?: StringProp
  span?: Span
  nameSpan?: Span
}

export interface Parallel extends BlockTrivia {
  kind: 'parallel'
  branches: Step[]
  span?: Span
}

export type StepItem = Step | Parallel

export interface Steps extends BlockTrivia {
  kind: 'steps'
  items: StepItem[]
  span?: Span
}

export type TriggerType = 'event' | 'schedule' | 'manual'

export interface Trigger extends Trivia {
  kind: 'trigger'
  type: TriggerType
  /** The event name or cron expression; absent for `manual`. */
  value?: string
  span?: Span
  valueSpan?: Span
}

export interface Workflow extends BlockTrivia {
  kind: 'workflow'
  name: string
  trigger: Trigger
  timeout?: StringProp
  steps: Steps
  retry?: Retry
  span?: Span
  nameSpan?: Span
}

export interface Job extends BlockTrivia {
  kind: 'job'
  name: string
  schedule?: StringProp
  task: StringProp
  queue?: StringProp
  retry?: Retry
  span?: Span
  nameSpan?: Span
}

/**
 * A top-level block of the wider CodeAI language (`config { }`, `entity X { }`,
 * `endpoint GET /x/{id} { }`...). Kept opaque and printed back byte for byte.
 */
export interface Foreign extends Trivia {
  kind: 'foreign'
  /** The first word, e.g. `config`, `entity`, `endpoint`. */
  keyword: string
  text: string
  span?: Span
}

/**
 * A `workflow` or `job` declaration that has syntax errors. Its text is kept
 * as written (printed back byte for byte); the designer shows its last good
 * picture. `name` is known when the header (`workflow NAME`) could be read.
 */
export interface Broken extends Trivia {
  kind: 'broken'
  declaration: 'workflow' | 'job'
  name?: string
  /** A broken job's declared queue, when its `queue "…"` (or `queue: "…"`) can be read: the jobs board keeps it in its lane. */
  queue?: string
  text: string
  span?: Span
}

export type Declaration = Workflow | Job
export type TopItem = Workflow | Job | Foreign | Broken

export interface CaiDocument {
  kind: 'document'
  items: TopItem[]
  /** Comments after the last item, at the end of the file. */
  endComments: Comment[]
}

export type Severity = 'error' | 'warning' | 'info'

/** 1-based line and column (column counted in UTF-16 code units). */
export interface Position {
  line: number
  column: number
}

export interface TextEdit {
  span: Span
  newText: string
}

export interface Fix {
  title: string
  edits: TextEdit[]
}

export interface Diagnostic {
  severity: Severity
  /** Stable identifier, e.g. `syntax`, `cron-invalid`, `duration-invalid`, `step-unknown-ref`. */
  code: string
  message: string
  span: Span
  /** Derived from `span` against the text. */
  start: Position
  end: Position
  fix?: Fix
}

export interface ParseResult {
  doc: CaiDocument
  diagnostics: Diagnostic[]
}

/** The 18 reserved words: never usable as a workflow, job, step or input-key name. */
export const RESERVED_WORDS = [
  'workflow', 'job', 'trigger', 'event', 'schedule', 'manual', 'timeout', 'steps',
  'parallel', 'activity', 'input', 'if', 'retry', 'max_attempts', 'initial_interval',
  'backoff_multiplier', 'task', 'queue',
] as const

export type ReservedWord = (typeof RESERVED_WORDS)[number]

export const KNOWN_QUEUES = ['critical', 'default', 'low_priority'] as const

export function emptyTrivia(): Trivia {
  return { leading: [], trailing: [], blankBefore: false }
}

export function emptyBlockTrivia(): BlockTrivia {
  return { leading: [], trailing: [], blankBefore: false, openTrailing: [], inner: [] }
}
