/**
 * Runtime warnings: what CodeAI's runtime will do with a valid file that its
 * author may not expect, computed with the runtime profile's numbers. Shown
 * with the validator's diagnostics, under the code prefix `runtime/`.
 */
import { formatDuration, NANOS } from '../language/duration'
import type { CaiDocument, Diagnostic, Job, Span, Workflow } from '../language/model'
import { describeRetry, workflowRetryPolicy } from '../language/retry'
import { keywordSpan, NO_SPAN, replaceValueFix, Reporter } from '../language/validate/reporter'
import { queueOf } from '../language/queues'
import { retryRules, servesQueue, type RuntimeProfile } from './profile'
import { workflowTimeout } from './simulate'

export const RUNTIME_CODE_PREFIX = 'runtime/'

export function isRuntimeDiagnostic(diagnostic: Diagnostic): boolean {
  return diagnostic.code.startsWith(RUNTIME_CODE_PREFIX)
}

/** The runtime warnings of every workflow and job in `doc` (parsed from `text`), in text order. */
export function runtimeWarnings(doc: CaiDocument, text: string, profile: RuntimeProfile): Diagnostic[] {
  const report = new Reporter(text)
  for (const item of doc.items) {
    if (item.kind === 'workflow') checkWorkflow(item, profile, report)
    else if (item.kind === 'job') checkJob(item, profile, report)
  }
  return report.diagnostics()
}

function ms(value: number): string {
  return formatDuration(value * NANOS.millisecond)
}

function checkWorkflow(workflow: Workflow, profile: RuntimeProfile, report: Reporter): void {
  const owner = `workflow "${workflow.name}"`
  const span = workflow.span ?? NO_SPAN
  const { timeoutMs, timeoutSource } = workflowTimeout(workflow, profile)
  const timeoutWords = timeoutSource === 'written' ? `its timeout "${workflow.timeout!.value}"` : `the default timeout, ${ms(timeoutMs)}, as none is set`
  const { retry } = workflow
  const rules = retryRules(profile)
  const policy = workflowRetryPolicy(retry, rules)
  if (retry && policy.maxAttempts === Infinity) {
    const attempts = retry.maxAttempts
    const where = attempts?.valueSpan ?? keywordSpan(retry.span, 'retry', span)
    const written = attempts ? `max_attempts ${attempts.raw}` : 'a retry block without max_attempts'
    report.warning(
      'runtime/unlimited-attempts',
      `${owner}: ${written} means unlimited attempts: a failing activity is retried until the timeout, which is ${ms(profile.workflowTimeoutMs)} when none is set (here ${timeoutWords}); write the number of attempts you want, the first included`,
      where,
      attempts?.valueSpan && { title: 'Write 3 attempts', edits: [{ span: attempts.valueSpan, newText: '3' }] },
    )
    return
  }
  const plan = describeRetry(retry, 'workflow', rules)
  const timeoutNanos = timeoutMs * NANOS.millisecond
  if (plan.total > timeoutNanos) {
    const where = retry?.maxAttempts?.valueSpan ?? retry?.initialInterval?.valueSpan ?? (retry ? keywordSpan(retry.span, 'retry', span) : workflow.nameSpan ?? span)
    report.warning(
      'runtime/retry-exceeds-timeout',
      `${owner}: the waits between attempts alone add up to ${formatDuration(plan.total)} (${plan.summary}), more than ${timeoutWords}; the last attempts can never run, so raise the timeout or lower max_attempts`,
      where,
    )
  }
}

function checkJob(job: Job, profile: RuntimeProfile, report: Reporter): void {
  const owner = `job "${job.name}"`
  const span = job.span ?? NO_SPAN
  for (const field of [job.retry?.initialInterval, job.retry?.backoffMultiplier]) {
    if (!field) continue
    const name = field === job.retry?.initialInterval ? 'initial_interval' : 'backoff_multiplier'
    report.warning(
      'runtime/job-retry-ignored',
      `${owner}: ${name} has no effect on a job: CodeAI passes only max_attempts to Asynq, which waits 2^n s after the n-th failure (at most ${ms(profile.jobMaxRetryDelayMs)})`,
      field.span ?? job.retry?.span ?? span,
      report.removalFix(`Remove ${name}`, field.span),
    )
  }
  const queue = queueOf(job)
  if (!servesQueue(profile, queue)) {
    const served = profile.queues.map((q) => q.name)
    const servedWords = served.length === 0 ? 'no queue at all' : served.join(', ')
    const replacement = served.includes('low') ? 'low' : served[0]
    const where: Span = job.queue?.valueSpan ?? job.nameSpan ?? span
    report.warning(
      'runtime/queue-unserved',
      `${owner}: its queue "${queue}" is not served by the worker (it serves ${servedWords}), so its tasks are enqueued and never processed; put the job on a served queue, or add "${queue}" to the served queues of the runtime profile`,
      where,
      replacement && job.queue ? replaceValueFix(job.queue.valueSpan, replacement) : undefined,
    )
  }
}
