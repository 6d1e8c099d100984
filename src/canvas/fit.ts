/**
 * Fitting a picture into the canvas: everything drawn (nodes, condition and
 * "skip" labels, bypasses, data-flow curves), clear of the zoom controls and
 * the minimap in the corners. A view the fit chose is fitted again when the
 * canvas changes size (a pane hidden or shown, the window resized); a view
 * the user panned or zoomed is left alone.
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import { getViewportForBounds, useStore, useStoreApi, type Rect, type Viewport } from '@xyflow/react'
import { useDesigner } from '../store/designer'
import { dataBulge, flowLabelAt } from '../diagram/routes'
import type { CanvasEdge, CanvasNode } from './flow-elements'
import { CULL_ABOVE } from './cull'
import { Extent } from '../diagram/extent'

/** Above this many nodes the minimap (a thin line of dots by then, each re-rendered on every change) is left out. */
export const MINIMAP_UP_TO = CULL_ABOVE
/** Smaller than React Flow's default: the canvas often shares the window with the text. */
export const MINIMAP_SIZE = { width: 160, height: 110 }
/** React Flow's margin around a panel in a corner. */
const CORNER_MARGIN = 15
/** The zoom controls: four 26-pixel buttons stacked in the bottom left corner. */
const CONTROLS_SIZE = { width: 26, height: 4 * 26 }
/** Space kept around the picture. */
const EDGE_PADDING = 20
/** A fit never enlarges past the natural size. */
export const FIT_MAX_ZOOM = 1

/** Edge labels: 11 px text (canvas.css `.cai-edge-label`), measured before they are drawn. */
const LABEL = { charWidth: 6.6, chrome: 14, maxWidth: 260, height: 20 }

export const labelWidth = (text: string): number => Math.min(LABEL.maxWidth, text.length * LABEL.charWidth + LABEL.chrome)

/** Whether the canvas shows its minimap for a picture of `nodeCount` nodes. */
export const showsMinimap = (wanted: boolean, nodeCount: number): boolean => wanted && nodeCount <= MINIMAP_UP_TO

type Point = { x: number; y: number }

/** A node's top left in flow coordinates: its position plus its containers' (`parentOf` finds a container by id). */
function absolutePosition(node: CanvasNode, parentOf: (id: string) => CanvasNode | undefined): Point {
  let { x, y } = node.position
  for (let parent = node.parentId ? parentOf(node.parentId) : undefined; parent; parent = parent.parentId ? parentOf(parent.parentId) : undefined) {
    x += parent.position.x
    y += parent.position.y
  }
  return { x, y }
}

/**
 * The flow-coordinate box of everything drawn for `nodes` and `edges`: the
 * nodes, the edge labels and the curves that leave the nodes' box (bypasses
 * to the right, data-flow curves to the left). `only` limits it to some
 * top-level nodes (and no edges). Null for an empty picture.
 */
export function pictureBounds(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[], only?: ReadonlySet<string>): Rect | null {
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const absolute = (node: CanvasNode): Point => absolutePosition(node, (id) => byId.get(id))
  const extent = new Extent()
  const bounds = () => (extent.minX <= extent.maxX ? extent.box() : null)
  for (const node of nodes) {
    if (only && !only.has(node.id)) continue
    const { x, y } = absolute(node)
    extent.add({ x, y, width: node.width ?? 0, height: node.height ?? 0 })
  }
  if (only) return bounds()

  const handlePoint = (id: string, handleId: string | null | undefined, type: 'source' | 'target'): Point | null => {
    const node = byId.get(id)
    const handle = node?.handles?.find((candidate) => candidate.id === handleId) ?? node?.handles?.find((candidate) => candidate.type === type)
    if (!node || !handle) return null
    const at = absolute(node)
    return { x: at.x + handle.x + (handle.width ?? 0) / 2, y: at.y + handle.y + (handle.height ?? 0) / 2 }
  }
  const addLabel = (x: number, y: number, text: string) => {
    const half = labelWidth(text) / 2
    extent.add({ x: x - half, y: y - LABEL.height / 2, width: 2 * half, height: LABEL.height })
  }
  for (const edge of edges) {
    const source = handlePoint(edge.source, edge.sourceHandle, 'source')
    const target = handlePoint(edge.target, edge.targetHandle, 'target')
    if (!source || !target) continue
    if (edge.type === 'flow' && edge.data?.label) addLabel(target.x, flowLabelAt(edge.data.fan, source, target).y, edge.data.label)
    else if (edge.type === 'skip' && edge.data) {
      addLabel(edge.data.laneX, (source.y + target.y) / 2 + edge.data.labelShift, edge.data.label ?? 'skip')
    } else if (edge.type === 'data') {
      // A cubic curve whose control points both lie `bulge` to the left reaches three quarters of the way.
      const left = Math.min(source.x, target.x) - 0.75 * dataBulge(source.y, target.y)
      extent.add({ x: left, y: Math.min(source.y, target.y), width: 0, height: Math.abs(source.y - target.y) })
    }
  }
  return bounds()
}

/**
 * The viewport that shows `bounds` whole in a `width` x `height` canvas, at
 * most at `maxZoom`, clear of the controls (bottom left) and the minimap
 * (bottom right, when shown): room is kept beside them or above them,
 * whichever shows the picture larger.
 */
export function fitViewport(
  bounds: Rect,
  width: number,
  height: number,
  zoom: { min: number; max: number },
  minimap: boolean,
): Viewport {
  const corner = (size: { width: number; height: number }) => ({ width: size.width + 2 * CORNER_MARGIN, height: size.height + 2 * CORNER_MARGIN })
  const controls = corner(CONTROLS_SIZE)
  const map = minimap ? corner(MINIMAP_SIZE) : { width: 0, height: 0 }
  const beside: Padding = {
    top: `${EDGE_PADDING}px`,
    bottom: `${EDGE_PADDING}px`,
    left: `${Math.max(EDGE_PADDING, controls.width)}px`,
    right: `${Math.max(EDGE_PADDING, map.width)}px`,
  }
  const above: Padding = {
    top: `${EDGE_PADDING}px`,
    left: `${EDGE_PADDING}px`,
    right: `${EDGE_PADDING}px`,
    bottom: `${Math.max(EDGE_PADDING, controls.height, map.height)}px`,
  }
  const sideways = getViewportForBounds(bounds, width, height, zoom.min, zoom.max, beside)
  const upwards = getViewportForBounds(bounds, width, height, zoom.min, zoom.max, above)
  return upwards.zoom > sideways.zoom ? upwards : sideways
}

export interface FitRequest {
  /** Fit these top-level nodes only (the top of a big picture). */
  nodes?: readonly CanvasNode[]
  minZoom?: number
}

type Padding = Parameters<typeof getViewportForBounds>[5]
type FlowStore = ReturnType<typeof useStoreApi<CanvasNode, CanvasEdge>>

/**
 * The viewport each canvas's last fit chose, with the part of the picture it
 * framed: keyed by React Flow's store, through its `getState` (useStoreApi
 * gives each caller its own wrapper object around the one store).
 */
const lastFit = new WeakMap<object, Fitted>()

interface Fitted {
  viewport: Viewport
  bounds: Rect
  minZoom: number
}

const sameViewport = (a: Viewport, b: Viewport) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3

interface WholePicture {
  nodes: readonly CanvasNode[]
  edges: readonly CanvasEdge[]
}

/**
 * Each canvas's whole picture, keyed like lastFit: React Flow's store holds
 * only what is near the view of a big picture (cull.ts), and a fit or a
 * reveal needs all of it.
 */
const wholePictures = new WeakMap<object, WholePicture>()

/** Records the whole picture the canvas shows (FlowView), before any effect that fits it runs. */
export function useWholePicture(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): void {
  const flow = useStoreApi<CanvasNode, CanvasEdge>()
  useLayoutEffect(() => {
    wholePictures.set(flow.getState, { nodes, edges })
  }, [flow, nodes, edges])
}

const wholePicture = (flow: FlowStore): WholePicture => wholePictures.get(flow.getState) ?? flow.getState()

/** Frames `bounds` in the canvas as it is now; false when the canvas is not sized yet. */
function fitBounds(flow: FlowStore, bounds: Rect, minZoom: number, minimap: boolean): boolean {
  const { width, height, panZoom } = flow.getState()
  if (!width || !height || !panZoom) return false
  const viewport = fitViewport(bounds, width, height, { min: minZoom, max: FIT_MAX_ZOOM }, showsMinimap(minimap, wholePicture(flow).nodes.length))
  void panZoom.setViewport(viewport)
  lastFit.set(flow.getState, { viewport, bounds, minZoom })
  return true
}

/** Fits the picture (see pictureBounds and fitViewport); false when there is nothing to fit yet. */
export function useFitPicture(): (request?: FitRequest) => boolean {
  const flow = useStoreApi<CanvasNode, CanvasEdge>()
  const minimap = useDesigner((state) => state.view.minimap)
  return useCallback(
    (request: FitRequest = {}) => {
      const { nodes, edges } = wholePicture(flow)
      const only = request.nodes && new Set(request.nodes.map((node) => node.id))
      const bounds = pictureBounds(nodes, edges, only)
      return !!bounds && fitBounds(flow, bounds, request.minZoom ?? flow.getState().minZoom, minimap)
    },
    [flow, minimap],
  )
}

/** The last fit, while the view is still the one it chose (the user has not panned or zoomed since). */
function stillFitted(flow: FlowStore): Fitted | null {
  const fit = lastFit.get(flow.getState)
  const [x, y, zoom] = flow.getState().transform
  return fit && sameViewport(fit.viewport, { x, y, zoom }) ? fit : null
}

/**
 * Fits a fitted view again when the canvas changes size or the minimap comes
 * or goes: the same part of the picture, framed anew. Not the picture as it
 * is now: a workflow that grew since the fit (a big file's first slice was
 * fitted, or steps were added) must not jump to a view of all of it.
 */
export function useKeepFitted(): void {
  const flow = useStoreApi<CanvasNode, CanvasEdge>()
  const width = useStore((state) => state.width)
  const height = useStore((state) => state.height)
  const minimap = useDesigner((state) => state.view.minimap)
  const before = useRef({ width, height, minimap })
  useEffect(() => {
    const previous = before.current
    before.current = { width, height, minimap }
    if (!width || !height || (previous.width === width && previous.height === height && previous.minimap === minimap)) return
    const fitted = stillFitted(flow)
    if (fitted) fitBounds(flow, fitted.bounds, fitted.minZoom, minimap)
  }, [flow, width, height, minimap])
}

/** Space kept between a node brought into view and the canvas's edge. */
const IN_VIEW_MARGIN = 40

/** A node's box in flow coordinates (its position is relative to its container, if any). */
function flowBox(nodes: readonly CanvasNode[], node: CanvasNode): Rect {
  const { x, y } = absolutePosition(node, (id) => nodes.find((candidate) => candidate.id === id))
  return { x, y, width: node.width ?? 0, height: node.height ?? 0 }
}

/**
 * Brings the selected node into view when it is new or newly selected:
 *
 * - a node an edit has just added (a new id, selected) is panned to as little
 *   as needed: a step added from the palette after a node at the bottom of
 *   the screen lands where it can be seen;
 * - a node selected elsewhere (the outline, the search, the text, the arrow
 *   keys) is brought wholly into view once the view has settled (a picture
 *   just switched to is fitted first): centred when it was wholly out of
 *   view, moved in by as little as needed when partly;
 * - a node selected by a click is in view already, partly at least, and is
 *   left where it is: a click on the canvas never moves the view.
 */
export function useNewNodeInView(nodes: readonly CanvasNode[]): void {
  const flow = useStoreApi<CanvasNode, CanvasEdge>()
  const selectedBefore = useRef<string | null>(null)
  const latest = useRef(nodes)
  const pending = useRef<number | null>(null)
  useEffect(() => () => cancelReveal(pending), [])
  useEffect(() => {
    const before = latest.current
    latest.current = nodes
    const selectedAt = nodes.findIndex((node) => node.selected)
    const selected = nodes[selectedAt]
    const wasSelected = selectedBefore.current
    selectedBefore.current = selected?.id ?? null
    if (!selected) return
    if (!hadNode(before, selected.id, selectedAt) && sharesNode(before, nodes)) {
      cancelReveal(pending)
      panToShow(flow, flowBox(nodes, selected), 'nearest')
      return
    }
    if (selected.id === wasSelected) return
    // After this commit's other effects (a first fit) and React Flow's view update. Not cancelled when the nodes
    // change before the frame (a culled picture's drawn part follows the view): the reveal would be lost.
    cancelReveal(pending)
    const id = selected.id
    pending.current = requestAnimationFrame(() => {
      pending.current = null
      const now = latest.current.find((node) => node.id === id)
      const clicked = clickedNode === id
      clickedNode = null
      if (now?.selected) panToShow(flow, flowBox(latest.current, now), clicked ? 'if-hidden' : 'wholly')
    })
  }, [flow, nodes])
}

/** Whether `nodes` has a node `id`; looked for at `at` first (after a keystroke, nodes keep their places). */
function hadNode(nodes: readonly CanvasNode[], id: string, at: number): boolean {
  return nodes[at]?.id === id || nodes.some((node) => node.id === id)
}

/** Whether the two lists share a node: the same picture, edited, not another one. No set of 12,000 ids per keystroke. */
function sharesNode(before: readonly CanvasNode[], nodes: readonly CanvasNode[]): boolean {
  if (before.length === 0 || nodes.length === 0) return false
  if (before[0].id === nodes[0].id) return true
  const ids = new Set(before.map((node) => node.id))
  return nodes.some((node) => ids.has(node.id))
}

/** The node the last click on a canvas selected, until its selection is revealed. */
let clickedNode: string | null = null

/** A click on the canvas is about to select `id` (see useNewNodeInView). */
export function noteClickedNode(id: string): void {
  clickedNode = id
}

function cancelReveal(pending: { current: number | null }): void {
  if (pending.current !== null) cancelAnimationFrame(pending.current)
  pending.current = null
}

/**
 * Pans (never zooms) so that `box` shows, unless it shows wholly already: `nearest` by as little as needed;
 * `if-hidden` centred when it is wholly out of view, else not at all; `wholly` centred when it is wholly out of
 * view, else by as little as needed.
 */
function panToShow(flow: FlowStore, box: Rect, how: 'nearest' | 'if-hidden' | 'wholly'): void {
  const { width, height, transform, panZoom } = flow.getState()
  if (!panZoom || !width || !height) return
  const [x, y, zoom] = transform
  const left = box.x * zoom + x
  const top = box.y * zoom + y
  const size = { width: box.width * zoom, height: box.height * zoom }
  let dx: number
  let dy: number
  const hidden = left + size.width <= 0 || left >= width || top + size.height <= 0 || top >= height
  if (how === 'if-hidden' && !hidden) return
  // Wholly in view already: never moved (an edit in the text must not shift the picture under the user's eyes).
  const inside = left >= 0 && top >= 0 && left + size.width <= width && top + size.height <= height
  if (inside) return
  if (hidden && how !== 'nearest') {
    dx = width / 2 - (left + size.width / 2)
    dy = height / 2 - (top + size.height / 2)
  } else {
    const shift = (start: number, extent: number, room: number) => {
      if (extent + 2 * IN_VIEW_MARGIN > room) return room / 2 - (start + extent / 2)
      if (start < IN_VIEW_MARGIN) return IN_VIEW_MARGIN - start
      if (start + extent > room - IN_VIEW_MARGIN) return room - IN_VIEW_MARGIN - (start + extent)
      return 0
    }
    dx = shift(left, size.width, width)
    dy = shift(top, size.height, height)
  }
  if (dx !== 0 || dy !== 0) void panZoom.setViewport({ x: x + dx, y: y + dy, zoom })
}
