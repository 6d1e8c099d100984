import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import type { Job, Workflow } from '../language/model'
import { queueChoices, retrySummary, schedulePreview } from './summaries'
import { ORDERS } from './test-documents'

const { doc } = parse(ORDERS)
const orders = doc.items[0] as Workflow

describe('schedulePreview', () => {
  const from = new Date('2025-01-06T12:00:00Z') // a Monday

  it('gives the schedule in words and its next five runs in UTC', () => {
    expect(schedulePreview('30 7 * * 1-5', from)).toEqual({
      words: 'At 07:30 AM, Monday through Friday',
      runs: [
        'Tue 2025-01-07 07:30 UTC',
        'Wed 2025-01-08 07:30 UTC',
        'Thu 2025-01-09 07:30 UTC',
        'Fri 2025-01-10 07:30 UTC',
        'Mon 2025-01-13 07:30 UTC',
      ],
    })
  })

  it('shows the runs of a TZ= schedule in its zone', () => {
    const preview = schedulePreview('TZ=America/New_York 0 9 * * *', from, 2)
    expect(preview?.runs).toEqual(['Mon 2025-01-06 09:00 America/New_York', 'Tue 2025-01-07 09:00 America/New_York'])
    expect(preview?.words).toBe('At 09:00 AM (America/New_York time)')
  })

  it('gives nothing for an invalid expression', () => {
    expect(schedulePreview('0 6 * * 7', from)).toBeUndefined()
  })
})

describe('retrySummary', () => {
  it('describes the policy as written', () => {
    expect(retrySummary(orders.retry, 'workflow')).toBe('then 10s, 20s, 40s; gives up after 4 attempts, 1m10s')
    expect(retrySummary(undefined, 'workflow')).toBe("no retry policy, so CodeAI's default: then 1s, 2s; gives up after 3 attempts, 3s")
    expect(retrySummary(orders.retry, 'job')).toBe('then 2s, 4s, 8s, 16s; gives up after 5 runs, 30s (initial_interval and backoff_multiplier have no effect on a job)')
  })

  it('previews a field being typed', () => {
    expect(retrySummary(orders.retry, 'workflow', { field: 'maxAttempts', value: '5' })).toBe(
      'then 10s, 20s, 40s, 1m20s; gives up after 5 attempts, 2m30s',
    )
    expect(retrySummary(orders.retry, 'workflow', { field: 'initialInterval', value: '1m' })).toBe(
      'then 1m, 2m, 4m; gives up after 4 attempts, 7m',
    )
    expect(retrySummary(orders.retry, 'workflow', { field: 'backoffMultiplier', value: '1' })).toBe(
      'then 10s, 10s, 10s; gives up after 4 attempts, 30s',
    )
  })

  it('previews max_attempts left blank (removed) as unlimited attempts on a workflow', () => {
    expect(retrySummary(orders.retry, 'workflow', { field: 'maxAttempts', value: '' })).toBe(
      'then 10s, 20s, 40s, … (at most 10m apart); unlimited attempts until the workflow timeout (24h when none is set)',
    )
  })

  it('previews max_attempts 0 as unlimited attempts until the workflow timeout (Temporal reads 0 as unlimited)', () => {
    expect(retrySummary(orders.retry, 'workflow', { field: 'maxAttempts', value: '0' })).toBe(
      'then 10s, 20s, 40s, … (at most 10m apart); unlimited attempts until the workflow timeout (24h when none is set)',
    )
  })

  it('gives nothing for a value that would be refused', () => {
    expect(retrySummary(orders.retry, 'workflow', { field: 'maxAttempts', value: '-1' })).toBeUndefined()
    expect(retrySummary(orders.retry, 'workflow', { field: 'initialInterval', value: '1d' })).toBeUndefined()
    expect(retrySummary(orders.retry, 'workflow', { field: 'backoffMultiplier', value: '-1' })).toBeUndefined()
  })
})

describe('queueChoices', () => {
  it('offers the file queues first, then the known ones', () => {
    expect(queueChoices(doc)).toEqual(['bulk', 'critical', 'default', 'low_priority'])
    expect((doc.items[2] as Job).queue?.value).toBe('bulk')
  })
})
