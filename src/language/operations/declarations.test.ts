import { describe, expect, it } from 'vitest'
import { emptyTrivia, type Broken, type CaiDocument, type Foreign } from '../model'
import { addJob, addWorkflow, moveItem, removeJob, removeWorkflow } from './declarations'
import { PLACEHOLDER_ACTIVITY, PLACEHOLDER_TASK } from './nodes'
import { deepFreeze, doc, docOf, flowOf, job, jobIn, led, reasonOf, step, workflow, workflowIn } from './test-builders'

const config: Foreign = { kind: 'foreign', keyword: 'config', text: 'config { }', ...emptyTrivia() }
const brokenWorkflow: Broken = { kind: 'broken', declaration: 'workflow', name: 'half', text: 'workflow half {', ...emptyTrivia() }

function sample(): CaiDocument {
  return deepFreeze(doc(config, workflow('workflow_1', [step('a')]), job('job_2'), brokenWorkflow))
}

const names = (d: CaiDocument) => d.items.map((item) => (item.kind === 'foreign' ? item.keyword : item.name))

describe('addWorkflow', () => {
  it('adds workflow_N at the end, manual, with one placeholder step', () => {
    const before = sample()
    const result = addWorkflow(before)
    const after = docOf(result)
    expect(names(after)).toEqual(['config', 'workflow_1', 'job_2', 'half', 'workflow_2'])
    const added = workflowIn(after, 'workflow_2')
    expect(added.trigger).toEqual({ kind: 'trigger', ...emptyTrivia(), type: 'manual' })
    expect(flowOf(after, 'workflow_2')).toEqual(['step_1'])
    expect(added.steps.items[0]).toMatchObject({ activity: { value: PLACEHOLDER_ACTIVITY } })
    expect(result.ok && result.changed).toEqual(['workflow_2'])
    before.items.forEach((item, i) => expect(after.items[i]).toBe(item))
  })

  it('adds a named workflow with a trigger at a position', () => {
    const after = docOf(addWorkflow(sample(), { name: 'orders', trigger: { type: 'event', value: 'order.created' }, at: 1 }))
    expect(names(after)).toEqual(['config', 'orders', 'workflow_1', 'job_2', 'half'])
    expect(workflowIn(after, 'orders').trigger).toMatchObject({ type: 'event', value: 'order.created' })
  })

  it('counts a broken workflow name as taken', () => {
    expect(reasonOf(addWorkflow(sample(), { name: 'half' }))).toBe('there is already a workflow named "half"')
  })

  it('refuses reserved names, quotes and bad positions', () => {
    expect(reasonOf(addWorkflow(sample(), { name: 'steps' }))).toBe('"steps" is a reserved word and cannot name a workflow')
    expect(reasonOf(addWorkflow(sample(), { name: 'workflow_1' }))).toBe('there is already a workflow named "workflow_1"')
    expect(reasonOf(addWorkflow(sample(), { trigger: { type: 'event', value: '"' } }))).toBe('a value cannot contain a double quote (")')
    expect(reasonOf(addWorkflow(sample(), { at: 9 }))).toBe('position 9 is outside the file (0 to 4)')
  })
})

describe('addJob', () => {
  it('adds job_N with a placeholder task', () => {
    const after = docOf(addJob(sample()))
    expect(jobIn(after, 'job_1').task.value).toBe(PLACEHOLDER_TASK)
    expect(names(after)).toEqual(['config', 'workflow_1', 'job_2', 'half', 'job_1'])
  })

  it('adds a named job with a task at the start', () => {
    const after = docOf(addJob(sample(), { name: 'backup', task: 'db.backup', at: 0 }))
    expect(names(after)[0]).toBe('backup')
    expect(jobIn(after, 'backup').task.value).toBe('db.backup')
  })

  it('allows a job to share a workflow name, not a job name', () => {
    expect(names(docOf(addJob(sample(), { name: 'workflow_1' })))).toContain('workflow_1')
    expect(reasonOf(addJob(sample(), { name: 'job_2' }))).toBe('there is already a job named "job_2"')
    expect(reasonOf(addJob(sample(), { name: 'task' }))).toBe('"task" is a reserved word and cannot name a job')
    expect(reasonOf(addJob(sample(), { task: 'a"b' }))).toBe('a value cannot contain a double quote (")')
  })
})

describe('removeWorkflow and removeJob', () => {
  it('removes a declaration with its comments, keeping the others', () => {
    const before = deepFreeze(doc(led(workflow('w', [step('a')]), '// the w'), job('j')))
    const result = removeWorkflow(before, 'w')
    expect(docOf(result).items).toEqual([before.items[1]])
    expect(docOf(result).items[0]).toBe(before.items[1])
    expect(result.ok && result.changed).toEqual(['w'])
    expect(docOf(removeJob(before, 'j')).items).toEqual([before.items[0]])
  })

  it('removes a broken declaration too', () => {
    expect(names(docOf(removeWorkflow(sample(), 'half')))).toEqual(['config', 'workflow_1', 'job_2'])
  })

  it('refuses unknown and ambiguous names, and the wrong kind', () => {
    expect(reasonOf(removeJob(sample(), 'workflow_1'))).toBe('there is no job named "workflow_1"')
    const twice = deepFreeze(doc(job('j'), job('j')))
    expect(reasonOf(removeJob(twice, 'j'))).toBe('there are 2 jobs named "j"; rename one in the text first')
  })
})

describe('moveItem', () => {
  it('moves an item to a gap counted before the move, keeping every item object', () => {
    const before = sample()
    const forward = docOf(moveItem(before, 0, 3))
    expect(names(forward)).toEqual(['workflow_1', 'job_2', 'config', 'half'])
    const backward = moveItem(before, 3, 0)
    expect(names(docOf(backward))).toEqual(['half', 'config', 'workflow_1', 'job_2'])
    expect(backward.ok && backward.changed).toEqual(['half'])
    for (const item of before.items) expect(docOf(backward).items).toContain(item)
  })

  it('changes nothing when dropped beside itself', () => {
    const before = sample()
    expect(moveItem(before, 1, 1)).toEqual({ ok: true, doc: before, changed: [] })
    expect(moveItem(before, 1, 2)).toEqual({ ok: true, doc: before, changed: [] })
  })

  it('refuses indices outside the file', () => {
    expect(reasonOf(moveItem(sample(), 4, 0))).toBe('there is no item 4 (0 to 3)')
    expect(reasonOf(moveItem(sample(), 0, 5))).toBe('position 5 is outside the file (0 to 4)')
  })
})
