import { describe, expect, it } from 'vitest'
import { evaluateCondition } from './conditions'
import { behaviourOf, scenarioFromJson, scenarioToJson } from './scenario'

const data = { input: { order: { total: 12, vip: false, tags: [] as string[] } }, config: { mode: 'live' }, outputs: new Map([['check', { ok: true, n: 3 }]]) }

describe('scenario', () => {
  it('reads every field, names every mistake and round-trips', () => {
    const json = { input: { id: 'A-1' }, conditions: 'as-written', default: { duration: '2s' }, steps: { pay: { failures: 2 }, ship: { behaviour: 'always-fails' } } }
    const result = scenarioFromJson(json)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(behaviourOf(result.scenario, 'pay')).toEqual({ durationMs: 2000, behaviour: 'fails-then-succeeds', failures: 2, output: {} })
    expect(scenarioFromJson(scenarioToJson(result.scenario))).toEqual(result)
    expect(scenarioFromJson({ steps: { pay: { duration: 'soon', behaviour: 'flaky' } }, conditions: 'maybe' })).toEqual({
      ok: false,
      errors: [
        'conditions must be "codeai-today" or "as-written", not "maybe"',
        'steps.pay.duration must be a duration such as "1s" or "2m30s", not "soon"',
        'steps.pay.behaviour must be one of "succeeds", "fails-then-succeeds", "always-fails", not "flaky"',
      ],
    })
  })
})

describe('conditions as written', () => {
  it.each([
    ['steps.check.output.ok', true, 'steps.check.output.ok is true'],
    ['!steps.check.output.ok', false, 'steps.check.output.ok is true'],
    ['steps.check.output.n == 3', true, 'steps.check.output.n is 3'],
    ['steps.check.output.n != 3', false, 'steps.check.output.n is 3'],
    ["config.mode == 'live'", true, 'config.mode is "live"'],
    ['workflow.input.order.vip == true', false, 'workflow.input.order.vip is false, not true'],
    ['workflow.input.order.tags', false, 'workflow.input.order.tags is []'],
    ['workflow.input.missing', false, 'workflow.input.missing is missing'],
    ['steps.other.output.x', false, 'steps.other.output.x is missing'],
  ])('%s is %s', (condition, value, reason) => {
    expect(evaluateCondition(condition, data)).toEqual({ value, reason, understood: true })
  })

  it('takes a condition it cannot read as true, and says so', () => {
    expect(evaluateCondition('steps.check.output.n > 2 && x', data)).toMatchObject({ value: true, understood: false })
  })
})
