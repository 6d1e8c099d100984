/**
 * Culling of big pictures: React Flow is handed only the nodes and edges near
 * the view, so what it stores, scans and renders on each frame stays the
 * size of a screen, not of the workflow (its own `onlyRenderVisibleElements`
 * still scans every node and edge on every frame of a pan). Boxes are fixed
 * (the layout gives every node its size), so the picture's extent is known
 * without the DOM. No React, no DOM.
 */
import type { CanvasEdge, CanvasNode } from './flow-elements'

/** Pictures of more nodes than this are culled (isCulled). */
export const CULL_ABOVE = 300

/**
 * Whether a picture of `nodeCount` nodes is culled: React Flow is then handed
 * only what is near the view, so its work per frame and per edit is a
 * screen's worth (the minimap, which draws all of React Flow's nodes, is not
 * shown at these sizes: fit.ts MINIMAP_UP_TO). The elements keep their
 * identity (reuse.ts) only when handed over: comparing every node after each
 * edit cost 36 ms at 10,000 steps.
 */
export const isCulled = (nodeCount: number): boolean => nodeCount > CULL_ABOVE

/** A rectangle in flow coordinates. */
export interface FlowRect {
  x: number
  y: number
  width: number
  height: number
}

/**
 * How far an edge may be drawn beside the boxes of its ends: a data-flow
 * curve bulges up to 320 px to the left (routes.ts `dataBulge`), a label is
 * up to 260 px wide, centred on its edge.
 */
const EDGE_REACH = 320
/** Half the widest label, around a bypass's vertical run. */
const LABEL_HALF = 130

/** The picture's elements with their absolute boxes, for repeated queries. */
export interface CullIndex {
  readonly nodes: readonly CanvasNode[]
  readonly edges: readonly CanvasEdge[]
  /** Left, top, right, bottom of node i at 4i, then of edge j at 4(nodes + j). */
  readonly boxes: Float64Array
  /** Each node's parent as a node index, or -1. */
  readonly parents: Int32Array
  /** Each edge's source and target as node indices (-1 when missing), at 2j and 2j + 1. */
  readonly ends: Int32Array
  readonly indexOf: ReadonlyMap<string, number>
}

export function cullIndex(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): CullIndex {
  const indexOf = new Map<string, number>()
  nodes.forEach((node, i) => indexOf.set(node.id, i))
  const boxes = new Float64Array(4 * (nodes.length + edges.length))
  const parents = new Int32Array(nodes.length).fill(-1)
  const placed = new Uint8Array(nodes.length)
  // Parents come before their children in React Flow's lists, but the order is not relied on.
  const place = (i: number, depth = 0): void => {
    if (placed[i] || depth > 8) return
    placed[i] = 1
    const node = nodes[i]
    let { x, y } = node.position
    const parent = node.parentId === undefined ? undefined : indexOf.get(node.parentId)
    if (parent !== undefined) {
      parents[i] = parent
      place(parent, depth + 1)
      x += boxes[4 * parent]
      y += boxes[4 * parent + 1]
    }
    boxes[4 * i] = x
    boxes[4 * i + 1] = y
    boxes[4 * i + 2] = x + (node.width ?? 0)
    boxes[4 * i + 3] = y + (node.height ?? 0)
  }
  for (let i = 0; i < nodes.length; i++) place(i)

  const ends = new Int32Array(2 * edges.length).fill(-1)
  for (let j = 0; j < edges.length; j++) placeEdge(edges, j, nodes.length, indexOf, boxes, ends)
  return { nodes, edges, boxes, parents, ends, indexOf }
}

/** Edge j's ends as node indices, and its box from theirs. */
function placeEdge(edges: readonly CanvasEdge[], j: number, nodeCount: number, indexOf: ReadonlyMap<string, number>, boxes: Float64Array, ends: Int32Array): void {
  const edge = edges[j]
  const source = indexOf.get(edge.source) ?? -1
  const target = indexOf.get(edge.target) ?? -1
  ends[2 * j] = source
  ends[2 * j + 1] = target
  const at = 4 * (nodeCount + j)
  if (source < 0 || target < 0) {
    // Never drawn (React Flow needs both ends): a box nothing meets.
    boxes.fill(NaN, at, at + 4)
    return
  }
  let left = Math.min(boxes[4 * source], boxes[4 * target])
  let right = Math.max(boxes[4 * source + 2], boxes[4 * target + 2])
  if (edge.type === 'skip' && edge.data) {
    left = Math.min(left, edge.data.laneX - LABEL_HALF)
    right = Math.max(right, edge.data.laneX + LABEL_HALF)
  }
  boxes[at] = left - EDGE_REACH
  boxes[at + 1] = Math.min(boxes[4 * source + 1], boxes[4 * target + 1])
  boxes[at + 2] = right + EDGE_REACH
  boxes[at + 3] = Math.max(boxes[4 * source + 3], boxes[4 * target + 3])
}

/**
 * cullIndex(nodes, edges), updated from `previous` when only some elements
 * changed and no node moved or resized (a keystroke's rebuilt graph, whose
 * unchanged elements are the same objects): the changed ids and edges are
 * placed again, the rest is kept. Built anew otherwise.
 */
export function updatedCullIndex(previous: CullIndex | null, nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): CullIndex {
  if (!previous || previous.nodes.length !== nodes.length || previous.edges.length !== edges.length) return cullIndex(nodes, edges)
  let indexOf = previous.indexOf
  const renamed = new Set<string>()
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    const was = previous.nodes[i]
    if (node === was) continue
    const moved =
      node.position.x !== was.position.x || node.position.y !== was.position.y || node.width !== was.width || node.height !== was.height || node.parentId !== was.parentId
    if (moved) return cullIndex(nodes, edges)
    if (node.id === was.id) continue
    if (renamed.size === 0) indexOf = new Map(indexOf)
    const ids = indexOf as Map<string, number>
    if (ids.get(was.id) === i) ids.delete(was.id)
    ids.set(node.id, i)
    renamed.add(was.id).add(node.id)
  }
  let boxes = previous.boxes
  let ends = previous.ends
  for (let j = 0; j < edges.length; j++) {
    const edge = edges[j]
    if (edge === previous.edges[j] && !renamed.has(edge.source) && !renamed.has(edge.target)) continue
    if (boxes === previous.boxes) {
      boxes = boxes.slice()
      ends = ends.slice()
    }
    placeEdge(edges, j, nodes.length, indexOf, boxes, ends)
  }
  return { nodes, edges, boxes, parents: previous.parents, ends, indexOf }
}

/** The absolute box of a node of the index, or null. */
export function boxOf(index: CullIndex, id: string): FlowRect | null {
  const i = index.indexOf.get(id)
  if (i === undefined) return null
  const { boxes } = index
  return { x: boxes[4 * i], y: boxes[4 * i + 1], width: boxes[4 * i + 2] - boxes[4 * i], height: boxes[4 * i + 3] - boxes[4 * i + 1] }
}

export interface Culled {
  nodes: CanvasNode[]
  edges: CanvasEdge[]
}

/**
 * The nodes and edges that meet `area`, in their original order, with what
 * React Flow needs to draw them: both ends of every edge drawn, and the
 * container of every node drawn. The nodes in `keep` (the selected one) are
 * always there, wherever they are.
 */
export function cull(index: CullIndex, area: FlowRect, keep: Iterable<string | null | undefined> = []): Culled {
  const { nodes, edges, boxes, parents, ends } = index
  const left = area.x
  const top = area.y
  const right = area.x + area.width
  const bottom = area.y + area.height
  const meets = (i: number) => boxes[4 * i] <= right && boxes[4 * i + 2] >= left && boxes[4 * i + 1] <= bottom && boxes[4 * i + 3] >= top

  const shownNodes = new Uint8Array(nodes.length)
  const shownEdges: CanvasEdge[] = []
  for (let i = 0; i < nodes.length; i++) if (meets(i)) shownNodes[i] = 1
  for (let j = 0; j < edges.length; j++) {
    if (!meets(nodes.length + j)) continue
    shownEdges.push(edges[j])
    shownNodes[ends[2 * j]] = 1
    shownNodes[ends[2 * j + 1]] = 1
  }
  for (const id of keep) {
    const i = id ? index.indexOf.get(id) : undefined
    if (i !== undefined) shownNodes[i] = 1
  }
  const shown: CanvasNode[] = []
  for (let i = 0; i < nodes.length; i++) {
    if (!shownNodes[i]) continue
    for (let parent = parents[i]; parent >= 0 && !shownNodes[parent]; parent = parents[parent]) shownNodes[parent] = 1
  }
  for (let i = 0; i < nodes.length; i++) if (shownNodes[i]) shown.push(nodes[i])
  return { nodes: shown, edges: shownEdges }
}

const CELLS_PER_SCREEN = 4

/** React Flow's viewport: the flow point at the canvas's top left is (-x / zoom, -y / zoom). */
export interface ViewState {
  x: number
  y: number
  zoom: number
  width: number
  height: number
}

/** The part of the flow a canvas of `width` x `height` shows. */
export function visibleRect({ x, y, zoom, width, height }: ViewState): FlowRect {
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom }
}

/** An area to draw, named by `key`, for a view at zoom level `level` (half-octaves) of a canvas `width` x `height`. */
export interface DrawnArea {
  key: string
  area: FlowRect
  level: number
  width: number
  height: number
}

/** The zoom rounded down to a half-octave. */
const zoomLevel = (zoom: number) => Math.floor(Math.log2(zoom) * 2)

/**
 * The area to draw for a view: what is visible, with a quarter of a screen
 * more on every side, snapped to a grid of quarter-screen cells and
 * half-octave zoom steps (a wider margin redraws less often but draws more:
 * most of a frame's cost at a far zoom is the browser's style, layout and
 * paint of what is drawn). `key` names the area.
 */
export function drawnArea(view: ViewState): DrawnArea | null {
  if (!(view.width > 0 && view.height > 0 && view.zoom > 0)) return null
  // The cells are at least as large as at the true zoom.
  const level = zoomLevel(view.zoom)
  const zoom = 2 ** (level / 2)
  const cellWidth = view.width / zoom / CELLS_PER_SCREEN
  const cellHeight = view.height / zoom / CELLS_PER_SCREEN
  const seen = visibleRect(view)
  const column0 = Math.floor(seen.x / cellWidth) - 1
  const row0 = Math.floor(seen.y / cellHeight) - 1
  const column1 = Math.ceil((seen.x + seen.width) / cellWidth) + 1
  const row1 = Math.ceil((seen.y + seen.height) / cellHeight) + 1
  return {
    key: `${level}:${column0}:${row0}:${column1}:${row1}:${view.width}x${view.height}`,
    area: { x: column0 * cellWidth, y: row0 * cellHeight, width: (column1 - column0) * cellWidth, height: (row1 - row0) * cellHeight },
    level,
    width: view.width,
    height: view.height,
  }
}

/** How many half-octaves a view may zoom in past its drawn area's level before the area, by then four times too large, is made smaller. */
const ZOOM_IN_SLACK = 2

/**
 * The area to draw next: the one drawn, for as long as it holds all that is
 * visible and is not much larger than needed, so that a pan or zoom redraws
 * only when it must (the culled lists stay the same objects in between);
 * else a new one (drawnArea).
 */
export function nextDrawnArea(drawn: DrawnArea | null, view: ViewState): DrawnArea | null {
  if (drawn && drawn.width === view.width && drawn.height === view.height && view.zoom > 0 && zoomLevel(view.zoom) - drawn.level < ZOOM_IN_SLACK) {
    const seen = visibleRect(view)
    const { area } = drawn
    const holds = seen.x >= area.x && seen.y >= area.y && seen.x + seen.width <= area.x + area.width && seen.y + seen.height <= area.y + area.height
    if (holds) return drawn
  }
  return drawnArea(view)
}
