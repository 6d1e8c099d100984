/** Checks of single string values: event names, schedules, durations, queues, tasks. */
import { parseCron } from '../cron'
import { formatDuration, parseGoDuration, repairDuration } from '../duration'
import { KNOWN_QUEUES, type Span, type StringProp } from '../model'
import { replaceValueFix, type Reporter } from './reporter'

const EVENT_NAME = /^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)*$/
const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_]*$/

/** Where a diagnostic about a value goes: its token, else the statement, else the owner's span. */
export function valueSpan(prop: { span?: Span; valueSpan?: Span }, fallback: Span): Span {
  return prop.valueSpan ?? prop.span ?? fallback
}

export function checkEvent(value: string | undefined, span: Span, owner: string, report: Reporter): void {
  if (!value) {
    report.error('event-invalid', `${owner}: the trigger event is empty; name the event that starts it, e.g. "order.created"`, span)
  } else if (!EVENT_NAME.test(value)) {
    report.error(
      'event-invalid',
      `${owner}: event "${value}" is not a valid event name; use dot-separated words of letters, digits and "_", each starting with a letter, e.g. "order.created"`,
      span,
    )
  }
}

export function checkSchedule(value: string, span: Span, valueTokenSpan: Span | undefined, owner: string, report: Reporter): void {
  const parsed = parseCron(value)
  if (parsed.ok) {
    for (const warning of parsed.schedule.warnings) report.warning(warning.code, `${owner}: schedule "${value}": ${warning.message}`, span)
    return
  }
  const fix = parsed.fix === undefined ? undefined : replaceValueFix(valueTokenSpan, parsed.fix)
  report.error('cron-invalid', `${owner}: schedule "${value}": ${parsed.error}`, span, fix)
}

/**
 * CodeAI's validator skips an empty `timeout`, `initial_interval`, job
 * `schedule` or `queue` (spec section 4): valid, but the designer warns,
 * says what CodeAI does instead, and offers to remove the statement (code
 * `value-empty`, with a removal fix). `statement` names it (`timeout`,
 * `retry initial_interval`...), `instead` says what happens.
 */
export function warnEmptyValue(prop: StringProp, fallback: Span, owner: string, statement: string, instead: string, report: Reporter): void {
  report.warning(
    'value-empty',
    `${owner}: ${statement} "" is empty, which CodeAI accepts: ${instead}; remove it or write a value`,
    valueSpan(prop, fallback),
    report.removalFix(`Remove the empty ${statement.replace(/^retry /, '')}`, prop.span),
  )
}

/**
 * A duration must be a Go duration (error) and should be positive (warning).
 * `what` names the statement, e.g. `timeout` or `retry initial_interval`.
 */
export function checkDuration(prop: StringProp, fallback: Span, owner: string, what: string, consequence: string, report: Reporter): void {
  const span = valueSpan(prop, fallback)
  if (prop.value === '') {
    const instead = what === 'timeout' ? 'the workflow then times out after its default, 24h' : 'the first retry then waits the default, 1s'
    warnEmptyValue(prop, fallback, owner, what, instead, report)
    return
  }
  const parsed = parseGoDuration(prop.value)
  if (!parsed.ok) {
    const repaired = repairDuration(prop.value)
    const fix = repaired === undefined ? undefined : replaceValueFix(prop.valueSpan, repaired)
    report.error('duration-invalid', `${owner}: ${what} ${parsed.error}`, span, fix)
  } else if (parsed.nanos <= 0) {
    const sign = parsed.nanos === 0 ? 'zero' : `negative (${formatDuration(parsed.nanos)})`
    report.warning('duration-not-positive', `${owner}: ${what} "${prop.value}" is ${sign}, ${consequence}; use a positive duration`, span)
  }
}

export function checkQueue(queue: StringProp, fallback: Span, owner: string, report: Reporter): void {
  const span = valueSpan(queue, fallback)
  const name = queue.value
  if (name === '') {
    warnEmptyValue(queue, fallback, owner, 'queue', 'the job goes to the "default" queue', report)
  } else if (!IDENTIFIER.test(name)) {
    const repaired = name.trim() === '' ? 'default' : name.trim().replace(/[^a-zA-Z0-9_]+/g, '_')
    const fix = IDENTIFIER.test(repaired) ? replaceValueFix(queue.valueSpan, repaired) : undefined
    report.error(
      'queue-invalid',
      `${owner}: queue "${name}" is not an identifier; a queue name uses letters, digits and "_" and does not start with a digit, e.g. "low_priority"`,
      span,
      fix,
    )
  } else if (!(KNOWN_QUEUES as readonly string[]).includes(name)) {
    report.info(
      'queue-unknown',
      `${owner}: queue "${name}" is not one of ${KNOWN_QUEUES.join(', ')}; make sure an Asynq worker serves it`,
      span,
    )
  }
}

export function checkTask(task: StringProp, fallback: Span, owner: string, report: Reporter): void {
  if (task.value !== '') return
  report.error('task-empty', `${owner} has an empty task; name the task type it runs, e.g. "sessions.cleanup"`, valueSpan(task, fallback))
}
