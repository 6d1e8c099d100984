import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import type { Job } from '../language/model'
import { nextRuns, parseCron } from '../language/cron'
import { expandUtc, jobCalendar, runsInOrder } from './calendar'
import { exampleJobs, profile } from './test-helpers'

const from = new Date('2025-01-06T00:00:00Z') // a Monday
const day = new Date('2025-01-07T00:00:00Z')

function jobs(text: string): Job[] {
  return parse(text).doc.items.filter((item): item is Job => item.kind === 'job')
}

describe('job rules', () => {
  it('a job without queue goes to default', () => {
    const calendar = jobCalendar(jobs('job j {\n\tschedule "0 9 * * *"\n\ttask "t"\n}\n'), from, day, profile())
    expect(runsInOrder(calendar)).toEqual([{ job: 'j', queue: 'default', atMs: Date.parse('2025-01-06T09:00:00Z'), zone: 'UTC' }])
  })

  it('the worker serves critical, default and low with weights 6, 3 and 1', () => {
    const calendar = jobCalendar([], from, day, profile())
    expect(calendar.queues.map((q) => [q.name, q.weight])).toEqual([
      ['critical', 6],
      ['default', 3],
      ['low', 1],
    ])
  })

  it('a queue the worker does not serve is never processed', () => {
    const calendar = jobCalendar(exampleJobs(), from, day, profile())
    expect(calendar.unserved).toEqual([
      { job: 'cleanup_sessions', queue: 'low_priority' },
      { job: 'archive_logs', queue: 'low_priority' },
    ])
    expect(calendar.queues.find((q) => q.name === 'low_priority')).toMatchObject({ served: false, jobs: ['cleanup_sessions', 'archive_logs'] })
    const served = jobCalendar(exampleJobs(), from, day, profile({ queues: [...profile().queues, { name: 'low_priority', weight: 1 }] }))
    expect(served.unserved).toEqual([])
  })

  it('more tasks due in one minute than the worker runs at once is a collision', () => {
    const text = Array.from({ length: 11 }, (_, k) => `job j${k} {\n\tschedule "0 2 * * *"\n\ttask "t"\n}\n`).join('')
    const calendar = jobCalendar(jobs(text), from, day, profile())
    expect(calendar.collisions).toHaveLength(1)
    expect(calendar.collisions[0]).toMatchObject({ minuteMs: Date.parse('2025-01-06T02:00:00Z'), total: 11, byQueue: { default: 11 } })
    expect(calendar.collisions[0].jobs).toEqual(Array.from({ length: 11 }, (_, k) => `j${k}`))
    expect(jobCalendar(jobs(text), from, day, profile({ concurrency: 11 })).collisions).toEqual([])
  })

  it('schedules run in UTC unless the expression starts with CRON_TZ= or TZ=', () => {
    const text = 'job a {\n\tschedule "0 9 * * *"\n\ttask "t"\n}\njob b {\n\tschedule "CRON_TZ=America/New_York 0 9 * * *"\n\ttask "t"\n}\n'
    const calendar = jobCalendar(jobs(text), from, day, profile())
    expect(runsInOrder(calendar).map((r) => [r.job, new Date(r.atMs).toISOString(), r.zone])).toEqual([
      ['a', '2025-01-06T09:00:00.000Z', 'UTC'],
      ['b', '2025-01-06T14:00:00.000Z', 'America/New_York'],
    ])
  })

  it('lists every run in the range and counts each queue per minute', () => {
    const week = new Date('2025-01-13T00:00:00Z')
    const calendar = jobCalendar(exampleJobs(), from, week, profile())
    const count = (job: string) => calendar.jobs.find((r) => r.job === job)!.runs.length
    expect([count('cleanup_sessions'), count('weekly_backup'), count('sync_inventory'), count('health_check_services')]).toEqual([168, 1, 336, 2016])
    const twoAm = calendar.minutes.find((m) => m.minuteMs === Date.parse('2025-01-12T02:00:00Z'))!
    expect(twoAm.byQueue).toEqual({ critical: 2, low_priority: 1, default: 1 })
    expect(calendar.unscheduled).toEqual([])
  })
})

describe('calendar expansion', () => {
  it.each(['*/30 * * * *', '0 2 * * 0', '15 9 1,15 * MON', '0 0 29 2 *', '*/7 3-5 * JAN-MAR 1-5', '59 23 31 * *', '0 12 * * ?'])(
    'expands %s in UTC exactly as nextRuns does',
    (expression) => {
      const parsed = parseCron(expression)
      if (!parsed.ok) throw new Error(parsed.error)
      const start = Date.parse('2024-01-01T00:00:00Z')
      const end = Date.parse('2024-03-02T00:00:00Z')
      const expected: number[] = []
      for (let cursor = start - 1; ; ) {
        const next = nextRuns(parsed.schedule, new Date(cursor), 1)[0]?.getTime()
        if (next === undefined || next >= end) break
        expected.push(next)
        cursor = next
      }
      expect(expandUtc(parsed.schedule, start, end)).toEqual(expected)
    },
  )
})
