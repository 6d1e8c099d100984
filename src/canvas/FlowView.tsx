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
  Controls,
  MiniMap,
  ReactFlow,
  type ColorMode,
  type Node,
  type NodeMouseHandler,
  type OnNodeDrag,
  type OnNodesChange,
} from '@xyflow/react'
import { designerStore } from '../store/designer'
import { edgeTypes } from './edges'
import type { CanvasEdge, CanvasNode } from './flow-elements'
import { FIT_OPTIONS } from './hooks'
import { nodeTypes } from './nodes'

/**
 * Above this many nodes, only what is in view is rendered: drawing and
 * measuring every node of a big picture would hold the page up for a frame.
 */
const CULL_ABOVE = 150
/** Above this many nodes the minimap (a thin line of dots by then, each re-rendered on every change) is left out. */
const MINIMAP_UP_TO = 300
/** React Flow names its fit button "Fit View"; ours reads as the rest of the designer. */
const ARIA_LABELS = { 'controls.fitView.ariaLabel': 'Fit view' }

function selectNode(id: string) {
  designerStore().getState().selectNode(id)
}

const onNodeClick: NodeMouseHandler = (_event, node) => {
  if (node.selectable !== false) selectNode(node.id)
}

const miniMapClass = (node: Node) => node.className ?? ''
/** Smaller than React Flow's default: the canvas often shares the window with the text. */
const MINIMAP_SIZE = { width: 160, height: 110 }

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
      ariaLabelConfig={ARIA_LABELS}
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS} />
      {nodes.length <= MINIMAP_UP_TO && <MiniMap pannable zoomable nodeClassName={miniMapClass} style={MINIMAP_SIZE} />}
      {children}
    </ReactFlow>
  )
})
