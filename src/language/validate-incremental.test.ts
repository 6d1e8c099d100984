import { describe, expect, it } from 'vitest'
import { parse } from './parse'
import { createIncrementalValidator, validate } from './validate'

/** A workflow with a duplicate step ("first at line N") and a job on an unknown queue (with a fix), after a clean job. */
const TEXT = [
  'job first {',
  '\tschedule "0 * * * *"',
  '\ttask "a.b"',
  '}',
  '',
  'workflow twice {',
  '\ttrigger manual',
  '\tsteps {',
  '\t\tsame { activity "x.y" }',
  '\t\tsame { activity "x.z" }',
  '\t}',
  '}',
  '',
  'job elsewhere {',
  '\tschedule "0 2 * * *"',
  '\ttask "c.d"',
  '\tqueue "reports"',
  '}',
  '',
].join('\n')

const insertAt = (text: string, after: string, inserted: string) => {
  const at = text.indexOf(after) + after.length
  return text.slice(0, at) + inserted + text.slice(at)
}

describe('incremental validation', () => {
  it('moves the remembered problems of declarations after an edit, and finds them anew when their lines move', () => {
    const incremental = createIncrementalValidator()
    const check = (text: string) => {
      const { doc } = parse(text)
      const found = incremental(doc, text)
      expect(found).toEqual(validate(doc, text))
      return found
    }
    const before = check(TEXT)
    expect(before.map((d) => d.code)).toEqual(expect.arrayContaining(['duplicate-step', 'queue-unknown']))
    // Same line: offsets move by one, lines and messages stay.
    const typed = check(insertAt(TEXT, 'task "a.b', 'x'))
    expect(typed.map((d) => d.span.start)).toEqual(before.map((d) => d.span.start + 1))
    // A new line above: the duplicate's "first at line N" changes with it.
    const lines = check(insertAt(TEXT, 'task "a.b"', '\n\tqueue "critical"'))
    expect(before.find((d) => d.code === 'duplicate-step')?.message).toContain('first at line 9')
    expect(lines.find((d) => d.code === 'duplicate-step')?.message).toContain('first at line 10')
    // And back: the first text again.
    check(TEXT)
  })
})
