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
  return validateWith(doc, text, () => false)
}

/**
 * `validate` with a memory, for validating text after text as the user types:
 * a declaration found without problems is not checked again while its text is
 * unchanged (wherever it moved), so a keystroke in a 5 MB file checks the
 * declaration it changed. Only clean ones are remembered: whether a
 * declaration has problems depends on its text alone, while the problems'
 * positions and messages ("first at line N") depend on where it stands.
 * Names that must be unique across the file are checked every time.
 */
export function createIncrementalValidator(): (doc: CaiDocument, text: string) => Diagnostic[] {
  let previous = new Set<string>()
  return (doc, text) => {
    const current = new Set<string>()
    const diagnostics = validateWith(doc, text, (item, check) => {
      if (!item.span) return false
      const key = text.slice(item.span.start, item.span.end)
      if (previous.has(key) || current.has(key)) {
        current.add(key)
        return true
      }
      if (check()) current.add(key)
      return true
    })
    // Only the declarations of the latest text: memory stays bounded.
    previous = current
    return diagnostics
  }
}

/**
 * Checks every declaration; `known(item, check)` may answer for one instead,
 * returning true when it did, and may run `check` itself, which checks the
 * declaration and says whether that found no problems.
 */
function validateWith(
  doc: CaiDocument,
  text: string,
  known: (item: Workflow | Job, check: () => boolean) => boolean,
): Diagnostic[] {
  const report = new Reporter(text)
  const firstWorkflow = new Map<string, Workflow>()
  const firstJob = new Map<string, Job>()
  for (const item of doc.items) {
    if (item.kind === 'workflow') {
      checkUniqueName(item, firstWorkflow, report)
      const check = () => cleanAfter(report, () => checkWorkflow(item, report))
      if (!known(item, check)) check()
    } else if (item.kind === 'job') {
      checkUniqueName(item, firstJob, report)
      const check = () => cleanAfter(report, () => checkJob(item, report))
      if (!known(item, check)) check()
    }
  }
  return report.diagnostics()
}

/** Runs `check`; whether it reported nothing. */
function cleanAfter(report: Reporter, check: () => void): boolean {
  const before = report.count
  check()
  return report.count === before
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
