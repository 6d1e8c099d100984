/**
 * Checks of a `retry { }` block that hold whatever the deployment: CodeAI's
 * syntax for the values, and an empty block, which means something other
 * than no block at all. Checks that depend on the runtime's numbers (the
 * timeout, unlimited attempts) are the runtime warnings in `src/runtime/`.
 */
import type { Retry, Span } from '../model'
import { keywordSpan, type Reporter } from './reporter'
import { checkDuration } from './values'

/** What an empty block means, by CodeAI's source (spec section 6). */
const EMPTY_BLOCK_MEANS = {
  workflow:
    'which CodeAI reads as unlimited attempts (no max_attempts) every 1s, 2s, 4s ... until the timeout, not as its default of 3 attempts without a block',
  job: 'which CodeAI reads as no retries (no max_attempts), not as its default of 3 retries without a block',
} as const

export function checkRetry(retry: Retry, ownerSpan: Span, owner: string, kind: 'workflow' | 'job', report: Reporter): void {
  const span = retry.span ?? ownerSpan
  const isEmpty = !retry.maxAttempts && !retry.initialInterval && !retry.backoffMultiplier
  if (isEmpty) {
    const hasComments = retry.openTrailing.length > 0 || retry.inner.length > 0
    report.warning(
      'retry-empty',
      `${owner} has an empty retry block, ${EMPTY_BLOCK_MEANS[kind]}; set its fields or remove it`,
      keywordSpan(retry.span, 'retry', ownerSpan),
      hasComments ? undefined : report.removalFix('Remove the empty retry block', retry.span),
    )
  }
  if (retry.initialInterval) {
    checkDuration(retry.initialInterval, span, owner, 'retry initial_interval', 'so retries follow each other without a pause', report)
  }
}
