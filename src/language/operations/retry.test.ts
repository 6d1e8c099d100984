import { describe, expect, it } from 'vitest'
import { emptyBlockTrivia, emptyTrivia, type CaiDocument, type Retry } from '../model'
import { addRetry, attemptsNumeral, multiplierNumeral, removeRetry, setRetryField } from './retry'
import { deepFreeze, doc, docOf, job, jobIn, led, reasonOf, step, workflow, workflowIn } from './test-builders'

function sample(): CaiDocument {
  const retry: Retry = {
    kind: 'retry',
    ...led(emptyBlockTrivia(), '// be patient'),
    maxAttempts: led({ ...emptyTrivia(), raw: '3' }, '// three'),
    initialInterval: { ...emptyTrivia(), value: '1s' },
  }
  return deepFreeze(doc(workflow('w', [step('a')], { retry }), job('j'), workflow('plain', [step('b')])))
}

describe('setRetryField', () => {
  it('sets fields of an existing policy, keeping comments', () => {
    const before = sample()
    let after = docOf(setRetryField(before, { workflow: 'w' }, 'maxAttempts', 5))
    after = docOf(setRetryField(after, { workflow: 'w' }, 'initialInterval', '500ms'))
    const retry = workflowIn(after, 'w').retry
    expect(retry).toMatchObject({ maxAttempts: { raw: '5', leading: [{ text: '// three' }] }, initialInterval: { value: '500ms' } })
    expect(retry?.leading[0].text).toBe('// be patient')
    expect(after.items[1]).toBe(before.items[1])
  })

  it('writes the multiplier with a decimal point', () => {
    const multiplier = (value: number | string) =>
      workflowIn(docOf(setRetryField(sample(), { workflow: 'w' }, 'backoffMultiplier', value)), 'w').retry?.backoffMultiplier?.raw
    expect(multiplier(2)).toBe('2.0')
    expect(multiplier('2')).toBe('2.0')
    expect(multiplier(1.5)).toBe('1.5')
    expect(multiplier('1.25')).toBe('1.25')
    expect(multiplier(0)).toBe('0.0')
  })

  it('creates the policy of a job or workflow that has none', () => {
    const after = docOf(setRetryField(sample(), { job: 'j' }, 'maxAttempts', '4'))
    expect(jobIn(after, 'j').retry).toEqual({ kind: 'retry', ...emptyBlockTrivia(), maxAttempts: { ...emptyTrivia(), raw: '4' } })
  })

  it('removes a field, and changes nothing when there is none to remove', () => {
    const after = docOf(setRetryField(sample(), { workflow: 'w' }, 'maxAttempts', undefined))
    expect(workflowIn(after, 'w').retry).not.toHaveProperty('maxAttempts')
    expect(workflowIn(after, 'w').retry?.initialInterval?.value).toBe('1s')
    const before = sample()
    expect(docOf(setRetryField(before, { workflow: 'plain' }, 'initialInterval', undefined))).toBe(before)
    expect(docOf(setRetryField(before, { workflow: 'w' }, 'backoffMultiplier', undefined))).toBe(before)
  })

  it('changes nothing for the same value', () => {
    const before = sample()
    expect(docOf(setRetryField(before, { workflow: 'w' }, 'maxAttempts', 3))).toBe(before)
  })

  it.each([-1, 2.5, '3.0', 'three', '', Number.NaN])('refuses max_attempts %j', (value) => {
    expect(reasonOf(setRetryField(sample(), { workflow: 'w' }, 'maxAttempts', value))).toBe(
      'max_attempts must be a whole number of 0 or more (0 means unlimited attempts until the workflow timeout)',
    )
  })

  it.each([0, '0', '00'])('writes max_attempts %j as 0: CodeAI (Temporal) reads 0 as unlimited attempts', (value) => {
    expect(workflowIn(docOf(setRetryField(sample(), { workflow: 'w' }, 'maxAttempts', value)), 'w').retry?.maxAttempts?.raw).toBe('0')
    expect(jobIn(docOf(setRetryField(sample(), { job: 'j' }, 'maxAttempts', value)), 'j').retry?.maxAttempts?.raw).toBe('0')
  })

  it.each([-2, '-2.0', '2.', '.5', 'x', Number.POSITIVE_INFINITY, 1e21, ''])('refuses backoff_multiplier %j', (value) => {
    expect(reasonOf(setRetryField(sample(), { workflow: 'w' }, 'backoffMultiplier', value))).toBe(
      'backoff_multiplier must be a number of 0 or more, written like 2.0 or 1.5',
    )
  })

  it('refuses a quote in the interval, and an unknown owner', () => {
    expect(reasonOf(setRetryField(sample(), { job: 'j' }, 'initialInterval', '1"'))).toBe('a value cannot contain a double quote (")')
    expect(reasonOf(setRetryField(sample(), { job: 'nope' }, 'maxAttempts', 1))).toBe('there is no job named "nope"')
  })
})

describe('addRetry and removeRetry', () => {
  it('adds a default policy', () => {
    const retry = jobIn(docOf(addRetry(sample(), { job: 'j' })), 'j').retry
    expect(retry).toMatchObject({ maxAttempts: { raw: '3' }, initialInterval: { value: '1s' }, backoffMultiplier: { raw: '2.0' } })
  })

  it('refuses a second policy', () => {
    expect(reasonOf(addRetry(sample(), { workflow: 'w' }))).toBe('workflow w already has a retry policy')
  })

  it('removes the policy with its comments', () => {
    const before = sample()
    const result = removeRetry(before, { workflow: 'w' })
    expect(workflowIn(docOf(result), 'w')).not.toHaveProperty('retry')
    expect(result.ok && result.changed).toEqual(['w'])
    expect(docOf(removeRetry(before, { workflow: 'plain' }))).toBe(before)
  })
})

describe('numerals the designer writes are read by Go as meant', () => {
  it('max_attempts is written in decimal: a leading 0 would be octal to CodeAI', () => {
    expect(attemptsNumeral('010')).toBe('10')
    expect(attemptsNumeral('08')).toBe('8')
    expect(attemptsNumeral('3')).toBe('3')
    expect(attemptsNumeral('000')).toBe('0')
  })

  it('refuses max_attempts above 9223372036854775807 and a multiplier beyond float64', () => {
    expect(attemptsNumeral('9223372036854775807')).toBe('9223372036854775807')
    expect(attemptsNumeral('9223372036854775808')).toMatchObject({ ok: false, reason: expect.stringContaining('at most 9223372036854775807') })
    expect(multiplierNumeral(`1${'0'.repeat(309)}`)).toMatchObject({ ok: false, reason: expect.stringContaining('at most about 1.8e308') })
    expect(multiplierNumeral('2')).toBe('2.0')
  })
})
