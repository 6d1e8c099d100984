/**
 * Mutation fuzzing: random character and token edits of the example files.
 * Whatever the text, parse and validate must not throw, every diagnostic must
 * point inside the text with a line:column that matches its offsets. The
 * slowest parse is reported (with its text when it is over the typing
 * budget), not asserted: a test must not fail on a busy machine.
 *
 * The seed is fixed so a failure reproduces; fast-check then reports the seed,
 * the shrunk edits and the text. Set CAI_FUZZ_SEED to explore other cases.
 */
import fc from 'fast-check'
import { performance } from 'node:perf_hooks'
import { expect, test } from 'vitest'
import type { Diagnostic, ParseResult } from './model'
import { parse } from './parse'
import { LineIndex } from './positions'
import { applyMutation, exampleCorpus, mutation } from './testing/arbitraries'
import { validate } from './validate'

const SEED = Number(process.env.CAI_FUZZ_SEED ?? 0xf022)
const TEXTS = 2_500
const EDITS_PER_TEXT = 4
/** A parse runs on every keystroke; beyond this the editor visibly lags. */
const PARSE_BUDGET_MS = 50

/**
 * Parses `text`, timing it. A slow parse is timed up to four more times and
 * the fastest counts: one slow run can be a GC pause or a busy machine, a
 * slow input is slow every time.
 */
function timedParse(text: string): { result: ParseResult; ms: number } {
  let ms = Infinity
  let result: ParseResult | undefined
  for (let i = 0; i < 5 && ms > PARSE_BUDGET_MS / 2; i++) {
    const start = performance.now()
    result = parse(text)
    ms = Math.min(ms, performance.now() - start)
  }
  return { result: result!, ms }
}

function checkDiagnostic(d: Diagnostic, text: string, lines: LineIndex): void {
  expect(d.span.start).toBeGreaterThanOrEqual(0)
  expect(d.span.start).toBeLessThanOrEqual(d.span.end)
  expect(d.span.end).toBeLessThanOrEqual(text.length)
  expect(d.start).toEqual(lines.positionAt(d.span.start))
  expect(d.end).toEqual(lines.positionAt(d.span.end))
  expect(d.message.length).toBeGreaterThan(0)
}

test(`parse and validate survive ${TEXTS * EDITS_PER_TEXT} random edits of the examples`, () => {
  const corpus = exampleCorpus()
  expect(corpus.length).toBeGreaterThan(0)
  // Warm-up: let the JIT compile the parser before anything is timed.
  for (let i = 0; i < 20; i++) corpus.forEach((text) => parse(text))

  let slowest = { ms: 0, text: '' }
  const check = (text: string): void => {
    const { result, ms } = timedParse(text)
    if (ms > slowest.ms) slowest = { ms, text }
    const { doc, diagnostics } = result
    // parse catches its own crashes and reports them as `internal`: that is a crash all the same.
    expect(diagnostics.filter((d) => d.code === 'internal')).toEqual([])
    const lines = new LineIndex(text)
    for (const d of [...diagnostics, ...validate(doc, text)]) checkDiagnostic(d, text, lines)
  }

  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(mutation, { minLength: EDITS_PER_TEXT, maxLength: EDITS_PER_TEXT }), (source, edits) => {
      // Every intermediate text is checked, as an editor would parse it after each keystroke.
      let text = source
      for (const edit of edits) {
        text = applyMutation(text, edit)
        try {
          check(text)
        } catch (error) {
          const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
          throw new Error(`${message}\n\n----- input (seed ${SEED}) ${JSON.stringify(text)} -----\n${text}\n----- end -----`)
        }
      }
    }),
    { seed: SEED, numRuns: TEXTS, includeErrorInReport: true },
  )

  // Reported, not asserted: a busy machine must not fail a test (`npm run bench` measures the parse).
  const slow = slowest.ms > PARSE_BUDGET_MS ? `, over the ${PARSE_BUDGET_MS} ms budget: ${JSON.stringify(slowest.text)}` : ''
  console.log(`fuzz: ${TEXTS * EDITS_PER_TEXT} edited texts; slowest parse ${slowest.ms.toFixed(1)} ms (${slowest.text.length} chars)${slow}`)
}, 120_000)
