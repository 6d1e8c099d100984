import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDesignerStore } from '../store/designer'
import type { KeyPress } from './keys'
import { setFeedback, type Feedback } from './perform'
import { canvasActionsFor, runCanvasKey } from './shortcuts'
import type { ActionTarget } from './targets'
import { CHARGE, CONFIRM, NOTIFY, RESERVE, TEXT, VALIDATE, orders, parallel } from './test-text'

const key = (name: string, ctrlKey = false): KeyPress => ({ key: name, ctrlKey, metaKey: false, shiftKey: false, altKey: false })
const CHARGE_STEP: ActionTarget = { kind: 'step', workflow: 'orders', step: 'charge' }
const TRIGGER: ActionTarget = { kind: 'trigger', workflow: 'orders' }

let told: string[]
let previous: Feedback
beforeEach(() => {
  told = []
  previous = setFeedback({ tell: (text) => told.push(text) })
})
afterEach(() => setFeedback(previous))

describe('canvas keys', () => {
  it('leaves undo and redo to the page-wide shortcuts', () => {
    expect(canvasActionsFor(key('z', true))).toEqual([])
    expect(canvasActionsFor(key('Delete')).map((action) => action.id)).toEqual(['delete'])
  })

  it('runs the bound action on the target', async () => {
    const store = createDesignerStore(TEXT)
    let done = false
    expect(runCanvasKey(store, key('d', true), CHARGE_STEP, () => (done = true))).toBe('ran')
    await Promise.resolve()
    expect(done).toBe(true)
    expect(store.getState().text).toBe(orders(VALIDATE, CHARGE, CHARGE.replace('charge {', 'charge_copy {'), parallel(RESERVE, NOTIFY), CONFIRM))
  })

  it('keeps a bound key that does not apply, changing nothing', () => {
    const store = createDesignerStore(TEXT)
    expect(runCanvasKey(store, key('Delete'), TRIGGER)).toBe('refused')
    expect(runCanvasKey(store, key('ArrowUp'), TRIGGER)).toBe('refused')
    expect(runCanvasKey(store, key('x'), TRIGGER)).toBe('none')
    expect(store.getState().text).toBe(TEXT)
    expect(told).toEqual([])
  })

  it('says why a declaration with syntax errors is not edited', () => {
    const broken = TEXT.replace('trigger manual', 'trigger manual manual')
    const store = createDesignerStore(broken)
    expect(runCanvasKey(store, key('Delete'), CHARGE_STEP)).toBe('refused')
    expect(store.getState().text).toBe(broken)
    expect(told).toEqual(['Workflow orders has a syntax error: fix the syntax error first.'])
  })
})
