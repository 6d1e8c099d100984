/**
 * The canvas's edge components: the flow (with condition labels), the dashed
 * "skip" bypass and the dotted data-flow overlay. Labels are HTML text in
 * React Flow's label layer, so they can be read, selected and hovered for the
 * full text.
 */
import { memo } from 'react'
import { createPortal } from 'react-dom'
import { BaseEdge, useStore, type EdgeProps, type EdgeTypes, type ReactFlowState } from '@xyflow/react'
import { dataPath, flowBendY, flowLabelAt, flowPath, skipLabelAt, skipPath } from '../diagram/routes'
import type { DataEdge, FlowEdge, SkipEdge } from './flow-elements'

const flowRoot = (state: ReactFlowState) => state.domNode

const labelLayers = new WeakMap<Element, Element | null>()

/**
 * React Flow's label layer, looked up once per picture. Its own
 * <EdgeLabelRenderer> searches the picture's DOM for it in a store selector,
 * so on every change of the picture, once for each label.
 */
function labelLayerIn(root: Element): Element | null {
  let layer = labelLayers.get(root)
  if (!layer?.isConnected) {
    layer = root.querySelector('.react-flow__edgelabel-renderer')
    labelLayers.set(root, layer)
  }
  return layer
}

function EdgeLabel({ x, y, text, title, kind, edgeId }: { x: number; y: number; text: string; title?: string; kind: string; edgeId: string }) {
  const root = useStore(flowRoot)
  const layer = root ? labelLayerIn(root) : null
  if (!layer) return null
  return createPortal(
    <div
      className={`cai-edge-label cai-edge-label-${kind} nodrag nopan`}
      data-edge-id={edgeId}
      title={title}
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
    >
      {text}
    </div>,
    layer,
  )
}

export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, data, markerEnd } = props
  const fan = data?.fan
  // Routed as the SVG export routes it (src/diagram/routes.ts): one picture everywhere.
  const source = { x: sourceX, y: sourceY }
  const target = { x: targetX, y: targetY }
  const path = flowPath(source, target, flowBendY(fan, sourceY, targetY))
  const label = flowLabelAt(fan, source, target)
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      {data?.label && <EdgeLabel x={label.x} y={label.y} text={data.label} title={data.title} kind="condition" edgeId={id} />}
    </>
  )
})

export const SkipEdgeView = memo(function SkipEdgeView(props: EdgeProps<SkipEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, data, markerEnd } = props
  if (!data) return null
  const path = skipPath(sourceX, sourceY, targetX, targetY, data.laneX)
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      <EdgeLabel
        {...skipLabelAt({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, data.laneX, data.labelShift)}
        text={data.label ?? 'skip'}
        title={data.title}
        kind="skip"
        edgeId={id}
      />
    </>
  )
})

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
