/** Checks of a `retry { }` block. */
import { formatDuration, parseGoDuration } from '../duration'
import type { Retry, Span, StringProp } from '../model'
import { describeRetry, RETRY_DEFAULTS } from '../retry'
import { keywordSpan, type Reporter } from './reporter'
import { checkDuration } from './values'

/** `neverRuns` says what never runs with max_attempts 0: `its activities never run`, `the task never runs`. */
export function checkRetry(retry: Retry, ownerSpan: Span, owner: string, neverRuns: string, report: Reporter): void {
  const span = retry.span ?? ownerSpan
  const { maxAttempts } = retry
  if (maxAttempts && Number(maxAttempts.raw) === 0) {
    const valueSpan = maxAttempts.valueSpan ?? maxAttempts.span ?? span
    report.warning(
      'retry-attempts-zero',
      `${owner}: max_attempts 0 allows no attempt at all, so ${neverRuns}: max_attempts counts every attempt, the first included; write 1 for no retries`,
      valueSpan,
      maxAttempts.valueSpan && { title: 'Write 1', edits: [{ span: maxAttempts.valueSpan, newText: '1' }] },
    )
  }
  const isEmpty = !retry.maxAttempts && !retry.initialInterval && !retry.backoffMultiplier
  if (isEmpty) {
    const defaults = `max_attempts ${RETRY_DEFAULTS.maxAttempts}, initial_interval ${formatDuration(RETRY_DEFAULTS.initialIntervalNanos)}, backoff_multiplier ${RETRY_DEFAULTS.backoffMultiplier.toFixed(1)}`
    const hasComments = retry.openTrailing.length > 0 || retry.inner.length > 0
    report.warning(
      'retry-empty',
      `${owner} has an empty retry block, so CodeAI's defaults apply (the designer assumes ${defaults}); set its fields or remove it`,
      keywordSpan(retry.span, 'retry', ownerSpan),
      hasComments ? undefined : report.removalFix('Remove the empty retry block', retry.span),
    )
  }
  if (retry.initialInterval) {
    checkDuration(retry.initialInterval, span, owner, 'retry initial_interval', 'so retries follow each other without a pause', report)
  }
}

/** Warns when the waits between a workflow's attempts alone outlast its timeout. */
export function checkRetryWithinTimeout(retry: Retry, timeout: StringProp, ownerSpan: Span, owner: string, report: Reporter): void {
  const limit = parseGoDuration(timeout.value)
  if (!limit.ok || limit.nanos <= 0) return
  const plan = describeRetry(retry)
  if (plan.total <= limit.nanos) return
  const span = retry.maxAttempts?.valueSpan ?? retry.initialInterval?.valueSpan ?? keywordSpan(retry.span, 'retry', ownerSpan)
  report.warning(
    'retry-exceeds-timeout',
    `${owner}: the retry waits add up to ${formatDuration(plan.total)} (${plan.summary}), more than the timeout "${timeout.value}"; the last attempts can never run, so raise the timeout or lower max_attempts`,
    span,
  )
}
