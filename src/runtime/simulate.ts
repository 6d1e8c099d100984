/**
 * A dry run of a workflow by CodeAI's runtime rules (spec section 6):
 * deterministic, in virtual time, linear in the number of steps and attempts.
 *
 * Steps run in order; a parallel block starts every branch at once and ends
 * with its slowest; a step whose attempts run out fails the workflow at once
 * (parallel siblings still running are cancelled), and nothing after it runs.
 * Each attempt is cut at the activity timeout (a failed attempt); the
 * workflow timeout cuts whatever runs or waits when it strikes.
 */
import { parseGoDuration, NANOS } from '../language/duration'
import type { Step, Workflow } from '../language/model'
import { workflowRetryDelay, workflowRetryDelaysBetween, workflowRetryPolicy, type WorkflowRetryPolicy } from '../language/retry'
import { evaluateCondition, resolveMapping, type DataContext } from './conditions'
import { retryRules, type RuntimeProfile } from './profile'
import { behaviourOf, type Scenario } from './scenario'
import { summariseTrace } from './summary'
import {
  MAX_RECORDED_ATTEMPTS,
  type AttemptTrace,
  type CriticalSegment,
  type StepTrace,
  type Trace,
  type WaitTrace,
  type WorkflowOutcome,
} from './trace'

interface Run {
  scenario: Scenario
  profile: RuntimeProfile
  policy: WorkflowRetryPolicy
  deadline: number
}

export function simulateWorkflow(workflow: Workflow, scenario: Scenario, profile: RuntimeProfile): Trace {
  const { timeoutMs, timeoutSource } = workflowTimeout(workflow, profile)
  const policy = workflowRetryPolicy(workflow.retry, retryRules(profile))
  const run: Run = { scenario, profile, policy, deadline: timeoutMs }
  const outputs = new Map<string, unknown>()
  const data: DataContext = { input: scenario.input, config: scenario.config, outputs }
  const steps: StepTrace[] = []
  const criticalPath: CriticalSegment[] = []
  let now = 0
  let outcome: WorkflowOutcome | undefined

  workflow.steps.items.forEach((item, block) => {
    const members = item.kind === 'step' ? [item] : item.branches
    if (outcome) {
      for (const step of members) steps.push(notReached(step, block, item.kind === 'parallel', data, outcome))
      return
    }
    // Branches read the outputs from before the block; theirs are visible after it.
    const traces = members.map((step) => runStep(step, block, item.kind === 'parallel', now, data, run))
    const failedAt = Math.min(...traces.filter((t) => t.outcome === 'failed').map((t) => t.endMs!))
    if (Number.isFinite(failedAt)) {
      const failing = traces.find((t) => t.outcome === 'failed' && t.endMs === failedAt)!
      for (const trace of traces) if (trace !== failing && trace.endMs! > failedAt) cancel(trace, failedAt, failing.name)
      outcome = { kind: 'failed', step: failing.name }
      criticalPath.push(segment(failing))
      now = failedAt
    } else {
      const timedOut = traces.find((t) => t.outcome === 'timed-out')
      const last = traces.reduce((slowest, t) => (t.endMs! > slowest.endMs! ? t : slowest))
      criticalPath.push(segment(timedOut ?? last))
      now = timedOut ? run.deadline : last.endMs!
      if (timedOut) outcome = { kind: 'timed-out', step: timedOut.name }
    }
    for (const trace of traces) {
      if (trace.outcome === 'ran') outputs.set(trace.name, behaviourOf(scenario, trace.name).output)
    }
    steps.push(...traces)
  })

  const trace: Trace = {
    workflow: workflow.name,
    conditions: scenario.conditions,
    timeoutMs,
    timeoutSource,
    activityTimeoutMs: profile.activityTimeoutMs,
    retry: {
      maxAttempts: Number.isFinite(policy.maxAttempts) ? policy.maxAttempts : null,
      initialIntervalMs: policy.initialIntervalNanos / NANOS.millisecond,
      backoffMultiplier: policy.backoffMultiplier,
      maxIntervalMs: policy.maxIntervalNanos / NANOS.millisecond,
      source: policy.source,
    },
    steps,
    outcome: outcome ?? { kind: 'completed' },
    durationMs: now,
    criticalPath,
    summary: '',
  }
  trace.summary = summariseTrace(trace)
  return trace
}

/** The written timeout when it is a positive duration, else the profile's (CodeAI treats a missing or empty one alike). */
export function workflowTimeout(workflow: Workflow, profile: RuntimeProfile): { timeoutMs: number; timeoutSource: 'written' | 'profile' } {
  const written = workflow.timeout ? parseGoDuration(workflow.timeout.value) : undefined
  if (written?.ok && written.nanos > 0) return { timeoutMs: written.nanos / NANOS.millisecond, timeoutSource: 'written' }
  return { timeoutMs: profile.workflowTimeoutMs, timeoutSource: 'profile' }
}

function runStep(step: Step, block: number, parallel: boolean, start: number, data: DataContext, run: Run): StepTrace {
  const trace = baseTrace(step, block, parallel, data)
  trace.startMs = start
  const condition = readCondition(step, data, run.scenario.conditions)
  if (condition) trace.condition = condition
  if (trace.condition && !trace.condition.value) {
    trace.outcome = 'skipped'
    trace.reason = trace.condition.reason
    trace.endMs = start
    return trace
  }
  const behaviour = behaviourOf(run.scenario, step.name)
  const { policy, deadline } = run
  const activityTimeout = run.profile.activityTimeoutMs
  const attempts: AttemptTrace[] = []
  const waits: WaitTrace[] = []
  let omitted = 0
  const attempt = (entry: AttemptTrace) => (attempts.length < MAX_RECORDED_ATTEMPTS ? attempts.push(entry) : omitted++)
  const wait = (entry: WaitTrace) => waits.length < MAX_RECORDED_ATTEMPTS && waits.push(entry)

  let now = start
  for (let n = 1; ; n++) {
    const overruns = behaviour.durationMs > activityTimeout
    const succeeds = !overruns && (behaviour.behaviour === 'succeeds' || (behaviour.behaviour === 'fails-then-succeeds' && n > behaviour.failures))
    const end = now + Math.min(behaviour.durationMs, activityTimeout)
    if (end > deadline) {
      attempt({ number: n, startMs: now, endMs: deadline, result: 'cut' })
      return finish(trace, 'timed-out', deadline, attempts, waits, omitted, `the workflow timed out during attempt ${n}`)
    }
    attempt({ number: n, startMs: now, endMs: end, result: succeeds ? 'succeeded' : overruns ? 'activity-timeout' : 'failed' })
    if (succeeds) return finish(trace, 'ran', end, attempts, waits, omitted)
    if (n >= policy.maxAttempts) {
      const why = overruns ? `every attempt outlasted the activity timeout` : `every attempt failed`
      return finish(trace, 'failed', end, attempts, waits, omitted, `${why}: ${n} of ${n} attempts`)
    }
    const delay = workflowRetryDelay(policy, n) / NANOS.millisecond
    const neverSucceeds = overruns || behaviour.behaviour === 'always-fails'
    const cycle = end - now + delay
    if (end + delay >= deadline || (cycle === 0 && neverSucceeds)) {
      // A wait past the deadline, or failures that take no time at all, last until the timeout.
      wait({ beforeAttempt: n + 1, startMs: end, endMs: deadline })
      return finish(trace, 'timed-out', deadline, attempts, waits, omitted, `the workflow timed out while it waited to retry (after ${n} attempts)`)
    }
    if (n >= MAX_RECORDED_ATTEMPTS && neverSucceeds) {
      // Past the recorded attempts, the rest at once: each lasts as long as this one, after its wait (in closed form:
      // waits that grow slowly, or shrink, have not reached the cap by now).
      const left = Math.min(policy.maxAttempts - n, Number.MAX_SAFE_INTEGER)
      const run = end - now
      const endAfter = (more: number) => end + more * run + workflowRetryDelaysBetween(policy, n, n + more - 1) / NANOS.millisecond
      if (endAfter(left) <= deadline) {
        return finish(trace, 'failed', endAfter(left), attempts, waits, omitted + left, `every attempt failed: ${policy.maxAttempts} of ${policy.maxAttempts} attempts`)
      }
      // The most further attempts that end by the deadline: endAfter(fit) <= deadline < endAfter(beyond).
      let fit = 0
      let beyond = left
      while (beyond - fit > 1) {
        const middle = fit + Math.floor((beyond - fit) / 2)
        if (endAfter(middle) <= deadline) fit = middle
        else beyond = middle
      }
      return finish(trace, 'timed-out', deadline, attempts, waits, omitted + fit, `the workflow timed out while it retried (after about ${n + fit} attempts)`)
    }
    wait({ beforeAttempt: n + 1, startMs: end, endMs: end + delay })
    now = end + delay
  }
}

function finish(
  trace: StepTrace,
  outcome: StepTrace['outcome'],
  end: number,
  attempts: AttemptTrace[],
  waits: WaitTrace[],
  omitted: number,
  reason?: string,
): StepTrace {
  trace.outcome = outcome
  trace.endMs = end
  trace.attempts = attempts
  trace.waits = waits
  if (reason) trace.reason = reason
  if (omitted > 0) trace.omittedAttempts = omitted
  return trace
}

/** A branch still running when a sibling failed the workflow: cut at that moment. */
function cancel(trace: StepTrace, at: number, by: string): void {
  trace.outcome = 'cancelled'
  trace.reason = `${by} failed the workflow while it ran`
  trace.endMs = at
  trace.attempts = trace.attempts.filter((a) => a.startMs < at).map((a) => (a.endMs > at ? { ...a, endMs: at, result: 'cut' } : a))
  trace.waits = trace.waits.filter((w) => w.startMs < at).map((w) => (w.endMs > at ? { ...w, endMs: at } : w))
}

function baseTrace(step: Step, block: number, parallel: boolean, data: DataContext): StepTrace {
  const trace: StepTrace = {
    name: step.name,
    block,
    parallel,
    outcome: 'not-reached',
    attempts: [],
    waits: [],
    inputs: (step.input?.entries ?? []).map((entry) => ({ key: entry.key, written: entry.value, evaluated: resolveMapping(entry.value, data) })),
  }
  if (step.activity) trace.activity = step.activity.value
  return trace
}

function notReached(step: Step, block: number, parallel: boolean, data: DataContext, outcome: WorkflowOutcome): StepTrace {
  const trace = baseTrace(step, block, parallel, data)
  trace.reason = outcome.kind === 'failed' ? `${outcome.step} failed the workflow before it` : 'the workflow timed out before it'
  return trace
}

/** Conditions are read when the step is reached; the trace carries both readings. */
function readCondition(step: Step, data: DataContext, reading: Scenario['conditions']): StepTrace['condition'] {
  if (!step.condition) return undefined
  const result = evaluateCondition(step.condition.value, data)
  return {
    written: step.condition.value,
    value: reading === 'codeai-today' ? true : result.value,
    asWritten: result.value,
    reason: result.reason,
    understood: result.understood,
  }
}

function segment(trace: StepTrace): CriticalSegment {
  return { step: trace.name, startMs: trace.startMs!, endMs: trace.endMs! }
}
