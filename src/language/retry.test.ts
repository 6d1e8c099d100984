import { describe, expect, it } from 'vitest'
import { emptyBlockTrivia, emptyTrivia, type Retry } from './model'
import { describeRetry, MAX_LISTED_DELAYS } from './retry'

const S = 1e9

function retry(fields: { maxAttempts?: string; initialInterval?: string; backoffMultiplier?: string }): Retry {
  return {
    ...emptyBlockTrivia(),
    kind: 'retry',
    maxAttempts: fields.maxAttempts === undefined ? undefined : { ...emptyTrivia(), raw: fields.maxAttempts },
    initialInterval: fields.initialInterval === undefined ? undefined : { ...emptyTrivia(), value: fields.initialInterval },
    backoffMultiplier: fields.backoffMultiplier === undefined ? undefined : { ...emptyTrivia(), raw: fields.backoffMultiplier },
  }
}

describe('describeRetry', () => {
  it('doubles the wait before each retry; max_attempts counts the first attempt', () => {
    expect(describeRetry(retry({ maxAttempts: '4', initialInterval: '10s', backoffMultiplier: '2.0' }))).toEqual({
      attempts: 4,
      delays: [10 * S, 20 * S, 40 * S],
      total: 70 * S,
      summary: 'then 10s, 20s, 40s; gives up after 4 attempts, 1m10s',
      assumed: [],
    })
  })

  it('handles fractional multipliers and rounds the summary, not the delays', () => {
    const plan = describeRetry(retry({ maxAttempts: '3', initialInterval: '1s', backoffMultiplier: '1.5' }))
    expect(plan.delays).toEqual([1 * S, 1.5 * S])
    expect(plan.summary).toBe('then 1s, 1.5s; gives up after 3 attempts, 2.5s')
    const long = describeRetry(retry({ maxAttempts: '20', initialInterval: '1s', backoffMultiplier: '1.5' }))
    expect(long.summary).toBe('then 1s, 1.5s, 2.25s, …, 24m38s; gives up after 20 attempts, 1h13m52s')
  })

  it('says a single attempt means no retries', () => {
    expect(describeRetry(retry({ maxAttempts: '1', initialInterval: '5s', backoffMultiplier: '2.0' }))).toMatchObject({
      attempts: 1,
      delays: [],
      total: 0,
      summary: 'no retries; gives up after 1 attempt',
    })
  })

  it('describes the absence of a retry block', () => {
    expect(describeRetry(undefined)).toEqual({ attempts: 1, delays: [], total: 0, summary: 'no retry policy: 1 attempt', assumed: [] })
  })

  it('assumes 3 attempts, 1s and 2.0 for omitted fields and says so', () => {
    const plan = describeRetry(retry({}))
    expect(plan).toMatchObject({ attempts: 3, delays: [1 * S, 2 * S], total: 3 * S })
    expect(plan.assumed).toEqual(['max_attempts', 'initial_interval', 'backoff_multiplier'])
    expect(plan.summary).toBe('then 1s, 2s; gives up after 3 attempts, 3s (assumes max_attempts 3, initial_interval 1s, backoff_multiplier 2.0)')
    expect(describeRetry(retry({ maxAttempts: '2', backoffMultiplier: '3.0' })).summary).toBe(
      'then 1s; gives up after 2 attempts, 1s (assumes initial_interval 1s)',
    )
  })

  it('assumes the default for an invalid interval', () => {
    expect(describeRetry(retry({ maxAttempts: '2', initialInterval: '1d', backoffMultiplier: '2.0' })).assumed).toEqual(['initial_interval'])
  })

  it('lists a bounded number of delays but totals them all', () => {
    const plan = describeRetry(retry({ maxAttempts: '100000', initialInterval: '1s', backoffMultiplier: '1.0' }))
    expect(plan.delays).toHaveLength(MAX_LISTED_DELAYS)
    expect(plan.total).toBe(99999 * S)
    expect(plan.summary).toBe('then 1s, 1s, 1s, …, 1s; gives up after 100000 attempts, 27h46m39s')
  })

  it('waits nothing with a zero interval, however many attempts and however steep the multiplier', () => {
    const plan = describeRetry(retry({ maxAttempts: '5000', initialInterval: '0s', backoffMultiplier: '2.0' }))
    expect(plan.total).toBe(0)
    expect(plan.delays.every((delay) => delay === 0)).toBe(true)
    expect(plan.summary).toBe('then 0s, 0s, 0s, …, 0s; gives up after 5000 attempts, 0s')
  })
})
