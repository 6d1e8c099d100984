import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import { print } from '../language/print'
import { JOB_SNIPPET, KEYWORD_SNIPPETS, PARALLEL_SNIPPET, RETRY_SNIPPET, WORKFLOW_SNIPPET, stepSnippet } from './snippets'

/** The text a snippet inserts when every placeholder keeps its default. */
function expand(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}|\$\d+/g, (_, fallback: string | undefined) => fallback ?? '')
}

/** Indents every line but the first, as Monaco does when inserting at an indented line. */
function indent(text: string, depth: number): string {
  return text.replace(/\n(?=.)/g, '\n' + '\t'.repeat(depth))
}

function expectCanonical(text: string) {
  const result = parse(text)
  expect(result.diagnostics).toEqual([])
  expect(print(result.doc)).toBe(text)
}

describe('snippets', () => {
  it('insert declarations in the canonical layout', () => {
    expectCanonical(expand(WORKFLOW_SNIPPET) + '\n')
    expectCanonical(expand(JOB_SNIPPET) + '\n')
  })

  it('insert steps, parallel blocks and retry blocks in the canonical layout', () => {
    const steps = [expand(stepSnippet()), expand(stepSnippet('charge')), expand(PARALLEL_SNIPPET)].map((part) => '\t\t' + indent(part, 2))
    const retry = '\t' + indent(expand(RETRY_SNIPPET), 1)
    expectCanonical(`workflow w {\n\ttrigger manual\n\n\tsteps {\n${steps.join('\n\n')}\n\t}\n\n${retry}\n}\n`)
  })

  it('use only keywords of the language and well-formed placeholders', () => {
    for (const [keyword, snippet] of Object.entries(KEYWORD_SNIPPETS)) {
      expect(snippet.startsWith(keyword), keyword).toBe(true)
      expect(snippet.replace(/\$\{\d+:[^}$]*\}|\$\d+/g, ''), keyword).not.toContain('$')
    }
  })
})
