import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from '../language/parse'
import { diffDocuments } from './diff'
import { changeGroups, changeOfNode, locateChange, stepChange } from './locate-change'
import { ghosts, pictureMarks } from './picture-marks'

const ROOT = join(import.meta.dirname, '..', '..')
const BEFORE = readFileSync(join(ROOT, 'examples/09-workflows/with_workflows.cai'), 'utf8')
/** A step renamed (references rewritten), one moved into a parallel block, one removed. */
const AFTER = readFileSync(join(ROOT, 'e2e/fixtures/with_workflows.reviewed.cai'), 'utf8')
const diff = diffDocuments(BEFORE, AFTER)
const docs = { before: parse(BEFORE).doc, after: parse(AFTER).doc }

describe('the reviewed example', () => {
  test('has exactly a rename, a removal and a move', () => {
    expect(diff.changes.map((change) => change.kind)).toEqual(['step-renamed', 'step-removed', 'step-moved'])
  })

  test('groups the change list by workflow, in order, in plain words', () => {
    expect(changeGroups(diff)).toEqual([
      {
        heading: 'workflow order_fulfillment',
        entries: [
          { index: 0, kind: 'step-renamed', words: 'renamed step check_inventory to verify_stock (similarity 0.85, 2 references updated)' },
          { index: 1, kind: 'step-removed', words: 'removed step send_confirmation (was step 5)' },
        ],
      },
      { heading: 'workflow user_onboarding', entries: [{ index: 2, kind: 'step-moved', words: 'moved step activate_account from step 4 to branch 4 of the parallel block at step 3' }] },
    ])
  })

  test('locates each change on the version it is seen in, with its node and text', () => {
    const renamed = locateChange(diff.changes[0], docs)
    expect(renamed.side).toBe('after')
    expect(renamed.nodeId).toBe('order_fulfillment/verify_stock')
    expect(AFTER.slice(renamed.span!.start, renamed.span!.end)).toMatch(/^verify_stock \{/)

    const removed = locateChange(diff.changes[1], docs)
    expect(removed.side).toBe('before')
    expect(removed.nodeId).toBe('order_fulfillment/send_confirmation')
    expect(BEFORE.slice(removed.span!.start, removed.span!.end)).toMatch(/^send_confirmation \{/)

    const moved = locateChange(diff.changes[2], docs)
    expect(moved).toMatchObject({ side: 'after', nodeId: 'user_onboarding/activate_account' })
    expect(AFTER.slice(moved.span!.start, moved.span!.end)).toMatch(/^activate_account \{/)
  })

  test('marks exactly those three on the after picture (the removed one as a ghost) and on the before one', () => {
    expect([...pictureMarks(diff, 'after')].map(([id, mark]) => [id, mark.state, mark.note])).toEqual([
      ['order_fulfillment/verify_stock', 'renamed', 'was check_inventory'],
      ['user_onboarding/activate_account', 'moved', 'moved from step 4'],
    ])
    expect(ghosts(diff).map((ghost) => [ghost.beforeId, ghost.change])).toEqual([['order_fulfillment/send_confirmation', 1]])
    expect([...pictureMarks(diff, 'before')].map(([id, mark]) => [id, mark.state])).toEqual([
      ['order_fulfillment/check_inventory', 'renamed'],
      ['order_fulfillment/send_confirmation', 'removed'],
      ['user_onboarding/activate_account', 'moved'],
    ])
  })

  test('finds the change of a node on either picture', () => {
    expect(changeOfNode(diff, 'after', 'order_fulfillment/verify_stock')).toBe(0)
    expect(changeOfNode(diff, 'before', 'order_fulfillment/check_inventory')).toBe(0)
    expect(changeOfNode(diff, 'before', 'order_fulfillment/send_confirmation')).toBe(1)
    expect(changeOfNode(diff, 'after', 'order_fulfillment/validate_order')).toBeUndefined()
  })
})

describe('next and previous change', () => {
  test('start at the first or the last, and wrap around', () => {
    expect(stepChange(3, null, 1)).toBe(0)
    expect(stepChange(3, null, -1)).toBe(2)
    expect(stepChange(3, 2, 1)).toBe(0)
    expect(stepChange(3, 0, -1)).toBe(2)
    expect(stepChange(3, 1, 1)).toBe(2)
    expect(stepChange(0, null, 1)).toBeNull()
    expect(stepChange(2, 7, 1)).toBe(0)
  })
})

describe('marks of several changes on one node', () => {
  test('add up their notes, and the strongest colour wins', () => {
    const before = 'workflow w {\n\ttrigger manual\n\tsteps {\n\t\ta {\n\t\t\tactivity "x.a"\n\t\t}\n\t\tb {\n\t\t\tactivity "x.b"\n\t\t}\n\t}\n}\n'
    const after = 'workflow w {\n\ttrigger manual\n\tsteps {\n\t\tb {\n\t\t\tactivity "x.c"\n\t\t}\n\t\ta {\n\t\t\tactivity "x.a"\n\t\t}\n\t}\n}\n'
    const marks = pictureMarks(diffDocuments(before, after), 'after')
    const b = marks.get('w/b')
    expect(b?.state).toBe('changed')
    expect(b?.note).toMatch(/changed: activity/)
  })
})
