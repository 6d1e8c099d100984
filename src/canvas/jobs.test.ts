import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Broken, Job, TopItem } from '../language/model'
import type { CanvasNode, JobData } from './flow-elements'
import { queueOrder } from '../language/queues'
import { boardLayout, jobsGraph, JOB_SIZES, laneAt, scheduleSummary } from './jobs'
import { diagnostic, job } from './test-fixtures'

// Counts the next-runs computations the board asks for.
const cron = vi.hoisted(() => ({ nextRunsCalls: 0 }))
vi.mock('../language/cron', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../language/cron')>()
  return {
    ...actual,
    nextRuns: (...args: Parameters<typeof actual.nextRuns>) => {
      cron.nextRunsCalls++
      return actual.nextRuns(...args)
    },
  }
})
beforeEach(() => {
  cron.nextRunsCalls = 0
})

const NOW = Date.parse('2025-01-06T08:30:00Z') // a Monday
const board = (items: TopItem[], lastGood: Record<string, Job> = {}, diagnostics = [] as ReturnType<typeof diagnostic>[]) =>
  jobsGraph(items, diagnostics, lastGood)
const dataOf = (nodes: CanvasNode[], id: string) => nodes.find((n) => n.id === id)!.data as JobData
const lanes = (nodes: CanvasNode[]) => nodes.filter((n) => n.type === 'queue').map((n) => n.id)

function broken(name: string, span = { start: 5000, end: 5100 }): Broken {
  return { kind: 'broken', declaration: 'job', name, text: `job ${name} {`, span, leading: [], trailing: [], blankBefore: false }
}

describe('queueOrder', () => {
  it('lists the known queues first, then the others in order of first use', () => {
    expect(queueOrder(['mail', 'default', 'bulk', 'mail', 'critical'])).toEqual([
      'critical',
      'default',
      'low_priority',
      'mail',
      'bulk',
    ])
  })
})

describe('jobsGraph', () => {
  it('has a lane per queue and puts a job without queue in default', () => {
    const { nodes } = board([
      job('cleanup', { queue: 'low_priority' }),
      job('sync'),
      job('backup', { queue: 'critical' }),
      job('mailer', { queue: 'mail' }),
    ])
    expect(lanes(nodes)).toEqual(['@queue/critical', '@queue/default', '@queue/low_priority', '@queue/mail'])
    const parentOf = (id: string) => nodes.find((n) => n.id === id)!.parentId
    expect(parentOf('@job/sync')).toBe('@queue/default')
    expect(parentOf('@job/backup')).toBe('@queue/critical')
    expect(parentOf('@job/cleanup')).toBe('@queue/low_priority')
    expect(parentOf('@job/mailer')).toBe('@queue/mail')
  })

  it('stacks the cards of a lane without overlap, inside the lane, and lanes side by side', () => {
    const { nodes } = board([job('a'), job('b'), job('c'), job('d', { queue: 'critical' })])
    const laneNodes = nodes.filter((n) => n.type === 'queue')
    for (let i = 1; i < laneNodes.length; i++) {
      expect(laneNodes[i].position.x).toBeGreaterThan(laneNodes[i - 1].position.x + laneNodes[i - 1].width!)
    }
    const lane = nodes.find((n) => n.id === '@queue/default')!
    const cards = nodes.filter((n) => n.parentId === '@queue/default')
    expect(cards.map((n) => n.id)).toEqual(['@job/a', '@job/b', '@job/c'])
    for (let i = 0; i < cards.length; i++) {
      expect(cards[i].position.y + cards[i].height!).toBeLessThanOrEqual(i + 1 < cards.length ? cards[i + 1].position.y : lane.height!)
      expect(cards[i].position.x + cards[i].width!).toBeLessThanOrEqual(lane.width!)
    }
  })

  it('carries the schedule as written and the retry policy', () => {
    const { nodes } = board([job('reminders', { schedule: '0 9 * * *', task: 'reminders.send', retry: { maxAttempts: '3', initialInterval: '1m', backoffMultiplier: '2.0' } })])
    expect(dataOf(nodes, '@job/reminders')).toMatchObject({ name: 'reminders', task: 'reminders.send', queue: 'default', schedule: '0 9 * * *' })
    expect(dataOf(nodes, '@job/reminders').retry).toContain('gives up after 4 runs')
  })

  it('computes no next runs for cards, however many jobs (a card computes its own when drawn)', () => {
    const jobs = Array.from({ length: 500 }, (_, i) => job(`j${i}`, { schedule: `${i % 60} * * * *` }))
    const { nodes } = board(jobs)
    expect(nodes.filter((node) => node.type === 'job')).toHaveLength(500)
    expect(cron.nextRunsCalls).toBe(0)
  })
  it('marks a job card with its diagnostics', () => {
    const bad = job('bad', { queue: 'low-priority' })
    const { nodes } = board([bad], {}, [diagnostic(bad.queue!.span!, 'error', 'queue is not an identifier')])
    const card = nodes.find((n) => n.id === '@job/bad')!
    expect(card.className).toContain('cai-node-error')
    expect(card.domAttributes?.title).toBe('error: queue is not an identifier')
  })

  it('shows a broken job\'s last good card greyed, with its first syntax error', () => {
    const good = job('sync', { queue: 'critical', schedule: '*/30 * * * *' })
    const item = broken('sync')
    const { nodes } = board([item], { 'job:sync': good }, [diagnostic({ start: 5010, end: 5011 }, 'error', 'expected }', 42)])
    const card = nodes.find((n) => n.id === '@job/sync')!
    expect(card.parentId).toBe('@queue/critical')
    expect(card.className).toContain('cai-node-stale')
    expect(card.selectable).toBe(false)
    expect(card.draggable).toBe(false)
    expect(card.data).toMatchObject({ stale: true, error: { line: 42, start: 5010, end: 5011 } })
  })

  it('lets job cards be dragged, but not a second card of the same name', () => {
    const { nodes } = board([job('a'), job('a'), job('b')])
    const draggable = nodes.filter((n) => n.draggable).map((n) => n.id)
    expect(draggable).toEqual(['@job/a', '@job/b'])
  })

  it('shows a stub for a broken job that never parsed', () => {
    const { nodes } = board([broken('fresh')])
    expect(nodes.find((n) => n.id === '@job/fresh')).toMatchObject({ parentId: '@queue/default', data: { task: '', stale: true } })
  })

  it('ignores workflows', () => {
    expect(board([]).nodes.filter((n) => n.type === 'job')).toEqual([])
  })
})

describe('scheduleSummary', () => {
  it('gives the schedule in words and the next three runs in UTC', () => {
    expect(scheduleSummary('0 9 * * *', NOW)).toEqual({
      words: 'At 09:00 AM',
      runs: ['Mon 2025-01-06 09:00 UTC', 'Tue 2025-01-07 09:00 UTC', 'Wed 2025-01-08 09:00 UTC'],
    })
  })

  it("shows run times in the schedule's own time zone", () => {
    // 08:30 UTC is 09:30 in Berlin: today's 09:00 there has passed.
    expect(scheduleSummary('TZ=Europe/Berlin 0 9 * * *', NOW).runs[0]).toBe('Tue 2025-01-07 09:00 Europe/Berlin')
  })

  it('shows the runs of a TZ=Local schedule in UTC, as a server reads it', () => {
    expect(scheduleSummary('TZ=Local 0 9 * * *', NOW).runs[0]).toBe('Mon 2025-01-06 09:00 UTC')
  })

  it('shows no runs without a schedule or with an invalid one', () => {
    expect(scheduleSummary(undefined, NOW)).toEqual({ words: 'On demand: never scheduled, runs when enqueued', runs: [] })
    // `schedule ""` is valid to CodeAI and means the same: never scheduled.
    expect(scheduleSummary('', NOW)).toEqual({ words: 'On demand: never scheduled, runs when enqueued', runs: [] })
    expect(scheduleSummary('@daily', NOW).runs).toEqual([])
    expect(scheduleSummary('@daily', NOW).words).toMatch(/^Invalid schedule/)
  })

  it('computes a schedule once per minute, however many cards show it', () => {
    for (let card = 0; card < 50; card++) scheduleSummary('*/7 3 * * *', NOW)
    expect(cron.nextRunsCalls).toBe(1)
    expect(scheduleSummary('*/7 3 * * *', NOW + 60_000).runs[0]).toBe('Tue 2025-01-07 03:00 UTC')
    expect(cron.nextRunsCalls).toBe(2)
  })
})

describe('broken jobs keep their declared queue', () => {
  it('in the lane their text declares, though they never parsed', () => {
    const item = { ...broken('nightly'), text: 'job nightly {\n\tschedule "0 2 * * *"\n\ttask "x.y"\n\tqueue "critical"\n\tretry {\n' }
    const { nodes } = board([item])
    expect(nodes.find((n) => n.id === '@job/nightly')?.parentId).toBe('@queue/critical')
  })

  it('in the colon style too, which CodeAI rejects but whose queue is plain', () => {
    const item = { ...broken('mailer'), text: 'job mailer {\n  schedule: "0 6 * * *"\n  queue: "emails"\n}' }
    const { nodes } = board([item])
    expect(nodes.find((n) => n.id === '@job/mailer')?.parentId).toBe('@queue/emails')
  })

  it('the text wins over the last good version (the queue was being changed)', () => {
    const item = { ...broken('sync'), text: 'job sync {\n\tqueue "low_priority"\n\ttask "x.' }
    const { nodes } = board([item], { 'job:sync': job('sync', { queue: 'critical' }) })
    expect(nodes.find((n) => n.id === '@job/sync')?.parentId).toBe('@queue/low_priority')
  })
})

describe('the board fits the canvas legibly', () => {
  const bounds = (nodes: CanvasNode[]) => {
    const lanes = nodes.filter((n) => n.type === 'queue')
    return {
      width: Math.max(...lanes.map((n) => n.position.x + n.width!)),
      height: Math.max(...lanes.map((n) => n.position.y + n.height!)),
    }
  }

  it('wraps lanes and cards so 24 jobs in 5 queues fit a 900×700 canvas at zoom 0.6 or more', () => {
    const queues = ['critical', 'default', 'low_priority', 'emails', 'reports']
    const jobs = Array.from({ length: 24 }, (_, i) => job(`j${i}`, { queue: queues[i % queues.length] }))
    const { nodes } = jobsGraph(jobs, [], {}, { area: { width: 900, height: 700 } })
    const { width, height } = bounds(nodes)
    expect(Math.min(900 / width, 700 / height)).toBeGreaterThanOrEqual(0.6)
    // Lanes wrapped onto a second row.
    expect(new Set(nodes.filter((n) => n.type === 'queue').map((n) => n.position.y)).size).toBeGreaterThan(1)
  })

  it('keeps every card inside its lane, and no two cards or lanes overlapping', () => {
    const jobs = Array.from({ length: 40 }, (_, i) => job(`j${i}`, { queue: i % 3 === 0 ? 'critical' : i % 5 === 0 ? 'mail' : undefined }))
    const { nodes } = jobsGraph(jobs, [], {}, { area: { width: 800, height: 600 } })
    const lanes = nodes.filter((n) => n.type === 'queue')
    const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    const box = (n: CanvasNode, dx = 0, dy = 0) => ({ x: n.position.x + dx, y: n.position.y + dy, w: n.width!, h: n.height! })
    for (const [i, a] of lanes.entries()) for (const b of lanes.slice(i + 1)) expect(overlap(box(a), box(b))).toBe(false)
    const cards = nodes.filter((n) => n.type === 'job')
    for (const card of cards) {
      const lane = lanes.find((n) => n.id === card.parentId)!
      expect(card.position.x + card.width!).toBeLessThanOrEqual(lane.width!)
      expect(card.position.y + card.height!).toBeLessThanOrEqual(lane.height!)
    }
    for (const [i, a] of cards.entries()) {
      for (const b of cards.slice(i + 1)) if (a.parentId === b.parentId) expect(overlap(box(a), box(b))).toBe(false)
    }
  })

  it('leaves a small board as one row of single-column lanes', () => {
    const lanes = boardLayout([2, 1, 0], { width: 1200, height: 800 })
    expect(lanes.map((lane) => [lane.y, lane.columns])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ])
    expect(lanes[1].x).toBeGreaterThan(lanes[0].x + JOB_SIZES.card.width)
  })
})

describe('laneAt', () => {
  it('finds the queue lane under a point; lanes of the last row run on below the board', () => {
    const { nodes } = jobsGraph([job('a', { queue: 'critical' }), job('b', { queue: 'mail' })], [], {}, { area: { width: 2000, height: 800 } })
    const lane = (queue: string) => nodes.find((n) => n.id === `@queue/${queue}`)!
    const inside = (queue: string, dy = 10) => ({ x: lane(queue).position.x + 5, y: lane(queue).position.y + (lane(queue).height ?? 0) + dy })
    expect(laneAt(nodes, inside('critical'))?.data.queue).toBe('critical')
    expect(laneAt(nodes, inside('mail', 500))?.data.queue).toBe('mail')
    const gapX = lane('critical').position.x + (lane('critical').width ?? 0) + 2
    expect(laneAt(nodes, { x: gapX, y: 50 })).toBeNull()
    expect(laneAt(nodes, { x: lane('default').position.x + 5, y: -200 })).toBeNull()
  })

  it('tells the lanes of wrapped rows apart', () => {
    const { nodes } = jobsGraph([job('a', { queue: 'critical' }), job('b', { queue: 'mail' })], [], {}, { area: { width: 700, height: 900 } })
    const lanes = nodes.filter((n): n is Extract<CanvasNode, { type: 'queue' }> => n.type === 'queue')
    expect(new Set(lanes.map((n) => n.position.y)).size).toBeGreaterThan(1)
    for (const lane of lanes) {
      expect(laneAt(nodes, { x: lane.position.x + 5, y: lane.position.y + 40 })?.data.queue).toBe(lane.data.queue)
    }
  })
})
