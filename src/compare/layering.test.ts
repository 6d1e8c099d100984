import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const SRC = join(import.meta.dirname, '..')
const VIEWS = ['canvas', 'editor', 'inspector', 'dryrun', 'palette', 'files', 'app', 'compare']

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+)'|import\('(\.\.?\/[^']+)'\)/g)].map((match) => match[1] ?? match[2])

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : []
  })
}

test('the Compare view imports no other view, and only the app shell imports it', () => {
  const own = sources(join(SRC, 'compare')).flatMap((file) => importsOf(file).filter((path) => VIEWS.some((view) => view !== 'compare' && path.startsWith(`../${view}`))))
  expect(own).toEqual([])
  const importers = sources(SRC)
    .filter((file) => !file.startsWith(join(SRC, 'compare')))
    .filter((file) => importsOf(file).some((path) => /^\.\.\/compare(\/|$)/.test(path)))
    .map((file) => file.slice(SRC.length + 1))
  expect(importers).toEqual(['app/App.tsx'])
})

test('the layers below the views never import the Compare view', () => {
  for (const layer of ['language', 'review', 'diagram', 'store', 'actions', 'share', 'persistence']) {
    for (const file of sources(join(SRC, layer))) expect(importsOf(file).filter((path) => path.includes('compare/')), file).toEqual([])
  }
})
