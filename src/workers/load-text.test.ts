import { expect, test } from 'vitest'
import { generateCaiFile } from '../../bench/generate'
import { createIncrementalParser, parse } from '../language/parse'
import { validate } from '../language/validate'
import { createDesignerStore } from '../store/designer'
import { loading, prepareText, primePrefixes, WORKER_THRESHOLD } from './load-text'

test('priming prefixes end after whole declarations, and the last is the whole text', () => {
  const text = generateCaiFile({ steps: 600, workflows: 30 }) + '// the end\n'
  const { doc } = parse(text)
  const prefixes = primePrefixes(text, doc, 8_000)
  expect(prefixes.length).toBeGreaterThan(3)
  expect(prefixes.at(-1)).toBe(text)
  const ends = new Set(doc.items.map((item) => item.span!.end))
  for (const prefix of prefixes.slice(0, -1)) {
    expect(ends.has(prefix.length)).toBe(true)
    expect(prefix.endsWith('}')).toBe(true)
  }
})

test('a parser primed with the prefixes gives the same result as a fresh parse', () => {
  const text = generateCaiFile({ steps: 300, workflows: 12 })
  const parser = createIncrementalParser()
  for (const prefix of primePrefixes(text, parse(text).doc, 4_000)) parser(prefix)
  expect(parser(text)).toEqual(parse(text))
})

test('a small text is set as it is', async () => {
  const store = createDesignerStore('')
  const text = 'job a {\n\ttask "t"\n}\n'
  const prepared = await prepareText(text, 'a.cai')
  prepared!.apply(store)
  expect(store.getState().text).toBe(text)
  expect(store.getState().textOrigin).toBe('file')
})

test('a big text without a worker (here: Node) is still loaded, parsed on this thread', async () => {
  const store = createDesignerStore('')
  const text = generateCaiFile({ steps: 2_000, workflows: 4 })
  expect(text.length).toBeGreaterThan(WORKER_THRESHOLD)
  const preparing = prepareText(text, 'big.cai')
  expect(loading.getState().label).toBe('big.cai')
  const prepared = await preparing
  expect(loading.getState().label).toBeNull()
  prepared!.apply(store)
  expect(store.getState().text).toBe(text)
  expect(store.getState().parsed.doc.items).toHaveLength(8)
})

test('a text replaced by a later one before it was ready is dropped', async () => {
  const first = prepareText(generateCaiFile({ steps: 2_000, workflows: 4 }), 'big.cai')
  const second = prepareText('job b {\n\ttask "t"\n}\n', 'b.cai')
  expect(await second).not.toBeNull()
  expect(await first).toBeNull()
})

test('adopting a text parsed elsewhere gives the state setting it would', () => {
  const text = generateCaiFile({ steps: 40, workflows: 3 }) + 'job broken {\n'
  const parsed = parse(text)
  const diagnostics = [...parsed.diagnostics, ...validate(parsed.doc, text)].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  )
  const set = createDesignerStore('job a {\n\ttask "t"\n}\n')
  const adopted = createDesignerStore('job a {\n\ttask "t"\n}\n')
  set.getState().setText(text, 'file')
  adopted.getState().adoptText(text, { parsed, diagnostics }, 'file')
  const { parsed: setParsed, diagnostics: setDiagnostics, selectedWorkflow, lastGood, history } = set.getState()
  expect(adopted.getState()).toMatchObject({ text, parsed: setParsed, diagnostics: setDiagnostics, selectedWorkflow, history })
  expect(Object.keys(adopted.getState().lastGood)).toEqual(Object.keys(lastGood))
})

test('an adopted paste is one undo step', () => {
  const store = createDesignerStore('job a {\n\ttask "t"\n}\n')
  const text = 'job a {\n\ttask "t"\n}\njob b {\n\ttask "u"\n}\n'
  const parsed = parse(text)
  store.getState().adoptText(text, { parsed, diagnostics: parsed.diagnostics }, 'paste')
  expect(store.getState().undo()).toBe(true)
  expect(store.getState().text).toBe('job a {\n\ttask "t"\n}\n')
})
