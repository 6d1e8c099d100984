/**
 * Where a dragged step or palette item would land, from the pointer's place in
 * flow coordinates and the workflow's layout (pure: no React, no DOM). Zones:
 * - between two rows (the trigger, each step or parallel block, the end):
 *   the gap of the sequence there; over a step's upper or lower half, the gap
 *   above or below it;
 * - over a step's left or right quarter, or just beside it: "beside" that step
 *   (the two then run in parallel);
 * - over a parallel block: the gap between its lanes nearest the pointer;
 * - anywhere else (above the trigger, below the end, far to the side): nothing
 *   (for a new item from the palette, with `orEnd`: the end of the flow).
 * Each landing comes with a marker: where the insertion line is drawn.
 */
import type { Workflow } from '../language/model'
import type { Landing } from '../language/operations/compose'
import { placeOfStep } from '../actions/targets'
import { SIZES, layoutWorkflow, type Box, type WorkflowLayout } from '../diagram/layout'

/** How far beside a step (or to the side of the flow) a drop still counts. */
const SIDE_REACH = 120
/** The share of a step's width, on either side, that means "beside it". */
const BESIDE_SHARE = 0.25
const MARKER_THICKNESS = 4

export interface DropMarker {
  /** Absolute flow coordinates. */
  box: Box
  orientation: 'horizontal' | 'vertical'
}

export interface DropTarget {
  landing: Landing
  marker: DropMarker
}

export interface Point {
  x: number
  y: number
}

export interface DropOptions {
  /** What is dropped: a parallel block lands only in the sequence (blocks do not nest). */
  dropping: 'step' | 'parallel'
  /** The step being moved, if any: places that would leave it where it is are no target. */
  moving?: string
  /** A new item dropped where nothing else is allowed goes at the end of the flow. */
  orEnd?: boolean
}

const bottom = (box: Box) => box.y + box.height
const right = (box: Box) => box.x + box.width
const inside = (box: Box, point: Point) => point.x >= box.x && point.x <= right(box) && point.y >= box.y && point.y <= bottom(box)

function horizontal(y: number, width: number): DropMarker {
  return { box: { x: -width / 2, y: y - MARKER_THICKNESS / 2, width, height: MARKER_THICKNESS }, orientation: 'horizontal' }
}

function vertical(x: number, top: number, height: number): DropMarker {
  return { box: { x: x - MARKER_THICKNESS / 2, y: top, width: MARKER_THICKNESS, height }, orientation: 'vertical' }
}

/** The boxes of the flow, top to bottom: trigger, each row, end. */
function column(layout: WorkflowLayout): Box[] {
  return [layout.trigger, ...layout.rows.map((row) => row.box), layout.end]
}

/** The gap before entry `index`, with its marker midway between the boxes around it. */
function gap(workflow: Workflow, boxes: Box[], index: number): DropTarget {
  const above = boxes[index]
  const below = boxes[index + 1]
  return {
    landing: { kind: 'flow', position: { workflow: workflow.name, index } },
    marker: horizontal((bottom(above) + below.y) / 2, SIZES.step.width),
  }
}

/** Where a drop at `point` lands in `workflow`, or null when nothing is allowed there. */
export function dropTargetAt(workflow: Workflow, point: Point, options: DropOptions, layout = layoutWorkflow(workflow)): DropTarget | null {
  const target = locate(workflow, point, options, layout)
  if (!target && options.orEnd) return gap(workflow, column(layout), workflow.steps.items.length)
  return target && !leavesInPlace(workflow, target.landing, options.moving) ? target : null
}

function locate(workflow: Workflow, point: Point, options: DropOptions, layout: WorkflowLayout): DropTarget | null {
  const boxes = column(layout)
  const widest = Math.max(...boxes.map((box) => box.width)) / 2
  if (Math.abs(point.x) > widest + SIDE_REACH) return null
  if (point.y < layout.trigger.y + layout.trigger.height / 2) return null
  if (point.y > layout.end.y + layout.end.height / 2) return null

  for (let r = 0; r < layout.rows.length; r++) {
    const row = layout.rows[r]
    const { box } = row
    if (point.y < box.y || point.y > bottom(box)) continue
    const half = point.y < box.y + box.height / 2 ? r : r + 1
    if (row.kind === 'parallel') {
      if (options.dropping === 'parallel' || !inside(box, point)) return gap(workflow, boxes, half)
      return laneGap(workflow, r, row.lanes, box, point)
    }
    const share = box.width * BESIDE_SHARE
    const reach = options.dropping === 'step'
    if (reach && point.x < box.x + share && point.x >= box.x - SIDE_REACH) return beside(workflow, row.step.name, 'before', box)
    if (reach && point.x > right(box) - share && point.x <= right(box) + SIDE_REACH) return beside(workflow, row.step.name, 'after', box)
    if (!inside(box, point)) return null
    return gap(workflow, boxes, half)
  }
  // Between two boxes of the column (or over the lower half of the trigger, the upper half of the end).
  for (let index = 0; index + 1 < boxes.length; index++) {
    if (point.y >= boxes[index].y && point.y <= boxes[index + 1].y + boxes[index + 1].height) {
      return gap(workflow, boxes, index)
    }
  }
  return null
}

function beside(workflow: Workflow, step: string, side: 'before' | 'after', box: Box): DropTarget {
  const x = side === 'before' ? box.x - SIZES.laneGap : right(box) + SIZES.laneGap
  return { landing: { kind: 'beside', workflow: workflow.name, step, side }, marker: vertical(x, box.y, box.height) }
}

/** The gap between a parallel block's lanes nearest to the pointer. */
function laneGap(workflow: Workflow, entry: number, lanes: Box[], box: Box, point: Point): DropTarget {
  const branch = lanes.filter((lane) => lane.x + lane.width / 2 < point.x).length
  const top = box.y + SIZES.groupHeader
  const height = box.height - SIZES.groupHeader - SIZES.groupPadding
  let x: number
  if (lanes.length === 0) x = box.x + box.width / 2
  else if (branch === 0) x = lanes[0].x - SIZES.laneGap / 2
  else if (branch === lanes.length) x = right(lanes[branch - 1]) + SIZES.laneGap / 2
  else x = (right(lanes[branch - 1]) + lanes[branch].x) / 2
  return { landing: { kind: 'flow', position: { workflow: workflow.name, index: entry, branch } }, marker: vertical(x, top, height) }
}

/** Whether moving step `moving` to `landing` would leave it where it is. */
function leavesInPlace(workflow: Workflow, landing: Landing, moving: string | undefined): boolean {
  if (moving === undefined) return false
  if (landing.kind === 'beside') return landing.step === moving
  const place = placeOfStep(workflow, moving)
  if (!place) return false
  const { index, branch } = landing.position
  if (place.branch === undefined) return branch === undefined && (index === place.index || index === place.index + 1)
  return index === place.index && branch !== undefined && (branch === place.branch || branch === place.branch + 1)
}
