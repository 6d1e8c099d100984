import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import type { Diagnostic, Span } from '../language/model'
import { blockHeading, outlineEntries } from './outline-entries'

const TEXT = `config {
	name: "shop"
}

workflow first {
	trigger manual
	steps {
		only {
			activity "a.b"
		}
	}
}

job nightly {
	schedule "0 2 * * *"
	task "x.y"
}

workflow half {
	trigger manual
	steps {
`

function diagnostic(severity: Diagnostic['severity'], span: Span): Diagnostic {
  return { severity, code: 'test', message: 'test', span, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }
}

describe('outlineEntries', () => {
  const { doc } = parse(TEXT)
  const spanOf = (needle: string): Span => {
    const start = TEXT.indexOf(needle)
    return { start, end: start + needle.length }
  }

  it('lists workflows, jobs, broken declarations by name and foreign blocks as other, in file order', () => {
    expect(outlineEntries(doc, []).map(({ kind, name, broken }) => ({ kind, name, broken }))).toEqual([
      { kind: 'other', name: 'config', broken: false },
      { kind: 'workflow', name: 'first', broken: false },
      { kind: 'job', name: 'nightly', broken: false },
      { kind: 'workflow', name: 'half', broken: true },
    ])
  })

  it('counts the errors and warnings whose span lies within each item, and no info', () => {
    const diagnostics = [
      diagnostic('error', spanOf('"a.b"')),
      diagnostic('warning', spanOf('only')),
      diagnostic('warning', spanOf('trigger manual')),
      diagnostic('info', spanOf('activity')),
      diagnostic('error', spanOf('"0 2 * * *"')),
      // Straddles the workflow and the job: inside neither.
      diagnostic('error', { start: TEXT.indexOf('}\n\njob'), end: TEXT.indexOf('nightly') }),
    ]
    const counts = outlineEntries(doc, diagnostics).map(({ name, errors, warnings }) => ({ name, errors, warnings }))
    expect(counts).toEqual([
      { name: 'config', errors: 0, warnings: 0 },
      { name: 'first', errors: 1, warnings: 2 },
      { name: 'nightly', errors: 1, warnings: 0 },
      { name: 'half', errors: 0, warnings: 0 },
    ])
  })
})

describe('blockHeading', () => {
  it('names a block of the wider CodeAI language by its heading', () => {
    expect(blockHeading('endpoint GET /orders/{id} {\n\tresponse Order status 200\n}')).toBe('endpoint GET /orders/{id}')
    expect(blockHeading('endpoint GET "/users/:id" {\n}')).toBe('endpoint GET "/users/:id"')
    expect(blockHeading('entity Order {\n\tid: uuid\n}')).toBe('entity Order')
    expect(blockHeading('entity Order{\n}')).toBe('entity Order')
    expect(blockHeading('function greet(name) {\n\tvar message = name\n}')).toBe('function greet')
    expect(blockHeading('var x = 42')).toBe('var x')
    expect(blockHeading('var x=42')).toBe('var x')
    expect(blockHeading('config {\n\tdatabase_type: "postgres"\n}')).toBe('config')
    expect(blockHeading('endpoint GET "/health" {}')).toBe('endpoint GET "/health"')
  })

  it('leaves out annotations and comments', () => {
    expect(blockHeading('@auth("admin")\n@rate_limit("100")\nendpoint GET "/admin/users" {\n}')).toBe('endpoint GET "/admin/users"')
    expect(blockHeading('@deprecated endpoint DELETE "/users/:id" {\n}')).toBe('endpoint DELETE "/users/:id"')
    expect(blockHeading('entity Order { // the order\n}')).toBe('entity Order')
  })

  it('shortens a very long heading', () => {
    const heading = blockHeading(`on "${'x'.repeat(80)}" do workflow "w"`)
    expect(heading).toHaveLength(60)
    expect(heading.endsWith('…')).toBe(true)
  })

  it('gives one outline entry per block, named by its heading', () => {
    const { doc } = parse('entity Order {\n\tid: uuid\n}\n\n@auth("admin")\nendpoint GET /orders/{id} {\n\tresponse Order status 200\n}\n')
    expect(outlineEntries(doc, []).map(({ kind, name }) => ({ kind, name }))).toEqual([
      { kind: 'other', name: 'entity Order' },
      { kind: 'other', name: 'endpoint GET /orders/{id}' },
    ])
  })
})
