/**
 * The selected workflow as a React Flow graph. Derived from the store with
 * deferred values, so typing never waits on the canvas; recomputed only when
 * the workflow's object (the incremental parser keeps unchanged ones) or its
 * diagnostics change. A workflow with syntax errors shows its last good
 * picture, greyed and read-only, with a button that jumps to the error.
 */
import '@xyflow/react/dist/style.css'
import './canvas.css'
import { memo, useCallback, useDeferredValue, useMemo, type KeyboardEvent, type ReactNode } from 'react'
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  type ColorMode,
  type Node,
  type NodeMouseHandler,
} from '@xyflow/react'
import type { Broken, CaiDocument, Diagnostic, Workflow } from '../language/model'
import { designerStore, useDesigner, workflowNames } from '../store/designer'
import { edgeTypes } from './edges'
import type { CanvasEdge, CanvasGraph, CanvasNode } from './flow-elements'
import { workflowGraph } from './graph'
import { FIT_OPTIONS, useFirstFit, useKeyed, useSelection, useShared } from './hooks'
import { diagnosticsKey, diagnosticsWithin } from './node-diagnostics'
import { nodeTypes } from './nodes'

/** Above this many nodes, only what is in view is rendered. */
const CULL_ABOVE = 300
const EMPTY_GRAPH: CanvasGraph = { nodes: [], edges: [] }
/** React Flow names its fit button "Fit View"; ours reads as the rest of the designer. */
const ARIA_LABELS = { 'controls.fitView.ariaLabel': 'Fit view' }

function selectedItem(doc: CaiDocument, name: string | null): Workflow | Broken | undefined {
  if (name === null) return undefined
  let broken: Broken | undefined
  for (const item of doc.items) {
    if (item.kind === 'workflow' && item.name === name) return item
    if (!broken && item.kind === 'broken' && item.declaration === 'workflow' && item.name === name) broken = item
  }
  return broken
}

/** The first syntax error inside a broken declaration (or anywhere, if it has no span). */
export function firstError(diagnostics: readonly Diagnostic[], broken: Broken): Diagnostic | undefined {
  const inside = broken.span ? diagnosticsWithin(diagnostics, broken.span) : diagnostics
  return inside.find((d) => d.severity === 'error')
}

function selectNode(id: string) {
  designerStore().getState().selectNode(id)
}

const onNodeClick: NodeMouseHandler = (_event, node) => {
  if (node.selectable !== false) selectNode(node.id)
}

const miniMapClass = (node: Node) => node.className ?? ''

const onPaneClick = () => designerStore().getState().selectNode(null)

/** Enter (or Space) on a focused node selects it, as a click does. */
export function onNodeKey(event: KeyboardEvent) {
  if (event.key !== 'Enter' && event.key !== ' ') return
  const target = event.target as HTMLElement
  if (!target.classList?.contains('react-flow__node') || !target.classList.contains('selectable')) return
  const id = target.getAttribute('data-id')
  if (id) {
    event.preventDefault()
    selectNode(id)
  }
}

export function SyntaxErrorButton({ error }: { error: Diagnostic }) {
  return (
    <button
      type="button"
      className="cai-error-badge"
      data-testid="syntax-error-badge"
      title={`${error.message} (jump to it)`}
      onClick={() => designerStore().getState().revealSpan(error.span, true)}
    >
      Syntax error — line {error.start.line}
    </button>
  )
}

export function Placeholder({ children }: { children: ReactNode }) {
  return (
    <div className="cai-canvas-placeholder" role="status">
      {children}
    </div>
  )
}

interface FlowViewProps {
  nodes: CanvasNode[]
  edges: readonly CanvasEdge[]
  readOnly: boolean
  colorMode: ColorMode
  children?: ReactNode
}

/** React Flow with the designer's settings; memoised so renders that change nothing skip it. */
export const FlowView = memo(function FlowView({ nodes, edges, readOnly, colorMode, children }: FlowViewProps) {
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
      <MiniMap pannable zoomable nodeClassName={miniMapClass} />
      {children}
    </ReactFlow>
  )
})

function WorkflowPicture() {
  // Deferred together: one store update changes them at once, and the canvas catches up after the text.
  const parsed = useDeferredValue(useDesigner((state) => state.parsed))
  const diagnostics = useDeferredValue(useDesigner((state) => state.diagnostics))
  const selectedName = useDeferredValue(useDesigner((state) => state.selectedWorkflow))
  const dataFlow = useDeferredValue(useDesigner((state) => state.view.dataFlow))
  const selectedNodeId = useDesigner((state) => state.selectedNodeId)
  const colorMode = useDesigner((state) => state.view.theme)

  const item = useMemo(() => selectedItem(parsed.doc, selectedName), [parsed, selectedName])
  const broken = item?.kind === 'broken' ? item : undefined
  const lastGood = useDesigner((state) => (broken?.name ? state.lastGood[`workflow:${broken.name}`] : undefined))
  const picture = item?.kind === 'workflow' ? item : lastGood?.kind === 'workflow' ? lastGood : undefined

  const ownDiagnostics = useMemo(
    () => (picture && !broken ? diagnosticsWithin(diagnostics, picture.span) : []),
    [picture, broken, diagnostics],
  )
  const stableDiagnostics = useKeyed(ownDiagnostics, diagnosticsKey(ownDiagnostics))
  const graph = useMemo(
    () => (picture ? workflowGraph(picture, stableDiagnostics, { dataFlow, stale: !!broken }) : EMPTY_GRAPH),
    [picture, stableDiagnostics, dataFlow, broken],
  )
  const sharedNodes = useShared(graph.nodes)
  const edges = useShared(graph.edges)
  const nodes = useSelection(sharedNodes, selectedNodeId)
  const names = useMemo(() => new Set(workflowNames(parsed.doc)), [parsed])
  useFirstFit(picture?.name, nodes, names)

  const error = broken && firstError(diagnostics, broken)
  const onKeyDown = useCallback((event: KeyboardEvent) => onNodeKey(event), [])

  if (!item) {
    return (
      <div className="cai-canvas" data-testid="canvas">
        <Placeholder>
          {selectedName === null
            ? 'No workflow to show. Write a workflow in the text (workflow name { trigger manual steps { … } }) or pick one in the outline.'
            : `There is no workflow named ${selectedName}.`}
        </Placeholder>
      </div>
    )
  }

  return (
    <div
      className={broken ? 'cai-canvas cai-stale' : 'cai-canvas'}
      data-testid="canvas"
      data-workflow={item.name}
      onKeyDown={onKeyDown}
    >
      {picture ? (
        <FlowView nodes={nodes} edges={edges} readOnly={!!broken} colorMode={colorMode}>
          {broken && (
            <Panel position="top-left" className="cai-stale-panel">
              {error && <SyntaxErrorButton error={error} />}
              <span className="cai-muted">Showing the last version that parsed.</span>
            </Panel>
          )}
        </FlowView>
      ) : (
        <Placeholder>
          <p>
            Workflow {item.name} has a syntax error and has not parsed yet, so there is no picture of it to show.
          </p>
          {error && <SyntaxErrorButton error={error} />}
        </Placeholder>
      )}
    </div>
  )
}

/** The selected workflow's canvas. Its root has `data-testid="canvas"`. */
export function WorkflowCanvas() {
  return (
    <ReactFlowProvider>
      <WorkflowPicture />
    </ReactFlowProvider>
  )
}
