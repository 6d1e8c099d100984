import { describe, expect, it } from 'vitest'
import { parse, type Workflow } from '../language'
import { generateCaiFile } from '../../bench/generate'
import type { CanvasEdge, CanvasNode } from './flow-elements'
import { workflowGraph } from './flow-graph'
import { boxOf, cull, cullIndex, drawnArea, nextDrawnArea, updatedCullIndex, visibleRect, type FlowRect, type ViewState } from './cull'

/** A real picture: 2,000 steps with conditions, parallel blocks and data-flow edges. */
function bigGraph(): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const { doc } = parse(generateCaiFile({ steps: 2_000, jobs: false }))
  const workflow = doc.items.find((item): item is Workflow => item.kind === 'workflow')!
  return workflowGraph(workflow, [], { dataFlow: true })
}
const graph = bigGraph()
const index = cullIndex(graph.nodes, graph.edges)
const ids = (list: Array<{ id: string }>) => new Set(list.map((element) => element.id))

/** A node's absolute box, the slow way: its position plus its containers'. */
function absoluteBox(node: CanvasNode): FlowRect {
  let { x, y } = node.position
  for (let parent = node.parentId; parent !== undefined; ) {
    const container = graph.nodes.find((candidate) => candidate.id === parent)!
    x += container.position.x
    y += container.position.y
    parent = container.parentId
  }
  return { x, y, width: node.width!, height: node.height! }
}
const meets = (a: FlowRect, b: FlowRect) => a.x <= b.x + b.width && a.x + a.width >= b.x && a.y <= b.y + b.height && a.y + a.height >= b.y

/** A screen's worth of flow around the middle of the picture. */
function middleArea(): FlowRect {
  const ys = graph.nodes.map((node) => absoluteBox(node).y)
  const middle = (Math.min(...ys) + Math.max(...ys)) / 2
  return { x: -200, y: middle, width: 1_400, height: 900 }
}

describe('cullIndex', () => {
  it('knows every node by its absolute box, a parallel branch inside its block', () => {
    const child = graph.nodes.find((node) => node.parentId !== undefined)!
    expect(child).toBeDefined()
    expect(boxOf(index, child.id)).toEqual(absoluteBox(child))
    expect(boxOf(index, child.id)!.y).toBeGreaterThan(child.position.y)
    expect(boxOf(index, 'no such node')).toBeNull()
  })
})

describe('cull', () => {
  const area = middleArea()
  const culled = cull(index, area)
  const shown = ids(culled.nodes)

  it('draws a screen, not the workflow', () => {
    expect(graph.nodes.length).toBeGreaterThan(2_000)
    expect(culled.nodes.length).toBeGreaterThan(5)
    expect(culled.nodes.length).toBeLessThan(graph.nodes.length / 20)
  })

  it('draws every node that meets the area, and nothing far from it', () => {
    for (const node of graph.nodes) {
      const box = absoluteBox(node)
      if (meets(box, area)) expect(shown.has(node.id), node.id).toBe(true)
      // Far: three screens above or below cannot be an edge's end or a container of a node drawn.
      const far = box.y + box.height < area.y - 3 * area.height || box.y > area.y + 4 * area.height
      if (far && node.parentId === undefined && node.type !== 'parallel') expect(shown.has(node.id), node.id).toBe(false)
    }
  })

  it('draws both ends of every edge drawn, and the container of every node drawn', () => {
    for (const edge of culled.edges) {
      expect(shown.has(edge.source), `${edge.id} source`).toBe(true)
      expect(shown.has(edge.target), `${edge.id} target`).toBe(true)
    }
    for (const node of culled.nodes) if (node.parentId !== undefined) expect(shown.has(node.parentId), node.id).toBe(true)
  })

  it('draws every edge between two drawn nodes that run through the area', () => {
    const drawnEdges = ids(culled.edges)
    for (const edge of graph.edges) {
      const source = graph.nodes.find((node) => node.id === edge.source)!
      const target = graph.nodes.find((node) => node.id === edge.target)!
      const a = absoluteBox(source)
      const b = absoluteBox(target)
      const top = Math.min(a.y, b.y)
      const span = { x: Math.min(a.x, b.x), y: top, width: Math.max(a.x + a.width, b.x + b.width) - Math.min(a.x, b.x), height: Math.max(a.y + a.height, b.y + b.height) - top }
      if (meets(span, area)) expect(drawnEdges.has(edge.id), edge.id).toBe(true)
    }
  })

  it('keeps the given nodes (the selected one) wherever they are, in the original order', () => {
    const first = graph.nodes.find((node) => node.type === 'step' && node.parentId === undefined)!
    const branch = graph.nodes[graph.nodes.length - 3]
    const kept = cull(index, area, [first.id, null, branch.id])
    const keptIds = kept.nodes.map((node) => node.id)
    expect(keptIds).toContain(first.id)
    expect(keptIds).toContain(branch.id)
    if (branch.parentId) expect(keptIds).toContain(branch.parentId)
    const order = graph.nodes.map((node) => node.id).filter((id) => keptIds.includes(id))
    expect(keptIds).toEqual(order)
  })

  it('draws everything for an area that holds the whole picture', () => {
    const all = cull(index, { x: -1e6, y: -1e6, width: 2e6, height: 2e7 })
    expect(all.nodes).toEqual(graph.nodes)
    expect(all.edges).toEqual(graph.edges)
  })

  it('never draws an edge whose end is missing', () => {
    const dangling: CanvasEdge = { ...graph.edges[0], id: 'dangling', target: 'nowhere' }
    const withDangling = cullIndex(graph.nodes, [...graph.edges, dangling])
    const all = cull(withDangling, { x: -1e6, y: -1e6, width: 2e6, height: 2e7 })
    expect(ids(all.edges).has('dangling')).toBe(false)
  })
})

describe('drawnArea', () => {
  // Its top left in the middle of a quarter-screen cell (300 x 200 at zoom 1).
  const view: ViewState = { x: -450, y: -5_100, zoom: 1, width: 1_200, height: 800 }

  it('holds what is visible, and at most a screen and a half more on each side', () => {
    const seen = visibleRect(view)
    const { area } = drawnArea(view)!
    expect(area.x).toBeLessThanOrEqual(seen.x)
    expect(area.y).toBeLessThanOrEqual(seen.y)
    expect(area.x + area.width).toBeGreaterThanOrEqual(seen.x + seen.width)
    expect(area.y + area.height).toBeGreaterThanOrEqual(seen.y + seen.height)
    expect(area.width).toBeLessThanOrEqual(seen.width * 2)
    expect(area.height).toBeLessThanOrEqual(seen.height * 2)
  })

  it('stays the same while a pan stays inside a cell, and moves with a longer one', () => {
    const key = drawnArea(view)!.key
    expect(drawnArea({ ...view, x: view.x - 10, y: view.y - 10 })!.key).toBe(key)
    expect(drawnArea({ ...view, y: view.y - view.height / 2 })!.key).not.toBe(key)
  })

  it('stays the same for a small zoom, and holds the visible part at every zoom', () => {
    const at = (zoom: number): ViewState => ({ ...view, zoom, x: view.x * zoom, y: view.y * zoom })
    expect(drawnArea(at(1.05))!.key).toBe(drawnArea(at(1.1))!.key)
    for (const zoom of [0.05, 0.2, 0.33, 0.7, 1, 1.9]) {
      const seen = visibleRect(at(zoom))
      const { area } = drawnArea(at(zoom))!
      expect(area.x).toBeLessThanOrEqual(seen.x)
      expect(area.y + area.height).toBeGreaterThanOrEqual(seen.y + seen.height)
    }
  })

  it('is null for a canvas not yet measured', () => {
    expect(drawnArea({ ...view, width: 0 })).toBeNull()
    expect(drawnArea({ ...view, zoom: 0 })).toBeNull()
  })
})

describe('nextDrawnArea', () => {
  const view: ViewState = { x: -450, y: -5_100, zoom: 1, width: 1_200, height: 800 }
  const at = (zoom: number, from = view): ViewState => ({ ...from, zoom, x: from.x * zoom, y: from.y * zoom })
  const drawn = drawnArea(view)!

  it('keeps the area drawn while it holds the view: a short pan, a zoom in', () => {
    expect(nextDrawnArea(drawn, { ...view, x: view.x - 200, y: view.y + 150 })).toBe(drawn)
    expect(nextDrawnArea(drawn, at(1.3))).toBe(drawn)
  })

  it('draws a new area when the view leaves it, zooms out past it, or zooms in an octave', () => {
    const panned = { ...view, y: view.y - 2 * view.height }
    expect(nextDrawnArea(drawn, panned)).toEqual(drawnArea(panned))
    expect(nextDrawnArea(drawn, at(0.6))).toEqual(drawnArea(at(0.6)))
    expect(nextDrawnArea(drawn, at(2))).toEqual(drawnArea(at(2)))
  })

  it('draws a new area when the canvas changes size, and none before it has one', () => {
    const wider = { ...view, width: 1_500 }
    expect(nextDrawnArea(drawn, wider)).toEqual(drawnArea(wider))
    expect(nextDrawnArea(null, view)).toEqual(drawn)
    expect(nextDrawnArea(drawn, { ...view, height: 0 })).toBeNull()
  })

  it('always holds what is visible', () => {
    let area = drawnArea(view)
    for (const [dx, dy, zoom] of [[0, 300, 1], [90, -700, 0.8], [0, 0, 0.4], [-500, 100, 0.9], [10, 10, 1.7], [0, -4_000, 0.2]]) {
      const next: ViewState = { ...view, x: view.x + dx, y: view.y + dy, zoom }
      area = nextDrawnArea(area, next)
      const seen = visibleRect(next)
      expect(area!.area.x).toBeLessThanOrEqual(seen.x)
      expect(area!.area.y).toBeLessThanOrEqual(seen.y)
      expect(area!.area.x + area!.area.width).toBeGreaterThanOrEqual(seen.x + seen.width)
      expect(area!.area.y + area!.area.height).toBeGreaterThanOrEqual(seen.y + seen.height)
    }
  })
})

describe('updatedCullIndex', () => {
  const text = generateCaiFile({ steps: 2_000, jobs: false })
  const pictureOf = (source: string) => {
    const { doc } = parse(source)
    return workflowGraph(doc.items.find((item): item is Workflow => item.kind === 'workflow')!, [], { dataFlow: true })
  }
  const before = pictureOf(text)
  const previous = cullIndex(before.nodes, before.edges)

  it('after a rename, places the renamed step and its edges again and keeps the rest: as built anew', () => {
    const renamed = text.replace('step_01000 {', 'step_01000x {').replaceAll('steps.step_01000.', 'steps.step_01000x.')
    const after = workflowGraph(parse(renamed).doc.items.find((item): item is Workflow => item.kind === 'workflow')!, [], { dataFlow: true }, undefined, before)
    const updated = updatedCullIndex(previous, after.nodes, after.edges)
    expect(updated).toEqual(cullIndex(after.nodes, after.edges))
    expect(updated.parents).toBe(previous.parents)
    expect(updated.indexOf.has('generated_0/step_01000')).toBe(false)
    expect(previous.indexOf.has('generated_0/step_01000')).toBe(true)
  })

  it('keeps everything when nothing changed', () => {
    expect(updatedCullIndex(previous, before.nodes, before.edges)).toEqual({ ...previous, nodes: before.nodes, edges: before.edges })
    expect(updatedCullIndex(previous, before.nodes, before.edges).boxes).toBe(previous.boxes)
  })

  it('is built anew when a node moved or the lists changed length', () => {
    const moved = before.nodes.map((node, i) => (i === 5 ? { ...node, position: { x: node.position.x, y: node.position.y + 1 } } : node))
    expect(updatedCullIndex(previous, moved, before.edges)).toEqual(cullIndex(moved, before.edges))
    const fewer = pictureOf(text.replace(/\t\tstep_01000 \{[^}]*\{[^}]*\}\n\t\t\}\n/, ''))
    expect(fewer.nodes.length).toBe(before.nodes.length - 1)
    expect(updatedCullIndex(previous, fewer.nodes, fewer.edges)).toEqual(cullIndex(fewer.nodes, fewer.edges))
  })

  it('nodes that trade ids while their edges stay the same objects: the edges follow the ids', () => {
    const [a, b] = [before.nodes.findIndex((node) => node.id.endsWith('/step_01000')), before.nodes.findIndex((node) => node.id.endsWith('/step_01001'))]
    const traded = before.nodes.map((node, i) => (i === a ? { ...node, id: before.nodes[b].id } : i === b ? { ...node, id: before.nodes[a].id } : node))
    expect(updatedCullIndex(previous, traded, before.edges)).toEqual(cullIndex(traded, before.edges))
  })
})
