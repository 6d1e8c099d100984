/**
 * The canvas's edge components: the flow (with condition labels), the dashed
 * "skip" bypass and the dotted data-flow overlay. Labels are HTML text in
 * React Flow's label layer, so they can be read, selected and hovered for the
 * full text.
 */
import { memo } from 'react'
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps, type EdgeTypes } from '@xyflow/react'
import type { DataEdge, FlowEdge, SkipEdge } from './flow-elements'

/** How far below a fan-out's source (or above a fan-in's target) the branches split. */
const FAN_BEND = 20
const CORNER = 10

function EdgeLabel({ x, y, text, title, kind, edgeId }: { x: number; y: number; text: string; title?: string; kind: string; edgeId: string }) {
  return (
    <EdgeLabelRenderer>
      <div
        className={`cai-edge-label cai-edge-label-${kind} nodrag nopan`}
        data-edge-id={edgeId}
        title={title}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      >
        {text}
      </div>
    </EdgeLabelRenderer>
  )
}

/** A fan-out's label sits above the parallel block; otherwise just above the step it leads to. */
export function conditionLabelY(fan: 'out' | 'in' | undefined, sourceY: number, targetY: number): number {
  return fan === 'out' ? sourceY + FAN_BEND * 2 : targetY - FAN_BEND * 1.6
}

export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props
  const fan = data?.fan
  const [path] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
    borderRadius: CORNER,
    centerY: fan === 'out' ? sourceY + FAN_BEND : fan === 'in' ? targetY - FAN_BEND : undefined,
  })
  const labelY = conditionLabelY(fan, sourceY, targetY)
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      {data?.label && <EdgeLabel x={targetX} y={labelY} text={data.label} title={data.title} kind="condition" edgeId={id} />}
    </>
  )
})

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

export const SkipEdgeView = memo(function SkipEdgeView(props: EdgeProps<SkipEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, data, markerEnd } = props
  if (!data) return null
  const path = skipPath(sourceX, sourceY, targetX, targetY, data.laneX)
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      <EdgeLabel
        x={data.laneX}
        y={(sourceY + targetY) / 2 + data.labelShift}
        text={data.label ?? 'skip'}
        title={data.title}
        kind="skip"
        edgeId={id}
      />
    </>
  )
})

/** How far left of its ends a data-flow curve's control points lie. */
export const dataBulge = (sourceY: number, targetY: number): number => Math.min(320, 40 + Math.abs(targetY - sourceY) * 0.15)

/** A curve out to the left of both steps: the farther apart, the wider, so nested curves do not cross. */
export function dataPath(sourceX: number, sourceY: number, targetX: number, targetY: number): string {
  const bulge = dataBulge(sourceY, targetY)
  return `M ${sourceX},${sourceY} C ${sourceX - bulge},${sourceY} ${targetX - bulge},${targetY} ${targetX},${targetY}`
}

export const DataEdgeView = memo(function DataEdgeView(props: EdgeProps<DataEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, data, markerEnd } = props
  return (
    <g>
      {data?.title && <title>{data.title}</title>}
      <BaseEdge id={id} path={dataPath(sourceX, sourceY, targetX, targetY)} markerEnd={markerEnd} />
    </g>
  )
})

export const edgeTypes: EdgeTypes = {
  flow: FlowEdgeView,
  skip: SkipEdgeView,
  data: DataEdgeView,
}
