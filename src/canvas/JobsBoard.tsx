/**
 * The jobs view: one lane per queue, one card per job (node id `@job/<name>`),
 * each with its task, schedule in words, next three runs and retry policy.
 * A card dragged to another lane moves the job to that queue; a new job from
 * the palette goes to the lane it is dropped on.
 */
import { useCallback, useMemo, useRef } from 'react'
import { ReactFlowProvider, useReactFlow, useStore, type XYPosition } from '@xyflow/react'
import type { Broken, Diagnostic, Job, ParseResult, TopItem, Workflow } from '../language/model'
import { setJobField } from '../language/operations'
import { insertJob, insertWorkflow, type NewKind } from '../actions/insert'
import { perform, tell } from '../actions/perform'
import { Palette } from '../palette/Palette'
import { designerStore, useDesigner } from '../store/designer'
import { DropMarkerView, clientPoint, useCanvasActions, useDraggedNode, useMarker, usePaletteDrop, type Marker } from './editing'
import type { CanvasNode, QueueLaneNode } from './flow-elements'
import { FIRST_VIEW_NODES, useDrawnSource, useFirstFit, useKeyed, useSelection, useShallowStable, useShared } from './hooks'
import { DEFAULT_BOARD_AREA, jobsGraph, laneAt, type BoardArea } from './jobs'
import { sameNode } from './reuse'
import { diagnosticsKey, diagnosticsWithinAny } from './node-diagnostics'
import { FlowView, Placeholder } from './FlowView'

const BOARD_KEY = '@jobs'
const BOARD_KEYS: ReadonlySet<string> = new Set([BOARD_KEY])

const isJobItem = (item: TopItem): item is Job | Broken =>
  item.kind === 'job' || (item.kind === 'broken' && item.declaration === 'job')

/** Job cards dragged between queue lanes, and palette drops on the board. */
function useBoardDrops(graphNodes: readonly CanvasNode[], nodes: CanvasNode[]) {
  const { screenToFlowPosition } = useReactFlow()
  const dragging = useDraggedNode(nodes)
  const [moveMarker, setMoveMarker] = useMarker()
  const latest = useRef(graphNodes)
  latest.current = graphNodes

  /** The lane a job card dragged to `event` would go to; null when that is its own lane. */
  const laneFor = useCallback(
    (event: MouseEvent | TouchEvent, node: CanvasNode) => {
      if (node.type !== 'job') return null
      const lane = laneAt(latest.current, screenToFlowPosition(clientPoint(event)))
      return lane && lane.data.queue !== node.data.queue ? lane : null
    },
    [screenToFlowPosition],
  )
  const onNodeDrag = useCallback(
    (event: MouseEvent | TouchEvent, node: CanvasNode) => setMoveMarker(laneMarker(laneFor(event, node))),
    [laneFor],
  )
  const { endDrag } = dragging
  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: CanvasNode) => {
      const lane = laneFor(event, node)
      endDrag()
      setMoveMarker(null)
      if (!lane || node.type !== 'job') return
      // The lane's queue is written as it is, `default` too (see the report on the default lane).
      perform(designerStore(), (doc) => setJobField(doc, node.data.name, 'queue', lane.data.queue), () => node.id)
    },
    [laneFor, endDrag],
  )

  const locate = useCallback(
    (kind: NewKind, point: XYPosition) => (kind === 'job' ? laneMarker(laneAt(latest.current, point)) : null),
    [],
  )
  const drop = useCallback((kind: NewKind, point: XYPosition | null) => {
    const store = designerStore()
    if (kind === 'workflow') insertWorkflow(store, store.getState().selectedWorkflow)
    else if (kind === 'job') insertJob(store, null, (point && laneAt(latest.current, point)?.data.queue) ?? undefined)
    else tell('Steps and parallel blocks go on a workflow: open one from the outline or the Workflow view.')
  }, [])
  const palette = usePaletteDrop(locate, drop, true)
  return { dragging, marker: moveMarker ?? palette.marker, onNodeDrag, onNodeDragStop, palette }
}

function laneMarker(lane: QueueLaneNode | null): Marker | null {
  if (!lane) return null
  return { box: { x: lane.position.x, y: lane.position.y, width: lane.width ?? 0, height: lane.height ?? 0 }, kind: 'lane' }
}

/** What the board is drawn from: all of it changes in one store update. */
interface BoardSource {
  parsed: ParseResult
  diagnostics: Diagnostic[]
  lastGood: Record<string, Workflow | Job>
}

/** At least the number of nodes on the board (a card per job, the three known queues' lanes), without laying it out. */
function boardSize({ parsed }: BoardSource): number {
  let nodes = 3
  for (const item of parsed.doc.items) if (isJobItem(item)) nodes++
  return nodes
}

/** The store's current board source: a new object only when one of its values changes. */
function useCurrentSource(): BoardSource {
  const parsed = useDesigner((state) => state.parsed)
  const diagnostics = useDesigner((state) => state.diagnostics)
  const lastGood = useDesigner((state) => state.lastGood)
  return useMemo(() => ({ parsed, diagnostics, lastGood }), [parsed, diagnostics, lastGood])
}

function JobsPicture() {
  // A big board is drawn from a deferred source: the canvas catches up after the text.
  const { parsed, diagnostics, lastGood } = useDrawnSource(useCurrentSource(), boardSize)
  const selectedNodeId = useDesigner((state) => state.selectedNodeId)
  const colorMode = useDesigner((state) => state.view.theme)

  // Recompute only when a job, its diagnostics or a broken job's last good parse changes.
  const items = useShallowStable(useMemo(() => parsed.doc.items.filter(isJobItem), [parsed]))
  const goodJobs = useShallowStable(useMemo(() => lastGoodOf(items, lastGood), [items, lastGood]))
  const ownDiagnostics = useMemo(
    () => diagnosticsWithinAny(diagnostics, items.flatMap((item) => (item.span ? [item.span] : []))),
    [diagnostics, items],
  )
  const stableDiagnostics = useKeyed(ownDiagnostics, diagnosticsKey(ownDiagnostics))
  const area = useBoardArea()
  const graph = useMemo(
    () => jobsGraph(items, stableDiagnostics, lastGood, { area }),
    // `lastGood` matters only through `goodJobs`.
    [items, stableDiagnostics, goodJobs, area],
  )
  const nodes = useSelection(useShared(graph.nodes, sameNode), selectedNodeId)
  useFirstFit(BOARD_KEY, nodes, BOARD_KEYS, firstCards)

  const actions = useCanvasActions('jobs')
  const drops = useBoardDrops(graph.nodes, nodes)
  const { onNodeContextMenu, onPaneContextMenu } = actions
  const { onNodesChange } = drops.dragging
  const { onNodeDrag, onNodeDragStop } = drops
  const editing = useMemo(
    () => ({ onNodeContextMenu, onPaneContextMenu, onNodesChange, onNodeDrag, onNodeDragStop }),
    [onNodeContextMenu, onPaneContextMenu, onNodesChange, onNodeDrag, onNodeDragStop],
  )

  return (
    <div
      ref={actions.container}
      className={drops.palette.over ? 'cai-canvas cai-jobs cai-canvas-drop' : 'cai-canvas cai-jobs'}
      data-testid="jobs"
      onKeyDownCapture={actions.onKeyDownCapture}
      onDragEnter={drops.palette.onDragEnter}
      onDragOver={drops.palette.onDragOver}
      onDragLeave={drops.palette.onDragLeave}
      onDrop={drops.palette.onDrop}
    >
      <Palette board="jobs" />
      {items.length === 0 && (
        <Placeholder>No jobs in this file. A job looks like: job name {'{'} schedule "0 * * * *" task "x.y" {'}'}</Placeholder>
      )}
      <FlowView nodes={drops.dragging.nodes} edges={graph.edges} readOnly={false} colorMode={colorMode} editing={editing}>
        <DropMarkerView marker={drops.marker} />
      </FlowView>
      {actions.menuElement}
    </div>
  )
}

/** A big board's first view: its first cards, legible, rather than whole lanes as dots. */
const firstCards = (nodes: readonly CanvasNode[]) => nodes.filter((node) => node.type === 'job').slice(0, FIRST_VIEW_NODES)

/** Canvas sizes are rounded to this, so resizing a pane re-wraps the lanes only now and then. */
const AREA_STEP = 100

/** The canvas's size, rounded, for the board's wrapping; a default until React Flow has measured it. */
function useBoardArea(): BoardArea {
  const width = useStore((state) => Math.round(state.width / AREA_STEP) * AREA_STEP)
  const height = useStore((state) => Math.round(state.height / AREA_STEP) * AREA_STEP)
  return useMemo(() => (width > 0 && height > 0 ? { width, height } : DEFAULT_BOARD_AREA), [width, height])
}

/** The last good parse of each broken job, in board order. */
function lastGoodOf(items: readonly (Job | Broken)[], lastGood: Readonly<Record<string, Workflow | Job>>): Job[] {
  const found: Job[] = []
  for (const item of items) {
    const good = item.kind === 'broken' && item.name ? lastGood[`job:${item.name}`] : undefined
    if (good?.kind === 'job') found.push(good)
  }
  return found
}

/** The jobs board. Its root has `data-testid="jobs"`. */
export function JobsBoard() {
  return (
    <ReactFlowProvider>
      <JobsPicture />
    </ReactFlowProvider>
  )
}
