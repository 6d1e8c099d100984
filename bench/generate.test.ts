import { describe, expect, it } from 'vitest'
import { parse } from '../src/language/parse'
import { print } from '../src/language/print'
import { validate } from '../src/language/validate'
import type { Workflow } from '../src/language/model'
import { generateCaiFile } from './generate'

function stepCount(workflow: Workflow): number {
  return workflow.steps.items.reduce((n, item) => n + (item.kind === 'parallel' ? item.branches.length : 1), 0)
}

describe('generateCaiFile', () => {
  it.each([
    [1, 1],
    [7, 1],
    [1_000, 1],
    [25, 3],
  ])('makes %i steps over %i workflow(s): valid, clean and canonical', (steps, workflows) => {
    const text = generateCaiFile({ steps, workflows })
    const { doc, diagnostics } = parse(text)
    expect(diagnostics).toEqual([])
    expect(validate(doc, text)).toEqual([])
    expect(print(doc)).toBe(text)
    const declared = doc.items.filter((item): item is Workflow => item.kind === 'workflow')
    expect(declared).toHaveLength(workflows)
    expect(declared.reduce((n, workflow) => n + stepCount(workflow), 0)).toBe(steps)
  })

  it('mixes sequential, conditional and parallel steps with input mappings', () => {
    const { doc } = parse(generateCaiFile({ steps: 100, jobs: false }))
    const [workflow] = doc.items as Workflow[]
    const items = workflow.steps.items
    expect(doc.items).toHaveLength(1)
    expect(items.filter((item) => item.kind === 'parallel').length).toBeGreaterThanOrEqual(15)
    expect(items.filter((item) => item.kind === 'step' && item.condition).length).toBeGreaterThanOrEqual(15)
    expect(items.filter((item) => item.kind === 'step' && item.input?.entries[0].value.startsWith('steps.')).length).toBeGreaterThan(30)
  })

  it('without blank lines: no line is blank, and the file is valid and parses to the same declarations', () => {
    const spaced = generateCaiFile({ steps: 30, workflows: 30 })
    const dense = generateCaiFile({ steps: 30, workflows: 30, blankLines: false })
    expect(dense.split('\n').slice(0, -1).filter((line) => line.trim() === '')).toEqual([])
    const { doc, diagnostics } = parse(dense)
    expect(diagnostics).toEqual([])
    expect(validate(doc, dense)).toEqual([])
    expect(print(doc)).toBe(print(parse(print(doc)).doc))
    const names = (text: string) => parse(text).doc.items.map((item) => item.kind === 'workflow' || item.kind === 'job' ? item.name : item.kind)
    expect(names(dense)).toEqual(names(spaced))
  })
})
