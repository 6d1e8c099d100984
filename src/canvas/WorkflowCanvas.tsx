/**
 * The selected workflow as a React Flow graph. A big graph is derived from
 * deferred values, so typing never waits on the canvas; recomputed only when
 * the workflow's object (the incremental parser keeps unchanged ones) or its
 * diagnostics change. A workflow with syntax errors shows its last good
 * picture, greyed and read-only, with a button that jumps to the error.
 */
import { useEffect, useMemo, useRef } from 'react'
import { Panel, ReactFlowProvider } from '@xyflow/react'
import type { Broken, CaiDocument, Diagnostic, Workflow } from '../language/model'
import { designerStore, useDesigner, workflowNames } from '../store/designer'
import { FlowView, Placeholder, onNodeKey } from './FlowView'
import type { CanvasGraph } from './flow-elements'
import { workflowGraph } from './graph'
import { deferRedraw, useDrawnValue, useFirstFit, useKeyed, useSelection, useShared } from './hooks'
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

function WorkflowPicture() {
  // A big picture is drawn from deferred values (all four change in one store update, and the
  // canvas catches up after the text); a small one at once.
  const lastDrawn = useRef(0)
  const defer = deferRedraw(lastDrawn.current)
  const parsed = useDrawnValue(useDesigner((state) => state.parsed), defer)
  const diagnostics = useDrawnValue(useDesigner((state) => state.diagnostics), defer)
  const selectedName = useDrawnValue(useDesigner((state) => state.selectedWorkflow), defer)
  const dataFlow = useDrawnValue(useDesigner((state) => state.view.dataFlow), defer)
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
  const sharedNodes = useShared(graph.nodes, sameNode)
  const edges = useShared(graph.edges, sameEdge)
  const nodes = useSelection(sharedNodes, selectedNodeId)
  useEffect(() => {
    lastDrawn.current = nodes.length
  }, [nodes.length])
  const names = useMemo(() => new Set(workflowNames(parsed.doc)), [parsed])
  useFirstFit(picture?.name, nodes, names)

  const error = broken && firstError(diagnostics, broken)

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
      onKeyDown={onNodeKey}
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
