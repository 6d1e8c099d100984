import { describe, expect, test } from 'vitest'
import { createCompareStore } from './compare'

const A = 'workflow w {\n\ttrigger manual\n\tsteps {\n\t\ta {\n\t\t\tactivity "x.a"\n\t\t}\n\t}\n}\n'
const B = A.replace('\t\ta {\n\t\t\tactivity "x.a"\n\t\t}\n', '\t\ta {\n\t\t\tactivity "x.a"\n\t\t}\n\t\tb {\n\t\t\tactivity "x.b"\n\t\t}\n')

const open = (readOnly = false) => {
  const store = createCompareStore()
  store.getState().open({ before: { text: A, label: 'old' }, after: { text: B, label: 'new' }, name: 'w.cai', readOnly })
  return store
}

describe('the comparison store', () => {
  test('diffs what it is given', () => {
    const store = open()
    expect(store.getState().comparison?.diff.changes).toEqual([{ kind: 'step-added', workflow: 'w', step: 'b', place: { entry: 2 } }])
  })

  test('selects changes by index, next and previous, and never one that is not there', () => {
    const store = open()
    store.getState().step(1)
    expect(store.getState().selected).toBe(0)
    store.getState().step(1)
    expect(store.getState().selected).toBe(0)
    store.getState().select(5)
    expect(store.getState().selected).toBeNull()
  })

  test('swaps the sides: an addition becomes a removal', () => {
    const store = open()
    store.getState().swap()
    expect(store.getState().comparison?.before.label).toBe('new')
    expect(store.getState().comparison?.diff.changes.map((change) => change.kind)).toEqual(['step-removed'])
  })

  test('closes, except a review link’s read-only comparison, which is all its page shows', () => {
    const store = open()
    store.getState().close()
    expect(store.getState().comparison).toBeNull()
    const review = open(true)
    review.getState().close()
    expect(review.getState().comparison).not.toBeNull()
  })
})
