import { describe, expect, it } from 'vitest'
import { createIncrementalParser, parse } from '../parse'
import type { Workflow } from '../model'
import { placeOfStep } from './places'

const TEXT = `workflow orders {
\ttrigger manual

\tsteps {
\t\tvalidate {
\t\t\tactivity "orders.validate"
\t\t}
\t\tparallel {
\t\t\treserve {
\t\t\t\tactivity "inventory.reserve"
\t\t\t}
\t\t\tnotify {
\t\t\t\tactivity "warehouse.notify"
\t\t\t}
\t\t}
\t\tconfirm {
\t\t\tactivity "emails.send"
\t\t}
\t}
}
`
const workflowOf = (text: string, parser: (text: string) => ReturnType<typeof parse> = parse) =>
  parser(text).doc.items.find((item): item is Workflow => item.kind === 'workflow')!

describe('placeOfStep', () => {
  it('finds a step in the sequence, and a branch in its parallel block', () => {
    const workflow = workflowOf(TEXT)
    expect(placeOfStep(workflow, 'validate')).toEqual({ step: workflow.steps.items[0], index: 0 })
    expect(placeOfStep(workflow, 'confirm')?.index).toBe(2)
    const notify = placeOfStep(workflow, 'notify')!
    expect(notify.index).toBe(1)
    expect(notify.branch).toBe(1)
    expect(notify.block).toBe(workflow.steps.items[1])
    expect(notify.step.activity?.value).toBe('warehouse.notify')
  })

  it('has no place for a missing step, or for a name two steps share', () => {
    const workflow = workflowOf(TEXT.replace('notify {', 'confirm {'))
    expect(placeOfStep(workflow, 'nothing')).toBeUndefined()
    expect(placeOfStep(workflow, 'confirm')).toBeUndefined()
    expect(placeOfStep(workflow, 'reserve')?.branch).toBe(0)
  })

  it('follows each new parse: an edited or moved workflow is asked afresh', () => {
    const parser = createIncrementalParser()
    const before = workflowOf(TEXT, parser)
    expect(placeOfStep(before, 'confirm')?.step.activity?.value).toBe('emails.send')
    const edited = workflowOf(TEXT.replace('emails.send', 'emails.queue'), parser)
    expect(placeOfStep(edited, 'confirm')?.step.activity?.value).toBe('emails.queue')
    const moved = workflowOf(`// moved down\n${TEXT}`, parser)
    expect(placeOfStep(moved, 'confirm')?.step.span?.start).toBe(placeOfStep(edited, 'confirm')!.step.span!.start + 14)
    // The first answer still holds for the first workflow object.
    expect(placeOfStep(before, 'confirm')?.step.activity?.value).toBe('emails.send')
  })
})
