import { describe, expect, it } from 'vitest'
import type { Broken, Job, TopItem } from '../language/model'
import type { CanvasNode, JobData } from './flow-elements'
import { jobsGraph, laneAt, queueOrder } from './jobs'
import { diagnostic, job } from './test-fixtures'

const NOW = new Date('2025-01-06T08:30:00Z') // a Monday
const board = (items: TopItem[], lastGood: Record<string, Job> = {}, diagnostics = [] as ReturnType<typeof diagnostic>[]) =>
  jobsGraph(items, diagnostics, lastGood, { now: NOW })
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

  it('shows the schedule in words, the next three runs in UTC, and the retry policy', () => {
    const { nodes } = board([job('reminders', { schedule: '0 9 * * *', task: 'reminders.send', retry: { maxAttempts: '3', initialInterval: '1m', backoffMultiplier: '2.0' } })])
    expect(dataOf(nodes, '@job/reminders')).toMatchObject({
      name: 'reminders',
      task: 'reminders.send',
      queue: 'default',
      schedule: '0 9 * * *',
      scheduleWords: 'At 09:00 AM',
      nextRuns: ['Mon 2025-01-06 09:00 UTC', 'Tue 2025-01-07 09:00 UTC', 'Wed 2025-01-08 09:00 UTC'],
    })
    expect(dataOf(nodes, '@job/reminders').retry).toContain('gives up after 4 runs')
  })

  it('shows run times in the schedule\'s own time zone', () => {
    const { nodes } = board([job('berlin', { schedule: 'TZ=Europe/Berlin 0 9 * * *' })])
    // 08:30 UTC is 09:30 in Berlin: today's 09:00 there has passed.
    expect(dataOf(nodes, '@job/berlin').nextRuns[0]).toBe('Tue 2025-01-07 09:00 Europe/Berlin')
  })

  it('shows the runs of a TZ=Local schedule in UTC, as a server reads it', () => {
    const { nodes } = board([job('local', { schedule: 'TZ=Local 0 9 * * *' })])
    expect(dataOf(nodes, '@job/local').nextRuns[0]).toBe('Mon 2025-01-06 09:00 UTC')
  })

  it('shows no runs for a job without a schedule or with an invalid one', () => {
    const { nodes } = board([job('manual'), job('bad', { schedule: '@daily' })])
    expect(dataOf(nodes, '@job/manual').nextRuns).toEqual([])
    expect(dataOf(nodes, '@job/bad').nextRuns).toEqual([])
    expect(dataOf(nodes, '@job/bad').scheduleWords).toMatch(/^Invalid schedule/)
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

describe('laneAt', () => {
  it('finds the queue lane under a point, down the whole board', () => {
    const { nodes } = board([job('a', { queue: 'critical' }), job('b', { queue: 'mail' })])
    const lane = (queue: string) => nodes.find((n) => n.id === `@queue/${queue}`)!
    const inside = (queue: string, dy = 10) => ({ x: lane(queue).position.x + 5, y: lane(queue).position.y + (lane(queue).height ?? 0) + dy })
    expect(laneAt(nodes, inside('critical'))?.data.queue).toBe('critical')
    expect(laneAt(nodes, inside('mail', 500))?.data.queue).toBe('mail')
    const gapX = lane('critical').position.x + (lane('critical').width ?? 0) + 2
    expect(laneAt(nodes, { x: gapX, y: 50 })).toBeNull()
    expect(laneAt(nodes, { x: lane('default').position.x + 5, y: -200 })).toBeNull()
  })
})
