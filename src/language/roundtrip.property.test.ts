/**
 * Property tests of the language core: print and parse are inverse on valid
 * documents, print is canonical, comments survive, layout and comments between
 * tokens are free, broken text is kept byte for byte, and incremental parsing
 * agrees with parsing from scratch.
 *
 * Every property runs 1,000 generated cases with a fixed seed, so a CI failure
 * reproduces locally; set CAI_PROPERTY_SEED to explore other cases. A failure
 * reports the shrunk case and the text the parser was given.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isComment, tokenize } from './lexer'
import type { CaiDocument, Comment, Foreign, ParseResult, Span } from './model'
import { createIncrementalParser, parse } from './parse'
import { print } from './print'
import { splitEdited, splitText } from './split'
import { minimalEdit } from './text-diff'
import { createIncrementalValidator, validate } from './validate'
import { stripSpans } from './strip'
import {
  applyMutation,
  caiDocument,
  commentInsertions,
  exampleCorpus,
  insertComments,
  layoutChoices,
  mutatedText,
  mutation,
  relayout,
} from './testing/arbitraries'

const RUNS: fc.Parameters<unknown> = {
  numRuns: 1000,
  seed: Number(process.env.CAI_PROPERTY_SEED ?? 0xca1),
  includeErrorInReport: true,
}

/** Generous: the CI machine has 2 cores, shared with other test files. */
const TIMEOUT_MS = 60_000

/** Runs `check`; if it fails, the error carries `text` verbatim, which is what a developer needs to reproduce. */
function withText(label: string, text: string, check: () => void): void {
  try {
    check()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${message}\n\n----- ${label} (${JSON.stringify(text)}) -----\n${text}\n----- end -----`)
  }
}

/** The first place two values differ, as `path: got X, expected Y`; a deep-equality failure alone does not say where. */
function firstDifference(actual: unknown, expected: unknown, path = 'doc'): string | undefined {
  if (Object.is(actual, expected)) return undefined
  if (typeof actual !== 'object' || typeof expected !== 'object' || !actual || !expected) {
    return `${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`
  }
  const a = actual as Record<string, unknown>
  const e = expected as Record<string, unknown>
  for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
    const found = firstDifference(a[key], e[key], Array.isArray(e) ? `${path}[${key}]` : `${path}.${key}`)
    if (found) return found
  }
  return undefined
}

/** The non-whitespace characters of a text, sorted. */
function ink(text: string): string {
  return [...text.replace(/[ \t\r\n]/g, '')].sort().join('')
}

function errorsOf(result: ParseResult) {
  return result.diagnostics.filter((d) => d.severity === 'error')
}

/** Where the foreign blocks of `text` are: their bytes must not be touched. */
function foreignSpans(text: string): Span[] {
  return parse(text).doc.items.flatMap((item) => (item.kind === 'foreign' && item.span ? [item.span] : []))
}

/** The text of every comment in `doc`: on its nodes, and inside foreign blocks (kept as text). */
function allComments(doc: CaiDocument): string[] {
  const found: string[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>
      if (node.kind === 'line' || node.kind === 'block') found.push((node as unknown as Comment).text)
      else if (node.kind === 'foreign') found.push(...tokenize((node as unknown as Foreign).text).filter(isComment).map((t) => t.text))
      Object.values(node).forEach(visit)
    }
  }
  visit(doc)
  return found
}

describe('print and parse on generated valid documents', () => {
  test('parse(print(doc)) is doc, spans aside, with no errors', () => {
    fc.assert(
      fc.property(caiDocument, (doc) => {
        const text = print(doc)
        withText('printed', text, () => {
          const result = parse(text)
          expect(errorsOf(result)).toEqual([])
          const parsed = stripSpans(result.doc)
          expect(parsed, firstDifference(parsed, doc)).toEqual(doc)
        })
      }),
      RUNS,
    )
  }, TIMEOUT_MS)

  test('print is a fixed point: print(parse(print(doc))) is print(doc)', () => {
    fc.assert(
      fc.property(caiDocument, (doc) => {
        const text = print(doc)
        withText('printed', text, () => {
          const reprinted = print(parse(text).doc)
          withText('printed again', reprinted, () => expect(reprinted).toBe(text))
        })
      }),
      RUNS,
    )
  }, TIMEOUT_MS)

  test('no comment is lost: each is printed, and the lexer sees as many as the document holds', () => {
    fc.assert(
      fc.property(caiDocument, (doc) => {
        const text = print(doc)
        const comments = allComments(doc)
        withText('printed', text, () => {
          for (const comment of comments) expect(text).toContain(comment)
          const lexed = tokenize(text).filter(isComment)
          expect(lexed.map((t) => t.text).sort()).toEqual([...comments].sort())
        })
      }),
      RUNS,
    )
  }, TIMEOUT_MS)

  test('layout is free: other whitespace between the tokens of print(doc) parses to doc, and prints as print(doc)', () => {
    fc.assert(
      fc.property(caiDocument, layoutChoices, (doc, choices) => {
        const canonical = print(doc)
        const text = relayout(canonical, choices, foreignSpans(canonical))
        withText('relaid out', text, () => {
          const result = parse(text)
          expect(errorsOf(result)).toEqual([])
          const parsed = stripSpans(result.doc)
          expect(parsed, firstDifference(parsed, doc)).toEqual(doc)
          expect(print(result.doc)).toBe(canonical)
        })
      }),
      RUNS,
    )
  }, TIMEOUT_MS)

  test('comments are free: comments added between any two tokens parse without error, are all printed, and print is a fixed point', () => {
    fc.assert(
      fc.property(caiDocument, commentInsertions, layoutChoices, (doc, insertions, choices) => {
        const canonical = print(doc)
        const commented = insertComments(canonical, insertions, foreignSpans(canonical))
        const text = relayout(commented, choices, foreignSpans(commented))
        withText('commented', text, () => {
          const result = parse(text)
          expect(errorsOf(result)).toEqual([])
          const printed = print(result.doc)
          withText('printed', printed, () => {
            const tokens = (t: string) => tokenize(t).map((token) => ({ comment: isComment(token), text: token.text }))
            const before = tokens(text)
            const after = tokens(printed)
            expect(after.filter((t) => !t.comment)).toEqual(before.filter((t) => !t.comment))
            expect(after.filter((t) => t.comment).map((t) => t.text).sort()).toEqual(before.filter((t) => t.comment).map((t) => t.text).sort())
            const reprinted = print(parse(printed).doc)
            withText('printed again', reprinted, () => expect(reprinted).toBe(printed))
          })
        })
      }),
      RUNS,
    )
  }, TIMEOUT_MS)
})

describe('print and parse on random text', () => {
  const corpus = exampleCorpus()

  test('valid text prints to a fixed point; broken and foreign items are printed byte for byte; nothing is lost', () => {
    fc.assert(
      fc.property(mutatedText(corpus), (text) => {
        withText('input', text, () => {
          const result = parse(text)
          const printed = print(result.doc)
          expect(result.diagnostics.filter((d) => d.code === 'internal')).toEqual([])
          // Printing moves comments and changes whitespace, nothing else: the same characters remain.
          expect(ink(printed)).toBe(ink(text))
          for (const item of result.doc.items) {
            if (item.kind !== 'broken' && item.kind !== 'foreign') continue
            expect(item.span && text.slice(item.span.start, item.span.end)).toBe(item.text)
            expect(printed).toContain(item.text)
          }
          if (errorsOf(result).length > 0) return
          withText('printed', printed, () => {
            expect(errorsOf(parse(printed))).toEqual([])
            const reprinted = print(parse(printed).doc)
            withText('printed again', reprinted, () => expect(reprinted).toBe(printed))
          })
        })
      }),
      RUNS,
    )
  }, TIMEOUT_MS)
})

describe('incremental parsing', () => {
  const corpus = exampleCorpus()
  const startText = fc.oneof(fc.constantFrom(...corpus), caiDocument.map(print))

  test('gives what parse gives, after every edit of a random sequence, and never changes an earlier result', () => {
    fc.assert(
      fc.property(startText, fc.array(mutation, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const parseIncrementally = createIncrementalParser()
        const texts = edits.reduce((seen, edit) => [...seen, applyMutation(seen[seen.length - 1], edit)], [start])
        const results = texts.map((text) => {
          const result = parseIncrementally(text)
          withText('text after the edits so far', text, () => expect(result).toEqual(parse(text)))
          return result
        })
        // Results are immutable data: reusing a declaration's parse must not alter one handed out before.
        texts.forEach((text, i) => withText(`text ${i} of the sequence`, text, () => expect(results[i]).toEqual(parse(text))))
      }),
      RUNS,
    )
  }, TIMEOUT_MS)

  test('splits an edited text as splitting it whole does, and never changes an earlier split', () => {
    fc.assert(
      fc.property(startText, fc.array(mutation, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let previous = splitText(start)
        const splits = [previous]
        for (const edit of edits) {
          const text = applyMutation(previous.text, edit)
          const change = minimalEdit(previous.text, text)
          const next = change ? splitEdited(previous, text, change) : previous
          withText('text after the edits so far', text, () => expect(next).toEqual(splitText(text)))
          splits.push(next)
          previous = next
        }
        splits.forEach((split, i) => withText(`text ${i} of the sequence`, split.text, () => expect(split).toEqual(splitText(split.text))))
      }),
      RUNS,
    )
  }, TIMEOUT_MS)

  test('validates as validate does, after every edit of a random sequence', () => {
    fc.assert(
      fc.property(startText, fc.array(mutation, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const validateIncrementally = createIncrementalValidator()
        let text = start
        for (const edit of [null, ...edits]) {
          if (edit) text = applyMutation(text, edit)
          const { doc } = parse(text)
          withText('text after the edits so far', text, () => expect(validateIncrementally(doc, text)).toEqual(validate(doc, text)))
        }
      }),
      RUNS,
    )
  }, TIMEOUT_MS)
})
