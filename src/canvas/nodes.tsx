/**
 * The canvas's node components. Memoised, defined once at module level (React
 * Flow re-mounts every node when `nodeTypes` changes identity). All text is
 * rendered as React text, never as HTML.
 */
import { memo, type CSSProperties, type MouseEvent } from 'react'
import { Position, type NodeProps, type NodeTypes } from '@xyflow/react'
import type { Severity } from '../language/model'
import { designerStore } from '../store/designer'
import { useRuntime, type StepRunMark } from '../store/runtime'
import {
  DATA_HANDLE_AT,
  HANDLE,
  type EndNode,
  type JobNode,
  type ParallelNode,
  type QueueLaneNode,
  type StepNode,
  type TriggerNode,
} from './flow-elements'
import { EndIcon, ParallelIcon, TriggerIcon } from './icons'
import { ScheduleLines } from './job-schedule'
import { laneBox } from '../diagram/layout'

const SEVERITY_MARK: Record<Severity, { symbol: string; label: string }> = {
  error: { symbol: '✕', label: 'Has errors' },
  warning: { symbol: '!', label: 'Has warnings' },
  info: { symbol: 'i', label: 'Has notes' },
}

function SeverityBadge({ severity }: { severity?: Severity }) {
  if (!severity) return null
  const { symbol, label } = SEVERITY_MARK[severity]
  return (
    <span className={`cai-badge cai-badge-${severity}`} role="img" aria-label={label}>
      {symbol}
    </span>
  )
}

/**
 * A line's tooltip: its full text, unless the node has diagnostics; then the
 * node's own tooltip (its messages) shows wherever the pointer is on it.
 */
function fullText(data: { severity?: Severity }, text: string | undefined): string | undefined {
  return data.severity ? undefined : text
}

/**
 * Where an edge meets a node, as React Flow measures it (its handle classes,
 * handle id and side), without React Flow's <Handle>: nothing is connected by
 * hand here, and each <Handle> subscribes to React Flow's store twice, which
 * every change of the picture then re-checks (four anchors a step, so most of
 * a keystroke's store checks).
 */
function Anchor({ id, type, position, style }: { id: string; type: 'source' | 'target'; position: Position; style?: CSSProperties }) {
  return <div className={`react-flow__handle react-flow__handle-${position} ${type}`} data-handleid={id} data-handlepos={position} style={style} />
}

const FlowIn = () => <Anchor type="target" position={Position.Top} id={HANDLE.in} />
const FlowOut = () => <Anchor type="source" position={Position.Bottom} id={HANDLE.out} />

const DATA_OUT_PLACE: CSSProperties = { top: `${DATA_HANDLE_AT.out * 100}%` }
const DATA_IN_PLACE: CSSProperties = { top: `${DATA_HANDLE_AT.in * 100}%` }

const TRIGGER_TITLES = { event: 'Event', schedule: 'Schedule', manual: 'Manual' } as const

export const TriggerNodeView = memo(function TriggerNodeView({ data }: NodeProps<TriggerNode>) {
  return (
    <>
      <div className="cai-card cai-trigger" data-kind="trigger" data-trigger={data.type}>
        <div className="cai-card-head">
          <TriggerIcon type={data.type} />
          <span className="cai-card-title">{TRIGGER_TITLES[data.type]} trigger</span>
          <SeverityBadge severity={data.severity} />
        </div>
        {data.type === 'manual' ? (
          <div className="cai-card-line cai-muted">Started on demand</div>
        ) : (
          <div className="cai-card-line cai-mono" title={fullText(data, data.value)}>
            {data.value}
          </div>
        )}
        {data.words && (
          <div className="cai-card-line cai-muted cai-schedule-words" title={fullText(data, data.words)}>
            {data.words}
          </div>
        )}
      </div>
      <FlowOut />
    </>
  )
})

/** Dry-run hook: a step node's outcome as a class (`cai-run-ran`, `cai-run-retried`, ...), styled by src/dryrun. */
function runClass(run: StepRunMark | undefined): string {
  if (!run) return ''
  const outcome = run.outcome === 'ran' && run.attempts > 1 ? 'retried' : run.outcome
  return ` cai-run-${outcome}${run.active ? ' cai-run-active' : ''}`
}

export const StepNodeView = memo(function StepNodeView({ data }: NodeProps<StepNode>) {
  const run = useRuntime((state) => state.dryRunOutcomes?.[data.name])
  return (
    <>
      <FlowIn />
      <div className={`cai-card cai-step${runClass(run)}`} data-kind="step" data-run={run?.outcome}>
        <div className="cai-card-head">
          <span className="cai-card-title" title={fullText(data, data.name)}>
            {data.name}
          </span>
          <SeverityBadge severity={data.severity} />
        </div>
        <div
          className={data.activity === undefined ? 'cai-card-line cai-missing' : 'cai-card-line cai-mono'}
          title={fullText(data, data.activity)}
        >
          {data.activity ?? 'no activity'}
        </div>
        <div className="cai-card-badges">
          <span className="cai-badge cai-badge-inputs">
            {data.inputs} {data.inputs === 1 ? 'input' : 'inputs'}
          </span>
          {data.condition !== undefined && (
            <span className="cai-badge cai-badge-if" title={`if ${data.condition}`}>
              if
            </span>
          )}
          {data.retryBadge && (
            <span className="cai-badge cai-badge-retry" title={data.retryTitle}>
              {data.retryBadge}
            </span>
          )}
          {run && <span className="cai-run-label" data-testid="run-label">{`${run.outcome.replace('-', ' ')}: ${run.label}`}</span>}
        </div>
      </div>
      <FlowOut />
      <Anchor type="source" position={Position.Left} id={HANDLE.dataOut} style={DATA_OUT_PLACE} />
      <Anchor type="target" position={Position.Left} id={HANDLE.dataIn} style={DATA_IN_PLACE} />
    </>
  )
})

export const ParallelNodeView = memo(function ParallelNodeView({ data }: NodeProps<ParallelNode>) {
  const lanes = Array.from({ length: data.branches }, (_, index) => laneBox(index))
  return (
    <>
      <FlowIn />
      <div className="cai-parallel" data-kind="parallel" data-branches={data.branches}>
        <div className="cai-parallel-head">
          <ParallelIcon />
          <span>
            parallel · {data.branches} {data.branches === 1 ? 'branch' : 'branches'}
          </span>
          <SeverityBadge severity={data.severity} />
        </div>
        {lanes.map((lane, index) => (
          <div
            key={index}
            className="cai-lane"
            data-lane={index}
            style={{ left: lane.x, top: lane.y, width: lane.width, height: lane.height }}
          />
        ))}
        {data.branches === 0 && <div className="cai-parallel-empty">Empty parallel block</div>}
      </div>
      <FlowOut />
    </>
  )
})

export const EndNodeView = memo(function EndNodeView({ data }: NodeProps<EndNode>) {
  let timeout = 'No timeout'
  if (data.timeout !== undefined) {
    timeout = data.timeoutWords ? `Times out after ${data.timeoutWords}` : `Timeout "${data.timeout}" is not a valid duration`
  }
  return (
    <>
      <FlowIn />
      <div className="cai-card cai-end" data-kind="end">
        <div className="cai-card-head">
          <EndIcon />
          <span className="cai-card-title">End</span>
          <SeverityBadge severity={data.severity} />
        </div>
        <div className="cai-card-line cai-muted cai-timeout" title={fullText(data, data.timeout)}>
          {timeout}
        </div>
      </div>
    </>
  )
})

export const QueueLaneView = memo(function QueueLaneView({ data }: NodeProps<QueueLaneNode>) {
  return (
    <div className="cai-queue" data-kind="queue" data-queue={data.queue}>
      <div className="cai-queue-head">
        <span className="cai-card-title">{data.queue === '' ? '""' : data.queue}</span>
        <span className="cai-muted">
          {data.jobs} {data.jobs === 1 ? 'job' : 'jobs'}
        </span>
        {!data.known && <span className="cai-badge cai-badge-info">custom queue</span>}
      </div>
      {data.jobs === 0 && <div className="cai-queue-empty cai-muted">No jobs</div>}
    </div>
  )
})

function revealError(event: MouseEvent, error: { start: number; end: number }) {
  // The card itself must not take the click: the button jumps to the error instead.
  event.stopPropagation()
  designerStore().getState().revealSpan({ start: error.start, end: error.end }, true)
}

export const JobCardView = memo(function JobCardView({ data }: NodeProps<JobNode>) {
  const neverParsed = data.stale && data.task === ''
  return (
    <div className="cai-card cai-job" data-kind="job">
      <div className="cai-card-head">
        <span className="cai-card-title" title={fullText(data, data.name)}>
          {data.name}
        </span>
        <SeverityBadge severity={data.severity} />
        {data.error && (
          <button type="button" className="cai-error-badge nodrag nopan" onClick={(event) => revealError(event, data.error!)}>
            Syntax error — line {data.error.line}
          </button>
        )}
      </div>
      {neverParsed ? (
        <div className="cai-card-line cai-muted">Not parsed yet: fix the syntax error to see this job.</div>
      ) : (
        <>
          <div className="cai-card-line cai-mono" title={fullText(data, data.task)}>
            {data.task}
          </div>
          {data.schedule !== undefined && (
            <div className="cai-card-line cai-mono cai-muted" title={fullText(data, data.schedule)}>
              {data.schedule}
            </div>
          )}
          <ScheduleLines schedule={data.schedule} titled={!data.severity} />
          <div className="cai-card-line cai-muted cai-retry" title={fullText(data, data.retry)}>
            ↻ {data.retry}
          </div>
        </>
      )}
    </div>
  )
})

export const nodeTypes: NodeTypes = {
  trigger: TriggerNodeView,
  step: StepNodeView,
  parallel: ParallelNodeView,
  end: EndNodeView,
  queue: QueueLaneView,
  job: JobCardView,
}
