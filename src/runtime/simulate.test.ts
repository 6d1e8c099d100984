import { describe, expect, it } from 'vitest'
import { simulateWorkflow } from './simulate'
import { exampleWorkflow, profile, scenario, workflowOf } from './test-helpers'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN

const step = (name: string, extra = '') => `\t\t${name} {\n\t\t\tactivity "do.${name}"\n${extra}\t\t}\n`
const abc = step('a') + step('b') + step('c')

function outcomes(trace: ReturnType<typeof simulateWorkflow>) {
  return Object.fromEntries(trace.steps.map((s) => [s.name, s.outcome]))
}

describe('workflow rules', () => {
  it('with no setup every step takes 1 s and succeeds', () => {
    const trace = simulateWorkflow(workflowOf(abc), scenario(), profile())
    expect(trace.outcome).toEqual({ kind: 'completed' })
    expect(trace.durationMs).toBe(3 * S)
    expect(trace.steps.map((s) => [s.name, s.startMs, s.endMs, s.attempts.length])).toEqual([
      ['a', 0, S, 1],
      ['b', S, 2 * S, 1],
      ['c', 2 * S, 3 * S, 1],
    ])
  })

  it('a workflow without timeout gets 24 h', () => {
    const trace = simulateWorkflow(workflowOf(abc), scenario(), profile())
    expect(trace.timeoutMs).toBe(24 * H)
    expect(trace.timeoutSource).toBe('profile')
    expect(simulateWorkflow(workflowOf(abc, '\ttimeout ""'), scenario(), profile()).timeoutMs).toBe(24 * H)
  })

  it('every activity attempt has a 10-minute start-to-close timeout', () => {
    const trace = simulateWorkflow(workflowOf(step('slow')), scenario({ steps: { slow: { duration: '15m' } } }), profile())
    const slow = trace.steps[0]
    expect(slow.attempts.map((a) => [a.startMs, a.endMs, a.result])).toEqual([
      [0, 10 * MIN, 'activity-timeout'],
      [10 * MIN + S, 20 * MIN + S, 'activity-timeout'],
      [20 * MIN + 3 * S, 30 * MIN + 3 * S, 'activity-timeout'],
    ])
    expect(trace.outcome).toEqual({ kind: 'failed', step: 'slow' })
  })

  it('without a retry block: 3 attempts, 1 s, x2.0', () => {
    const trace = simulateWorkflow(workflowOf(step('pay')), scenario({ steps: { pay: { behaviour: 'always-fails' } } }), profile())
    const pay = trace.steps[0]
    expect(pay.attempts.map((a) => a.startMs)).toEqual([0, 2 * S, 5 * S])
    expect(pay.waits.map((w) => w.endMs - w.startMs)).toEqual([S, 2 * S])
    expect(pay.outcome).toBe('failed')
  })

  it('the workflow retry policy applies to every activity', () => {
    const retry = '\tretry {\n\t\tmax_attempts 2\n\t\tinitial_interval "5s"\n\t}'
    const trace = simulateWorkflow(workflowOf(step('a') + step('b'), retry), scenario({ default: { behaviour: 'fails-then-succeeds', failures: 1 } }), profile())
    expect(trace.steps.map((s) => s.attempts.length)).toEqual([2, 2])
    expect(trace.steps.map((s) => s.waits[0].endMs - s.waits[0].startMs)).toEqual([5 * S, 5 * S])
    expect(trace.outcome.kind).toBe('completed')
  })

  it('max_attempts 0 means unlimited attempts until the workflow timeout', () => {
    const retry = '\ttimeout "1h"\n\tretry {\n\t\tmax_attempts 0\n\t}'
    const trace = simulateWorkflow(workflowOf(step('pay')), scenario({ steps: { pay: { behaviour: 'always-fails' } } }), profile())
    expect(trace.steps[0].attempts).toHaveLength(3)
    const unlimited = simulateWorkflow(workflowOf(step('pay'), retry), scenario({ steps: { pay: { behaviour: 'always-fails' } } }), profile())
    expect(unlimited.retry.maxAttempts).toBeNull()
    expect(unlimited.outcome).toEqual({ kind: 'timed-out', step: 'pay' })
    expect(unlimited.durationMs).toBe(H)
    // 1+2+4+...+512 s of waits reach the 10-minute cap after 10 retries; then every 10 min 1 s.
    expect(unlimited.steps[0].attempts.length).toBeGreaterThan(10)
    expect(unlimited.steps[0].attempts.at(-1)!.endMs).toBeLessThanOrEqual(H)
  })

  it.each([
    ['waits that grow slowly', '1.0001', 100_000, '48h'],
    ['waits that shrink', '0.5', 100_000, '24h'],
    ['waits that grow slowly, all attempts in time', '1.0001', 15_000, '48h'],
    ['unlimited attempts, slowly growing waits', '1.00005', 0, '72h'],
  ])('past the 10,000 recorded attempts, %s are counted as one by one', (_, multiplier, maxAttempts, timeout) => {
    const retry = `\ttimeout "${timeout}"\n\tretry {\n\t\tmax_attempts ${maxAttempts}\n\t\tinitial_interval "1s"\n\t\tbackoff_multiplier ${multiplier}\n\t}`
    const trace = simulateWorkflow(workflowOf(step('pay'), retry), scenario({ steps: { pay: { behaviour: 'always-fails', duration: '2s' } } }), profile())
    // One by one: attempt k runs 2 s after the wait min(1 s x multiplier^(k-2), 10 min).
    const deadline = trace.timeoutMs
    let now = 0
    let count = 0
    let outcome = 'timed-out'
    for (let k = 1; maxAttempts === 0 || k <= maxAttempts; k++) {
      if (k > 1) now += Math.min(S * Number(multiplier) ** (k - 2), 10 * MIN)
      if (now + 2 * S > deadline) break
      now += 2 * S
      count = k
      if (k === maxAttempts) outcome = 'failed'
    }
    const pay = trace.steps[0]
    expect(pay.attempts.length + (pay.omittedAttempts ?? 0)).toBe(count)
    expect(trace.outcome.kind).toBe(outcome)
    if (outcome === 'failed') expect(trace.durationMs / now).toBeCloseTo(1, 6)
  })

  it('a retry block without max_attempts means unlimited attempts', () => {
    const trace = simulateWorkflow(workflowOf(step('pay'), '\ttimeout "2m"\n\tretry {\n\t\tinitial_interval "10s"\n\t}'), scenario({ steps: { pay: { behaviour: 'always-fails' } } }), profile())
    expect(trace.retry.maxAttempts).toBeNull()
    expect(trace.outcome.kind).toBe('timed-out')
  })

  it('initial_interval defaults to 1 s and backoff_multiplier to 2.0, also when 0', () => {
    const retry = '\tretry {\n\t\tmax_attempts 4\n\t\tbackoff_multiplier 0.0\n\t}'
    const trace = simulateWorkflow(workflowOf(step('pay'), retry), scenario({ steps: { pay: { behaviour: 'always-fails', duration: '0s' } } }), profile())
    expect(trace.steps[0].waits.map((w) => w.endMs - w.startMs)).toEqual([S, 2 * S, 4 * S])
  })

  it('the wait before attempt n+1 is min(initial x multiplier^(n-1), 10 min)', () => {
    const retry = '\tretry {\n\t\tmax_attempts 5\n\t\tinitial_interval "4m"\n\t\tbackoff_multiplier 2.0\n\t}'
    const trace = simulateWorkflow(workflowOf(step('pay'), retry), scenario({ steps: { pay: { behaviour: 'always-fails', duration: '0s' } } }), profile())
    expect(trace.steps[0].waits.map((w) => w.endMs - w.startMs)).toEqual([4 * MIN, 8 * MIN, 10 * MIN, 10 * MIN])
  })

  it('steps run in order', () => {
    const trace = simulateWorkflow(workflowOf(abc), scenario({ steps: { a: { duration: '3s' }, b: { duration: '250ms' } } }), profile())
    expect(trace.steps.map((s) => [s.startMs, s.endMs])).toEqual([
      [0, 3 * S],
      [3 * S, 3.25 * S],
      [3.25 * S, 4.25 * S],
    ])
  })

  it('a parallel block starts all branches at once and ends with its slowest', () => {
    const steps = step('a') + `\t\tparallel {\n${step('x')}${step('y')}\t\t}\n` + step('c')
    const trace = simulateWorkflow(workflowOf(steps), scenario({ steps: { x: { duration: '5s' } } }), profile())
    const at = Object.fromEntries(trace.steps.map((s) => [s.name, [s.startMs, s.endMs]]))
    expect(at).toEqual({ a: [0, S], x: [S, 6 * S], y: [S, 2 * S], c: [6 * S, 7 * S] })
    expect(trace.criticalPath.map((s) => s.step)).toEqual(['a', 'x', 'c'])
  })

  it('a step that exhausts its attempts fails the workflow at once and nothing after it runs', () => {
    const steps = step('a') + `\t\tparallel {\n${step('x')}${step('y')}\t\t}\n` + step('c')
    const trace = simulateWorkflow(workflowOf(steps), scenario({ steps: { y: { behaviour: 'always-fails' }, x: { duration: '1m' } } }), profile())
    expect(trace.outcome).toEqual({ kind: 'failed', step: 'y' })
    expect(outcomes(trace)).toEqual({ a: 'ran', x: 'cancelled', y: 'failed', c: 'not-reached' })
    // y: attempts at 1 s, 3 s, 6 s, each 1 s long: fails at 7 s; x is cut then.
    expect(trace.durationMs).toBe(7 * S)
    expect(trace.steps.find((s) => s.name === 'x')!.endMs).toBe(7 * S)
  })

  it('the workflow timeout cuts the running step and the rest is not reached', () => {
    const trace = simulateWorkflow(workflowOf(abc, '\ttimeout "90s"'), scenario({ steps: { b: { duration: '2m' } } }), profile())
    expect(trace.outcome).toEqual({ kind: 'timed-out', step: 'b' })
    expect(trace.durationMs).toBe(90 * S)
    expect(outcomes(trace)).toEqual({ a: 'ran', b: 'timed-out', c: 'not-reached' })
    expect(trace.steps[1].attempts).toEqual([{ number: 1, startMs: S, endMs: 90 * S, result: 'cut' }])
  })

  it('a failing step fails the first k attempts then succeeds', () => {
    const trace = simulateWorkflow(workflowOf(step('pay')), scenario({ steps: { pay: { failures: 2 } } }), profile())
    expect(trace.steps[0].attempts.map((a) => a.result)).toEqual(['failed', 'failed', 'succeeded'])
    expect(trace.summary).toBe('completes in 6 s; pay retried twice')
  })

  it('as CodeAI runs it today every condition is true and mappings are literal', () => {
    const steps = step('check') + step('pay', '\t\t\tinput {\n\t\t\t\tid: "workflow.input.id"\n\t\t\t}\n\t\t\tif "steps.check.output.ok == true"\n')
    const trace = simulateWorkflow(workflowOf(steps), scenario({ input: { id: 'A-1' } }), profile())
    const pay = trace.steps[1]
    expect(pay.outcome).toBe('ran')
    expect(pay.condition).toMatchObject({ value: true, asWritten: false })
    expect(pay.inputs).toEqual([{ key: 'id', written: 'workflow.input.id', evaluated: 'A-1' }])
  })

  it('as written a condition is the truthiness of the value its path names in the sample data', () => {
    const steps = step('check') + step('pay', '\t\t\tif "steps.check.output.ok == true"\n') + step('ship', '\t\t\tif "steps.check.output.ok"\n')
    const skipped = simulateWorkflow(workflowOf(steps), scenario({ conditions: 'as-written' }), profile())
    expect(outcomes(skipped)).toEqual({ check: 'ran', pay: 'skipped', ship: 'skipped' })
    expect(skipped.steps[1].reason).toBe('steps.check.output.ok is missing, not true')
    expect(skipped.summary).toBe('completes in 1 s; pay skipped (steps.check.output.ok is missing, not true); ship skipped (steps.check.output.ok is missing)')
    const ran = simulateWorkflow(workflowOf(steps), scenario({ conditions: 'as-written', steps: { check: { output: { ok: true } } } }), profile())
    expect(outcomes(ran)).toEqual({ check: 'ran', pay: 'ran', ship: 'ran' })
  })

  it('follows a profile configured differently', () => {
    const trace = simulateWorkflow(
      workflowOf(step('pay')),
      scenario({ steps: { pay: { behaviour: 'always-fails', duration: '0s' } } }),
      profile({ defaultRetry: { maxAttempts: 2, initialIntervalMs: 7 * S, backoffMultiplier: 2 } }),
    )
    expect(trace.steps[0].attempts).toHaveLength(2)
    expect(trace.durationMs).toBe(7 * S)
  })

  it('runs the bundled order workflow and says what happened in plain words', () => {
    const trace = simulateWorkflow(
      exampleWorkflow('order_fulfillment'),
      scenario({ conditions: 'as-written', steps: { check_inventory: { output: { all_available: false } } } }),
      profile(),
    )
    expect(trace.summary).toBe('completes in 4 s; process_payment skipped (steps.check_inventory.output.all_available is false, not true)')
    const failing = simulateWorkflow(exampleWorkflow('order_fulfillment'), scenario({ steps: { process_payment: { behaviour: 'always-fails' } } }), profile())
    expect(failing.summary).toBe(
      'fails after 35 s: process_payment failed after 3 attempts; not reached: reserve_inventory, notify_warehouse, send_confirmation; every condition read as true, as CodeAI runs it today',
    )
  })

  it('retries that take no time and never succeed last until the timeout instead of looping', () => {
    const retry = '\ttimeout "1m"\n\tretry {\n\t\tmax_attempts 0\n\t\tinitial_interval "0s"\n\t}'
    const trace = simulateWorkflow(workflowOf(step('spin')), scenario({ steps: { spin: { behaviour: 'always-fails', duration: '0s' } } }), profile())
    expect(trace.outcome.kind).toBe('failed')
    const spinning = simulateWorkflow(workflowOf(step('spin'), retry), scenario({ steps: { spin: { behaviour: 'always-fails', duration: '0s' } } }), profile())
    expect(spinning.outcome).toEqual({ kind: 'timed-out', step: 'spin' })
  })
})
