import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { EXAMPLES, exampleGroups } from './examples'

test('lists every bundled example by folder, and loads its exact text', async () => {
  const minimal = EXAMPLES.find((example) => example.group === '01-basics' && example.name === 'minimal.cai')
  expect(minimal).toBeDefined()
  expect(await minimal!.load()).toBe(readFileSync(new URL('../../examples/01-basics/minimal.cai', import.meta.url), 'utf8'))
  expect(EXAMPLES.some((example) => example.group === 'invalid')).toBe(true)
  expect(EXAMPLES.every((example) => example.name.endsWith('.cai'))).toBe(true)
  const groups = exampleGroups().map(([group]) => group)
  expect(groups[0]).toBe('01-basics')
  expect(groups).toEqual([...groups].sort())
})
