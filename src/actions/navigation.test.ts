import { describe, expect, it } from 'vitest'
import { createDesignerStore } from '../store/designer'
import { neighbour } from './navigation'
import type { ActionTarget } from './targets'
import { CONFIRM, TEXT, VALIDATE, orders, parallel, step } from './test-text'

const doc = (text: string) => createDesignerStore(text).getState().parsed.doc
const stepOf = (name: string): ActionTarget => ({ kind: 'step', workflow: 'orders', step: name })

describe('neighbour in a workflow', () => {
  const text = orders(VALIDATE, parallel(step('a', 'x.a', 3), step('b', 'x.b', 3), step('c', 'x.c', 3)), parallel(step('d', 'x.d', 3)), CONFIRM)

  it('goes down and up the flow, from the trigger to the end', () => {
    const trigger: ActionTarget = { kind: 'trigger', workflow: 'orders' }
    expect(neighbour(doc(text), trigger, 'up')).toBeNull()
    expect(neighbour(doc(text), trigger, 'down')).toBe('orders/validate')
    expect(neighbour(doc(text), stepOf('validate'), 'down')).toBe('orders/a')
    expect(neighbour(doc(text), stepOf('confirm'), 'down')).toBe('orders/@end')
    expect(neighbour(doc(text), { kind: 'end', workflow: 'orders' }, 'down')).toBeNull()
  })

  it('keeps the lane from one block to the next when it can', () => {
    expect(neighbour(doc(text), stepOf('c'), 'down')).toBe('orders/d')
    expect(neighbour(doc(text), stepOf('d'), 'up')).toBe('orders/a')
  })

  it('goes left and right among the branches of a block only', () => {
    expect(neighbour(doc(text), stepOf('a'), 'right')).toBe('orders/b')
    expect(neighbour(doc(text), stepOf('c'), 'right')).toBeNull()
    expect(neighbour(doc(text), stepOf('validate'), 'left')).toBeNull()
  })

  it('starts from a block at its first branch, and from the pane at the trigger', () => {
    expect(neighbour(doc(text), { kind: 'parallel', workflow: 'orders', index: 0 }, 'right')).toBe('orders/b')
    expect(neighbour(doc(text), { kind: 'pane', board: 'workflow', workflow: 'orders' }, 'down')).toBe('orders/@trigger')
  })

  it('stops at an empty block', () => {
    const withEmpty = orders(VALIDATE, '\t\tparallel { }', CONFIRM)
    expect(neighbour(doc(withEmpty), stepOf('validate'), 'down')).toBe('orders/@parallel-0')
  })
})

describe('neighbour on the jobs board', () => {
  const jobs = [
    'job a { task "t" queue "low_priority" }',
    'job b { task "t" queue "critical" }',
    'job c { task "t" }',
    'job d { task "t" queue "critical" }',
  ].join('\n')
  const job = (name: string): ActionTarget => ({ kind: 'job', job: name })

  it('goes along a lane with up and down, across lanes with left and right', () => {
    expect(neighbour(doc(jobs), job('b'), 'down')).toBe('@job/d')
    expect(neighbour(doc(jobs), job('d'), 'down')).toBeNull()
    expect(neighbour(doc(jobs), job('b'), 'right')).toBe('@job/c')
    expect(neighbour(doc(jobs), job('c'), 'right')).toBe('@job/a')
    expect(neighbour(doc(jobs), job('b'), 'left')).toBeNull()
    expect(neighbour(doc(jobs), { kind: 'pane', board: 'jobs', workflow: null }, 'down')).toBe('@job/b')
  })

  it('has nowhere to go in a file without jobs', () => {
    expect(neighbour(doc(TEXT.split('\n\njob')[0]), { kind: 'pane', board: 'jobs', workflow: null }, 'down')).toBeNull()
  })
})
