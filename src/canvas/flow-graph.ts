/**
 * The selected workflow as React Flow nodes and edges: the headless picture
 * (src/diagram/graph.ts) with the canvas's concerns added (canvas-nodes.ts),
 * made from the last graph where an edit allows (edited-graph.ts). No React,
 * no DOM.
 */
import type { Diagnostic, Workflow } from '../language/model'
import { workflowDiagram } from '../diagram/graph'
import { layoutWorkflow, type Box, type WorkflowLayout } from '../diagram/layout'
import { canvasEdge, canvasNode, keptStepNode, sameDiagramEdge } from './canvas-nodes'
import { editedGraph, type GraphSource } from './edited-graph'
import type { CanvasGraph, CanvasNode } from './flow-elements'
import { mapDiagnostics, type DiagnosticTarget, type NodeDiagnostics } from './node-diagnostics'

export interface WorkflowGraphOptions {
  /** Add the data-flow overlay: a dotted edge from A to B for each input of B that reads `steps.A.`. */
  dataFlow: boolean
  /** The last good picture of a workflow that now has syntax errors: greyed, read-only. */
  stale?: boolean
}

/**
 * The canvas's graph of `workflow`; `layout` may be passed when the caller
 * already has it. `previous`, the graph last built for the picture, lends
 * its step nodes and edges where they are unchanged: after a keystroke in
 * one step of 10,000 the others are not built again, and keep their objects.
 */
export function workflowGraph(
  workflow: Workflow,
  diagnostics: readonly Diagnostic[],
  options: WorkflowGraphOptions,
  layout?: WorkflowLayout,
  previous?: CanvasGraph,
): CanvasGraph {
  const stale = !!options.stale
  layout ??= layoutWorkflow(workflow)
  const marks: Map<DiagnosticTarget, NodeDiagnostics> = stale ? new Map() : mapDiagnostics(workflow, diagnostics)
  const source: GraphSource = { workflow, layout, dataFlow: options.dataFlow, stale, marks }
  const last = previous && builtFrom.get(previous)
  const edited = previous && last && editedGraph(source, previous, last)
  if (edited) {
    builtFrom.set(edited, source)
    return edited
  }
  const diagram = workflowDiagram(workflow, { dataFlow: options.dataFlow }, layout)
  /** The containers' boxes: children are placed relative to them. */
  const boxes = new Map<string, Box>()
  const nodes: CanvasNode[] = []
  // Compared by position in the list: an edit that adds or removes a node ends the reuse at that node.
  const before = previous?.nodes ?? []
  for (let i = 0; i < diagram.nodes.length; i++) {
    const node = diagram.nodes[i]
    if (node.kind === 'parallel') boxes.set(node.id, node.box)
    const parentBox = node.parent === undefined ? undefined : boxes.get(node.parent)
    const kept = node.kind === 'step' && i < before.length ? keptStepNode(before[i], node, parentBox, marks.get(node.step), stale) : undefined
    nodes.push(kept ?? canvasNode(node, workflow.name, marks, stale, parentBox))
  }
  const edgesBefore = previous?.edges ?? []
  const edges = diagram.edges.map((edge, i) => (i < edgesBefore.length && sameDiagramEdge(edgesBefore[i], edge) ? edgesBefore[i] : canvasEdge(edge)))
  const graph = { nodes, edges }
  builtFrom.set(graph, source)
  return graph
}

/** What each graph was built from: the next keystroke's graph may be the last one with one entry redone. */
const builtFrom = new WeakMap<CanvasGraph, GraphSource>()
