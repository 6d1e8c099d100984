import { describe, expect, it } from 'vitest'
import { foldingRanges } from './folding'

describe('foldingRanges', () => {
  it('folds each multi-line block, keeping its closing brace visible', () => {
    const text = 'workflow a {\n\ttrigger manual\n\tsteps {\n\t\tx {\n\t\t\tactivity "a"\n\t\t}\n\t}\n}\n'
    expect(foldingRanges(text)).toEqual([
      { start: 1, end: 7, kind: 'block' },
      { start: 3, end: 6, kind: 'block' },
      { start: 4, end: 5, kind: 'block' },
    ])
  })

  it('does not fold a block that fits on one or two lines', () => {
    expect(foldingRanges('input { a: "b" }\nsteps {\n}\n')).toEqual([])
  })

  it('ignores braces in strings and comments', () => {
    const text = 'job j {\n\ttask "{"\n\t// {\n\tqueue "}"\n}\n'
    expect(foldingRanges(text)).toEqual([{ start: 1, end: 4, kind: 'block' }])
  })

  it('folds multi-line block comments and runs of line comments', () => {
    const text = '// one\n// two\n// three\n\n/* a\n b */\nworkflow w { // trailing\n// own line\n}\n'
    expect(foldingRanges(text)).toEqual([
      { start: 1, end: 3, kind: 'comment' },
      { start: 5, end: 6, kind: 'comment' },
      { start: 7, end: 8, kind: 'block' },
    ])
  })

  it('survives unbalanced braces', () => {
    expect(foldingRanges('}\nworkflow a {\n\tsteps {\n\n}')).toEqual([{ start: 3, end: 4, kind: 'block' }])
  })
})
