/**
 * One diagram node or edge (src/diagram) as React Flow's: handles, class
 * names, diagnostics marks, stale (read-only) pictures, dragging; and whether
 * one already built is what it would be now. No React, no DOM.
 */
import type { DiagramEdge, DiagramNode } from '../diagram/elements'
import type { Box } from '../diagram/layout'
import {
  ARROW,
  HANDLE,
  READ_ONLY_TITLE,
  fixedNode,
  type CanvasEdge,
  type CanvasNode,
  type EndNode,
  type FlowEdgeData,
  type ParallelNode,
  type StepNode,
  type TriggerNode,
} from './flow-elements'
import type { DiagnosticTarget, NodeDiagnostics } from './node-diagnostics'
import { plainEqual } from './reuse'

/** `before` if it is what canvasNode would build for the step `node` now; field by field, without building it. */
export function keptStepNode(
  before: CanvasNode,
  node: DiagramNode & { kind: 'step' },
  parentBox: Box | undefined,
  marks: NodeDiagnostics | undefined,
  stale: boolean,
): CanvasNode | undefined {
  if (before.type !== 'step' || before.id !== node.id || before.parentId !== node.parent || before.draggable !== !stale) return undefined
  const { box, info } = node
  const data = before.data
  const fits =
    before.position.x === box.x - (parentBox?.x ?? 0) &&
    before.position.y === box.y - (parentBox?.y ?? 0) &&
    before.width === box.width &&
    before.height === box.height &&
    data.name === info.name &&
    data.activity === info.activity &&
    data.inputs === info.inputs &&
    data.condition === info.condition &&
    data.retryBadge === info.retryBadge &&
    data.retryTitle === info.retryTitle &&
    data.severity === marks?.severity &&
    before.domAttributes?.title === (marks?.title ?? (stale ? READ_ONLY_TITLE : undefined))
  return fits ? before : undefined
}

/** Whether `before` is what canvasEdge builds for `edge`: the same ends and the same data. */
export function sameDiagramEdge(before: CanvasEdge, edge: DiagramEdge): boolean {
  if (before.id !== edge.id || before.source !== edge.source || before.target !== edge.target) return false
  if (edge.kind === 'flow') {
    const data = before.data as Record<string, unknown>
    // canvasEdge's flow data: the label and title, and the fan; the condition shows in the class.
    const { condition, fan, label, title } = edge.info
    return before.type === 'flow' && data.label === label && data.title === title && data.fan === fan && before.className!.includes(' cai-edge-condition') === !!condition
  }
  return before.type === edge.kind && plainEqual(before.data, edge.info)
}

export function canvasNode(
  node: DiagramNode,
  workflow: string,
  marks: Map<DiagnosticTarget, NodeDiagnostics>,
  stale: boolean,
  parentBox: Box | undefined,
): CanvasNode {
  switch (node.kind) {
    case 'trigger':
      return fixedNode<TriggerNode>(node.id, 'trigger', node.box, node.info, {
        handles: 'out',
        marks: marks.get('trigger'),
        stale,
        ariaLabel: `Trigger of ${workflow}: ${node.info.type}`,
      })
    case 'step': {
      // Children are placed relative to their container.
      const box = parentBox ? { ...node.box, x: node.box.x - parentBox.x, y: node.box.y - parentBox.y } : node.box
      return fixedNode<StepNode>(node.id, 'step', box, node.info, {
        handles: 'step',
        parent: node.parent,
        marks: marks.get(node.step),
        stale,
        extraClass: node.step.condition ? 'cai-node-conditional' : undefined,
        ariaLabel: `Step ${node.info.name}`,
        draggable: true,
      })
    }
    case 'parallel':
      return fixedNode<ParallelNode>(node.id, 'parallel', node.box, node.info, {
        handles: 'through',
        marks: marks.get(node.block),
        stale,
        container: true,
        ariaLabel: `Parallel block ${node.info.index + 1} with ${node.info.branches} branches`,
      })
    case 'end':
      return fixedNode<EndNode>(node.id, 'end', node.box, node.info, {
        handles: 'in',
        marks: marks.get('end'),
        stale,
        ariaLabel: `End of ${workflow}`,
      })
  }
}

export function canvasEdge(edge: DiagramEdge): CanvasEdge {
  const ends = { source: edge.source, target: edge.target, sourceHandle: HANDLE.out, targetHandle: HANDLE.in, markerEnd: ARROW }
  switch (edge.kind) {
    case 'flow': {
      const { condition, fan, label, title } = edge.info
      const data: FlowEdgeData = label === undefined ? {} : { label, title }
      let className = 'cai-edge-flow'
      if (fan) {
        className += ` cai-edge-fan-${fan}`
        data.fan = fan
      }
      if (condition) className += ' cai-edge-condition'
      return { id: edge.id, type: 'flow', ...ends, className, data }
    }
    case 'skip':
      return { id: edge.id, type: 'skip', ...ends, className: 'cai-edge-skip', data: edge.info }
    case 'data':
      return {
        id: edge.id,
        type: 'data',
        ...ends,
        sourceHandle: HANDLE.dataOut,
        targetHandle: HANDLE.dataIn,
        className: 'cai-edge-data',
        data: edge.info,
      }
  }
}
