import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyBlockTrivia, emptyTrivia, type Parallel, type Step, type StepItem, type Workflow } from '../language/model'
import { CODEAI_PROFILE } from './profile'
import { scenarioFromJson, type Scenario, type ScenarioJson } from './scenario'
import { simulateWorkflow } from './simulate'
import type { Trace } from './trace'

function stepNamed(name: string): Step {
  return { ...emptyBlockTrivia(), kind: 'step', name, activity: { ...emptyTrivia(), value: `do.${name}` } }
}

/** Workflows of up to 8 items, each a step or a parallel block of 2-3 branches, with any timeout and retry policy. */
const workflowArb: fc.Arbitrary<Workflow> = fc
  .record({
    shape: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 8 }),
    timeout: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
    retry: fc.option(
      fc.record({
        maxAttempts: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        intervalSeconds: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        multiplier: fc.option(fc.constantFrom('0.0', '1.0', '1.5', '2.0', '3.0'), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ shape, timeout, retry }) => {
    let n = 0
    const items: StepItem[] = shape.map((width) => {
      if (width === 1) return stepNamed(`s${n++}`)
      const block: Parallel = { ...emptyBlockTrivia(), kind: 'parallel', branches: Array.from({ length: width }, () => stepNamed(`s${n++}`)) }
      return block
    })
    const workflow: Workflow = {
      ...emptyBlockTrivia(),
      kind: 'workflow',
      name: 'w',
      trigger: { ...emptyTrivia(), kind: 'trigger', type: 'manual' },
      steps: { ...emptyBlockTrivia(), kind: 'steps', items },
    }
    if (timeout !== undefined) workflow.timeout = { ...emptyTrivia(), value: `${timeout}s` }
    if (retry) {
      workflow.retry = {
        ...emptyBlockTrivia(),
        kind: 'retry',
        ...(retry.maxAttempts !== undefined ? { maxAttempts: { ...emptyTrivia(), raw: String(retry.maxAttempts) } } : {}),
        ...(retry.intervalSeconds !== undefined ? { initialInterval: { ...emptyTrivia(), value: `${retry.intervalSeconds}s` } } : {}),
        ...(retry.multiplier !== undefined ? { backoffMultiplier: { ...emptyTrivia(), raw: retry.multiplier } } : {}),
      }
    }
    return workflow
  })

const behaviourArb = fc.record({
  duration: fc.constantFrom('0s', '100ms', '1s', '5s', '30s', '11m'),
  behaviour: fc.constantFrom('succeeds', 'fails-then-succeeds', 'always-fails'),
  failures: fc.integer({ min: 0, max: 5 }),
}) as fc.Arbitrary<ScenarioJson['default']>

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({ default: behaviourArb, steps: fc.dictionary(fc.constantFrom('s0', 's1', 's2', 's3', 's4', 's5'), behaviourArb) })
  .map((json) => {
    const parsed = scenarioFromJson(json)
    if (!parsed.ok) throw new Error(parsed.errors.join('; '))
    return parsed.scenario
  })

const cases = fc.tuple(workflowArb, scenarioArb)

/** Steps grouped by top-level item. */
function blocks(trace: Trace) {
  const grouped = new Map<number, Trace['steps']>()
  for (const step of trace.steps) grouped.set(step.block, [...(grouped.get(step.block) ?? []), step])
  return [...grouped.values()]
}

describe('dry run properties', () => {
  it('a step never starts before the steps it follows have ended', () => {
    fc.assert(
      fc.property(cases, ([workflow, scenario]) => {
        const trace = simulateWorkflow(workflow, scenario, CODEAI_PROFILE)
        let previousEnd = 0
        for (const block of blocks(trace)) {
          const reached = block.filter((s) => s.startMs !== undefined)
          for (const step of reached) expect(step.startMs!).toBeGreaterThanOrEqual(previousEnd)
          if (reached.length > 0) previousEnd = Math.max(...reached.map((s) => s.endMs!))
        }
      }),
    )
  })

  it('parallel branches start together', () => {
    fc.assert(
      fc.property(cases, ([workflow, scenario]) => {
        const trace = simulateWorkflow(workflow, scenario, CODEAI_PROFILE)
        for (const block of blocks(trace)) {
          const starts = new Set(block.filter((s) => s.startMs !== undefined).map((s) => s.startMs))
          expect(starts.size).toBeLessThanOrEqual(1)
        }
      }),
    )
  })

  it('the total duration equals the critical path', () => {
    fc.assert(
      fc.property(cases, ([workflow, scenario]) => {
        const trace = simulateWorkflow(workflow, scenario, CODEAI_PROFILE)
        const path = trace.criticalPath
        expect(path.reduce((sum, s) => sum + (s.endMs - s.startMs), 0)).toBeCloseTo(trace.durationMs, 6)
        path.forEach((s, k) => expect(s.startMs).toBe(k === 0 ? 0 : path[k - 1].endMs))
        expect(trace.durationMs).toBeLessThanOrEqual(trace.timeoutMs)
      }),
    )
  })

  it('attempts never exceed max_attempts, and never end past the timeout', () => {
    fc.assert(
      fc.property(cases, ([workflow, scenario]) => {
        const trace = simulateWorkflow(workflow, scenario, CODEAI_PROFILE)
        for (const step of trace.steps) {
          const count = step.attempts.length + (step.omittedAttempts ?? 0)
          if (trace.retry.maxAttempts !== null) expect(count).toBeLessThanOrEqual(trace.retry.maxAttempts)
          for (const attempt of step.attempts) expect(attempt.endMs).toBeLessThanOrEqual(trace.timeoutMs)
        }
      }),
    )
  })

  it('a simulation of the same input is identical every time', () => {
    fc.assert(
      fc.property(cases, ([workflow, scenario]) => {
        const first = JSON.stringify(simulateWorkflow(workflow, scenario, CODEAI_PROFILE))
        expect(JSON.stringify(simulateWorkflow(structuredClone(workflow), structuredClone(scenario), CODEAI_PROFILE))).toBe(first)
      }),
    )
  })
})
