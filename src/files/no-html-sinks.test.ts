import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, test } from 'vitest'

const SRC = join(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

// Spelled in pieces, so this file does not find itself.
const SINKS = [
  ['inner', 'HTML'],
  ['outer', 'HTML'],
  ['insertAdjacent', 'HTML'],
  ['dangerouslySet', 'InnerHTML'],
  ['document.', 'write('],
  ['src', 'doc'],
  ['createContextual', 'Fragment'],
  ['new ', 'Function('],
  ['eval', '('],
].map((parts) => parts.join(''))

test('no code in src/ turns text into markup or code', () => {
  const files = sourceFiles(SRC)
  expect(files.length).toBeGreaterThan(50)
  const found = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return SINKS.filter((sink) => text.includes(sink)).map((sink) => `${relative(SRC, file)}: ${sink}`)
  })
  expect(found).toEqual([])
})
