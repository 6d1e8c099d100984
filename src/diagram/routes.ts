/**
 * Where edges run and their labels sit, the same on the canvas and in the
 * SVG: flow enters a node at the top centre and leaves at the bottom centre;
 * data-flow edges use the left side.
 */
import type { Box } from './layout'

/** How far below a fan-out's source (or above a fan-in's target) the branches split. */
export const FAN_BEND = 20
export const CORNER = 10
/** Where the data-flow handles sit on the left side, as a fraction of the height. */
export const DATA_HANDLE_AT = { out: 0.35, in: 0.65 } as const

export interface Point {
  x: number
  y: number
}

export const flowOut = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height })
export const flowIn = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y })
export const dataOut = (box: Box): Point => ({ x: box.x, y: box.y + box.height * DATA_HANDLE_AT.out })
export const dataIn = (box: Box): Point => ({ x: box.x, y: box.y + box.height * DATA_HANDLE_AT.in })

/** The y where a flow edge turns sideways: near the split of a fan, else half way. */
export function flowBendY(fan: 'out' | 'in' | undefined, sourceY: number, targetY: number): number {
  if (fan === 'out') return sourceY + FAN_BEND
  if (fan === 'in') return targetY - FAN_BEND
  return (sourceY + targetY) / 2
}

/** A condition label's centre: above the parallel block for a fan-out, else just above the step it leads to. */
export function flowLabelAt(fan: 'out' | 'in' | undefined, source: Point, target: Point): Point {
  return { x: target.x, y: fan === 'out' ? source.y + FAN_BEND * 2 : target.y - FAN_BEND * 1.6 }
}

/** Down from the source to `bendY`, across with rounded corners, and down to the target. */
export function flowPath(source: Point, target: Point, bendY: number): string {
  const dx = target.x - source.x
  if (Math.abs(dx) < 0.5) return `M ${source.x},${source.y} L ${target.x},${target.y}`
  const r = Math.min(CORNER, Math.abs(dx) / 2, Math.abs(bendY - source.y), Math.abs(target.y - bendY))
  const sign = Math.sign(dx)
  return [
    `M ${source.x},${source.y}`,
    `L ${source.x},${bendY - r}`,
    `Q ${source.x},${bendY} ${source.x + sign * r},${bendY}`,
    `L ${target.x - sign * r},${bendY}`,
    `Q ${target.x},${bendY} ${target.x},${bendY + r}`,
    `L ${target.x},${target.y}`,
  ].join(' ')
}

/** Down from the source, out to the bypass's lane on the right, down, and back in to the target. */
export function skipPath(sourceX: number, sourceY: number, targetX: number, targetY: number, laneX: number): string {
  const top = sourceY + FAN_BEND / 2 + CORNER
  const bottom = targetY - FAN_BEND / 2 - CORNER
  const r = CORNER
  return [
    `M ${sourceX},${sourceY}`,
    `L ${sourceX},${top - r}`,
    `Q ${sourceX},${top} ${sourceX + r},${top}`,
    `L ${laneX - r},${top}`,
    `Q ${laneX},${top} ${laneX},${top + r}`,
    `L ${laneX},${bottom - r}`,
    `Q ${laneX},${bottom} ${laneX - r},${bottom}`,
    `L ${targetX + r},${bottom}`,
    `Q ${targetX},${bottom} ${targetX},${bottom + r}`,
    `L ${targetX},${targetY}`,
  ].join(' ')
}

/** A skip label's centre: on the bypass's vertical run, half way, shifted for its neighbours. */
export const skipLabelAt = (source: Point, target: Point, laneX: number, labelShift: number): Point => ({
  x: laneX,
  y: (source.y + target.y) / 2 + labelShift,
})

/** A curve out to the left of both steps: the farther apart, the wider, so nested curves do not cross. */
export function dataPath(sourceX: number, sourceY: number, targetX: number, targetY: number): string {
  const bulge = dataBulge(sourceY, targetY)
  return `M ${sourceX},${sourceY} C ${sourceX - bulge},${sourceY} ${targetX - bulge},${targetY} ${targetX},${targetY}`
}

export const dataBulge = (sourceY: number, targetY: number) => Math.min(320, 40 + Math.abs(targetY - sourceY) * 0.15)
