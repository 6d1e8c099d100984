import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDesignerStore } from '../store/designer'
import type { KeyPress } from './keys'
import { provideServices } from './services'
import { actionsFor, runKey } from './shortcuts'
import type { ActionTarget } from './targets'
import { CHARGE, CONFIRM, NOTIFY, RESERVE, TEXT, VALIDATE, orders, parallel } from './test-text'

const key = (name: string, ctrlKey = false): KeyPress => ({ key: name, ctrlKey, metaKey: false, shiftKey: false, altKey: false })
const CHARGE_STEP: ActionTarget = { kind: 'step', workflow: 'orders', step: 'charge' }
const TRIGGER: ActionTarget = { kind: 'trigger', workflow: 'orders' }

let told: string[]
let previous: () => void
beforeEach(() => {
  told = []
  previous = provideServices({ tell: (text) => told.push(text) })
})
afterEach(() => previous())

describe('canvas keys', () => {
  it('leaves undo and redo to the page (they are not node actions)', () => {
    expect(actionsFor(key('z', true), 'canvas')).toEqual([])
    expect(actionsFor(key('Delete'), 'canvas').map((action) => action.id)).toEqual(['delete'])
  })

  it('runs the bound action on the target', async () => {
    const store = createDesignerStore(TEXT)
    let done = false
    expect(runKey(store, key('d', true), 'canvas', CHARGE_STEP, () => (done = true))).toBe('ran')
    await Promise.resolve()
    expect(done).toBe(true)
    expect(store.getState().text).toBe(orders(VALIDATE, CHARGE, CHARGE.replace('charge {', 'charge_copy {'), parallel(RESERVE, NOTIFY), CONFIRM))
  })

  it('keeps a bound key that does not apply, changing nothing', () => {
    const store = createDesignerStore(TEXT)
    expect(runKey(store, key('Delete'), 'canvas', TRIGGER)).toBe('refused')
    expect(runKey(store, key('ArrowUp'), 'canvas', TRIGGER)).toBe('refused')
    expect(runKey(store, key('x'), 'canvas', TRIGGER)).toBe('none')
    expect(store.getState().text).toBe(TEXT)
    expect(told).toEqual([])
  })

  it('says why a declaration with syntax errors is not edited', () => {
    const broken = TEXT.replace('trigger manual', 'trigger manual manual')
    const store = createDesignerStore(broken)
    expect(runKey(store, key('Delete'), 'canvas', CHARGE_STEP)).toBe('refused')
    expect(store.getState().text).toBe(broken)
    expect(told).toEqual(['Workflow orders has a syntax error: fix the syntax error first.'])
  })
})
