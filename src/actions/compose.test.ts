import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaiDocument } from '../language/model'
import type { OpResult } from '../language/operations'
import { createDesignerStore } from '../store/designer'
import { dropStep, insertParallel, insertStep, referencesFromOthers, type Landing } from '../language/operations/compose'
import { perform } from './perform'
import { provideServices } from './services'
import { editableWorkflow } from './targets'
import { CHARGE, CONFIRM, NOTIFY, RESERVE, TEXT, VALIDATE, newStep, orders, parallel, step } from './test-text'

const at = (index: number, branch?: number): Landing => ({
  kind: 'flow',
  position: branch === undefined ? { workflow: 'orders', index } : { workflow: 'orders', index, branch },
})
const beside = (name: string, side: 'before' | 'after'): Landing => ({ kind: 'beside', workflow: 'orders', step: name, side })

let told: string[]
let previous: () => void
beforeEach(() => {
  told = []
  previous = provideServices({ tell: (text) => told.push(text) })
})
afterEach(() => previous())

/** Performs `operation` on a store holding `text`: exactly `expected` results, as one undo step that undo and redo replay. */
function expectEdit(operation: (doc: CaiDocument) => OpResult, expected: string, text = TEXT) {
  const store = createDesignerStore(text)
  expect(perform(store, operation).ok).toBe(true)
  expect(store.getState().text).toBe(expected)
  expect(store.getState().history.past).toHaveLength(1)
  store.getState().undo()
  expect(store.getState().text).toBe(text)
  store.getState().redo()
  expect(store.getState().text).toBe(expected)
}

const BRANCH_CHARGE = ['\t\t\t// Charge only what was validated.', step('charge', 'payments.charge', 3, ['input {', '\ttotal: "steps.validate.output.total"', '}'])].join('\n')

describe('dropping a step', () => {
  it('moves it between two steps, its comment with it', () => {
    expectEdit((doc) => dropStep(doc, 'orders', 'charge', at(4)), orders(VALIDATE, parallel(RESERVE, NOTIFY), CONFIRM, CHARGE))
  })

  it('makes it a branch when dropped in a block’s lanes', () => {
    expectEdit((doc) => dropStep(doc, 'orders', 'charge', at(2, 1)), orders(VALIDATE, parallel(RESERVE, BRANCH_CHARGE, NOTIFY), CONFIRM))
  })

  it('makes a branch a sequential step when dropped outside its block', () => {
    expectEdit((doc) => dropStep(doc, 'orders', 'notify', at(0)), orders(step('notify', 'mail.notify'), VALIDATE, CHARGE, parallel(RESERVE), CONFIRM))
  })

  it('removes a block left with no branch', () => {
    const text = orders(VALIDATE, parallel(RESERVE), CONFIRM)
    expectEdit((doc) => dropStep(doc, 'orders', 'reserve', at(3)), orders(VALIDATE, CONFIRM, step('reserve', 'stock.reserve')), text)
  })

  it('wraps it with a step it is dropped beside, wherever it came from', () => {
    const wrapped = parallel(step('confirm', 'mail.confirm', 3), step('validate', 'orders.validate', 3))
    expectEdit((doc) => dropStep(doc, 'orders', 'validate', beside('confirm', 'after')), orders(CHARGE, parallel(RESERVE, NOTIFY), wrapped))
    const before = parallel(step('reserve', 'stock.reserve', 3), step('validate', 'orders.validate', 3))
    expectEdit((doc) => dropStep(doc, 'orders', 'reserve', beside('validate', 'before')), orders(before, CHARGE, parallel(NOTIFY), CONFIRM))
  })

  it('wraps two neighbours without moving either', () => {
    const wrapped = parallel(step('validate', 'orders.validate', 3), BRANCH_CHARGE)
    expectEdit((doc) => dropStep(doc, 'orders', 'charge', beside('validate', 'after')), orders(wrapped, parallel(RESERVE, NOTIFY), CONFIRM))
  })

  it('refuses to run a step in parallel with itself or with a branch', () => {
    const doc = createDesignerStore(TEXT).getState().parsed.doc
    expect(dropStep(doc, 'orders', 'charge', beside('charge', 'after')).ok).toBe(false)
    expect(dropStep(doc, 'orders', 'charge', beside('reserve', 'after'))).toEqual({ ok: false, reason: 'step "reserve" is already in a parallel block' })
  })
})

describe('dropping a new step or block', () => {
  it('adds step_N at a gap, on an edge of the flow', () => {
    expectEdit((doc) => insertStep(doc, 'orders', at(1)), orders(VALIDATE, newStep('step_1'), CHARGE, parallel(RESERVE, NOTIFY), CONFIRM))
  })

  it('adds a branch in a block’s lanes', () => {
    expectEdit((doc) => insertStep(doc, 'orders', at(2, 0)), orders(VALIDATE, CHARGE, parallel(newStep('step_1', 3), RESERVE, NOTIFY), CONFIRM))
  })

  it('runs a new step in parallel with the step it is dropped beside', () => {
    const wrapped = parallel(step('confirm', 'mail.confirm', 3), newStep('step_1', 3))
    expectEdit((doc) => insertStep(doc, 'orders', beside('confirm', 'after')), orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), wrapped))
  })

  it('adds an empty parallel block in the sequence', () => {
    expectEdit((doc) => insertParallel(doc, 'orders', at(0)), orders('\t\tparallel { }', VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM))
  })

  it('refuses a block inside a block, and the user is told why', () => {
    const store = createDesignerStore(TEXT)
    expect(perform(store, (doc) => insertParallel(doc, 'orders', at(2, 1))).ok).toBe(false)
    expect(store.getState().text).toBe(TEXT)
    expect(told).toEqual(['Cannot do that: A parallel block cannot hold another parallel block.'])
  })
})

describe('referencesFromOthers', () => {
  it('counts what other steps read, not what a step reads of itself', () => {
    const text = orders(VALIDATE, step('check', 'x.y', 2, ['input {', '\ta: "steps.validate.x"', '\tb: "steps.check.y"', '}', 'if "steps.validate.ok && steps.validate.z"']))
    const workflow = editableWorkflow(createDesignerStore(text).getState().parsed.doc, 'orders')!
    expect(referencesFromOthers(workflow, ['validate'])).toBe(3)
    expect(referencesFromOthers(workflow, ['check'])).toBe(0)
  })
})
