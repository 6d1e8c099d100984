/**
 * The picture of a workflow as plain data: nodes with absolute boxes and
 * edges with their kind and labels. The canvas turns it into React Flow
 * nodes; the SVG writer draws it. No React, no DOM.
 *
 * Node and edge infos are type aliases, not interfaces, so the canvas can
 * hand them to React Flow as node data (an index-signature type).
 */
import type { Parallel, Step, TriggerType } from '../language/model'
import type { Box } from './layout'

export type TriggerInfo = {
  workflow: string
  type: TriggerType
  /** The event name or cron expression as written. */
  value?: string
  /** A schedule in words. */
  words?: string
}

export type StepInfo = {
  name: string
  activity?: string
  inputs: number
  condition?: string
  /** The workflow's retry policy: badge text ("↻ 3") and its explanation. */
  retryBadge?: string
  retryTitle?: string
}

export type ParallelInfo = {
  index: number
  branches: number
}

export type EndInfo = {
  timeout?: string
  /** The timeout in words, when it is a valid duration. */
  timeoutWords?: string
}

interface NodeBase {
  id: string
  /** Absolute, in the workflow's coordinates (x = 0 is the centre line). */
  box: Box
  /** The containing node (a parallel block), if any. */
  parent?: string
}

export type DiagramNode =
  | (NodeBase & { kind: 'trigger'; info: TriggerInfo })
  | (NodeBase & { kind: 'step'; info: StepInfo; step: Step })
  | (NodeBase & { kind: 'parallel'; info: ParallelInfo; block: Parallel; lanes: Box[] })
  | (NodeBase & { kind: 'end'; info: EndInfo })

export type EdgeLabel = {
  /** Shown on the edge (truncated); `title` holds the full text. */
  label?: string
  title?: string
}

export type FlowEdgeInfo = EdgeLabel & {
  /** One of several edges leaving one node (`out`) or entering one node (`in`). */
  fan?: 'out' | 'in'
  /** The edge leads into a conditional step. */
  condition?: boolean
}

export type SkipEdgeInfo = EdgeLabel & {
  /** The x of the bypass's vertical run, right of what it goes around. */
  laneX: number
  /** Moves the label down, so labels of neighbouring bypasses do not cover each other. */
  labelShift: number
  /** The full condition of the step it bypasses. */
  condition: string
}

interface EdgeBase {
  id: string
  source: string
  target: string
}

export type DiagramEdge =
  | (EdgeBase & { kind: 'flow'; info: FlowEdgeInfo })
  | (EdgeBase & { kind: 'skip'; info: SkipEdgeInfo })
  | (EdgeBase & { kind: 'data'; info: EdgeLabel })

export interface Diagram {
  nodes: DiagramNode[]
  edges: DiagramEdge[]
}
