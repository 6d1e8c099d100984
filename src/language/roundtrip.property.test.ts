/**
 * Property tests of the language core: print and parse are inverse on valid
 * documents, print is canonical, comments survive, broken text is kept byte
 * for byte, and incremental parsing agrees with parsing from scratch.
 *
 * Every property runs 1,000 generated cases with a fixed seed, so a CI failure
 * reproduces locally; set CAI_PROPERTY_SEED to explore other cases. A failure
 * reports the shrunk case and the text the parser was given.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { CaiDocument, Comment } from './model'
import { createIncrementalParser, parse } from './parse'
import { print } from './print'
import { stripSpans } from './strip'
import { isComment, tokenize } from './lexer'
import { applyMutation, caiDocument, exampleCorpus, mutatedText, mutation } from './testing/arbitraries'

const RUNS: fc.Parameters<unknown> = {
  numRuns: 1000,
  seed: Number(process.env.CAI_PROPERTY_SEED ?? 0xca1),
  includeErrorInReport: true,
}

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

function syntaxErrors(text: string) {
  return parse(text).diagnostics.filter((d) => d.severity === 'error')
}

function allComments(doc: CaiDocument): Comment[] {
  const found: Comment[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>
      if (typeof node.text === 'string' && (node.kind === 'line' || node.kind === 'block')) found.push(node as unknown as Comment)
      else Object.values(node).forEach(visit)
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
          expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
          const parsed = stripSpans(result.doc)
          expect(parsed, firstDifference(parsed, doc)).toEqual(doc)
        })
      }),
      RUNS,
    )
  })

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
  })

  test('no comment is lost: each is printed, and the lexer sees as many as the document holds', () => {
    fc.assert(
      fc.property(caiDocument, (doc) => {
        const text = print(doc)
        const comments = allComments(doc)
        withText('printed', text, () => {
          for (const comment of comments) expect(text).toContain(comment.text)
          const lexed = tokenize(text).filter(isComment)
          expect(lexed.map((t) => t.text).sort()).toEqual(comments.map((c) => c.text).sort())
        })
      }),
      RUNS,
    )
  })
})

describe('print and parse on random text', () => {
  const corpus = exampleCorpus()

  test('valid text prints to a fixed point; broken declarations are printed byte for byte', () => {
    fc.assert(
      fc.property(mutatedText(corpus), (text) => {
        withText('input', text, () => {
          const result = parse(text)
          const printed = print(result.doc)
          if (result.diagnostics.every((d) => d.severity !== 'error')) {
            withText('printed', printed, () => {
              expect(syntaxErrors(printed)).toEqual([])
              const reprinted = print(parse(printed).doc)
              withText('printed again', reprinted, () => expect(reprinted).toBe(printed))
            })
            return
          }
          for (const item of result.doc.items) {
            if (item.kind !== 'broken') continue
            expect(item.span && text.slice(item.span.start, item.span.end)).toBe(item.text)
            expect(printed).toContain(item.text)
          }
        })
      }),
      RUNS,
    )
  })
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
  })
})
