/**
 * The jobs board as a standalone SVG, as the canvas shows it: one lane per
 * queue (`critical`, `default`, `low_priority`, then other queues in order of
 * first use) and a card per job with its task, schedule in words, next runs
 * and retry policy. Same safety as ./svg.ts.
 */
import type { Job } from '../language/model'
import { queueOf, queueOrder } from '../language/queues'
import { describeRetry } from '../language/retry'
import type { Box } from './layout'
import { scheduleWords } from './schedule'
import { MARGIN, cardLine, rect, svgDocument, text } from './svg'
import { LIGHT_THEME, type DiagramTheme } from './theme'
import { jobNodeId } from './ids'
import { xmlEscape } from './xml'

export const BOARD = {
  card: { width: 270, height: 164 },
  laneInset: 12,
  laneHeader: 36,
  cardGap: 12,
  laneGap: 24,
  runsShown: 3,
} as const

const LANE_WIDTH = BOARD.card.width + 2 * BOARD.laneInset

export interface JobsSvgOptions {
  /** Next runs are counted from this moment. */
  now: Date
  theme?: DiagramTheme
}

export function jobsSvg(jobs: readonly Job[], options: JobsSvgOptions): string {
  const theme = options.theme ?? LIGHT_THEME
  const lanes = queueOrder(jobs.map(queueOf))
  const { card, laneInset, laneHeader, cardGap, laneGap } = BOARD
  const tallest = Math.max(1, ...lanes.map((queue) => jobs.filter((job) => queueOf(job) === queue).length))
  const laneHeight = laneHeader + tallest * (card.height + cardGap) + laneInset - cardGap
  const body: string[] = []
  lanes.forEach((queue, index) => {
    const lane: Box = { x: MARGIN + index * (LANE_WIDTH + laneGap), y: MARGIN, width: LANE_WIDTH, height: laneHeight }
    const inLane = jobs.filter((job) => queueOf(job) === queue)
    const parts = [
      rect(lane, 10, theme.foreground, theme.border, ' fill-opacity="0.03"'),
      cardLine(lane, 23, `${queue === '' ? '""' : queue} · ${inLane.length} ${inLane.length === 1 ? 'job' : 'jobs'}`, { fill: queue === 'critical' ? theme.error : theme.foreground, size: 13, weight: 'bold' }, theme),
    ]
    if (inLane.length === 0) parts.push(text(lane.x + 12, lane.y + laneHeader + 20, 'No jobs', { fill: theme.muted }))
    inLane.forEach((job, k) => {
      const box: Box = { x: lane.x + laneInset, y: lane.y + laneHeader + k * (card.height + cardGap), width: card.width, height: card.height }
      parts.push(jobCard(job, box, options.now, theme))
    })
    body.push(`<g data-queue="${xmlEscape(queue)}">${parts.join('')}</g>`)
  })
  const width = Math.ceil(2 * MARGIN + lanes.length * (LANE_WIDTH + laneGap) - laneGap)
  const height = Math.ceil(2 * MARGIN + laneHeight)
  return svgDocument(width, height, `${jobs.length} ${jobs.length === 1 ? 'job' : 'jobs'}`, theme, body)
}

function jobCard(job: Job, box: Box, now: Date, theme: DiagramTheme): string {
  const schedule = scheduleWords(job.schedule?.value, now, BOARD.runsShown)
  const lines = [
    rect(box, 8, theme.nodeBackground, theme.border),
    cardLine(box, 22, job.name, { fill: theme.foreground, size: 13, weight: 'bold' }, theme),
    cardLine(box, 42, job.task.value, { fill: theme.foreground, mono: true }, theme),
  ]
  let y = 60
  if (job.schedule) {
    lines.push(cardLine(box, y, job.schedule.value, { fill: theme.muted, mono: true }, theme))
    y += 18
  }
  lines.push(cardLine(box, y, schedule.words, { fill: theme.foreground }, theme))
  y += 18
  for (const run of schedule.nextRuns) {
    lines.push(cardLine(box, y, run, { fill: theme.muted, size: 11 }, theme))
    y += 15
  }
  lines.push(cardLine(box, box.height - 10, `↻ ${describeRetry(job.retry, 'job').summary}`, { fill: theme.muted }, theme))
  return `<g data-node="${xmlEscape(jobNodeId(job.name))}" data-kind="job">${lines.join('')}</g>`
}
