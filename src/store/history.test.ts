import { describe, expect, test } from 'vitest'
import { EMPTY_HISTORY, TYPING_GROUP_MS, record, redo, undo } from './history'

describe('history', () => {
  test('undo and redo one change', () => {
    const history = record(EMPTY_HISTORY, 'abc', 'aXc', 'canvas', 1, 0)
    const undone = undo(history, 'aXc')!
    expect(undone.text).toBe('abc')
    const redone = redo(undone.history, undone.text)!
    expect(redone.text).toBe('aXc')
    expect(undo(redone.history, redone.text)!.text).toBe('abc')
  })

  test('a burst of typing is one step; a pause starts another', () => {
    let history = record(EMPTY_HISTORY, '', 'h', 'editor', 0, 0)
    history = record(history, 'h', 'hi', 'editor', 1, 100)
    history = record(history, 'hi', 'hi!', 'editor', 2, 200 + TYPING_GROUP_MS)
    expect(history.past).toHaveLength(2)
    const first = undo(history, 'hi!')!
    expect(first.text).toBe('hi')
    expect(undo(first.history, first.text)!.text).toBe('')
  })

  test('typing never merges with a canvas edit', () => {
    let history = record(EMPTY_HISTORY, 'a', 'ab', 'editor', 1, 0)
    history = record(history, 'ab', 'abc', 'canvas', 2, 10)
    history = record(history, 'abc', 'abcd', 'editor', 3, 20)
    expect(history.past.map((entry) => entry.origin)).toEqual(['editor', 'canvas', 'editor'])
  })

  test('typing that restores the text removes the step', () => {
    let history = record(EMPTY_HISTORY, 'a', 'ab', 'editor', 1, 0)
    history = record(history, 'ab', 'a', 'editor', 2, 10)
    expect(history.past).toHaveLength(0)
  })

  test('a new change clears what could be redone', () => {
    const history = record(EMPTY_HISTORY, 'a', 'b', 'canvas', 0, 0)
    const undone = undo(history, 'b')!
    expect(undone.history.future).toHaveLength(1)
    expect(record(undone.history, 'a', 'c', 'canvas', 0, 5).future).toHaveLength(0)
  })

  test('nothing to undo or redo', () => {
    expect(undo(EMPTY_HISTORY, 'x')).toBeNull()
    expect(redo(EMPTY_HISTORY, 'x')).toBeNull()
  })

  test('a redone step does not merge with typing after it', () => {
    const history = record(EMPTY_HISTORY, 'a', 'ab', 'editor', 1, Date.now())
    const undone = undo(history, 'ab')!
    const redone = redo(undone.history, undone.text)!
    const after = record(redone.history, 'ab', 'abc', 'editor', 2, Date.now())
    expect(after.past).toHaveLength(2)
  })
})
