/**
 * The selected workflow as React Flow nodes and edges: the headless picture
 * (src/diagram/graph.ts) with the canvas's concerns added: handles, class
 * names, diagnostics marks, stale (read-only) pictures, dragging. No React,
 * no DOM.
 */
import type { Diagnostic, Workflow } from '../language/model'
import { workflowDiagram } from '../diagram/graph'
import type { DiagramEdge, DiagramNode } from '../diagram/elements'
import type { Box, WorkflowLayout } from '../diagram/layout'
import {
  ARROW,
  HANDLE,
  fixedNode,
  type CanvasEdge,
  type CanvasGraph,
  type CanvasNode,
  type EndNode,
  type FlowEdgeData,
  type ParallelNode,
  type StepNode,
  type TriggerNode,
} from './flow-elements'
import { mapDiagnostics, type DiagnosticTarget, type NodeDiagnostics } from './node-diagnostics'

export interface WorkflowGraphOptions {
  /** Add the data-flow overlay: a dotted edge from A to B for each input of B that reads `steps.A.`. */
  dataFlow: boolean
  /** The last good picture of a workflow that now has syntax errors: greyed, read-only. */
  stale?: boolean
}

/** The canvas's graph of `workflow`; `layout` may be passed when the caller already has it. */
export function workflowGraph(
  workflow: Workflow,
  diagnostics: readonly Diagnostic[],
  options: WorkflowGraphOptions,
  layout?: WorkflowLayout,
): CanvasGraph {
  const stale = !!options.stale
  const diagram = workflowDiagram(workflow, { dataFlow: options.dataFlow }, layout)
  const marks: Map<DiagnosticTarget, NodeDiagnostics> = stale ? new Map() : mapDiagnostics(workflow, diagnostics)
  const boxes = new Map<string, Box>()
  const nodes: CanvasNode[] = []
  for (const node of diagram.nodes) {
    boxes.set(node.id, node.box)
    nodes.push(canvasNode(node, workflow.name, marks, stale, node.parent === undefined ? undefined : boxes.get(node.parent)))
  }
  return { nodes, edges: diagram.edges.map(canvasEdge) }
}

function canvasNode(
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

function canvasEdge(edge: DiagramEdge): CanvasEdge {
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
