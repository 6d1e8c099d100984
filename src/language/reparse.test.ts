/**
 * Parsing again only the step an edit fell in (reparse.ts), through the
 * incremental parser: the result is always what a whole parse gives, and
 * when the edit lies inside one step the other steps keep their objects.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { ParseResult, Step, StepItem, Workflow } from './model'
import { createIncrementalParser, parse } from './parse'
import { print } from './print'
import { caiDocument } from './testing/arbitraries'

const BEFORE = `// the shop
workflow orders {
  trigger event "order.created"
  steps {
    // checks first
    validate { activity "orders.validate" } // cheap

    charge {
      activity "payments.charge"
      input {
        order: "steps.validate.id"
      }
    }
    parallel {
      email { activity "mail.send" }
      sms { activity "sms.send" if "input.phone != ''" }
    }
    ship { activity "shipping.book" }
  }
  retry { max_attempts 3 }
}
job nightly { task "reports.build" }
`

function workflowOf(result: ParseResult): Workflow {
  return result.doc.items.find((item): item is Workflow => item.kind === 'workflow')!
}

function edited(at: string, insert: string, remove = 0): string {
  const offset = BEFORE.indexOf(at) + at.length
  return BEFORE.slice(0, offset) + insert + BEFORE.slice(offset + remove)
}

/** The incremental parser's result for `after`, having parsed BEFORE first, and the previous result. */
function reparse(after: string): { previous: ParseResult; next: ParseResult } {
  const incremental = createIncrementalParser()
  const previous = incremental(BEFORE)
  const next = incremental(after)
  expect(next).toEqual(parse(after))
  return { previous, next }
}

describe('an edit inside one step', () => {
  test('parses that step again and keeps the steps before it', () => {
    const after = edited('charge {\n      activity "payments.', 'x')
    const { previous, next } = reparse(after)
    const [was, now] = [workflowOf(previous).steps.items, workflowOf(next).steps.items]
    expect(now[0]).toBe(was[0])
    expect(now[1]).not.toBe(was[1])
    expect((now[1] as Step).activity?.value).toBe('payments.xcharge')
    // The steps after it moved by the one character.
    expect(now[3].span!.start).toBe(was[3].span!.start + 1)
    expect(after.slice(now[3].span!.start, now[3].span!.end)).toBe('ship { activity "shipping.book" }')
    expect(workflowOf(next).retry!.span!.start).toBe(workflowOf(previous).retry!.span!.start + 1)
  })

  test('renaming a step keeps its comments, before and after it, and its blank line', () => {
    const { previous, next } = reparse(edited('validate', 'd', 0))
    const [was, now] = [workflowOf(previous).steps.items[0], workflowOf(next).steps.items[0]]
    expect((now as Step).name).toBe('validated')
    expect(now.leading).toBe(was.leading)
    expect(now.trailing.map((comment) => comment.text)).toEqual(['// cheap'])
    expect(workflowOf(next).steps.items[1].blankBefore).toBe(true)
  })

  test('inside a parallel branch: the branch is parsed again, the block around it copied', () => {
    const { previous, next } = reparse(edited('sms { activity "sms', '2'))
    const [was, now] = [workflowOf(previous).steps.items[2], workflowOf(next).steps.items[2]] as Array<StepItem & { kind: 'parallel' }>
    expect(now.branches[0]).toBe(was.branches[0])
    expect(now.branches[1].activity?.value).toBe('sms2.send')
    expect(now.span!.end).toBe(was.span!.end + 1)
    expect(workflowOf(next).steps.items[1]).toBe(workflowOf(previous).steps.items[1])
  })

  test('between the branches of a parallel block: the block is parsed again', () => {
    const { previous, next } = reparse(edited('mail.send" }\n', '      bulk { }\n'))
    const now = workflowOf(next).steps.items[2] as StepItem & { kind: 'parallel' }
    expect(now.branches.map((branch) => branch.name)).toEqual(['email', 'bulk', 'sms'])
    expect(workflowOf(next).steps.items[0]).toBe(workflowOf(previous).steps.items[0])
  })
})

describe('edits a step cannot take on its own are parsed whole, with the same result', () => {
  test.each([
    ['a step split in two', edited('validate { activity "orders.validate" }', ' extra { }')],
    ['a step turned into two by a brace', edited('charge {\n      activity "payments.charge"', '\n    }\n    more {')],
    ['a string left open', edited('activity "shipping', '"')],
    ['a block comment left open', edited('ship { ', '/* ')],
    ['a line comment that swallows the closing brace', edited('ship { activity "shipping.book"', ' //')],
    ['a line comment before the step’s brace', edited('charge', ' // pays\n   ')],
    ['a block comment before the step’s brace', edited('charge', ' /* pays */')],
    ['typing before a step’s name', BEFORE.replace('    ship {', '    xship {')],
    ['typing after a step’s brace', edited('ship { activity "shipping.book" }', ' // booked')],
    ['a name made a keyword', BEFORE.replace('    ship {', '    schedule {')],
    ['the whole step deleted', BEFORE.replace('    ship { activity "shipping.book" }\n', '')],
  ])('%s', (_, after) => {
    reparse(after)
  })

  test('a sequence of keystrokes, each parsed from the last', () => {
    const incremental = createIncrementalParser()
    let text = BEFORE
    incremental(text)
    const at = BEFORE.indexOf('"payments.charge"') + 1
    for (const [i, key] of [...'refund"{} x'].entries()) {
      text = text.slice(0, at + i) + key + text.slice(at + i)
      expect(incremental(text)).toEqual(parse(text))
    }
    for (let i = 0; i < 11; i++) {
      text = text.slice(0, at) + text.slice(at + 1)
      expect(incremental(text)).toEqual(parse(text))
    }
    expect(text).toBe(BEFORE)
  })
})

test('random edits inside steps of random workflows give what a whole parse gives, and keep the earlier steps', () => {
  const INSERTIONS = ['x', '_', ' ', '\n', '{', '}', '"', ':', '/*', '*/', '//', 'activity ', 'if "a"', '"s"', '\n\n', '\r\n', '\r', 'é', '😀', '\u2028', '\t', 'input { k: "v" }', 'parallel']
  let kept = 0
  fc.assert(
    fc.property(caiDocument.map(print), fc.nat(), fc.nat(), fc.constantFrom(...INSERTIONS), fc.nat({ max: 3 }), (text, which, where, insert, remove) => {
      const incremental = createIncrementalParser()
      const first = incremental(text)
      const steps = first.doc.items.flatMap((item) => (item.kind === 'workflow' ? item.steps.items.flatMap((s) => (s.kind === 'step' ? [s] : [s, ...s.branches])) : []))
      if (steps.length === 0) return
      const step = steps[which % steps.length]
      const { start, end } = step.span!
      // Strictly inside: after the first character, before the closing brace.
      const at = start + 1 + (where % Math.max(1, end - start - 1))
      const after = text.slice(0, at) + insert + text.slice(Math.min(at + remove, end - 1))
      const next = incremental(after)
      expect(next).toEqual(parse(after))
      const [was, now] = [first.doc.items, next.doc.items].map((items) => items.find((item) => item.kind === 'workflow' && item.span!.start <= at && at < item.span!.end))
      if (was?.kind === 'workflow' && now?.kind === 'workflow' && was.steps.items[0] !== step && now.steps.items[0] === was.steps.items[0]) kept++
    }),
    { numRuns: 500, seed: 0xca1 },
  )
  // Most such edits are taken step by step; were none, the test above would not be testing reparse.ts.
  expect(kept).toBeGreaterThan(50)
})
