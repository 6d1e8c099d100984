import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import type { Workflow } from '../language/model'
import { TEXT } from '../actions/test-text'
import { dropTargetAt, type Point } from './drop-targets'
import { layoutWorkflow, type Box } from '../diagram/layout'

/** validate, charge, parallel { reserve notify }, confirm. */
const workflow = parse(TEXT).doc.items[0] as Workflow
const layout = layoutWorkflow(workflow)
const [validate, charge, block, confirm] = layout.rows.map((row) => row.box)
const lanes = layout.rows[2].kind === 'parallel' ? layout.rows[2].lanes : []

const centre = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 })
const between = (upper: Box, lower: Box): Point => ({ x: 0, y: (upper.y + upper.height + lower.y) / 2 })
const landingAt = (point: Point, moving?: string, dropping: 'step' | 'parallel' = 'step') =>
  dropTargetAt(workflow, point, { dropping, moving })?.landing ?? null
const gap = (index: number, branch?: number) => ({
  kind: 'flow',
  position: branch === undefined ? { workflow: 'orders', index } : { workflow: 'orders', index, branch },
})

describe('dropTargetAt', () => {
  it('finds the gap of the sequence between two rows', () => {
    expect(landingAt(between(layout.trigger, validate))).toEqual(gap(0))
    expect(landingAt(between(validate, charge))).toEqual(gap(1))
    expect(landingAt(between(block, confirm))).toEqual(gap(3))
    expect(landingAt(between(confirm, layout.end))).toEqual(gap(4))
  })

  it('puts the insertion line midway between the rows', () => {
    const target = dropTargetAt(workflow, between(validate, charge), { dropping: 'step' })!
    const line = target.marker.box
    expect(target.marker.orientation).toBe('horizontal')
    expect(line.y + line.height / 2).toBe((validate.y + validate.height + charge.y) / 2)
  })

  it('over the middle of a step, takes the gap above or below it by the half', () => {
    const { x, y } = centre(charge)
    expect(landingAt({ x, y: y - 10 })).toEqual(gap(1))
    expect(landingAt({ x, y: y + 10 })).toEqual(gap(2))
  })

  it('over a step’s side, lands beside it', () => {
    const { y } = centre(charge)
    expect(landingAt({ x: charge.x + 5, y })).toEqual({ kind: 'beside', workflow: 'orders', step: 'charge', side: 'before' })
    expect(landingAt({ x: charge.x + charge.width + 40, y })).toEqual({ kind: 'beside', workflow: 'orders', step: 'charge', side: 'after' })
  })

  it('over a parallel block, finds the gap between lanes nearest the pointer', () => {
    const { y } = centre(lanes[0])
    expect(landingAt({ x: lanes[0].x + 10, y })).toEqual(gap(2, 0))
    expect(landingAt({ x: lanes[0].x + lanes[0].width - 10, y })).toEqual(gap(2, 1))
    expect(landingAt({ x: lanes[1].x + lanes[1].width - 10, y })).toEqual(gap(2, 2))
    const marker = dropTargetAt(workflow, { x: lanes[1].x + lanes[1].width - 10, y }, { dropping: 'step' })!.marker
    expect(marker.orientation).toBe('vertical')
    expect(marker.box.x).toBeGreaterThan(lanes[1].x + lanes[1].width)
  })

  it('lands a parallel block only in the sequence', () => {
    const { y } = centre(lanes[0])
    expect(landingAt({ x: lanes[0].x + 10, y: y - 20 }, undefined, 'parallel')).toEqual(gap(2))
    expect(landingAt({ x: charge.x + 5, y: centre(charge).y + 10 }, undefined, 'parallel')).toEqual(gap(2))
  })

  it('allows nothing above the trigger, below the end or far to the side', () => {
    expect(landingAt({ x: 0, y: layout.trigger.y + 5 })).toBeNull()
    expect(landingAt({ x: 0, y: layout.end.y + layout.end.height - 5 })).toBeNull()
    expect(landingAt({ x: block.x + block.width + 400, y: centre(block).y })).toBeNull()
    expect(landingAt({ x: charge.x - 300, y: centre(charge).y })).toBeNull()
  })

  it('puts a new item dropped where nothing is allowed at the end of the flow', () => {
    const far = { x: block.x + block.width + 400, y: centre(block).y }
    expect(dropTargetAt(workflow, far, { dropping: 'step', orEnd: true })?.landing).toEqual(gap(4))
    expect(dropTargetAt(workflow, between(validate, charge), { dropping: 'step', orEnd: true })?.landing).toEqual(gap(1))
  })

  it('is no target for a moved step where it would stay put', () => {
    expect(landingAt(between(validate, charge), 'charge')).toBeNull()
    expect(landingAt(between(charge, block), 'charge')).toBeNull()
    expect(landingAt({ x: charge.x + 5, y: centre(charge).y }, 'charge')).toBeNull()
    expect(landingAt({ x: lanes[0].x + 10, y: centre(lanes[0]).y }, 'reserve')).toBeNull()
    expect(landingAt({ x: lanes[1].x + lanes[1].width - 10, y: centre(lanes[1]).y }, 'reserve')).toEqual(gap(2, 2))
    // Out of its block, a branch may go right before or after the block.
    expect(landingAt(between(charge, block), 'reserve')).toEqual(gap(2))
  })
})
