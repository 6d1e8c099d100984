import { describe, expect, it } from 'vitest'
import type { CaiDocument, Comment, Job, TopItem } from '../model'
import { addJob, moveItem, removeJob } from './declarations'
import { setJobField } from './fields'
import { docOf, job } from './test-builders'
import { applyToText } from './splice'

/** A stand-in for the printer: canonical one-line jobs, leading comments on their own lines. */
function stubPrint(item: TopItem): string {
  const j = item as Job
  const lead = j.leading.map((c) => `${c.text}\n`).join('')
  const trail = j.trailing.map((c) => ` ${c.text}`).join('')
  return `${lead}job ${j.name} { task "${j.task.value}" }${trail}`
}

interface Piece {
  /** The job's text as written (any formatting). */
  text: string
  name: string
  task?: string
  leading?: string[]
  trailing?: string
}

/** Lays out gaps (strings) and jobs into a file text and the document a parser would give for it, spans included. */
function file(...segments: (string | Piece)[]): { text: string; doc: CaiDocument } {
  let text = ''
  const items: TopItem[] = []
  const at = (s: string) => {
    const start = text.length
    text += s
    return { start, end: text.length }
  }
  for (const segment of segments) {
    if (typeof segment === 'string') {
      text += segment
      continue
    }
    const leading: Comment[] = (segment.leading ?? []).map((c) => {
      const span = at(c)
      text += '\n'
      return { kind: 'line', text: c, blankBefore: false, span }
    })
    const span = at(segment.text)
    const trailing: Comment[] = []
    if (segment.trailing) {
      text += ' '
      trailing.push({ kind: 'line', text: segment.trailing, blankBefore: false, span: at(segment.trailing) })
    }
    items.push({ ...job(segment.name, segment.task ?? 'x'), leading, trailing, span })
  }
  return { text, doc: { kind: 'document', items, endComments: [] } }
}

const a: Piece = { text: 'job a {task "x"}', name: 'a' }
const b: Piece = { text: 'job   b {\n    task "x"   }', name: 'b', leading: ['// about b'], trailing: '// b!' }
const c: Piece = { text: 'job c{ task "x" }', name: 'c' }

function apply(before: { text: string; doc: CaiDocument }, after: CaiDocument): string {
  return applyToText(before.text, before.doc, after, stubPrint)
}

describe('applyToText', () => {
  it('returns the text unchanged when nothing changed', () => {
    const f = file('// header\n\n', a, '\n\n\n', b, '\n', c, '\n')
    expect(apply(f, f.doc)).toBe(f.text)
  })

  it('reprints only the changed item, over its comments, keeping every other byte', () => {
    const f = file('\n', a, '\n\n\n', b, '\n', c, '\n// end\n')
    const after = docOf(setJobField(f.doc, 'b', 'task', 'y'))
    expect(apply(f, after)).toBe('\njob a {task "x"}\n\n\n// about b\njob b { task "y" } // b!\n' + 'job c{ task "x" }\n// end\n')
  })

  it('removes an item with its comments and the gap before it', () => {
    const f = file(a, '\n\n', b, '\n\n', c, '\n')
    expect(apply(f, docOf(removeJob(f.doc, 'b')))).toBe('job a {task "x"}\n\njob c{ task "x" }\n')
    expect(apply(f, docOf(removeJob(f.doc, 'c')))).toBe('job a {task "x"}\n\n// about b\njob   b {\n    task "x"   } // b!\n')
  })

  it('removes the first item with the gap after it', () => {
    const f = file('\n', b, '\n\n', c, '\n')
    expect(apply(f, docOf(removeJob(f.doc, 'b')))).toBe('\njob c{ task "x" }\n')
  })

  it('removes consecutive items and every item', () => {
    const f = file(a, '\n\n', b, '\n\n', c, '\n\n// end\n')
    const noAB = { ...f.doc, items: [f.doc.items[2]] }
    expect(apply(f, noAB)).toBe('job c{ task "x" }\n\n// end\n')
    const noBC = { ...f.doc, items: [f.doc.items[0]] }
    expect(apply(f, noBC)).toBe('job a {task "x"}\n\n// end\n')
    expect(apply(f, { ...f.doc, items: [] })).toBe('// end\n')
  })

  it('adds items after the item they follow, one blank line apart', () => {
    const f = file(a, '\n', c, '\n// end\n')
    const atEnd = docOf(addJob(f.doc, { name: 'd' }))
    expect(apply(f, atEnd)).toBe('job a {task "x"}\njob c{ task "x" }\n\njob d { task "todo.task" }\n// end\n')
    const between = docOf(addJob(f.doc, { name: 'd', at: 1 }))
    expect(apply(f, between)).toBe('job a {task "x"}\n\njob d { task "todo.task" }\njob c{ task "x" }\n// end\n')
    const first = docOf(addJob(f.doc, { name: 'd', at: 0 }))
    expect(apply(f, first)).toBe('job d { task "todo.task" }\n\njob a {task "x"}\njob c{ task "x" }\n// end\n')
  })

  it('adds to a file with no items at its end', () => {
    expect(apply(file(''), docOf(addJob(file('').doc, { name: 'd' })))).toBe('job d { task "todo.task" }\n')
    const commented = file('// jobs go here\n\n')
    expect(apply(commented, docOf(addJob(commented.doc, { name: 'd' })))).toBe('// jobs go here\n\njob d { task "todo.task" }\n')
  })

  it('moves an item with its bytes as written', () => {
    const f = file(a, '\n\n', b, '\n\n', c, '\n')
    expect(apply(f, docOf(moveItem(f.doc, 1, 0)))).toBe(
      '// about b\njob   b {\n    task "x"   } // b!\n\njob a {task "x"}\n\njob c{ task "x" }\n',
    )
    expect(apply(f, docOf(moveItem(f.doc, 0, 3)))).toBe(
      '// about b\njob   b {\n    task "x"   } // b!\n\njob c{ task "x" }\n\njob a {task "x"}\n',
    )
  })

  it('handles a change, a removal and an addition at once', () => {
    const f = file(a, '\n\n', b, '\n\n', c, '\n')
    const changed = docOf(setJobField(f.doc, 'a', 'task', 'z'))
    const after = docOf(addJob(docOf(removeJob(changed, 'b')), { name: 'd' }))
    expect(apply(f, after)).toBe('job a { task "z" }\n\njob c{ task "x" }\n\njob d { task "todo.task" }\n')
  })

  it('replaces an item by another in its place', () => {
    const f = file(a, '\n\n\n', c, '\n')
    const after = { ...f.doc, items: [f.doc.items[0], job('e')] }
    expect(apply(f, after)).toBe('job a {task "x"}\n\n\njob e { task "run.e" }\n')
  })

  it('keeps CRLF line breaks', () => {
    const f = file(a, '\r\n\r\n', c, '\r\n')
    const after = docOf(addJob(f.doc, { name: 'd' }))
    expect(apply(f, after)).toBe('job a {task "x"}\r\n\r\njob c{ task "x" }\r\n\r\njob d { task "todo.task" }\r\n')
  })

  it('prints the whole document when the old one has no spans', () => {
    const before = { kind: 'document', items: [job('a')], endComments: [] } as CaiDocument
    const after = docOf(addJob(before, { name: 'b' }))
    expect(applyToText('whatever', before, after, stubPrint)).toBe('job a { task "run.a" }\n\njob b { task "todo.task" }\n')
  })
})
