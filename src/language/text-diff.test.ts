import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { minimalEdit } from './text-diff'

function apply(text: string, edit: ReturnType<typeof minimalEdit>): string {
  if (!edit) return text
  return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end)
}

describe('minimalEdit', () => {
  it('returns null for equal texts', () => {
    expect(minimalEdit('workflow a {}', 'workflow a {}')).toBeNull()
  })

  it('replaces only the changed middle', () => {
    expect(minimalEdit('activity "a.b"\n', 'activity "a.c"\n')).toEqual({ span: { start: 12, end: 13 }, newText: 'c' })
  })

  it('describes a pure insertion as an empty span', () => {
    expect(minimalEdit('steps {\n}', 'steps {\n\tx {\n\t}\n}')).toEqual({ span: { start: 8, end: 8 }, newText: '\tx {\n\t}\n' })
  })

  it('describes a pure deletion as an empty replacement', () => {
    expect(minimalEdit('abcXYZdef', 'abcdef')).toEqual({ span: { start: 3, end: 6 }, newText: '' })
  })

  it('does not let prefix and suffix overlap on repeated text', () => {
    // "aa" -> "aaa": the common prefix (2) and suffix (2) overlap; the edit must still be valid.
    const edit = minimalEdit('aa', 'aaa')
    expect(edit).toEqual({ span: { start: 2, end: 2 }, newText: 'a' })
  })

  it('never splits a surrogate pair', () => {
    const edit = minimalEdit('x\u{1F600}y', 'x\u{1F601}y')!
    expect(edit.span).toEqual({ start: 1, end: 3 })
    expect(edit.newText).toBe('\u{1F601}')
  })

  it('always reproduces the target text with a minimal span', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (before, after) => {
        const edit = minimalEdit(before, after)
        expect(apply(before, edit)).toBe(after)
        if (edit) expect(edit.span.end - edit.span.start + edit.newText.length).toBeGreaterThan(0)
      }),
    )
  })
})
