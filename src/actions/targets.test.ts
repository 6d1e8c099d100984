import { describe, expect, it } from 'vitest'
import { createDesignerStore } from '../store/designer'
import { boardTarget, editableWorkflow, positionBeside, readOnlyReason, targetOfNode } from './targets'
import { TEXT } from './test-text'

describe('targets', () => {
  it('act on the selected node only where the board shows it', () => {
    const store = createDesignerStore(TEXT)
    store.getState().selectNode('@job/cleanup')
    expect(boardTarget(store.getState(), 'jobs')).toEqual({ kind: 'job', job: 'cleanup' })
    expect(boardTarget(store.getState(), 'workflow')).toEqual({ kind: 'pane', board: 'workflow', workflow: 'orders' })
    store.getState().selectNode('orders/charge')
    expect(boardTarget(store.getState(), 'workflow')).toEqual({ kind: 'step', workflow: 'orders', step: 'charge' })
    expect(boardTarget(store.getState(), 'jobs')).toEqual({ kind: 'pane', board: 'jobs', workflow: null })
  })

  it('address nothing through the id of a second node of the same name', () => {
    expect(targetOfNode('orders/charge~2')).toBeUndefined()
    expect(targetOfNode('@job/cleanup~2')).toBeUndefined()
    expect(targetOfNode('orders/@parallel-1')).toEqual({ kind: 'parallel', workflow: 'orders', index: 1 })
  })

  it('place a new step beside a step, a branch, a block, the trigger and the end', () => {
    const workflow = editableWorkflow(createDesignerStore(TEXT).getState().parsed.doc, 'orders')!
    const at = (index: number, branch?: number) => (branch === undefined ? { workflow: 'orders', index } : { workflow: 'orders', index, branch })
    expect(positionBeside(workflow, { kind: 'step', workflow: 'orders', step: 'charge' }, 'before')).toEqual(at(1))
    expect(positionBeside(workflow, { kind: 'step', workflow: 'orders', step: 'notify' }, 'after')).toEqual(at(2, 2))
    expect(positionBeside(workflow, { kind: 'parallel', workflow: 'orders', index: 0 }, 'after')).toEqual(at(3))
    expect(positionBeside(workflow, { kind: 'trigger', workflow: 'orders' }, 'before')).toBeUndefined()
    expect(positionBeside(workflow, { kind: 'end', workflow: 'orders' }, 'before')).toEqual(at(4))
  })

  it('tell why a declaration with syntax errors is read-only, and only that one', () => {
    const doc = createDesignerStore(TEXT.replace('task "sessions.cleanup"', 'task')).getState().parsed.doc
    expect(readOnlyReason(doc, { kind: 'job', job: 'cleanup' })).toBe('Job cleanup has a syntax error: fix the syntax error first.')
    expect(readOnlyReason(doc, { kind: 'step', workflow: 'orders', step: 'charge' })).toBeUndefined()
    expect(editableWorkflow(doc, 'orders')).toBeDefined()
  })
})
