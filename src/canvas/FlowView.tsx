/**
 * React Flow as the designer uses it, shared by the workflow canvas and the
 * jobs board: positions from the layout (a dragged node only borrows one
 * while it is dragged), nothing connected by hand, selection through the
 * store, context menus, zoom controls and minimap.
 */
import '@xyflow/react/dist/style.css'
import './canvas.css'
import { memo, useMemo, useRef, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react'
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useStore,
  useStoreApi,
  type ColorMode,
  type Node,
  type NodeMouseHandler,
  type OnNodeDrag,
  type OnNodesChange,
} from '@xyflow/react'
import { PAGE_TARGET, actionById } from '../actions/registry'
import { designerStore, useDesigner } from '../store/designer'
import { edgeTypes } from './edges'
import { cull, isCulled, nextDrawnArea, updatedCullIndex, type Culled, type CullIndex, type DrawnArea, type ViewState } from './cull'
import { MINIMAP_SIZE, noteClickedNode, showsMinimap, useFitPicture, useKeepFitted, useNewNodeInView, useWholePicture } from './fit'
import type { CanvasEdge, CanvasNode } from './flow-elements'
import { nodeTypes } from './nodes'
import { useShared } from './hooks'
import { sameEdge, sameNode } from './reuse'

/**
 * Above this many nodes handed to React Flow, it renders only what is in
 * view (its own culling, which scans every node and edge it holds on each
 * frame: cheap for a culled picture's screen of them).
 */
const RENDER_VISIBLE_ABOVE = 150

/**
 * Below this zoom, a big picture's cards are drawn bare (canvas.css
 * `cai-far`). A first view never goes below it (useFirstFit's least zoom).
 */
const FAR_ZOOM = 0.3

/** What of React Flow's state says what the canvas shows. */
type ShownView = { transform: readonly [number, number, number]; width: number; height: number }

const viewOf = ({ transform, width, height }: ShownView): ViewState => ({ x: transform[0], y: transform[1], zoom: transform[2], width, height })

/**
 * The nodes and edges React Flow is given: a picture that is not culled
 * (cull.ts isCulled) whole; else those in the drawn area (nextDrawnArea) and
 * the selected node, the same lists while a pan or zoom stays within it.
 */
function useNearView(nodes: CanvasNode[], edges: readonly CanvasEdge[], big: boolean): Culled {
  const flow = useStoreApi<CanvasNode, CanvasEdge>()
  const drawn = useRef<DrawnArea | null>(null)
  const key = useStore((state) => (big ? (nextDrawnArea(drawn.current, viewOf(state))?.key ?? '') : ''))
  // Updated from the last one: after a keystroke most elements are the same objects.
  const lastIndex = useRef<CullIndex | null>(null)
  const index = useMemo(() => (lastIndex.current = big ? updatedCullIndex(lastIndex.current, nodes, edges) : null), [big, nodes, edges])
  return useMemo(() => {
    if (!index) return { nodes, edges: edges as CanvasEdge[] }
    const next = key ? nextDrawnArea(drawn.current, viewOf(flow.getState())) : null
    drawn.current = next
    // Not sized yet: nothing can be drawn.
    if (!next) return { nodes: [], edges: [] }
    return cull(index, next.area, nodes.filter((node) => node.selected).map((node) => node.id))
    // `key` names the drawn area, which is read from the store when it changes.
  }, [index, key, nodes, edges, flow])
}

function selectNode(id: string) {
  designerStore().getState().selectNode(id)
}

const onNodeClick: NodeMouseHandler = (_event, node) => {
  if (node.selectable === false) return
  // A click selects a node that is in view, at least partly: the view stays where it is (see useNewNodeInView).
  noteClickedNode(node.id)
  selectNode(node.id)
}

const miniMapClass = (node: Node) => node.className ?? ''

const onPaneClick = () => designerStore().getState().selectNode(null)

export function Placeholder({ children }: { children: ReactNode }) {
  return (
    <div className="cai-canvas-placeholder" role="status">
      {children}
    </div>
  )
}

/** What an editable canvas listens to; each handler stable across renders (FlowView is memoised). */
export interface FlowEditing {
  onNodeContextMenu: NodeMouseHandler
  onPaneContextMenu(event: MouseEvent | ReactMouseEvent): void
  onNodesChange: OnNodesChange<CanvasNode>
  onNodeDrag: OnNodeDrag<CanvasNode>
  onNodeDragStop: OnNodeDrag<CanvasNode>
}

interface FlowViewProps {
  nodes: CanvasNode[]
  edges: readonly CanvasEdge[]
  readOnly: boolean
  colorMode: ColorMode
  /** Absent on a read-only picture. */
  editing?: FlowEditing
  children?: ReactNode
}

const toggleMinimap = () => void actionById('toggle-minimap').run(designerStore(), PAGE_TARGET)

/**
 * The zoom controls, with a fit that shows every label and bypass (React
 * Flow's own fits the nodes only) and the minimap's toggle; and the view kept
 * fitted and new nodes kept in view (fit.ts).
 */
function ViewControls({ nodes }: { nodes: readonly CanvasNode[] }) {
  const fit = useFitPicture()
  const minimap = useDesigner((state) => state.view.minimap)
  useKeepFitted()
  useNewNodeInView(nodes)
  const shown = showsMinimap(minimap, nodes.length)
  return (
    <>
      <Controls showInteractive={false} showFitView={false}>
        <ControlButton onClick={() => fit()} title="Fit view" aria-label="Fit view">
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
        </ControlButton>
        <ControlButton
          onClick={toggleMinimap}
          title={minimap ? 'Hide the minimap' : 'Show the minimap'}
          aria-label="Minimap"
          aria-pressed={minimap}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <rect x="1.5" y="2.5" width="13" height="11" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <rect x="8" y="8" width="5" height="4" fill="currentColor" />
          </svg>
        </ControlButton>
      </Controls>
      {shown && <MiniMap pannable zoomable nodeClassName={miniMapClass} style={MINIMAP_SIZE} ariaLabel="Minimap of the picture" />}
    </>
  )
}

/** A drag starts only past this many pixels, so a slightly shaky click still selects. */
const DRAG_THRESHOLD = 4

/** React Flow with the designer's settings; memoised so renders that change nothing skip it. */
export const FlowView = memo(function FlowView({ nodes, edges, readOnly, colorMode, editing, children }: FlowViewProps) {
  useWholePicture(nodes, edges)
  const big = isCulled(nodes.length)
  const culled = useNearView(nodes, edges, big)
  const near = { nodes: useShared(culled.nodes, sameNode, big) as CanvasNode[], edges: useShared(culled.edges, sameEdge, big) as CanvasEdge[] }
  const far = useStore((state) => big && state.transform[2] < FAR_ZOOM)
  return (
    <ReactFlow
      className={far ? 'cai-far' : undefined}
      nodes={near.nodes}
      edges={near.edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodeClick={readOnly ? undefined : onNodeClick}
      onPaneClick={readOnly ? undefined : onPaneClick}
      elementsSelectable={!readOnly}
      nodesDraggable={false}
      nodeDragThreshold={DRAG_THRESHOLD}
      selectNodesOnDrag={false}
      onNodesChange={editing?.onNodesChange}
      onNodeDrag={editing?.onNodeDrag}
      onNodeDragStop={editing?.onNodeDragStop}
      onNodeContextMenu={editing?.onNodeContextMenu}
      onPaneContextMenu={editing?.onPaneContextMenu}
      nodesConnectable={false}
      edgesFocusable={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      minZoom={0.05}
      maxZoom={2}
      onlyRenderVisibleElements={near.nodes.length > RENDER_VISIBLE_ABOVE}
      defaultMarkerColor={null}
      colorMode={colorMode}
    >
      <Background gap={24} size={1} />
      <ViewControls nodes={nodes} />
      {children}
    </ReactFlow>
  )
})
