import { describe, expect, it } from 'vitest'
import { workflowGraph } from './graph'
import { plainEqual, reuseUnchanged } from './reuse'
import { diagnostic, step, workflow } from './test-fixtures'

describe('plainEqual', () => {
  it('compares plain data deeply', () => {
    expect(plainEqual({ a: [1, { b: 'x' }], c: undefined }, { a: [1, { b: 'x' }], c: undefined })).toBe(true)
    expect(plainEqual({ a: [1, 2] }, { a: [1, 3] })).toBe(false)
    expect(plainEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(plainEqual([1], { 0: 1 })).toBe(false)
    expect(plainEqual(null, {})).toBe(false)
  })
})

describe('reuseUnchanged', () => {
  it('returns the old list when nothing changed', () => {
    const old = [{ id: 'a', v: 1 }, { id: 'b', v: 2 }]
    expect(reuseUnchanged(old, [{ id: 'a', v: 1 }, { id: 'b', v: 2 }])).toBe(old)
  })

  it('keeps unchanged elements and takes changed, new and reordered ones', () => {
    const old = [{ id: 'a', v: 1 }, { id: 'b', v: 2 }]
    const next = [{ id: 'b', v: 2 }, { id: 'a', v: 9 }, { id: 'c', v: 3 }]
    const result = reuseUnchanged(old, next)
    expect(result).toEqual(next)
    expect(result[0]).toBe(old[1])
    expect(result[1]).toBe(next[1])
  })

  it('keeps every node but the edited one when a workflow is derived again', () => {
    const before = workflowGraph(workflow('w', { steps: () => [step('a'), step('b', { activity: 'x' })] }), [], { dataFlow: false })
    const edited = workflow('w', { steps: () => [step('a'), step('b', { activity: 'xy' })] })
    const after = workflowGraph(edited, [diagnostic(edited.trigger.span!, 'warning')], { dataFlow: false })
    const shared = reuseUnchanged(before.nodes, after.nodes)
    const changed = shared.filter((node, i) => node !== before.nodes[i]).map((node) => node.id)
    expect(changed).toEqual(['w/@trigger', 'w/b'])
  })
})
