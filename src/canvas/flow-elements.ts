/**
 * The React Flow node and edge shapes the canvas builds, and the fixed handle
 * geometry they share with the node components. Type-only imports from React
 * Flow: this module (and the graph built with it) runs without React or a DOM.
 */
import type { Edge, EdgeMarker, MarkerType, Node, Position } from '@xyflow/react'
import type { Severity } from '../language/model'
import type { EndInfo, FlowEdgeInfo, ParallelInfo, SkipEdgeInfo, StepInfo, TriggerInfo } from '../diagram/elements'
import type { Box } from '../diagram/layout'
import { DATA_HANDLE_AT } from '../diagram/routes'
import type { NodeDiagnostics } from './node-diagnostics'

// React Flow's enums are runtime values; their string values are part of its API.
export const TOP = 'top' as Position
export const BOTTOM = 'bottom' as Position
export const LEFT = 'left' as Position
export const ARROW: EdgeMarker = { type: 'arrowclosed' as MarkerType, width: 16, height: 16 }

/** Handle ids: flow enters at the top and leaves at the bottom; data-flow edges use the left side. */
export const HANDLE = { in: 'in', out: 'out', dataIn: 'data-in', dataOut: 'data-out' } as const
export { DATA_HANDLE_AT }
/** A handle's size; canvas.css gives React Flow's handles the same. */
const HANDLE_SIZE = 8

interface Marks {
  /** The most severe diagnostic on the node, if any. */
  severity?: Severity
  /** The stale picture of a declaration that has syntax errors. */
  stale?: boolean
}

// What a node shows comes from the headless picture (src/diagram/elements.ts); the canvas adds its marks.
export interface TriggerData extends TriggerInfo, Marks, Record<string, unknown> {}
export interface StepData extends StepInfo, Marks, Record<string, unknown> {}
export interface ParallelData extends ParallelInfo, Marks, Record<string, unknown> {}
export interface EndData extends EndInfo, Marks, Record<string, unknown> {}

export interface QueueLaneData extends Record<string, unknown> {
  queue: string
  jobs: number
  known: boolean
}

export interface JobData extends Marks, Record<string, unknown> {
  name: string
  task: string
  queue: string
  /** The schedule as written; the card puts it in words with its next runs when drawn (job-schedule.tsx). */
  schedule?: string
  retry: string
  /** The first syntax error of a broken job: its line and span, for the "Syntax error" button. */
  error?: { line: number; start: number; end: number }
}

export type TriggerNode = Node<TriggerData, 'trigger'>
export type StepNode = Node<StepData, 'step'>
export type ParallelNode = Node<ParallelData, 'parallel'>
export type EndNode = Node<EndData, 'end'>
export type QueueLaneNode = Node<QueueLaneData, 'queue'>
export type JobNode = Node<JobData, 'job'>
export type CanvasNode = TriggerNode | StepNode | ParallelNode | EndNode | QueueLaneNode | JobNode

export interface FlowEdgeData extends FlowEdgeInfo, Record<string, unknown> {}
export interface SkipEdgeData extends SkipEdgeInfo, Record<string, unknown> {}

export type FlowEdge = Edge<FlowEdgeData, 'flow'>
export type SkipEdge = Edge<SkipEdgeData, 'skip'>
export type DataEdge = Edge<FlowEdgeData, 'data'>
export type CanvasEdge = FlowEdge | SkipEdge | DataEdge

export interface CanvasGraph {
  nodes: CanvasNode[]
  edges: CanvasEdge[]
}

type NodeHandle = NonNullable<Node['handles']>[number]

function handleAt(id: string, type: 'source' | 'target', position: Position, x: number, y: number): NodeHandle {
  const half = HANDLE_SIZE / 2
  return { id, type, position, x: x - half, y: y - half, width: HANDLE_SIZE, height: HANDLE_SIZE }
}

export type HandleSet = 'out' | 'in' | 'through' | 'step' | 'none'

const handleSets = new Map<string, NodeHandle[]>()

/**
 * The handles a node has, at the places React Flow's CSS puts them, declared so
 * that edges draw at once, before the DOM is measured. Nodes of one kind and
 * size share one (read-only) list.
 */
export function handlesFor(set: HandleSet, width: number, height: number): NodeHandle[] {
  const key = `${set}:${width}x${height}`
  let handles = handleSets.get(key)
  if (!handles) {
    handles = makeHandles(set, width, height)
    handleSets.set(key, handles)
  }
  return handles
}

function makeHandles(set: HandleSet, width: number, height: number): NodeHandle[] {
  const top = handleAt(HANDLE.in, 'target', TOP, width / 2, 0)
  const bottom = handleAt(HANDLE.out, 'source', BOTTOM, width / 2, height)
  switch (set) {
    case 'out':
      return [bottom]
    case 'in':
      return [top]
    case 'through':
      return [top, bottom]
    case 'step':
      return [
        top,
        bottom,
        handleAt(HANDLE.dataOut, 'source', LEFT, 0, height * DATA_HANDLE_AT.out),
        handleAt(HANDLE.dataIn, 'target', LEFT, 0, height * DATA_HANDLE_AT.in),
      ]
    case 'none':
      return []
  }
}

export interface NodeOptions {
  handles: HandleSet
  /** The containing node, if any; `box` is then relative to it. */
  parent?: string
  marks?: NodeDiagnostics
  stale?: boolean
  extraClass?: string
  ariaLabel?: string
  /** Neither selectable nor focusable (a queue lane). */
  inert?: boolean
  /** A container (parallel block, queue lane): its size is also set in its style. */
  container?: boolean
  /** Can be dragged to another place (a step, a job card); never while stale. */
  draggable?: boolean
}

/** The tooltip of a node that cannot be edited because its declaration has syntax errors. */
export const READ_ONLY_TITLE = 'Read-only: fix the syntax error first'

/**
 * A node with everything fixed in advance (position, size, measured size,
 * handles), so a node rebuilt after an edit shows at once instead of hiding
 * for a frame while React Flow measures it. Takes ownership of `data` (a fresh
 * object from the caller) and adds the marks to it.
 */
export function fixedNode<T extends CanvasNode>(
  id: string,
  type: T['type'],
  box: Box,
  data: T['data'],
  options: NodeOptions,
): T {
  // Built field by field, without spreads: this runs for every node after every edit.
  const { marks, stale } = options
  let className = `cai-node cai-node-${type}`
  if (marks) {
    className += ` cai-node-${marks.severity}`
    data.severity = marks.severity
  }
  if (stale) {
    className += ' cai-node-stale'
    data.stale = true
  }
  if (options.extraClass) className += ` ${options.extraClass}`
  const node: Node = {
    id,
    type,
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    measured: { width: box.width, height: box.height },
    handles: handlesFor(options.handles, box.width, box.height),
    data,
    className,
    draggable: !!options.draggable && !stale,
    connectable: false,
  }
  if (options.container) node.style = { width: box.width, height: box.height }
  if (options.parent) node.parentId = options.parent
  if (stale || options.inert) {
    node.selectable = false
    node.focusable = false
  }
  if (marks) node.domAttributes = { title: marks.title }
  else if (stale) node.domAttributes = { title: READ_ONLY_TITLE }
  if (options.ariaLabel) node.ariaLabel = options.ariaLabel
  return node as T
}
