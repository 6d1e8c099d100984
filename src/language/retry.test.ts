import { describe, expect, it } from 'vitest'
import { emptyBlockTrivia, emptyTrivia, type Retry } from './model'
import { CODEAI_RETRY_RULES, describeRetry, jobRetryDelay, jobRetryPolicy, workflowRetryDelay, workflowRetryPolicy } from './retry'

const S = 1e9
const MIN = 60 * S

function retry(fields: { maxAttempts?: string; initialInterval?: string; backoffMultiplier?: string }): Retry {
  return {
    ...emptyBlockTrivia(),
    kind: 'retry',
    maxAttempts: fields.maxAttempts === undefined ? undefined : { ...emptyTrivia(), raw: fields.maxAttempts },
    initialInterval: fields.initialInterval === undefined ? undefined : { ...emptyTrivia(), value: fields.initialInterval },
    backoffMultiplier: fields.backoffMultiplier === undefined ? undefined : { ...emptyTrivia(), raw: fields.backoffMultiplier },
  }
}

describe('workflow retry rules', () => {
  it('without a retry block: 3 attempts, 1s, x2.0, at most 10 minutes apart', () => {
    expect(workflowRetryPolicy(undefined)).toEqual({
      maxAttempts: 3,
      initialIntervalNanos: S,
      backoffMultiplier: 2,
      maxIntervalNanos: 10 * MIN,
      source: 'default',
    })
    expect(describeRetry(undefined).summary).toBe("no retry policy, so CodeAI's default: then 1s, 2s; gives up after 3 attempts, 3s")
  })

  it('max_attempts 0 means unlimited attempts', () => {
    expect(workflowRetryPolicy(retry({ maxAttempts: '0' })).maxAttempts).toBe(Infinity)
  })

  it('max_attempts is read as Go reads it: 010 is octal, 8 attempts (and 8 runs more for a job: 8 retries)', () => {
    expect(workflowRetryPolicy(retry({ maxAttempts: '010' })).maxAttempts).toBe(8)
    expect(jobRetryPolicy(retry({ maxAttempts: '010' })).retries).toBe(8)
  })

  it('a retry block without max_attempts means unlimited attempts', () => {
    expect(workflowRetryPolicy(retry({ initialInterval: '5s' })).maxAttempts).toBe(Infinity)
    expect(describeRetry(retry({ initialInterval: '5s' })).summary).toBe(
      'then 5s, 10s, 20s, … (at most 10m apart); unlimited attempts until the workflow timeout (24h when none is set)',
    )
  })

  it('initial_interval defaults to 1s and backoff_multiplier to 2.0', () => {
    expect(workflowRetryPolicy(retry({ maxAttempts: '2' }))).toMatchObject({ initialIntervalNanos: S, backoffMultiplier: 2 })
  })

  it('a backoff_multiplier of 0 means 2.0', () => {
    expect(workflowRetryPolicy(retry({ maxAttempts: '2', backoffMultiplier: '0.0' })).backoffMultiplier).toBe(2)
  })

  it('the wait before attempt n+1 is min(initial x multiplier^(n-1), 10 min)', () => {
    const policy = workflowRetryPolicy(retry({ maxAttempts: '20', initialInterval: '1m', backoffMultiplier: '3.0' }))
    expect([1, 2, 3, 4].map((n) => workflowRetryDelay(policy, n))).toEqual([1 * MIN, 3 * MIN, 9 * MIN, 10 * MIN])
  })

  it('max_attempts counts every attempt, the first included', () => {
    expect(describeRetry(retry({ maxAttempts: '4', initialInterval: '10s', backoffMultiplier: '2.0' }))).toEqual({
      attempts: 4,
      delays: [10 * S, 20 * S, 40 * S],
      total: 70 * S,
      summary: 'then 10s, 20s, 40s; gives up after 4 attempts, 1m10s',
    })
  })

  it('sums capped waits of many attempts without listing them all', () => {
    const plan = describeRetry(retry({ maxAttempts: '100000', initialInterval: '1s', backoffMultiplier: '2.0' }))
    expect(plan.delays).toHaveLength(1000)
    expect(plan.delays[999]).toBe(10 * MIN)
    expect(plan.summary).toContain('gives up after 100000 attempts')
    expect(plan.total).toBeGreaterThan(99_980 * 10 * MIN)
  })

  it('waits that shrink leave the cap: each is min(initial x multiplier^(n-1), 10m)', () => {
    const plan = describeRetry(retry({ maxAttempts: '6', initialInterval: '40m', backoffMultiplier: '0.5' }))
    expect(plan.delays).toEqual([10 * MIN, 10 * MIN, 10 * MIN, 5 * MIN, 2.5 * MIN])
    expect(plan.total).toBe(37.5 * MIN)
  })

  it.each([
    ['shrinking waits', '0.54', '1s'],
    ['waits that grow slowly towards the cap', '1.0001', '1s'],
    ['capped waits that shrink', '0.999', '20m'],
    ['even waits', '1', '3s'],
  ])('past the listed waits, %s are summed as one by one', (_, multiplier, interval) => {
    const policy = workflowRetryPolicy(retry({ maxAttempts: '30000', initialInterval: interval, backoffMultiplier: multiplier }))
    let expected = 0
    for (let n = 1; n < 30000; n++) expected += workflowRetryDelay(policy, n)
    const plan = describeRetry(retry({ maxAttempts: '30000', initialInterval: interval, backoffMultiplier: multiplier }))
    expect(plan.delays).toHaveLength(1000)
    expect(plan.total / expected).toBeCloseTo(1, 9)
  })

  it('a huge max_attempts is described at once, whatever the multiplier', () => {
    // These looped once per attempt: a picture of this workflow froze the page.
    for (const multiplier of ['0.54', '1.0000001', '1', '2.0']) {
      const plan = describeRetry(retry({ maxAttempts: '53283249102605551', initialInterval: '1s', backoffMultiplier: multiplier }))
      expect(plan.summary).toContain('gives up after 53283249102605550 attempts')
      expect(Number.isFinite(plan.total)).toBe(true)
    }
    const job = describeRetry(retry({ maxAttempts: '1000000000000' }), 'job')
    expect(job.total / ((1022 + (1e12 - 9) * 600) * S)).toBeCloseTo(1, 12)
    expect(job.delays).toHaveLength(1000)
  })

  it('a zero initial interval waits nothing', () => {
    expect(describeRetry(retry({ maxAttempts: '5000', initialInterval: '0s', backoffMultiplier: '2.0' })).total).toBe(0)
  })

  it('follows the rules given, for a deployment configured differently', () => {
    const rules = { ...CODEAI_RETRY_RULES, workflowDefault: { maxAttempts: 5, initialIntervalNanos: 2 * S, backoffMultiplier: 1 } }
    expect(describeRetry(undefined, 'workflow', rules).summary).toContain('then 2s, 2s, 2s, 2s; gives up after 5 attempts, 8s')
  })
})

describe('job retry rules', () => {
  it('without a retry block: 3 retries, so at most 4 runs', () => {
    expect(jobRetryPolicy(undefined).retries).toBe(3)
    expect(describeRetry(undefined, 'job').summary).toBe(
      "no retry policy, so CodeAI's default of 3 retries: then 2s, 4s, 8s; gives up after 4 runs, 14s",
    )
  })

  it('max_attempts is the retries after the first run', () => {
    expect(describeRetry(retry({ maxAttempts: '2' }), 'job').attempts).toBe(3)
  })

  it('a retry block without max_attempts means no retries', () => {
    expect(describeRetry(retry({ initialInterval: '30s' }), 'job').summary).toBe(
      'no retries; gives up after 1 run (initial_interval and backoff_multiplier have no effect on a job)',
    )
  })

  it('the wait after the n-th failure is 2^n seconds, at most 10 minutes', () => {
    const policy = jobRetryPolicy(retry({ maxAttempts: '12' }))
    expect([1, 2, 3, 9, 10].map((n) => jobRetryDelay(policy, n))).toEqual([2 * S, 4 * S, 8 * S, 512 * S, 10 * MIN])
  })
})
