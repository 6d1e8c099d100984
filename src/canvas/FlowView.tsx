/**
 * React Flow as the designer uses it, shared by the workflow canvas and the
 * jobs board: positions from the layout (a dragged node only borrows one
 * while it is dragged), nothing connected by hand, selection through the
 * store, context menus, zoom controls and minimap.
 */
import '@xyflow/react/dist/style.css'
import './canvas.css'
import { memo, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react'
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  type ColorMode,
  type Node,
  type NodeMouseHandler,
  type OnNodeDrag,
  type OnNodesChange,
} from '@xyflow/react'
import { PAGE_TARGET, actionById } from '../actions/registry'
import { designerStore, useDesigner } from '../store/designer'
import { edgeTypes } from './edges'
import { MINIMAP_SIZE, showsMinimap, useFitPicture, useKeepFitted, useNewNodeInView } from './fit'
import type { CanvasEdge, CanvasNode } from './flow-elements'
import { nodeTypes } from './nodes'

/**
 * Above this many nodes, only what is in view is rendered: drawing and
 * measuring every node of a big picture would hold the page up for a frame.
 */
const CULL_ABOVE = 150

function selectNode(id: string) {
  designerStore().getState().selectNode(id)
}

const onNodeClick: NodeMouseHandler = (_event, node) => {
  if (node.selectable !== false) selectNode(node.id)
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
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges as CanvasEdge[]}
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
      onlyRenderVisibleElements={nodes.length > CULL_ABOVE}
      defaultMarkerColor={null}
      colorMode={colorMode}
    >
      <Background gap={24} size={1} />
      <ViewControls nodes={nodes} />
      {children}
    </ReactFlow>
  )
})
