/**
 * Validation of a parsed .cai document: CodeAI's own checks (spec section 4,
 * errors) and the designer's (section 5, warnings and information). Broken and
 * Foreign items are skipped: the parser reports those. Runs in time linear in
 * the size of the document.
 */
import type { CaiDocument, Diagnostic, Job, Span, Workflow } from './model'
import { NO_SPAN, Reporter } from './validate/reporter'
import { checkControlCharacters } from './validate/characters'
import { checkRetryNumbers } from './validate/numbers'
import { checkRetry } from './validate/retry'
import { checkSteps } from './validate/steps'
import { checkDuration, checkEvent, checkQueue, checkSchedule, checkTask, valueSpan, warnEmptyValue } from './validate/values'

/** Diagnostics for `doc`, which was parsed from `text`; in text order. */
export function validate(doc: CaiDocument, text: string): Diagnostic[] {
  return validateWith(doc, text, () => null)
}

/**
 * `validate` with a memory, for validating text after text as the user types:
 * a declaration is not checked again while its text is unchanged, so a
 * keystroke in a 5 MB file checks the declaration it changed. A clean one is
 * remembered wherever it moves: whether a declaration has problems depends on
 * its text alone. One with problems is remembered with them while it stays
 * on the same line and column, with the same text around it on its first and
 * last lines: its problems' line numbers, messages ("first at line N") and
 * fixes (which may take a whole line) depend on where it stands; their
 * offsets are moved along. Names that must be unique across the file are
 * checked every time.
 */
export function createIncrementalValidator(): (doc: CaiDocument, text: string) => Diagnostic[] {
  let previous = new Map<string, Remembered>()
  return (doc, text) => {
    const current = new Map<string, Remembered>()
    const diagnostics = validateWith(doc, text, (item, check, report) => {
      // The report's own line index, built once per text and only when a declaration has problems.
      const placeOf = (span: Span) => {
        const lineStart = text.lastIndexOf('\n', span.start - 1) + 1
        const lineEnd = text.indexOf('\n', span.end)
        return `${report.lineOf(span.start)}\u0000${text.slice(lineStart, span.start)}\u0000${text.slice(span.end, lineEnd < 0 ? text.length : lineEnd)}`
      }
      if (!item.span) return null
      const span = item.span
      const key = text.slice(span.start, span.end)
      const known = previous.get(key) ?? current.get(key)
      if (known && (known.diagnostics.length === 0 || known.place === placeOf(span))) {
        const moved = known.start === span.start ? known : { ...known, start: span.start, diagnostics: movedBy(known.diagnostics, span.start - known.start) }
        current.set(key, moved)
        return moved.diagnostics
      }
      const found = check()
      current.set(key, { start: span.start, place: found.length === 0 ? '' : placeOf(span), diagnostics: found })
      return found
    })
    // Only the declarations of the latest text: memory stays bounded.
    previous = current
    return diagnostics
  }
}

/** A declaration's problems as last found, at `start`, with where it stood (see placeOf). */
interface Remembered {
  start: number
  place: string
  diagnostics: readonly Diagnostic[]
}

/** Diagnostics moved `delta` characters along (their lines and columns unchanged: see createIncrementalValidator). */
function movedBy(diagnostics: readonly Diagnostic[], delta: number): readonly Diagnostic[] {
  if (delta === 0) return diagnostics
  const move = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta })
  return diagnostics.map((diagnostic) => ({
    ...diagnostic,
    span: move(diagnostic.span),
    ...(diagnostic.fix && { fix: { ...diagnostic.fix, edits: diagnostic.fix.edits.map((edit) => ({ ...edit, span: move(edit.span) })) } }),
  }))
}

type Known = (item: Workflow | Job, check: () => readonly Diagnostic[], report: Reporter) => readonly Diagnostic[] | null

/**
 * Checks every declaration; `known(item, check)` may answer for one instead
 * with its diagnostics (or null to have it checked), and may run `check`
 * itself, which checks the declaration and returns what that found.
 */
function validateWith(
  doc: CaiDocument,
  text: string,
  known: Known,
): Diagnostic[] {
  const report = new Reporter(text)
  const firstWorkflow = new Map<string, Workflow>()
  const firstJob = new Map<string, Job>()
  for (const item of doc.items) {
    if (item.kind === 'workflow') {
      checkUniqueName(item, firstWorkflow, report)
      checkOnce(item, () => checkWorkflow(item, report), report, known)
    } else if (item.kind === 'job') {
      checkUniqueName(item, firstJob, report)
      checkOnce(item, () => checkJob(item, report), report, known)
    }
  }
  return report.diagnostics()
}

/** Checks a declaration into `report`, unless `known` answers for it (with diagnostics found before, added then). */
function checkOnce<T extends Workflow | Job>(item: T, checkItem: () => void, report: Reporter, known: Known): void {
  let checked = false
  const check = () => {
    checked = true
    return report.collect(checkItem)
  }
  const answer = known(item, check, report)
  if (answer === null) {
    if (!checked) check()
  } else if (!checked) {
    report.addAll(answer)
  }
}

function checkUniqueName<T extends Workflow | Job>(item: T, firstByName: Map<string, T>, report: Reporter): void {
  const first = firstByName.get(item.name)
  if (!first) {
    firstByName.set(item.name, item)
    return
  }
  const where = first.nameSpan ? ` (first at line ${report.lineOf(first.nameSpan.start)})` : ''
  report.error(
    `duplicate-${item.kind}`,
    `${item.kind} "${item.name}" is declared twice${where}; ${item.kind} names must be unique in a file, so rename one`,
    item.nameSpan ?? item.span ?? NO_SPAN,
  )
}

function checkWorkflow(workflow: Workflow, report: Reporter): void {
  const owner = `workflow "${workflow.name}"`
  const span: Span = workflow.span ?? NO_SPAN
  const { trigger } = workflow
  const triggerSpan = trigger.span ?? span
  if (trigger.type === 'event') {
    checkEvent(trigger.value, valueSpan(trigger, span), owner, report)
  } else if (trigger.type === 'schedule') {
    checkSchedule(trigger.value ?? '', valueSpan(trigger, triggerSpan), trigger.valueSpan, owner, report)
  }
  if (workflow.timeout) {
    checkDuration(workflow.timeout, span, owner, 'timeout', 'so the workflow would time out at once', report)
  }
  checkSteps(workflow, span, report)
  checkControlCharacters(workflow, span, owner, report)
  if (workflow.retry) {
    checkRetry(workflow.retry, span, owner, 'workflow', report)
    checkRetryNumbers(workflow.retry, span, owner, report)
  }
}

function checkJob(job: Job, report: Reporter): void {
  const owner = `job "${job.name}"`
  const span: Span = job.span ?? NO_SPAN
  if (job.schedule?.value === '') {
    warnEmptyValue(job.schedule, span, owner, 'schedule', 'the job is never scheduled, only run when enqueued on demand', report)
  } else if (job.schedule) {
    checkSchedule(job.schedule.value, valueSpan(job.schedule, span), job.schedule.valueSpan, owner, report)
  }
  checkTask(job.task, span, owner, report)
  checkControlCharacters(job, span, owner, report)
  if (job.queue) checkQueue(job.queue, span, owner, report)
  if (job.retry) {
    checkRetry(job.retry, span, owner, 'job', report)
    checkRetryNumbers(job.retry, span, owner, report)
  }
}
