/**
 * The jobs view: one lane per queue, one card per job (node id `@job/<name>`),
 * each with its task, schedule in words, next three runs and retry policy.
 */
import { useEffect, useMemo, useRef } from 'react'
import { ReactFlowProvider } from '@xyflow/react'
import type { Broken, Job, TopItem, Workflow } from '../language/model'
import { useDesigner } from '../store/designer'
import { deferRedraw, useDrawnValue, useFirstFit, useKeyed, useMinute, useSelection, useShallowStable, useShared } from './hooks'
import { jobsGraph } from './jobs'
import { sameNode } from './reuse'
import { diagnosticsKey, diagnosticsWithinAny } from './node-diagnostics'
import { FlowView, Placeholder, onNodeKey } from './FlowView'

const BOARD_KEY = '@jobs'
const BOARD_KEYS: ReadonlySet<string> = new Set([BOARD_KEY])

const isJobItem = (item: TopItem): item is Job | Broken =>
  item.kind === 'job' || (item.kind === 'broken' && item.declaration === 'job')

function JobsPicture() {
  const lastDrawn = useRef(0)
  const defer = deferRedraw(lastDrawn.current)
  const parsed = useDrawnValue(useDesigner((state) => state.parsed), defer)
  const diagnostics = useDrawnValue(useDesigner((state) => state.diagnostics), defer)
  const lastGood = useDrawnValue(useDesigner((state) => state.lastGood), defer)
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
  const minute = useMinute()
  const graph = useMemo(
    () => jobsGraph(items, stableDiagnostics, lastGood, { now: new Date(minute) }),
    // `lastGood` matters only through `goodJobs`.
    [items, stableDiagnostics, goodJobs, minute],
  )
  const nodes = useSelection(useShared(graph.nodes, sameNode), selectedNodeId)
  useEffect(() => {
    lastDrawn.current = nodes.length
  }, [nodes.length])
  useFirstFit(BOARD_KEY, nodes, BOARD_KEYS)

  return (
    <div className="cai-canvas cai-jobs" data-testid="jobs" onKeyDown={onNodeKey}>
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
