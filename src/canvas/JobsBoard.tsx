/**
 * The jobs view: one lane per queue, one card per job (node id `@job/<name>`),
 * each with its task, schedule in words, next three runs and retry policy.
 */
import '@xyflow/react/dist/style.css'
import './canvas.css'
import { useCallback, useDeferredValue, useMemo, type KeyboardEvent } from 'react'
import { ReactFlowProvider } from '@xyflow/react'
import type { Broken, Job, TopItem, Workflow } from '../language/model'
import { useDesigner } from '../store/designer'
import { useFirstFit, useKeyed, useSelection, useShallowStable, useShared } from './hooks'
import { jobsGraph } from './jobs'
import { diagnosticsKey, diagnosticsWithinAny } from './node-diagnostics'
import { FlowView, Placeholder, onNodeKey } from './WorkflowCanvas'

const BOARD_KEY = '@jobs'
const BOARD_KEYS: ReadonlySet<string> = new Set([BOARD_KEY])

const isJobItem = (item: TopItem): item is Job | Broken =>
  item.kind === 'job' || (item.kind === 'broken' && item.declaration === 'job')

function JobsPicture() {
  const parsed = useDeferredValue(useDesigner((state) => state.parsed))
  const diagnostics = useDeferredValue(useDesigner((state) => state.diagnostics))
  const lastGood = useDeferredValue(useDesigner((state) => state.lastGood))
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
  const graph = useMemo(
    () => jobsGraph(items, stableDiagnostics, lastGood, { now: new Date() }),
    // `lastGood` matters only through `goodJobs`.
    [items, stableDiagnostics, goodJobs],
  )
  const nodes = useSelection(useShared(graph.nodes), selectedNodeId)
  useFirstFit(BOARD_KEY, nodes, BOARD_KEYS)
  const onKeyDown = useCallback((event: KeyboardEvent) => onNodeKey(event), [])

  return (
    <div className="cai-canvas cai-jobs" data-testid="jobs" onKeyDown={onKeyDown}>
      {items.length === 0 && (
        <Placeholder>No jobs in this file. A job looks like: job name {'{'} schedule "0 * * * *" task "x.y" {'}'}</Placeholder>
      )}
      <FlowView nodes={nodes} edges={graph.edges} readOnly={false} colorMode={colorMode} />
    </div>
  )
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
