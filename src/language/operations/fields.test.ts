import { describe, expect, it } from 'vitest'
import { emptyTrivia, type Broken, type CaiDocument, type Trigger } from '../model'
import { setJobField, setStepField, setWorkflowField } from './fields'
import {
  deepFreeze,
  doc,
  docOf,
  flowOf,
  job,
  jobIn,
  led,
  reasonOf,
  step,
  stepIn,
  str,
  trailed,
  workflow,
  workflowIn,
} from './test-builders'

function sample(): CaiDocument {
  return deepFreeze(
    doc(
      workflow('orders', [step('a'), step('b', 'do.b', { condition: trailed(str('steps.a.output.ok'), '// only if ok') })], {
        timeout: led(str('30m'), '// SLA'),
        trigger: { kind: 'trigger', type: 'event', value: 'order.created', leading: [], trailing: [], blankBefore: false },
      }),
      job('cleanup', 'sessions.cleanup', { queue: str('low_priority') }),
      workflow('reports', [step('x')]),
      job('backup'),
    ),
  )
}

const brokenJob: Broken = { kind: 'broken', declaration: 'job', name: 'old', text: 'job old {', leading: [], trailing: [], blankBefore: false }

describe('setWorkflowField', () => {
  it('renames a workflow', () => {
    const before = sample()
    const result = setWorkflowField(before, 'orders', 'name', 'fulfil')
    const after = docOf(result)
    expect(after.items[0]).toMatchObject({ kind: 'workflow', name: 'fulfil' })
    expect(result.ok && result.changed).toEqual(['orders', 'fulfil'])
    expect(after.items.slice(1)).toEqual(before.items.slice(1))
    after.items.slice(1).forEach((item, i) => expect(item).toBe(before.items[i + 1]))
  })

  it('allows a workflow to share a job name (they are separate in CodeAI)', () => {
    expect(docOf(setWorkflowField(sample(), 'orders', 'name', 'cleanup')).items[0]).toMatchObject({ name: 'cleanup' })
  })

  it.each([
    ['reports', 'there is already a workflow named "reports"'],
    ['workflow', '"workflow" is a reserved word and cannot name a workflow'],
    ['order flow', '"order flow" cannot name a workflow: use letters, digits and _, and do not start with a digit'],
  ])('refuses the name %j', (name, reason) => {
    expect(reasonOf(setWorkflowField(sample(), 'orders', 'name', name))).toBe(reason)
  })

  it('sets the trigger, keeping its comments', () => {
    const trigger = led<Trigger>({ kind: 'trigger', type: 'manual', ...emptyTrivia() }, '// go')
    const before = deepFreeze(doc(workflow('w', [step('a')], { trigger })))
    const scheduled = docOf(setWorkflowField(before, 'w', 'trigger', { type: 'schedule', value: '0 6 * * *' }))
    expect(workflowIn(scheduled, 'w').trigger).toMatchObject({ type: 'schedule', value: '0 6 * * *', leading: [{ text: '// go' }] })
    const manual = docOf(setWorkflowField(scheduled, 'w', 'trigger', { type: 'manual' }))
    expect(workflowIn(manual, 'w').trigger).not.toHaveProperty('value')
    expect(workflowIn(manual, 'w').trigger.type).toBe('manual')
  })

  it('changes nothing when the trigger is the same', () => {
    const before = sample()
    expect(setWorkflowField(before, 'orders', 'trigger', { type: 'event', value: 'order.created' })).toEqual({
      ok: true,
      doc: before,
      changed: [],
    })
  })

  it('refuses a trigger value with a quote', () => {
    expect(reasonOf(setWorkflowField(sample(), 'orders', 'trigger', { type: 'event', value: 'a"b' }))).toBe(
      'a value cannot contain a double quote (")',
    )
  })

  it('sets, creates and removes the timeout', () => {
    const set = workflowIn(docOf(setWorkflowField(sample(), 'orders', 'timeout', '1h')), 'orders').timeout
    expect(set).toMatchObject({ value: '1h', leading: [{ text: '// SLA' }] })
    const created = workflowIn(docOf(setWorkflowField(sample(), 'reports', 'timeout', '5m')), 'reports').timeout
    expect(created).toEqual({ value: '5m', leading: [], trailing: [], blankBefore: false })
    const removed = workflowIn(docOf(setWorkflowField(sample(), 'orders', 'timeout', undefined)), 'orders')
    expect(removed).not.toHaveProperty('timeout')
    const before = sample()
    expect(docOf(setWorkflowField(before, 'reports', 'timeout', undefined))).toBe(before)
  })

  it('leaves a value that only the validator can judge to the validator', () => {
    expect(workflowIn(docOf(setWorkflowField(sample(), 'orders', 'timeout', '1d')), 'orders').timeout?.value).toBe('1d')
  })

  it('refuses a broken or unknown workflow', () => {
    expect(reasonOf(setWorkflowField(sample(), 'ghost', 'timeout', '1m'))).toBe('there is no workflow named "ghost"')
  })
})

describe('setStepField', () => {
  it('sets the activity', () => {
    const before = sample()
    const after = docOf(setStepField(before, 'orders', 'a', 'activity', 'orders.validate'))
    expect(stepIn(after, 'orders', 'a').activity?.value).toBe('orders.validate')
    expect(stepIn(after, 'orders', 'b')).toBe(stepIn(before, 'orders', 'b'))
  })

  it('gives an activity to a step that had none', () => {
    const before = deepFreeze(doc(workflow('w', [{ ...step('a'), activity: undefined }])))
    expect(stepIn(docOf(setStepField(before, 'w', 'a', 'activity', 'x.y')), 'w', 'a').activity?.value).toBe('x.y')
  })

  it('sets the condition keeping its comments, and removes it', () => {
    const set = stepIn(docOf(setStepField(sample(), 'orders', 'b', 'condition', 'true')), 'orders', 'b')
    expect(set.condition).toMatchObject({ value: 'true', trailing: [{ text: '// only if ok' }] })
    const created = stepIn(docOf(setStepField(sample(), 'orders', 'a', 'condition', 'x > 1')), 'orders', 'a')
    expect(created.condition?.value).toBe('x > 1')
    const removed = stepIn(docOf(setStepField(sample(), 'orders', 'b', 'condition', undefined)), 'orders', 'b')
    expect(removed).not.toHaveProperty('condition')
  })

  it('renames through renameStep, references included', () => {
    const result = setStepField(sample(), 'orders', 'a', 'name', 'first')
    expect(flowOf(docOf(result), 'orders')).toEqual(['first', 'b'])
    expect(stepIn(docOf(result), 'orders', 'b').condition?.value).toBe('steps.first.output.ok')
    expect(result.ok && result.info).toBe('1 reference updated')
  })

  it('refuses quotes, reserved names and unknown steps', () => {
    expect(reasonOf(setStepField(sample(), 'orders', 'a', 'activity', '"'))).toBe('a value cannot contain a double quote (")')
    expect(reasonOf(setStepField(sample(), 'orders', 'a', 'condition', 'x == "1"'))).toBe('a value cannot contain a double quote (")')
    expect(reasonOf(setStepField(sample(), 'orders', 'a', 'name', 'input'))).toBe('"input" is a reserved word and cannot name a step')
    expect(reasonOf(setStepField(sample(), 'orders', 'zz', 'activity', 'x'))).toBe('workflow orders has no step named "zz"')
  })

  it('changes nothing for the same value', () => {
    const before = sample()
    expect(docOf(setStepField(before, 'orders', 'a', 'activity', 'do.a'))).toBe(before)
  })
})

describe('setJobField', () => {
  it('sets task, schedule and queue, and removes the optional ones', () => {
    const before = sample()
    let after = docOf(setJobField(before, 'cleanup', 'task', 'sessions.purge'))
    after = docOf(setJobField(after, 'cleanup', 'schedule', '0 * * * *'))
    after = docOf(setJobField(after, 'cleanup', 'queue', undefined))
    expect(jobIn(after, 'cleanup')).toMatchObject({ task: { value: 'sessions.purge' }, schedule: { value: '0 * * * *' } })
    expect(jobIn(after, 'cleanup')).not.toHaveProperty('queue')
    expect(after.items[3]).toBe(before.items[3])
  })

  it('renames a job', () => {
    const result = setJobField(sample(), 'cleanup', 'name', 'purge')
    expect(jobIn(docOf(result), 'purge').task.value).toBe('sessions.cleanup')
    expect(result.ok && result.changed).toEqual(['cleanup', 'purge'])
  })

  it('refuses what CodeAI would reject', () => {
    expect(reasonOf(setJobField(sample(), 'cleanup', 'name', 'backup'))).toBe('there is already a job named "backup"')
    expect(reasonOf(setJobField(sample(), 'cleanup', 'name', 'queue'))).toBe('"queue" is a reserved word and cannot name a job')
    expect(reasonOf(setJobField(sample(), 'cleanup', 'task', 'a"'))).toBe('a value cannot contain a double quote (")')
    expect(reasonOf(setJobField(sample(), 'cleanup', 'queue', '"'))).toBe('a value cannot contain a double quote (")')
  })

  it('refuses a job with syntax errors', () => {
    expect(reasonOf(setJobField(deepFreeze(doc(brokenJob)), 'old', 'task', 'x'))).toBe('job old has syntax errors; fix them in the text first')
  })
})
