/**
 * The picture of one version with the review drawn on it: the same graph and
 * layout as the canvas and the exports (src/diagram), drawn as React SVG so
 * a marked node can be clicked and the selected one is outlined. Workflows
 * are stacked top to bottom; removed steps stand as ghosts beside the after
 * version, at the height they had before.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { DiagramEdge, DiagramNode } from '../diagram/elements'
import { extentOf } from '../diagram/extent'
import { workflowDiagram } from '../diagram/graph'
import type { Box } from '../diagram/layout'
import { flowBendY, flowIn, flowOut, flowPath, skipPath } from '../diagram/routes'
import type { Workflow } from '../language/model'
import { ghosts, pictureMarks, type Ghost, type PictureMark } from '../review/picture-marks'
import type { Comparison } from '../store/compare'

const TITLE = 40
const GAP = 56
const MARGIN = 24
const GHOST_GAP = 48

interface Panel {
  workflow: Workflow
  nodes: DiagramNode[]
  edges: DiagramEdge[]
  bounds: Box
  /** Ghosts of removed steps, placed right of the panel. */
  ghosts: Array<Ghost & { box: Box }>
  top: number
}

const workflowsOf = (comparison: Comparison, side: 'before' | 'after') =>
  comparison[side].parsed.doc.items.filter((item): item is Workflow => item.kind === 'workflow')

function panels(comparison: Comparison, side: 'before' | 'after'): { panels: Panel[]; width: number; height: number } {
  const removed = side === 'after' ? ghosts(comparison.diff) : []
  const beforeBoxes = new Map<string, Box>()
  if (removed.length > 0) {
    for (const workflow of workflowsOf(comparison, 'before')) {
      if (!removed.some((ghost) => ghost.workflow === workflow.name)) continue
      for (const node of workflowDiagram(workflow, { dataFlow: false }).nodes) beforeBoxes.set(node.id, node.box)
    }
  }
  let top = MARGIN
  let width = 0
  const result: Panel[] = []
  for (const workflow of workflowsOf(comparison, side)) {
    const diagram = workflowDiagram(workflow, { dataFlow: false })
    const bounds = extentOf(diagram.nodes.map((node) => node.box))
    const right = bounds.x + bounds.width + GHOST_GAP
    const placed = removed
      .filter((ghost) => ghost.workflow === workflow.name)
      .map((ghost, n) => {
        const was = beforeBoxes.get(ghost.beforeId)
        return { ...ghost, box: { x: right, y: was ? was.y : bounds.y + n * 100, width: 240, height: 84 } }
      })
    const all = extentOf([bounds, ...placed.map((ghost) => ghost.box)])
    result.push({ workflow, nodes: diagram.nodes, edges: diagram.edges, bounds: all, ghosts: placed, top })
    top += TITLE + all.height + GAP
    width = Math.max(width, all.width + 2 * MARGIN)
  }
  return { panels: result, width: Math.max(width, 320), height: Math.max(top, 80) }
}

/** Above this many nodes, only the ones near the scrolled-to part are drawn (with every marked one). */
const DRAW_ALL_UP_TO = 300

/** A band of the picture, in its own coordinates: [top, bottom]. */
type Band = readonly [number, number]

/**
 * The band of the picture worth drawing: what the frame shows, with a screen
 * more above and below, moving by half screens (so a scroll redraws only
 * every half screen). Null until the frame is measured.
 */
function useShownBand(frame: RefObject<HTMLDivElement | null>, active: boolean): Band | null {
  const [band, setBand] = useState<Band | null>(null)
  // Measured before the first paint, so the picture never shows without its nodes.
  useLayoutEffect(() => {
    const element = frame.current
    if (!active || !element) return
    let pending = 0
    const measure = () => {
      pending = 0
      const height = Math.max(element.clientHeight, 200)
      const step = height / 2
      const top = Math.floor(element.scrollTop / step) * step - height
      setBand((old) => (old && old[0] === top && old[1] === top + 3 * height ? old : [top, top + 3 * height]))
    }
    const onScroll = () => {
      pending ||= requestAnimationFrame(measure)
    }
    measure()
    element.addEventListener('scroll', onScroll, { passive: true })
    const resized = new ResizeObserver(onScroll)
    resized.observe(element)
    return () => {
      cancelAnimationFrame(pending)
      element.removeEventListener('scroll', onScroll)
      resized.disconnect()
    }
  }, [frame, active])
  return active ? band : null
}

interface PictureProps {
  comparison: Comparison
  side: 'before' | 'after'
  /** The node of the selected change, on this side. */
  selectedNode: string | null
  onSelectChange(index: number): void
}

export function ComparePicture({ comparison, side, selectedNode, onSelectChange }: PictureProps) {
  const layout = useMemo(() => panels(comparison, side), [comparison, side])
  const marks = useMemo(() => pictureMarks(comparison.diff, side), [comparison, side])
  const frame = useRef<HTMLDivElement>(null)
  const big = layout.panels.reduce((count, panel) => count + panel.nodes.length, 0) > DRAW_ALL_UP_TO
  // A 10,000-step picture drawn whole was 12,000 SVG nodes: seconds to show.
  const band = useShownBand(frame, big)

  useEffect(() => {
    if (!selectedNode) return
    const node = frame.current?.querySelector(`[data-node="${CSS.escape(selectedNode)}"]`)
    node?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [selectedNode, layout])

  const label = `Picture of the ${side} version (${comparison[side].label})`
  return (
    <div className="cai-compare-picture" ref={frame} data-testid="compare-picture" data-side={side}>
      {layout.panels.length === 0 && <p className="cai-compare-empty">No workflows in the {side} version.</p>}
      {layout.panels.length > 0 && (
        <svg width={layout.width} height={layout.height} role="group" aria-label={label}>
          {layout.panels.map((panel) => (
            <WorkflowPanel key={panel.workflow.name} panel={panel} marks={marks} selectedNode={selectedNode} onSelectChange={onSelectChange} band={big ? (band ?? [0, 0]) : null} />
          ))}
        </svg>
      )}
    </div>
  )
}

interface PanelProps {
  panel: Panel
  marks: Map<string, PictureMark>
  selectedNode: string | null
  onSelectChange(index: number): void
  /** Draw only what meets this band of the picture, and the marked and selected nodes; null: draw everything. */
  band: Band | null
}

function WorkflowPanel({ panel, marks, selectedNode, onSelectChange, band }: PanelProps) {
  const boxes = new Map(panel.nodes.map((node) => [node.id, node.box]))
  const dx = MARGIN - panel.bounds.x
  const dy = panel.top + TITLE - panel.bounds.y
  const meets = (top: number, bottom: number) => !band || (top + dy <= band[1] && bottom + dy >= band[0])
  const nodes = band ? panel.nodes.filter((node) => marks.has(node.id) || node.id === selectedNode || meets(node.box.y, node.box.y + node.box.height)) : panel.nodes
  const edges = band
    ? panel.edges.filter((edge) => {
        const source = boxes.get(edge.source)
        const target = boxes.get(edge.target)
        return !!source && !!target && meets(Math.min(source.y, target.y), Math.max(source.y + source.height, target.y + target.height))
      })
    : panel.edges
  return (
    <g transform={`translate(${dx} ${dy})`} data-workflow={panel.workflow.name}>
      <text x={panel.bounds.x} y={panel.bounds.y - 16} className="cai-compare-title">
        workflow {panel.workflow.name}
      </text>
      {nodes.filter((node) => node.kind === 'parallel').map((node) => (
        <NodeShape key={node.id} node={node} mark={marks.get(node.id)} selected={selectedNode === node.id} onSelectChange={onSelectChange} />
      ))}
      {edges.map((edge) => (
        <EdgeShape key={edge.id} edge={edge} boxes={boxes} />
      ))}
      {nodes.filter((node) => node.kind !== 'parallel').map((node) => (
        <NodeShape key={node.id} node={node} mark={marks.get(node.id)} selected={selectedNode === node.id} onSelectChange={onSelectChange} />
      ))}
      {panel.ghosts.map((ghost) => (
        <GhostShape key={ghost.beforeId} ghost={ghost} selected={selectedNode === ghost.beforeId} onSelectChange={onSelectChange} />
      ))}
    </g>
  )
}

function EdgeShape({ edge, boxes }: { edge: DiagramEdge; boxes: Map<string, Box> }) {
  const source = boxes.get(edge.source)
  const target = boxes.get(edge.target)
  if (!source || !target || edge.kind === 'data') return null
  const from = flowOut(source)
  const to = flowIn(target)
  const d = edge.kind === 'flow' ? flowPath(from, to, flowBendY(edge.info.fan, from.y, to.y)) : skipPath(from.x, from.y, to.x, to.y, edge.info.laneX)
  return <path d={d} className={`cai-compare-edge cai-compare-edge-${edge.kind}`} />
}

/** Activates a marked node from the keyboard as a click would. */
const onKey = (run: () => void) => (event: React.KeyboardEvent) => {
  if (event.key !== 'Enter' && event.key !== ' ') return
  event.preventDefault()
  run()
}

function nodeTitle(node: DiagramNode): [string, string] {
  switch (node.kind) {
    case 'trigger':
      return [`${node.info.type[0].toUpperCase()}${node.info.type.slice(1)} trigger`, node.info.type === 'manual' ? 'Started on demand' : (node.info.value ?? '')]
    case 'step':
      return [node.info.name, node.info.activity ?? 'no activity']
    case 'end':
      return ['End', node.info.timeoutWords ? `Times out after ${node.info.timeoutWords}` : 'No timeout']
    case 'parallel':
      return [`parallel · ${node.info.branches} ${node.info.branches === 1 ? 'branch' : 'branches'}`, '']
  }
}

interface NodeProps {
  node: DiagramNode
  mark?: PictureMark
  selected: boolean
  onSelectChange(index: number): void
}

function NodeShape({ node, mark, selected, onSelectChange }: NodeProps) {
  const { box } = node
  const [title, detail] = nodeTitle(node)
  const classes = ['cai-compare-node', `cai-compare-${node.kind}`, mark ? `cai-mark-${mark.state}` : '', selected ? 'cai-compare-selected' : ''].join(' ')
  const interactive = mark
    ? {
        role: 'button',
        tabIndex: 0,
        onClick: () => onSelectChange(mark.change),
        onKeyDown: onKey(() => onSelectChange(mark.change)),
      }
    : {}
  return (
    <g className={classes} data-node={node.id} data-mark={mark?.state} {...interactive}>
      {node.kind === 'parallel' ? (
        <>
          <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={10} className="cai-compare-block" />
          <text x={box.x + 12} y={box.y + 20} className="cai-compare-muted">
            {title}
          </text>
        </>
      ) : (
        <>
          <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={node.kind === 'end' ? 28 : 8} className="cai-compare-card" />
          <text x={box.x + 12} y={box.y + 24} className="cai-compare-name">
            {clip(title, 30)}
          </text>
          <text x={box.x + 12} y={box.y + 46} className="cai-compare-detail">
            {clip(detail, 30)}
          </text>
        </>
      )}
      {mark && <MarkBadge box={box} mark={mark} />}
    </g>
  )
}

function MarkBadge({ box, mark }: { box: Box; mark: PictureMark }) {
  const note = clip(mark.note, 44)
  const width = [...note].length * 6.3 + 12
  return (
    <g className="cai-compare-badge">
      <rect x={box.x - 3} y={box.y - 3} width={box.width + 6} height={box.height + 6} rx={10} className="cai-compare-outline" />
      <rect x={box.x + box.width - width} y={box.y - 24} width={width} height={20} rx={4} className="cai-compare-note" />
      <text x={box.x + box.width - width / 2} y={box.y - 10} textAnchor="middle" className="cai-compare-note-text">
        {note}
      </text>
    </g>
  )
}

function GhostShape({ ghost, selected, onSelectChange }: { ghost: Ghost & { box: Box }; selected: boolean; onSelectChange(index: number): void }) {
  const { box } = ghost
  const select = () => onSelectChange(ghost.change)
  return (
    <g
      className={`cai-compare-node cai-compare-ghost cai-mark-removed${selected ? ' cai-compare-selected' : ''}`}
      data-node={ghost.beforeId}
      data-mark="removed"
      data-ghost="true"
      role="button"
      tabIndex={0}
      onClick={select}
      onKeyDown={onKey(select)}
    >
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={8} className="cai-compare-card" />
      <text x={box.x + 12} y={box.y + 24} className="cai-compare-name">
        {clip(ghost.step, 30)}
      </text>
      <text x={box.x + 12} y={box.y + 46} className="cai-compare-detail">
        removed
      </text>
    </g>
  )
}

function clip(text: string, max: number): string {
  const points = [...text.replace(/\s+/g, ' ')]
  return points.length <= max ? points.join('') : `${points.slice(0, max - 1).join('')}…`
}
