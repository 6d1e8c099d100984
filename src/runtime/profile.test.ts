import { describe, expect, it } from 'vitest'
import { CODEAI_PROFILE, isDefaultProfile, profileChanges, profileFromJson, profileToJson } from './profile'

describe('runtime profile', () => {
  it("holds CodeAI's defaults", () => {
    expect(profileToJson(CODEAI_PROFILE)).toEqual({
      workflowTimeout: '24h',
      activityTimeout: '10m',
      defaultRetry: { maxAttempts: 3, initialInterval: '1s', backoffMultiplier: 2 },
      maxRetryInterval: '10m',
      queues: { critical: 6, default: 3, low: 1 },
      concurrency: 10,
      jobDefaultRetries: 3,
      jobMaxRetryDelay: '10m',
    })
  })

  it('reads a partial profile over the defaults and round-trips', () => {
    const result = profileFromJson({ concurrency: 20, queues: { critical: 6, default: 3, low: 1, low_priority: 1 } })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.profile.concurrency).toBe(20)
    expect(result.profile.workflowTimeoutMs).toBe(24 * 3600 * 1000)
    expect(profileChanges(result.profile)).toEqual({ concurrency: 20, queues: { critical: 6, default: 3, low: 1, low_priority: 1 } })
    expect(profileFromJson(profileToJson(result.profile))).toEqual(result)
    expect(isDefaultProfile(CODEAI_PROFILE)).toBe(true)
  })

  it('refuses negative or absurd numbers with a message naming the field', () => {
    const result = profileFromJson({ concurrency: -1, workflowTimeout: '-5m', defaultRetry: { maxAttempts: 1e9 }, queues: { 'bad name': 1, low: 0 }, colour: 'red' })
    expect(result).toEqual({
      ok: false,
      errors: [
        'unknown field "colour" (known: workflowTimeout, activityTimeout, defaultRetry, maxRetryInterval, queues, concurrency, jobDefaultRetries, jobMaxRetryDelay)',
        'workflowTimeout must be at least 1ms, not "-5m"',
        'concurrency must be between 1 and 100000, not -1',
        'defaultRetry.maxAttempts must be between 1 and 1000000, not 1000000000',
        'queue name "bad name" must be an identifier (letters, digits, _)',
        'queues.low must be between 1 and 1000, not 0',
      ],
    })
    expect(profileFromJson({ activityTimeout: '9000h' })).toEqual({ ok: false, errors: ['activityTimeout must be at most a year (8784h), not "9000h"'] })
  })
})
