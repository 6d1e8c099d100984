/**
 * Series-parallel layout of a workflow, by hand and deterministic: the same
 * workflow always gets the same boxes. Flow runs top to bottom along one
 * centre line (x = 0): the trigger, then each entry of `steps` in order (a
 * step, or a parallel block whose branches sit side by side in lanes), then
 * the end node. Every box has a fixed size, so nothing waits on measuring.
 */
import type { Parallel, Step, Workflow } from '../language/model'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export const SIZES = {
  trigger: { width: 260, height: 84 },
  step: { width: 240, height: 84 },
  end: { width: 220, height: 56 },
  /** Vertical room between rows: enough for an edge label. */
  rowGap: 64,
  /** A parallel block: title bar, padding around the lanes, gap between lanes. */
  groupHeader: 30,
  groupPadding: 12,
  laneGap: 12,
  /** Room between a lane's border and its step. */
  laneInset: 10,
  /** Distance of a "skip" bypass from the right side of what it goes around. */
  skipMargin: 28,
} as const

export const LANE_WIDTH = SIZES.step.width + 2 * SIZES.laneInset
const LANE_HEIGHT = SIZES.step.height + 2 * SIZES.laneInset

export interface StepRow {
  kind: 'step'
  step: Step
  box: Box
}

export interface ParallelRow {
  kind: 'parallel'
  block: Parallel
  /** Index among the workflow's parallel blocks, from 0 (the node id uses it). */
  index: number
  box: Box
  /** One lane per branch, absolute. */
  lanes: Box[]
  /** Each branch's step box, absolute. */
  branches: StepRow[]
}

export type Row = StepRow | ParallelRow

export interface WorkflowLayout {
  trigger: Box
  rows: Row[]
  end: Box
}

/** A parallel block's size: lanes side by side, or room for one lane when it is empty. */
export function parallelSize(branchCount: number): { width: number; height: number } {
  const lanes = Math.max(1, branchCount)
  return {
    width: 2 * SIZES.groupPadding + lanes * LANE_WIDTH + (lanes - 1) * SIZES.laneGap,
    height: SIZES.groupHeader + LANE_HEIGHT + SIZES.groupPadding,
  }
}

/** A lane's box relative to its parallel block. */
export function laneBox(laneIndex: number): Box {
  return {
    x: SIZES.groupPadding + laneIndex * (LANE_WIDTH + SIZES.laneGap),
    y: SIZES.groupHeader,
    width: LANE_WIDTH,
    height: LANE_HEIGHT,
  }
}

function centred(size: { width: number; height: number }, y: number): Box {
  return { x: -size.width / 2, y, width: size.width, height: size.height }
}

export function layoutWorkflow(workflow: Workflow): WorkflowLayout {
  const trigger = centred(SIZES.trigger, 0)
  let y = trigger.height + SIZES.rowGap
  let parallelIndex = 0
  const rows: Row[] = []
  for (const entry of workflow.steps.items) {
    if (entry.kind === 'step') {
      const box = centred(SIZES.step, y)
      rows.push({ kind: 'step', step: entry, box })
      y += box.height + SIZES.rowGap
      continue
    }
    const box = centred(parallelSize(entry.branches.length), y)
    const lanes: Box[] = []
    const branches: StepRow[] = []
    entry.branches.forEach((step, i) => {
      const lane = laneBox(i)
      const absolute = { ...lane, x: box.x + lane.x, y: box.y + lane.y }
      lanes.push(absolute)
      branches.push({
        kind: 'step',
        step,
        box: {
          x: absolute.x + SIZES.laneInset,
          y: absolute.y + SIZES.laneInset,
          width: SIZES.step.width,
          height: SIZES.step.height,
        },
      })
    })
    rows.push({ kind: 'parallel', block: entry, index: parallelIndex++, box, lanes, branches })
    y += box.height + SIZES.rowGap
  }
  return { trigger, rows, end: centred(SIZES.end, y) }
}

export function rightOf(box: Box): number {
  return box.x + box.width
}
