/**
 * Operations end to end: text -> parse -> operation -> applyToText with the
 * real printer -> text, and that text parsed again.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allSteps } from '../locate'
import type { CaiDocument, Workflow } from '../model'
import { parse } from '../parse'
import { printItem } from '../print'
import { stripSpans } from '../strip'
import { addJob, addWorkflow, moveItem, removeJob, removeWorkflow } from './declarations'
import { setJobField, setStepField, setWorkflowField } from './fields'
import { addInputEntry, removeInputEntry } from './inputs'
import { renameStep } from './rename'
import { addRetry, removeRetry, setRetryField } from './retry'
import type { OpResult } from './result'
import { applyToText } from './splice'
import { addParallel, addStep, duplicateStep, moveStep, removeStep, unwrapParallel, wrapInParallel } from './steps'
import { deepFreeze, docOf } from './test-builders'

function parsed(text: string): CaiDocument {
  const result = parse(text)
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return deepFreeze(result.doc)
}

/** Applies `op` to the parse of `text` and writes it back. */
function edit(text: string, op: (doc: CaiDocument) => OpResult): string {
  const before = parsed(text)
  return applyToText(text, before, docOf(op(before)), printItem)
}

const FREE_LAYOUT = `// Hand formatted.
workflow   squeezed{trigger manual steps{a{activity"tasks.a"}b{activity"tasks.b" input{x:"steps.a.output"}}}}

job  squeezed_job{task"jobs.run"queue"default"}
`

describe('operations on text', () => {
  it('a changed statement keeps its own spacing, not the block\'s usual one', () => {
    const text = `workflow w {
	trigger manual
	timeout "1h"

	steps {
		a {
			activity "x"
		}
	}

	retry {
		max_attempts 3
	}
}
`
    expect(edit(text, (doc) => setWorkflowField(doc, 'w', 'timeout', '1h30m'))).toBe(text.replace('"1h"', '"1h30m"'))
  })

  it('reprints only the workflow that changed', () => {
    const text = edit(FREE_LAYOUT, (doc) => renameStep(doc, 'squeezed', 'a', 'first'))
    expect(text).toBe(`// Hand formatted.
workflow squeezed {
	trigger manual
	steps {
		first {
			activity "tasks.a"
		}
		b {
			activity "tasks.b"
			input {
				x: "steps.first.output"
			}
		}
	}
}

job  squeezed_job{task"jobs.run"queue"default"}
`)
  })

  it('moves a step out of a parallel block; the emptied block leaves its comments behind', () => {
    const text = `workflow w {
	trigger manual
	steps {
		a {
			activity "x.a"
		}
		// fan out
		parallel { // just one
			b {
				activity "x.b" // why b
			}
		}
		c {
			activity "x.c"
		}
	}
}
`
    expect(edit(text, (doc) => moveStep(doc, 'w', 'b', { workflow: 'w', index: 0 }))).toBe(`workflow w {
	trigger manual
	steps {
		b {
			activity "x.b" // why b
		}
		a {
			activity "x.a"
		}
		// fan out
		// just one
		c {
			activity "x.c"
		}
	}
}
`)
  })

  it('adds a workflow after the last item with a blank line, keeping the end comments last', () => {
    const text = edit(FREE_LAYOUT, (doc) => addWorkflow(doc, { name: 'fresh' }))
    expect(text).toBe(`// Hand formatted.
workflow   squeezed{trigger manual steps{a{activity"tasks.a"}b{activity"tasks.b" input{x:"steps.a.output"}}}}

job  squeezed_job{task"jobs.run"queue"default"}

workflow fresh {
	trigger manual
	steps {
		step_1 {
			activity "todo.activity"
		}
	}
}
`)
  })

  it('removes a declaration with its comments and reorders without reprinting', () => {
    expect(edit(FREE_LAYOUT, (doc) => removeWorkflow(doc, 'squeezed'))).toBe('job  squeezed_job{task"jobs.run"queue"default"}\n')
    expect(edit(FREE_LAYOUT, (doc) => moveItem(doc, 1, 0))).toBe(
      'job  squeezed_job{task"jobs.run"queue"default"}\n\n// Hand formatted.\nworkflow   squeezed{trigger manual steps{a{activity"tasks.a"}b{activity"tasks.b" input{x:"steps.a.output"}}}}\n',
    )
  })

  it('writes a whole multiplier with a decimal point', () => {
    const text = edit(FREE_LAYOUT, (doc) => setRetryField(doc, { job: 'squeezed_job' }, 'backoffMultiplier', 2))
    expect(text).toContain('\tretry {\n\t\tbackoff_multiplier 2.0\n\t}\n')
  })
})

// ---------------------------------------------------------------------------
// Any operation on the example files writes text that parses back to the operation's document.

/** The valid examples (a file with syntax errors holds broken items, which operations leave alone). */
const EXAMPLES = [
  '01-basics/minimal.cai',
  '02-advanced/everything.cai',
  '02-advanced/free_layout.cai',
  '03-mixed/with_other_blocks.cai',
  '09-workflows/with_workflows.cai',
]
  .map((path) => readFileSync(new URL(`../../../examples/${path}`, import.meta.url), 'utf8'))
  .filter((text) => parse(text).diagnostics.every((d) => d.severity !== 'error'))

/** A document for comparison: no spans, no blank lines (the splice and the printer may space new items differently). */
function comparable(doc: CaiDocument): unknown {
  return JSON.parse(JSON.stringify(stripSpans(doc), (key, value) => (key === 'blankBefore' || key === 'blankAfter' ? undefined : value)))
}

type Pick = (n: number) => number

/** One operation, chosen and aimed by `pick`, on a document's workflows and jobs. */
function randomOperation(doc: CaiDocument, pick: Pick): OpResult {
  const at = () => pick(doc.items.length + 1)
  const operations: (() => OpResult)[] = [() => addJob(doc, { at: at() }), () => addWorkflow(doc, { at: at() })]
  if (doc.items.length > 0) operations.push(() => moveItem(doc, pick(doc.items.length), at()))

  const jobs = doc.items.flatMap((item) => (item.kind === 'job' ? [item.name] : []))
  if (jobs.length > 0) {
    const job = jobs[pick(jobs.length)]
    operations.push(
      () => setJobField(doc, job, 'queue', 'critical'),
      () => addRetry(doc, { job }),
      () => removeJob(doc, job),
    )
  }

  const workflows = doc.items.filter((item): item is Workflow => item.kind === 'workflow')
  if (workflows.length === 0) return operations[pick(operations.length)]()
  const w = workflows[pick(workflows.length)]
  const gap = { workflow: w.name, index: pick(w.steps.items.length + 1) }
  const block = w.steps.items.findIndex((entry) => entry.kind === 'parallel')
  operations.push(
    () => addStep(doc, gap),
    () => addParallel(doc, gap),
    () => setWorkflowField(doc, w.name, 'timeout', pick(2) ? '2h' : undefined),
    () => setWorkflowField(doc, w.name, 'trigger', { type: 'event', value: 'thing.happened' }),
    () => setRetryField(doc, { workflow: w.name }, 'backoffMultiplier', 3),
    () => removeRetry(doc, { workflow: w.name }),
  )
  if (block >= 0) operations.push(() => unwrapParallel(doc, w.name, block))

  const steps = allSteps(w)
  const step = steps[pick(steps.length)]
  if (step) {
    const name = step.name
    operations.push(
      () => removeStep(doc, w.name, name),
      () => duplicateStep(doc, w.name, name),
      () => moveStep(doc, w.name, name, gap),
      () => renameStep(doc, w.name, name, `${name}_renamed`),
      () => wrapInParallel(doc, w.name, [name]),
      () => setStepField(doc, w.name, name, 'activity', 'changed.activity'),
      () => setStepField(doc, w.name, name, 'condition', undefined),
      () => addInputEntry(doc, w.name, name),
    )
    if (block >= 0) operations.push(() => moveStep(doc, w.name, name, { workflow: w.name, index: block, branch: 0 }))
    const key = step.input?.entries[0]?.key
    if (key !== undefined) operations.push(() => removeInputEntry(doc, w.name, name, key))
  }
  return operations[pick(operations.length)]()
}

describe('operations on the example files', () => {
  it('have examples to work on', () => expect(EXAMPLES.length).toBeGreaterThanOrEqual(3))

  it('write text that parses, without errors, to the document the operations made', () => {
    fc.assert(
      fc.property(fc.nat(EXAMPLES.length - 1), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.nat(2), (example, choices, count) => {
        let text = EXAMPLES[example]
        let cursor = 0
        const pick: Pick = (n) => (n <= 0 ? 0 : choices[cursor++ % choices.length] % n)
        for (let i = 0; i <= count; i++) {
          const before = parse(text).doc
          const result = randomOperation(deepFreeze(before), pick)
          if (!result.ok) continue
          const next = applyToText(text, before, result.doc, printItem)
          const reparsed = parse(next)
          expect(reparsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
          expect(comparable(reparsed.doc)).toEqual(comparable(result.doc))
          // every item the operation left alone is still there byte for byte
          for (const item of result.doc.items) {
            if (before.items.includes(item) && item.span) expect(next).toContain(text.slice(item.span.start, item.span.end))
          }
          text = next
        }
      }),
      { numRuns: 100, seed: Number(process.env.CAI_PROPERTY_SEED ?? 0xca1) },
    )
  }, 60_000)
})
