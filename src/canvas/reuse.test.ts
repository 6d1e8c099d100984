import { describe, expect, it } from 'vitest'
import { workflowGraph } from './flow-graph'
import { fixedNode, type CanvasEdge, type StepNode } from './flow-elements'
import { plainEqual, reuseUnchanged, sameEdge, sameNode } from './reuse'
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
    const shared = reuseUnchanged(before.nodes, after.nodes, sameNode)
    const changed = shared.filter((node, i) => node !== before.nodes[i]).map((node) => node.id)
    expect(changed).toEqual(['w/@trigger', 'w/b'])
  })
})

describe('sameNode and sameEdge', () => {
  /** Fields that follow from the compared ones (size, stale / inert) or never vary. */
  const DERIVED = new Set(['measured', 'style', 'focusable', 'draggable', 'connectable'])

  it('notice a change in any field the graph sets on a node', () => {
    const build = () =>
      fixedNode<StepNode>(
        'w/a',
        'step',
        { x: 0, y: 0, width: 240, height: 84 },
        { name: 'a', inputs: 1 },
        { handles: 'step', parent: 'w/@parallel-0', marks: { severity: 'error', title: 't' }, container: true, ariaLabel: 'A', stale: true },
      )
    const node = { ...build(), selected: true }
    expect(sameNode(node, { ...build(), selected: true })).toBe(true)
    for (const key of Object.keys(node).filter((field) => !DERIVED.has(field))) {
      const changed = { ...node, [key]: key === 'position' ? { x: 1, y: 0 } : key === 'domAttributes' ? { title: 'u' } : key === 'data' ? { name: 'b', inputs: 1 } : `${String(node[key as keyof typeof node])}!` }
      expect(sameNode(node, changed as typeof node), key).toBe(false)
    }
  })

  it('notice a change in any field the graph sets on an edge', () => {
    const { edges } = workflowGraph(workflow('w', { steps: () => [step('a', { if: 'c' })] }), [], { dataFlow: false })
    for (const edge of edges) {
      expect(sameEdge(edge, { ...edge })).toBe(true)
      for (const key of Object.keys(edge)) {
        const changed = { ...edge, [key]: key === 'data' ? { label: '?' } : `${String(edge[key as keyof CanvasEdge])}!` } as CanvasEdge
        expect(sameEdge(edge, changed), key).toBe(false)
      }
    }
  })
})
