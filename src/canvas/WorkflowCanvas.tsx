/**
 * The selected workflow as a React Flow graph. A big graph is derived from
 * deferred values, so typing never waits on the canvas; recomputed only when
 * the workflow's object (the incremental parser keeps unchanged ones) or its
 * diagnostics change. A workflow with syntax errors shows its last good
 * picture, greyed and read-only, with a button that jumps to the error.
 *
 * Editing: a step dragged to a gap of the flow moves there, into a parallel
 * block's lanes becomes a branch, beside another step runs in parallel with
 * it (drop-targets.ts says where, an insertion marker shows it); palette
 * items dropped on the picture go where they land; context menus and keys
 * run the action registry (editing.tsx).
 */
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react'
import { Panel, ReactFlowProvider, useReactFlow, type XYPosition } from '@xyflow/react'
import type { Broken, CaiDocument, Diagnostic, ParseResult, Workflow } from '../language/model'
import { dropStep } from '../language/operations/compose'
import { insertInFlow, insertJob, insertWorkflow, type NewKind } from '../actions/insert'
import { perform, tell } from '../actions/perform'
import { readOnlyReason } from '../actions/targets'
import { Palette } from '../palette/Palette'
import { designerStore, useDesigner, workflowNames } from '../store/designer'
import { dropTargetAt, type DropTarget } from './drop-targets'
import { layoutWorkflow, type WorkflowLayout } from '../diagram/layout'
import { endStage, stageStart } from '../store/timing'
import { DropMarkerView, clientPoint, useCanvasActions, useDraggedNode, useMarker, usePaletteDrop, type Marker } from './editing'
import { FlowView, Placeholder } from './FlowView'
import { isCulled } from './cull'
import type { CanvasGraph, CanvasNode } from './flow-elements'
import { workflowGraph } from './flow-graph'
import { useDrawnSource, useFirstFit, useKeyed, useRetained, useSelection, useShared } from './hooks'
import { contentsSummary, countOf } from './contents'
import { diagnosticsKey, diagnosticsWithin } from './node-diagnostics'
import { sameEdge, sameNode } from './reuse'

const EMPTY_GRAPH: CanvasGraph = { nodes: [], edges: [] }

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
function firstError(diagnostics: readonly Diagnostic[], broken: Broken): Diagnostic | undefined {
  const inside = broken.span ? diagnosticsWithin(diagnostics, broken.span) : diagnostics
  return inside.find((d) => d.severity === 'error')
}

function SyntaxErrorButton({ error }: { error: Diagnostic }) {
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

/** The empty canvas: what the file holds instead of workflows, and a way to add one. */
function NoWorkflow({ doc }: { doc: CaiDocument }) {
  const jobs = doc.items.filter((item) => item.kind === 'job' || (item.kind === 'broken' && item.declaration === 'job')).length
  const summary =
    contentsSummary(doc) ?? (jobs > 0 ? `This file has no workflows: its ${countOf('job', jobs)} ${jobs === 1 ? 'is' : 'are'} on the Jobs board.` : 'This file has no workflow to show.')
  return (
    <Placeholder>
      <p data-testid="file-contents">{summary}</p>
      <p>Write a workflow in the text (workflow name {'{'} trigger manual steps {'{'} … {'}'} {'}'}), or add one here.</p>
      <button type="button" onClick={() => insertWorkflow(designerStore(), null)}>
        Add a workflow
      </button>
    </Placeholder>
  )
}

/**
 * Step moves and palette drops on a workflow's picture; `workflow` is null
 * while it cannot be edited, `layout` is its layout (the picture's: laid out
 * once per version of the workflow, not on every pointer move).
 */
function useFlowDrops(
  workflow: Workflow | null,
  layout: WorkflowLayout | null,
  shownName: string | null,
  nodes: CanvasNode[],
  readOnly: string | undefined,
) {
  const { screenToFlowPosition } = useReactFlow()
  const dragging = useDraggedNode(nodes)
  const [moveMarker, setMoveMarker] = useMarker()
  const latest = useRef(workflow && layout ? { workflow, layout } : null)
  latest.current = workflow && layout ? { workflow, layout } : null

  const moveTarget = useCallback(
    (event: MouseEvent | TouchEvent, node: CanvasNode) => {
      const current = latest.current
      if (!current || node.type !== 'step') return null
      const point = screenToFlowPosition(clientPoint(event))
      return dropTargetAt(current.workflow, point, { dropping: 'step', moving: node.data.name }, current.layout)
    },
    [screenToFlowPosition],
  )
  const onNodeDrag = useCallback(
    (event: MouseEvent | TouchEvent, node: CanvasNode) => setMoveMarker(markerOf(moveTarget(event, node))),
    [moveTarget],
  )
  const { endDrag } = dragging
  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: CanvasNode) => {
      const target = moveTarget(event, node)
      endDrag()
      setMoveMarker(null)
      // Dropped where nothing is allowed: the node goes back to its place in the layout.
      if (!target || node.type !== 'step') return
      const workflow = target.landing.kind === 'flow' ? target.landing.position.workflow : target.landing.workflow
      perform(designerStore(), (doc) => dropStep(doc, workflow, node.data.name, target.landing), {
        name: `move step ${node.data.name}`,
        select: () => node.id,
      })
    },
    [moveTarget, endDrag],
  )

  const locate = useCallback((kind: NewKind, point: XYPosition) => {
    const current = latest.current
    if (!current || (kind !== 'step' && kind !== 'parallel')) return null
    return markerOf(dropTargetAt(current.workflow, point, { dropping: kind, orEnd: true }, current.layout))
  }, [])
  const drop = useCallback(
    (kind: NewKind, point: XYPosition | null) => {
      const store = designerStore()
      const current = latest.current?.workflow
      if (kind === 'workflow') insertWorkflow(store, shownName)
      else if (kind === 'job') insertJob(store, null)
      else if (readOnly) tell(readOnly)
      else if (!current) {
        // No workflow to show: a dropped step starts one (the palette's step does the same).
        if (kind === 'step' && shownName === null) insertWorkflow(store, null)
        else tell('There is no workflow here to add that to: add a workflow first.')
      } else {
        const target = point && dropTargetAt(current, point, { dropping: kind, orEnd: true }, latest.current?.layout)
        const landing = target?.landing ?? { kind: 'flow', position: { workflow: current.name, index: current.steps.items.length } }
        insertInFlow(store, kind, current.name, landing)
      }
    },
    [shownName, readOnly],
  )
  const palette = usePaletteDrop(locate, drop, workflow !== null)
  return { dragging, marker: moveMarker ?? palette.marker, onNodeDrag, onNodeDragStop, palette }
}

function markerOf(target: DropTarget | null): Marker | null {
  return target && { box: target.marker.box, kind: target.marker.orientation }
}

/** What the picture is drawn from: all of it changes in one store update. */
interface PictureSource {
  parsed: ParseResult
  diagnostics: Diagnostic[]
  selectedName: string | null
  dataFlow: boolean
}

/** The number of nodes the source's picture has (trigger, steps, parallel blocks, end), without laying it out. */
function pictureSize({ parsed, selectedName }: PictureSource): number {
  const item = selectedItem(parsed.doc, selectedName)
  if (item?.kind !== 'workflow') return 0
  let nodes = 2
  for (const entry of item.steps.items) nodes += entry.kind === 'step' ? 1 : 1 + entry.branches.length
  return nodes
}

/** The store's current picture source: a new object only when one of its values changes. */
function useCurrentSource(): PictureSource {
  const parsed = useDesigner((state) => state.parsed)
  const diagnostics = useDesigner((state) => state.diagnostics)
  const selectedName = useDesigner((state) => state.selectedWorkflow)
  const dataFlow = useDesigner((state) => state.view.dataFlow)
  return useMemo(() => ({ parsed, diagnostics, selectedName, dataFlow }), [parsed, diagnostics, selectedName, dataFlow])
}

function WorkflowPicture() {
  const renderStart = stageStart()
  // A big picture is drawn from a deferred source: the canvas catches up after the text.
  const { parsed, diagnostics, selectedName, dataFlow } = useDrawnSource(useCurrentSource(), pictureSize, true)
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
  // Retained, not memoised: a deferred render restarted by the caret's move reuses them.
  const layout = useRetained(() => {
    if (!picture) return null
    const start = stageStart()
    const laidOut = layoutWorkflow(picture)
    endStage('layout', start)
    return laidOut
  }, [picture])
  // The last graph built lends its unchanged nodes and edges to the next (a render React discards lends valid ones too).
  const lastGraph = useRef<CanvasGraph | undefined>(undefined)
  const graph = useRetained(() => {
    if (!picture || !layout) return EMPTY_GRAPH
    const start = stageStart()
    const built = workflowGraph(picture, stableDiagnostics, { dataFlow, stale: !!broken }, layout, lastGraph.current)
    lastGraph.current = built
    endStage('graph', start)
    return built
  }, [picture, layout, stableDiagnostics, dataFlow, broken])
  // A culled picture shares only what is near the view (FlowView).
  const culled = isCulled(graph.nodes.length)
  const sharedNodes = useShared(graph.nodes, sameNode, !culled)
  const edges = useShared(graph.edges, sameEdge, !culled)
  const nodes = useSelection(sharedNodes, selectedNodeId)
  const names = useMemo(() => new Set(workflowNames(parsed.doc)), [parsed])
  useFirstFit(picture?.name, nodes, names)

  const error = broken && firstError(diagnostics, broken)
  const readOnly = broken ? readOnlyReason(parsed.doc, { kind: 'pane', board: 'workflow', workflow: broken.name ?? null }) : undefined

  const actions = useCanvasActions('workflow')
  const editable = item?.kind === 'workflow' ? item : null
  const drops = useFlowDrops(editable, editable === picture ? layout : null, item?.name ?? null, nodes, readOnly)
  const { onNodeContextMenu, onPaneContextMenu } = actions
  const { onNodesChange } = drops.dragging
  const { onNodeDrag, onNodeDragStop } = drops
  const editing = useMemo(
    () => (broken ? undefined : { onNodeContextMenu, onPaneContextMenu, onNodesChange, onNodeDrag, onNodeDragStop }),
    [broken, onNodeContextMenu, onPaneContextMenu, onNodesChange, onNodeDrag, onNodeDragStop],
  )

  // From this render's start to its commit: the graph, and React's render and commit of everything this update renders (the
  // canvas and the other views). React Flow then takes the new nodes into its own store, in an effect, and renders again.
  useLayoutEffect(() => endStage('render+commit', renderStart))

  return (
    <div
      ref={actions.container}
      className={`cai-canvas${broken ? ' cai-stale' : ''}${drops.palette.over ? ' cai-canvas-drop' : ''}`}
      data-testid="canvas"
      data-workflow={item?.name}
      onKeyDownCapture={actions.onKeyDownCapture}
      onContextMenu={broken || !picture ? onPaneContextMenu : undefined}
      onDragEnter={drops.palette.onDragEnter}
      onDragOver={drops.palette.onDragOver}
      onDragLeave={drops.palette.onDragLeave}
      onDrop={drops.palette.onDrop}
    >
      <Palette board="workflow" readOnlyReason={readOnly} />
      {!item && (selectedName === null ? <NoWorkflow doc={parsed.doc} /> : <Placeholder>There is no workflow named {selectedName}.</Placeholder>)}
      {item && picture && (
        <FlowView nodes={drops.dragging.nodes} edges={edges} readOnly={!!broken} colorMode={colorMode} editing={editing}>
          {broken && (
            <Panel position="top-left" className="cai-stale-panel">
              {error && <SyntaxErrorButton error={error} />}
              <span className="cai-muted">Showing the last version that parsed. Read-only: fix the syntax error first.</span>
            </Panel>
          )}
          <DropMarkerView marker={drops.marker} />
        </FlowView>
      )}
      {item && !picture && (
        <Placeholder>
          <p>
            Workflow {item.name} has a syntax error and has not parsed yet, so there is no picture of it to show.
          </p>
          {error && <SyntaxErrorButton error={error} />}
        </Placeholder>
      )}
      {actions.menuElement}
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
