import { describe, expect, it } from 'vitest'
import { emptyBlockTrivia, emptyTrivia, type CaiDocument, type Step } from '../model'
import { renameStep } from './rename'
import { deepFreeze, doc, docOf, flowOf, job, parallel, reasonOf, step, stepIn, str, workflow, workflowIn } from './test-builders'

function withInputs(name: string, inputs: Record<string, string>, condition?: string): Step {
  return step(name, `do.${name}`, {
    input: {
      kind: 'input',
      ...emptyBlockTrivia(),
      entries: Object.entries(inputs).map(([key, value]) => ({ ...emptyTrivia(), key, value })),
    },
    ...(condition !== undefined && { condition: str(condition) }),
  })
}

function sample(): CaiDocument {
  return deepFreeze(
    doc(
      workflow('orders', [
        step('check'),
        withInputs('charge', { total: 'steps.check.output.total', id: 'workflow.input.id' }),
        parallel(withInputs('ship', { ok: 'steps.check.output.ok && steps.check.output.paid' }), step('notify')),
        withInputs('close', { note: 'xsteps.check.a, steps.checker.b, steps.check' }, 'steps.check.output.done == true'),
      ]),
      workflow('other', [withInputs('x', { v: 'steps.check.output' })]),
      job('cleanup'),
    ),
  )
}

describe('renameStep', () => {
  it('renames the step and rewrites steps.OLD in this workflow', () => {
    const before = sample()
    const result = renameStep(before, 'orders', 'check', 'verify')
    const after = docOf(result)
    expect(flowOf(after, 'orders')).toEqual(['verify', 'charge', ['ship', 'notify'], 'close'])
    expect(stepIn(after, 'orders', 'charge').input?.entries.map((e) => e.value)).toEqual(['steps.verify.output.total', 'workflow.input.id'])
    expect(stepIn(after, 'orders', 'ship').input?.entries[0].value).toBe('steps.verify.output.ok && steps.verify.output.paid')
    expect(stepIn(after, 'orders', 'close').input?.entries[0].value).toBe('xsteps.check.a, steps.checker.b, steps.verify')
    expect(stepIn(after, 'orders', 'close').condition?.value).toBe('steps.verify.output.done == true')
    expect(result.ok && result.info).toBe('5 references updated')
    expect(result.ok && result.changed).toEqual(['orders'])
  })

  it('leaves other workflows, and steps without references, as they were', () => {
    const before = sample()
    const after = docOf(renameStep(before, 'orders', 'check', 'verify'))
    expect(after.items[1]).toBe(before.items[1])
    expect(after.items[2]).toBe(before.items[2])
    expect(stepIn(after, 'orders', 'notify')).toBe(stepIn(before, 'orders', 'notify'))
    const charge = stepIn(after, 'orders', 'charge')
    expect(charge.input?.entries[1]).toBe(stepIn(before, 'orders', 'charge').input?.entries[1])
  })

  it('counts one reference', () => {
    const before = deepFreeze(doc(workflow('w', [step('a'), withInputs('b', { v: 'steps.a.output' })])))
    const result = renameStep(before, 'w', 'a', 'first')
    expect(result.ok && result.info).toBe('1 reference updated')
  })

  it('renames a step with no references to it', () => {
    const result = renameStep(sample(), 'orders', 'notify', 'announce')
    expect(flowOf(docOf(result), 'orders')[2]).toEqual(['ship', 'announce'])
    expect(result.ok && result.info).toBe('0 references updated')
  })

  it('changes nothing for the same name', () => {
    const before = sample()
    expect(renameStep(before, 'orders', 'check', 'check')).toEqual({ ok: true, doc: before, changed: [] })
  })

  it.each([
    ['retry', '"retry" is a reserved word and cannot name a step'],
    ['check-2', '"check-2" cannot name a step: use letters, digits and _, and do not start with a digit'],
    ['notify', 'workflow orders already has a step named "notify"'],
    ['', 'a step name cannot be empty'],
  ])('refuses %j', (name, reason) => {
    expect(reasonOf(renameStep(sample(), 'orders', 'check', name))).toBe(reason)
  })

  it('refuses an unknown step', () => {
    expect(reasonOf(renameStep(sample(), 'orders', 'ghost', 'spirit'))).toBe('workflow orders has no step named "ghost"')
  })

  it('accepts a name used in another workflow', () => {
    const after = docOf(renameStep(sample(), 'orders', 'check', 'x'))
    expect(workflowIn(after, 'orders').steps.items[0]).toMatchObject({ name: 'x' })
  })
})
