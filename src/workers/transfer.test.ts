import fc from 'fast-check'
import { expect, test } from 'vitest'
import { generateCaiFile } from '../../bench/generate'
import { parse } from '../language/parse'
import { splitTree, TreeAssembler, type Piece } from './transfer'

function reassemble(pieces: Piece[]): unknown {
  const assembler = new TreeAssembler()
  // Each piece goes through structured cloning, as postMessage does.
  for (const piece of pieces) assembler.apply(structuredClone(piece))
  return assembler.value
}

function objectsIn(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0
  return 1 + Object.values(value).reduce((sum: number, child) => sum + objectsIn(child), 0)
}

test('a parsed document in pieces comes back equal, and no piece is over the budget', () => {
  const text = generateCaiFile({ steps: 2_000, workflows: 3 })
  const tree = { parsed: parse(text), diagnostics: [] }
  const budget = 2_000
  const pieces = splitTree(tree, budget)
  expect(pieces.length).toBeGreaterThan(objectsIn(tree) / budget)
  for (const piece of pieces) expect(objectsIn(piece.op === 'set' ? piece.value : piece.values)).toBeLessThanOrEqual(budget)
  expect(reassemble(pieces)).toEqual(tree)
})

test('one huge declaration is split inside, not sent whole', () => {
  const tree = parse(generateCaiFile({ steps: 3_000, workflows: 1, jobs: false }))
  const budget = 1_000
  const pieces = splitTree(tree, budget)
  for (const piece of pieces) expect(objectsIn(piece.op === 'set' ? piece.value : piece.values)).toBeLessThanOrEqual(budget)
  expect(reassemble(pieces)).toEqual(tree)
})

test('a light tree goes in one piece', () => {
  const tree = { a: [1, 2, { b: 'c' }], d: null }
  expect(splitTree(tree)).toEqual([{ op: 'set', path: [], value: tree }])
})

test('any JSON-like tree round-trips for any budget', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 1, max: 12 }), (tree, budget) => {
      expect(reassemble(splitTree(tree, budget))).toEqual(tree)
    }),
    { numRuns: 300 },
  )
})
