/**
 * Checks of a value typed into the inspector, before it is written. They use
 * the validator's own rules and messages (spec section 4): an error means
 * CodeAI would reject the value, so the inspector does not write it; a warning
 * or information is written and shown.
 */
import { emptyTrivia, type Diagnostic, type Severity, type Span, type StringProp } from '../language/model'
import { nameProblem, valueProblem } from '../language/operations'
import type { NameRole } from '../language/operations/names'
import { attemptsNumeral, multiplierNumeral } from '../language/operations/retry'
import { isRefusal } from '../language/operations/result'
import { NO_SPAN, Reporter } from '../language/validate/reporter'
import { checkDuration, checkEvent, checkQueue, checkSchedule, checkTask } from '../language/validate/values'

export interface Finding {
  severity: Severity
  message: string
}

const error = (message: string): Finding[] => [{ severity: 'error', message }]

/** Whether the findings forbid writing the value. */
export function isRejected(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error')
}

/** Runs validator checks against a lone value. */
function validatorFindings(check: (report: Reporter) => void): Finding[] {
  const report = new Reporter('')
  check(report)
  return report.diagnostics().map(({ severity, message }) => ({ severity, message }))
}

function prop(value: string): StringProp {
  return { ...emptyTrivia(), value }
}

/** A string CodeAI can hold: anything without a double quote. */
export function stringFindings(value: string): Finding[] {
  const problem = valueProblem(value)
  return problem ? error(problem) : []
}

/** A workflow, job, step or input name; `taken` are the names it must not collide with. */
export function nameFindings(value: string, role: NameRole, taken: readonly string[]): Finding[] {
  const problem = nameProblem(value, role)
  if (problem) return error(problem)
  if (taken.includes(value)) return error(`there is already ${role === 'input' ? 'an input' : `a ${role}`} named "${value}"`)
  return []
}

export function activityFindings(value: string, owner: string): Finding[] {
  if (value === '') return error(`${owner} has an empty activity; name the activity it runs, e.g. "orders.validate"`)
  return stringFindings(value)
}

export function eventFindings(value: string, owner: string): Finding[] {
  const quote = stringFindings(value)
  return quote.length > 0 ? quote : validatorFindings((report) => checkEvent(value, NO_SPAN, owner, report))
}

export function scheduleFindings(value: string, owner: string): Finding[] {
  const quote = stringFindings(value)
  return quote.length > 0 ? quote : validatorFindings((report) => checkSchedule(value, NO_SPAN, undefined, owner, report))
}

/** `what` names the statement (`timeout`, `retry initial_interval`); `consequence` says what a zero duration does. */
export function durationFindings(value: string, owner: string, what: string, consequence: string): Finding[] {
  const quote = stringFindings(value)
  if (quote.length > 0) return quote
  return validatorFindings((report) => checkDuration(prop(value), NO_SPAN, owner, what, consequence, report))
}

export function queueFindings(value: string, owner: string): Finding[] {
  const quote = stringFindings(value)
  return quote.length > 0 ? quote : validatorFindings((report) => checkQueue(prop(value), NO_SPAN, owner, report))
}

export function taskFindings(value: string, owner: string): Finding[] {
  const quote = stringFindings(value)
  return quote.length > 0 ? quote : validatorFindings((report) => checkTask(prop(value), NO_SPAN, owner, report))
}

export function attemptsFindings(value: string): Finding[] {
  const numeral = attemptsNumeral(value)
  return isRefusal(numeral) ? error(numeral.reason) : []
}

export function multiplierFindings(value: string): Finding[] {
  const numeral = multiplierNumeral(value)
  return isRefusal(numeral) ? error(numeral.reason) : []
}

/** The file's diagnostics inside `span` (e.g. a statement's), as findings; none without a span. */
export function findingsWithin(diagnostics: readonly Diagnostic[], span: Span | undefined): Finding[] {
  if (!span) return []
  return diagnostics
    .filter((d) => d.span.start >= span.start && d.span.end <= span.end)
    .map(({ severity, message }) => ({ severity, message }))
}

/** The file's diagnostics with one of `codes` inside `span`: for a problem reported at a wider place than one field. */
export function findingsWithCode(diagnostics: readonly Diagnostic[], span: Span | undefined, codes: readonly string[]): Finding[] {
  return findingsWithin(
    diagnostics.filter((d) => codes.includes(d.code)),
    span,
  )
}
