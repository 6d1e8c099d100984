import { describe, expect, it } from 'vitest'
import { workflowDiagram } from './graph'
import { LANE_WIDTH, SIZES, layoutWorkflow, parallelSize, type Box } from './layout'
import { parseWorkflow, workflowText } from './test-workflows'

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

function mixed() {
  return parseWorkflow(`workflow w {
  trigger manual
  steps {
    a { activity "svc.a" }
    parallel {
      b { activity "svc.b" }
      c { activity "svc.c" }
      d { activity "svc.d" }
    }
    e { activity "svc.e" if "x" }
    parallel { f { activity "svc.f" } }
    parallel { }
    g { activity "svc.g" }
  }
}
`)
}

describe('layoutWorkflow', () => {
  it('stacks trigger, entries and end top to bottom on one centre line', () => {
    const layout = layoutWorkflow(mixed())
    const column = [layout.trigger, ...layout.rows.map((row) => row.box), layout.end]
    for (let i = 1; i < column.length; i++) {
      expect(column[i].y).toBe(column[i - 1].y + column[i - 1].height + SIZES.rowGap)
    }
    for (const box of column) expect(box.x + box.width / 2).toBe(0)
  })

  it('puts the branches of a parallel block side by side, one lane each, inside the block', () => {
    const row = layoutWorkflow(mixed()).rows[1]
    if (row.kind !== 'parallel') throw new Error('expected a parallel block')
    expect(row.lanes).toHaveLength(3)
    expect(row.branches.map((branch) => branch.step.name)).toEqual(['b', 'c', 'd'])
    const ys = new Set(row.branches.map((branch) => branch.box.y))
    expect(ys.size).toBe(1)
    row.branches.forEach((branch, i) => {
      const lane = row.lanes[i]
      expect(branch.box.x).toBeGreaterThanOrEqual(lane.x)
      expect(branch.box.x + branch.box.width).toBeLessThanOrEqual(lane.x + lane.width)
      expect(branch.box.y + branch.box.height).toBeLessThanOrEqual(lane.y + lane.height)
      if (i > 0) expect(lane.x).toBeGreaterThan(row.lanes[i - 1].x + row.lanes[i - 1].width)
    })
    const lastLane = row.lanes[2]
    expect(lastLane.x + lastLane.width).toBeLessThanOrEqual(row.box.x + row.box.width)
    expect(row.lanes[0].x).toBeGreaterThanOrEqual(row.box.x)
  })

  it('sizes a block by its branch count, keeping room for one lane when empty', () => {
    expect(parallelSize(0)).toEqual(parallelSize(1))
    expect(parallelSize(3).width - parallelSize(2).width).toBe(LANE_WIDTH + SIZES.laneGap)
  })
})

describe('workflow diagram positions', () => {
  it('never overlaps sibling nodes, and keeps children inside their container', () => {
    const { nodes } = workflowDiagram(mixed(), { dataFlow: false })
    const top = nodes.filter((n) => !n.parent)
    for (let i = 0; i < top.length; i++) {
      for (let j = i + 1; j < top.length; j++) expect(overlaps(top[i].box, top[j].box)).toBe(false)
    }
    for (const container of nodes.filter((n) => n.kind === 'parallel')) {
      const children = nodes.filter((n) => n.parent === container.id)
      for (const { box } of children) {
        expect(box.x).toBeGreaterThanOrEqual(container.box.x)
        expect(box.y).toBeGreaterThanOrEqual(container.box.y + SIZES.groupHeader)
        expect(box.x + box.width).toBeLessThanOrEqual(container.box.x + container.box.width)
        expect(box.y + box.height).toBeLessThanOrEqual(container.box.y + container.box.height)
      }
      for (let i = 0; i < children.length; i++) {
        for (let j = i + 1; j < children.length; j++) expect(overlaps(children[i].box, children[j].box)).toBe(false)
      }
    }
  })

  it('places the same workflow at the same positions every time', () => {
    const positions = () => workflowDiagram(mixed(), { dataFlow: true }).nodes.map((n) => [n.id, n.box])
    expect(positions()).toEqual(positions())
  })

  it('moves only what follows an inserted step', () => {
    const before = workflowDiagram(parseWorkflow(workflowText('w', ['a', 'b'])), { dataFlow: false }).nodes
    const after = workflowDiagram(parseWorkflow(workflowText('w', ['a', 'new', 'b'])), { dataFlow: false }).nodes
    const at = (nodes: typeof before, id: string) => nodes.find((n) => n.id === id)!.box
    expect(at(after, 'w/a')).toEqual(at(before, 'w/a'))
    expect(at(after, 'w/b').y).toBeGreaterThan(at(before, 'w/b').y)
  })
})
