/**
 * The files under examples/ are part of the specification:
 * - every valid example parses with no syntax error, validates with no error,
 *   has exactly one nearley parse per declaration, and printing is a fixed
 *   point; the canonical ones print back byte for byte;
 * - a sibling NAME.expected.txt holds the exact output of `codeai validate`
 *   (every invalid example has one; a valid example without one must produce
 *   no diagnostic at all);
 * - together the valid examples use every construct of the grammar.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validateCommand } from '../cli/commands'
import { nearleyParses } from './declaration'
import type { CaiDocument, Comment, Retry, StepItem, Workflow } from './model'
import { parse } from './parse'
import { print } from './print'
import { splitTopLevel } from './split'
import { validate } from './validate'

const ROOT = new URL('../../', import.meta.url)

/** Valid examples that are deliberately not in canonical layout. */
const NOT_CANONICAL = new Set(['examples/02-advanced/free_layout.cai'])

function examplePaths(): string[] {
  return readdirSync(new URL('examples/', ROOT), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.cai'))
    .map((path) => `examples/${path}`)
    .sort()
}

const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8')
const expectedPath = (path: string) => path.replace(/\.cai$/, '.expected.txt')
const all = examplePaths()
const invalid = all.filter((path) => path.startsWith('examples/invalid/'))
const valid = all.filter((path) => !invalid.includes(path))

describe.each(valid)('valid example %s', (path) => {
  const text = read(path)
  const { doc, diagnostics } = parse(text)

  it('parses with no syntax error and validates with no error', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(validate(doc, text).filter((d) => d.severity === 'error')).toEqual([])
  })

  it('has exactly one parse per declaration', () => {
    const declarations = splitTopLevel(text).chunks.filter((chunk) => chunk.kind === 'declaration')
    expect(declarations.length).toBeGreaterThan(0)
    for (const chunk of declarations) expect(nearleyParses(text.slice(chunk.start, chunk.end))).toHaveLength(1)
  })

  it('prints to a fixed point', () => {
    const printed = print(doc)
    expect(print(parse(printed).doc)).toBe(printed)
  })

  if (NOT_CANONICAL.has(path)) {
    it('is rewritten by the printer (it is meant to be unformatted)', () => {
      expect(print(doc)).not.toBe(text)
    })
  } else {
    it('is canonical: prints back byte for byte', () => {
      expect(print(doc)).toBe(text)
    })
  }

  it('produces exactly its expected diagnostics (none without an .expected.txt)', () => {
    const result = validateCommand(path, text)
    if (existsSync(new URL(expectedPath(path), ROOT))) expect(result.stdout).toBe(read(expectedPath(path)))
    else expect(result.stdout).toMatch(/^\d+ workflows?, \d+ jobs?: 0 errors, 0 warnings\n$/)
    expect(result.exitCode).toBe(0)
  })
})

describe.each(invalid)('invalid example %s', (path) => {
  it('fails with exactly its expected diagnostics', () => {
    expect(existsSync(new URL(expectedPath(path), ROOT)), `${expectedPath(path)} is missing`).toBe(true)
    const expected = read(expectedPath(path))
    expect(expected).toMatch(/: error: /)
    const result = validateCommand(path, read(path))
    expect(result.stdout).toBe(expected)
    expect(result.exitCode).toBe(1)
  })
})

describe('the example set', () => {
  it('has at least twelve invalid examples and no stray expectation files', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(12)
    const expectations = readdirSync(new URL('examples/', ROOT), { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.expected.txt'))
      .map((path) => `examples/${path}`)
    for (const path of expectations) expect(all).toContain(path.replace(/\.expected\.txt$/, '.cai'))
  })

  it('uses every construct of the grammar across the valid examples', () => {
    const features = new Set<string>()
    for (const path of valid) collectFeatures(parse(read(path)).doc, features)
    expect([...features].sort()).toEqual(
      [
        'comment:block',
        'comment:end-of-file',
        'comment:inner',
        'comment:leading',
        'comment:open-trailing',
        'comment:trailing',
        'condition',
        'foreign:config',
        'foreign:endpoint',
        'foreign:entity',
        'foreign:integration',
        'input:empty',
        'input:entries',
        'job:bare',
        'job:queue',
        'job:retry',
        'job:schedule',
        'multi-line string',
        'parallel:empty',
        'parallel:many',
        'parallel:one',
        'retry:all-fields',
        'retry:empty',
        'retry:some-fields',
        'timeout',
        'trigger:event',
        'trigger:manual',
        'trigger:schedule',
      ].sort(),
    )
  })
})

/** Names the constructs a document uses, into `features`. */
function collectFeatures(doc: CaiDocument, features: Set<string>): void {
  const add = (feature: string) => features.add(feature)
  const strings: string[] = []
  const visitTrivia = (node: object) => {
    for (const [key, value] of Object.entries(node)) {
      if (!Array.isArray(value) || !value.every(isComment)) continue
      const comments = value as Comment[]
      if (comments.length === 0) continue
      const position = { leading: 'leading', trailing: 'trailing', openTrailing: 'open-trailing', inner: 'inner' }[key]
      if (position) add(`comment:${position}`)
      if (comments.some((comment) => comment.kind === 'block')) add('comment:block')
    }
    for (const value of Object.values(node)) {
      if (value && typeof value === 'object' && !Array.isArray(value)) visitTrivia(value)
      if (Array.isArray(value)) value.filter((element) => element && typeof element === 'object' && !isComment(element)).forEach(visitTrivia)
    }
  }
  const visitRetry = (retry: Retry | undefined) => {
    if (!retry) return
    const fields = [retry.maxAttempts, retry.initialInterval, retry.backoffMultiplier].filter(Boolean).length
    add(fields === 3 ? 'retry:all-fields' : fields === 0 ? 'retry:empty' : 'retry:some-fields')
  }
  const visitStep = (item: StepItem) => {
    if (item.kind === 'parallel') {
      add(item.branches.length === 0 ? 'parallel:empty' : item.branches.length === 1 ? 'parallel:one' : 'parallel:many')
      item.branches.forEach(visitStep)
      return
    }
    if (item.input) add(item.input.entries.length === 0 ? 'input:empty' : 'input:entries')
    item.input?.entries.forEach((entry) => strings.push(entry.value))
    if (item.condition) {
      add('condition')
      strings.push(item.condition.value)
    }
  }
  const visitWorkflow = (workflow: Workflow) => {
    add(`trigger:${workflow.trigger.type}`)
    if (workflow.timeout) add('timeout')
    workflow.steps.items.forEach(visitStep)
    visitRetry(workflow.retry)
  }
  for (const item of doc.items) {
    visitTrivia(item)
    if (item.kind === 'workflow') visitWorkflow(item)
    if (item.kind === 'foreign') add(`foreign:${item.keyword}`)
    if (item.kind === 'job') {
      if (!item.schedule && !item.queue && !item.retry) add('job:bare')
      if (item.schedule) add('job:schedule')
      if (item.queue) add('job:queue')
      visitRetry(item.retry)
      if (item.retry) add('job:retry')
    }
  }
  if (doc.endComments.length > 0) add('comment:end-of-file')
  if (strings.some((value) => value.includes('\n'))) add('multi-line string')
}

function isComment(value: unknown): value is Comment {
  return !!value && typeof value === 'object' && ((value as Comment).kind === 'line' || (value as Comment).kind === 'block')
}
