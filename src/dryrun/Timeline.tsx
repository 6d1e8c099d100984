/**
 * The dry run as a Gantt chart in SVG: one row per step, a bar per attempt,
 * gaps (dashed) for the waits between attempts, the workflow timeout as a
 * line, parallel branches overlapping, and the step-through marker. Colours
 * come from the theme's CSS variables, so it reads in light and dark; the
 * exported file carries the colours resolved at export.
 */
import { forwardRef } from 'react'
import { formatSpan } from '../runtime/summary'
import type { Trace } from '../runtime/trace'

const ROW = 26
const LABEL = 190
const PLOT = 620
const TOP = 28

/** The time shown across the chart: the run, and the timeout when it is near enough to see. */
export function timelineDomain(trace: Trace): number {
  const run = Math.max(trace.durationMs, 1)
  return trace.timeoutMs <= run * 1.5 ? trace.timeoutMs : run * 1.1
}

interface TimelineProps {
  trace: Trace
  atMs: number | null
  stale: boolean
}

export const Timeline = forwardRef<SVGSVGElement, TimelineProps>(function Timeline({ trace, atMs, stale }, ref) {
  const domain = timelineDomain(trace)
  const x = (ms: number) => LABEL + (Math.min(ms, domain) / domain) * PLOT
  const height = TOP + trace.steps.length * ROW + 20
  const timeoutVisible = trace.timeoutMs <= domain
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * domain)
  return (
    <svg
      ref={ref}
      data-testid="timeline"
      className={stale ? 'cai-timeline cai-dryrun-stale' : 'cai-timeline'}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${LABEL + PLOT + 20} ${height}`}
      width={LABEL + PLOT + 20}
      height={height}
      role="img"
      aria-label={`Timeline of ${trace.workflow}: ${trace.summary}`}
    >
      {ticks.map((tick) => (
        <g key={tick} className="cai-timeline-tick">
          <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 16} />
          <text x={x(tick)} y={TOP - 10} textAnchor="middle">
            {formatSpan(tick)}
          </text>
        </g>
      ))}
      {trace.steps.map((step, row) => {
        const y = TOP + row * ROW
        return (
          <g key={step.name} className="cai-timeline-row" data-step={step.name} data-outcome={step.outcome}>
            <text className="cai-timeline-label" x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {step.parallel ? `∥ ${step.name}` : step.name}
            </text>
            {step.waits.map((wait) => (
              <line
                key={`w${wait.beforeAttempt}`}
                className="cai-timeline-wait"
                x1={x(wait.startMs)}
                x2={x(wait.endMs)}
                y1={y + ROW / 2}
                y2={y + ROW / 2}
              >
                <title>{`${step.name}: wait ${formatSpan(wait.endMs - wait.startMs)} before attempt ${wait.beforeAttempt}`}</title>
              </line>
            ))}
            {step.attempts.map((attempt) => (
              <rect
                key={attempt.number}
                className={`cai-attempt cai-attempt-${attempt.result}`}
                data-step={step.name}
                data-attempt={attempt.number}
                x={x(attempt.startMs)}
                y={y + 5}
                width={Math.max(2, x(attempt.endMs) - x(attempt.startMs))}
                height={ROW - 10}
                rx={3}
              >
                <title>{`${step.name} attempt ${attempt.number}: ${formatSpan(attempt.startMs)} to ${formatSpan(attempt.endMs)}, ${attempt.result}`}</title>
              </rect>
            ))}
            {step.attempts.length === 0 && (
              <text className="cai-timeline-note" x={step.startMs === undefined ? LABEL + 4 : x(step.startMs) + 4} y={y + ROW / 2 + 4}>
                {step.outcome === 'skipped' ? 'skipped' : 'not reached'}
              </text>
            )}
          </g>
        )
      })}
      {timeoutVisible ? (
        <g className="cai-timeline-timeout">
          <line x1={x(trace.timeoutMs)} x2={x(trace.timeoutMs)} y1={TOP - 6} y2={height - 16} />
          <text x={x(trace.timeoutMs) - 4} y={height - 4} textAnchor="end">{`timeout ${formatSpan(trace.timeoutMs)}`}</text>
        </g>
      ) : (
        <text className="cai-timeline-note" x={LABEL + PLOT} y={height - 4} textAnchor="end">{`timeout ${formatSpan(trace.timeoutMs)}, beyond the chart`}</text>
      )}
      {atMs !== null && <line className="cai-timeline-marker" data-testid="timeline-marker" x1={x(atMs)} x2={x(atMs)} y1={TOP - 6} y2={height - 16} />}
    </svg>
  )
})

/** The chart as a standalone SVG file: the theme's colours resolved, all text escaped by the serializer. */
export function exportTimeline(svg: SVGSVGElement): string {
  const style = getComputedStyle(svg)
  const colour = (name: string) => style.getPropertyValue(name).trim() || '#888'
  const copy = svg.cloneNode(true) as SVGSVGElement
  const css = document.createElementNS('http://www.w3.org/2000/svg', 'style')
  css.textContent = [
    `text { font: 12px sans-serif; fill: ${colour('--cai-fg')} }`,
    `.cai-timeline-tick line { stroke: ${colour('--cai-border')} }`,
    `.cai-attempt-succeeded { fill: ${colour('--cai-run-ok')} }`,
    `.cai-attempt-failed, .cai-attempt-activity-timeout { fill: ${colour('--cai-error')} }`,
    `.cai-attempt-cut { fill: ${colour('--cai-warning')} }`,
    `.cai-timeline-wait { stroke: ${colour('--cai-muted')}; stroke-dasharray: 4 3 }`,
    `.cai-timeline-timeout line { stroke: ${colour('--cai-error')}; stroke-width: 2 }`,
    `.cai-timeline-marker { stroke: ${colour('--cai-accent')}; stroke-width: 2 }`,
  ].join('\n')
  copy.insertBefore(css, copy.firstChild)
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect')
  background.setAttribute('width', '100%')
  background.setAttribute('height', '100%')
  background.setAttribute('fill', colour('--cai-bg'))
  copy.insertBefore(background, css.nextSibling)
  return new XMLSerializer().serializeToString(copy)
}
