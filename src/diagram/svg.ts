/**
 * The picture of workflows as a standalone SVG: real vector shapes and text
 * (no HTML, no foreignObject), drawn from the same graph and layout as the
 * canvas: the same cards, lanes, flow edges, condition labels and dashed
 * "skip" bypasses. Every edge and label is drawn; a condition too long for
 * its edge label is written out in full in a legend below the picture.
 *
 * Safe to embed: every text is escaped (./xml.ts), nothing is referenced
 * outside the file (system fonts, no links, no images), and no script or
 * event attribute is ever written.
 */
import type { Workflow } from '../language/model'
import type { Diagram, DiagramEdge, DiagramNode } from './elements'
import { CONDITION_LABEL_MAX, workflowDiagram } from './graph'
import { Extent } from './extent'
import type { Box } from './layout'
import { dataBulge, dataIn, dataOut, dataPath, flowBendY, flowIn, flowLabelAt, flowOut, flowPath, skipLabelAt, skipPath, type Point } from './routes'
import { truncate } from './text'
import { LIGHT_THEME, type DiagramTheme } from './theme'
import { xmlEscape } from './xml'

/** How a review marks a node: its colour and a short note drawn above it. */
export interface NodeMark {
  state: 'added' | 'changed' | 'moved' | 'renamed'
  /** e.g. "changed: activity, input.amount", "renamed from charge". */
  note?: string
}

export interface SvgOptions {
  theme?: DiagramTheme
  dataFlow?: boolean
  /** Review marks by node id. */
  marks?: ReadonlyMap<string, NodeMark>
  /** Extra legend lines under a workflow, by workflow name (e.g. the steps a review removed). */
  notes?: ReadonlyMap<string, readonly string[]>
}

export const MARGIN = 32
const PANEL_GAP = 64
const TITLE_HEIGHT = 36
const LEGEND_LINE = 18
const LEGEND_GAP = 24
/** Average glyph widths at the sizes used, for fitting text without measuring it. */
const SANS_CHAR = 6.8
const MONO_CHAR = 7.3
const LABEL_CHAR = 6.3
const LEGEND_CHARS = 110
const LABEL_HEIGHT = 20

/** Every workflow side by side, each titled, in one SVG. */
export function workflowsSvg(workflows: readonly Workflow[], options: SvgOptions = {}): string {
  const theme = options.theme ?? LIGHT_THEME
  const panels = workflows.map((workflow) => panel(workflow, options, theme))
  let x = MARGIN
  let height = 0
  const body: string[] = []
  for (const p of panels) {
    body.push(`<g data-workflow="${xmlEscape(p.name)}" transform="translate(${x - p.bounds.x} ${MARGIN - p.bounds.y})">${p.content}</g>`)
    x += p.bounds.width + PANEL_GAP
    height = Math.max(height, p.bounds.height)
  }
  const width = Math.ceil(Math.max(x - PANEL_GAP + MARGIN, 2 * MARGIN + 200))
  height = Math.ceil(Math.max(height, 40) + 2 * MARGIN)
  if (panels.length === 0) body.push(text(MARGIN, MARGIN + 16, 'No workflows in this file.', { fill: theme.muted, size: 14 }))
  const title = workflows.length === 1 ? `Workflow ${workflows[0].name}` : `${workflows.length} workflows`
  return svgDocument(width, height, title, theme, body)
}

/** The document an SVG writer returns: the root element around `body`, sized, titled, with a background. */
export function svgDocument(width: number, height: number, title: string, theme: DiagramTheme, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(theme.font)}" font-size="12">`,
    `<title>${xmlEscape(title)}</title>`,
    defs(theme),
    `<rect width="100%" height="100%" fill="${theme.background}"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n')
}

export const workflowSvg = (workflow: Workflow, options: SvgOptions = {}): string => workflowsSvg([workflow], options)

interface Panel {
  name: string
  bounds: Box
  content: string
}

function panel(workflow: Workflow, options: SvgOptions, theme: DiagramTheme): Panel {
  const diagram = workflowDiagram(workflow, { dataFlow: !!options.dataFlow })
  const boxes = new Map(diagram.nodes.map((node) => [node.id, node.box]))
  const shapes: string[] = []
  const labels: string[] = []
  const extent = new Extent()
  for (const node of diagram.nodes) extent.add(node.box)

  const titleY = -TITLE_HEIGHT + 8
  shapes.push(text(extent.minX, titleY, `workflow ${workflow.name}`, { fill: theme.foreground, size: 14, weight: 'bold' }))
  extent.add({ x: extent.minX, y: -TITLE_HEIGHT, width: 12 + SANS_CHAR * 1.2 * (workflow.name.length + 9), height: TITLE_HEIGHT })

  for (const node of diagram.nodes) if (node.kind === 'parallel') shapes.push(parallelShape(node, theme))
  for (const edge of diagram.edges) {
    const drawn = edgeShape(edge, boxes, theme)
    shapes.push(drawn.path)
    if (drawn.label) {
      labels.push(drawn.label.svg)
      extent.add(drawn.label.box)
    }
    if (drawn.reach) extent.add(drawn.reach)
  }
  for (const node of diagram.nodes) {
    if (node.kind !== 'parallel') shapes.push(cardShape(node, theme))
    const mark = options.marks?.get(node.id)
    if (mark) {
      const drawn = markShape(node, mark, theme)
      labels.push(drawn.svg)
      extent.add(drawn.box)
    }
  }

  const legend = legendLines(diagram, options.notes?.get(workflow.name) ?? [])
  let y = extent.maxY + LEGEND_GAP
  for (const line of legend) {
    y += LEGEND_LINE
    labels.push(text(extent.minX, y, line.text, { fill: line.colour === 'muted' ? theme.muted : theme.foreground, size: 12 }))
    extent.add({ x: extent.minX, y: y - 14, width: line.text.length * SANS_CHAR, height: LEGEND_LINE })
  }
  return { name: workflow.name, bounds: extent.box(), content: [...shapes, ...labels].join('\n') }
}

/** The legend: every condition that does not fit on its edge label, in full, then the caller's notes. */
function legendLines(diagram: Diagram, notes: readonly string[]): Array<{ text: string; colour: 'muted' | 'fg' }> {
  const lines: Array<{ text: string; colour: 'muted' | 'fg' }> = []
  for (const node of diagram.nodes) {
    if (node.kind !== 'step' || node.info.condition === undefined) continue
    const condition = node.info.condition
    // Shown whole on its edge label already.
    if (condition.trim() === '' || truncate(condition, CONDITION_LABEL_MAX) === condition.replace(/\s+/g, ' ').trim()) continue
    if (lines.length === 0) lines.push({ text: 'Conditions in full:', colour: 'muted' })
    for (const chunk of wrap(`${node.info.name}: if ${node.info.condition}`, LEGEND_CHARS)) lines.push({ text: chunk, colour: 'fg' })
  }
  for (const note of notes) for (const chunk of wrap(note, LEGEND_CHARS)) lines.push({ text: chunk, colour: 'fg' })
  return lines
}

/** `text` cut into lines of at most `width` code points (the legend is never clipped). */
function wrap(text: string, width: number): string[] {
  const points = [...text.replace(/\s+/g, ' ')]
  const lines: string[] = []
  for (let i = 0; i < points.length; i += width) lines.push(points.slice(i, i + width).join(''))
  return lines
}

function defs(theme: DiagramTheme): string {
  const arrow = (name: string, colour: string) =>
    `<marker id="cai-arrow-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="${colour}"/></marker>`
  return `<defs>${arrow('flow', theme.muted)}${arrow('condition', theme.accent)}${arrow('data', theme.info)}</defs>`
}

export interface TextStyle {
  fill: string
  size?: number
  weight?: 'bold'
  mono?: boolean
  anchor?: 'middle'
  font?: string
}

export function text(x: number, y: number, content: string, style: TextStyle): string {
  const attributes = [`x="${round(x)}"`, `y="${round(y)}"`, `fill="${style.fill}"`]
  if (style.size) attributes.push(`font-size="${style.size}"`)
  if (style.weight) attributes.push(`font-weight="${style.weight}"`)
  if (style.anchor) attributes.push(`text-anchor="${style.anchor}"`)
  if (style.font) attributes.push(`font-family="${xmlEscape(style.font)}"`)
  return `<text ${attributes.join(' ')}>${xmlEscape(content)}</text>`
}

const round = (n: number) => Math.round(n * 10) / 10

/** At most as many code points as fit in `width` pixels, with an ellipsis when cut; the full text goes in a tooltip. */
function fit(content: string, width: number, charWidth: number): { shown: string; cut: boolean } {
  const points = [...content.replace(/\s+/g, ' ')]
  const max = Math.max(1, Math.floor(width / charWidth))
  return points.length <= max ? { shown: points.join(''), cut: false } : { shown: `${points.slice(0, max - 1).join('')}…`, cut: true }
}

/** A line of a card: fitted to the card, with its full text as a tooltip when cut. */
export function cardLine(box: Box, y: number, content: string, style: TextStyle, theme: DiagramTheme): string {
  const { shown, cut } = fit(content, box.width - 24, style.mono ? MONO_CHAR : style.weight ? SANS_CHAR * 1.1 : SANS_CHAR)
  const drawn = text(box.x + 12, box.y + y, shown, { ...style, font: style.mono ? theme.mono : undefined })
  return cut ? `<g><title>${xmlEscape(content)}</title>${drawn}</g>` : drawn
}

export function rect(box: Box, radius: number, fill: string, stroke: string, extra = ''): string {
  return `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" rx="${radius}" fill="${fill}" stroke="${stroke}"${extra}/>`
}

const TRIGGER_TITLES = { event: 'Event', schedule: 'Schedule', manual: 'Manual' } as const

function cardShape(node: DiagramNode, theme: DiagramTheme): string {
  const { box } = node
  const parts: string[] = []
  const data = ` data-node="${xmlEscape(node.id)}" data-kind="${node.kind}"`
  switch (node.kind) {
    case 'trigger': {
      const { info } = node
      parts.push(rect(box, 8, theme.nodeBackground, theme.accent, ' stroke-width="2"'))
      parts.push(cardLine(box, 22, `${TRIGGER_TITLES[info.type]} trigger`, { fill: theme.foreground, size: 13, weight: 'bold' }, theme))
      if (info.type === 'manual') parts.push(cardLine(box, 44, 'Started on demand', { fill: theme.muted }, theme))
      else parts.push(cardLine(box, 44, info.value ?? '', { fill: theme.foreground, mono: true }, theme))
      if (info.words) parts.push(cardLine(box, 64, info.words, { fill: theme.muted }, theme))
      break
    }
    case 'step': {
      const { info } = node
      parts.push(rect(box, 8, theme.nodeBackground, theme.border))
      parts.push(cardLine(box, 22, info.name, { fill: theme.foreground, size: 13, weight: 'bold' }, theme))
      parts.push(
        info.activity === undefined
          ? cardLine(box, 44, 'no activity', { fill: theme.error }, theme)
          : cardLine(box, 44, info.activity, { fill: theme.foreground, mono: true }, theme),
      )
      const badges = [{ label: `${info.inputs} ${info.inputs === 1 ? 'input' : 'inputs'}`, colour: theme.muted }]
      if (info.condition !== undefined) badges.push({ label: 'if', colour: theme.accent })
      if (info.retryBadge) badges.push({ label: info.retryBadge, colour: theme.muted })
      let x = box.x + 12
      for (const badge of badges) {
        const width = badge.label.length * LABEL_CHAR + 14
        parts.push(rect({ x, y: box.y + 58, width, height: 18 }, 9, 'none', badge.colour))
        parts.push(text(x + width / 2, box.y + 71, badge.label, { fill: badge.colour, size: 11, anchor: 'middle' }))
        x += width + 6
      }
      break
    }
    case 'end': {
      const { info } = node
      let timeout = 'No timeout'
      if (info.timeout !== undefined) {
        timeout = info.timeoutWords ? `Times out after ${info.timeoutWords}` : `Timeout "${info.timeout}" is not a valid duration`
      }
      parts.push(rect(box, 28, theme.nodeBackground, theme.border))
      parts.push(cardLine({ ...box, x: box.x + 8, width: box.width - 16 }, 22, 'End', { fill: theme.foreground, size: 13, weight: 'bold' }, theme))
      parts.push(cardLine({ ...box, x: box.x + 8, width: box.width - 16 }, 42, timeout, { fill: theme.muted }, theme))
      break
    }
    case 'parallel':
      break
  }
  return `<g${data}>${parts.join('')}</g>`
}

function parallelShape(node: Extract<DiagramNode, { kind: 'parallel' }>, theme: DiagramTheme): string {
  const { box, info } = node
  const parts = [
    rect(box, 10, theme.accent, theme.muted, ' fill-opacity="0.04" stroke-dasharray="4 3"'),
    text(box.x + 12, box.y + 20, `parallel · ${info.branches} ${info.branches === 1 ? 'branch' : 'branches'}`, { fill: theme.muted, size: 12, weight: 'bold' }),
    ...node.lanes.map((lane) => rect(lane, 8, theme.foreground, theme.border, ' fill-opacity="0.03"')),
  ]
  if (info.branches === 0) parts.push(text(box.x + box.width / 2, box.y + box.height / 2 + 16, 'Empty parallel block', { fill: theme.muted, anchor: 'middle' }))
  return `<g data-node="${xmlEscape(node.id)}" data-kind="parallel">${parts.join('')}</g>`
}

interface DrawnEdge {
  path: string
  label?: { svg: string; box: Box }
  /** How far the edge itself reaches beyond the nodes. */
  reach?: Box
}

function edgeShape(edge: DiagramEdge, boxes: Map<string, Box>, theme: DiagramTheme): DrawnEdge {
  const sourceBox = boxes.get(edge.source)!
  const targetBox = boxes.get(edge.target)!
  const id = ` data-edge="${xmlEscape(edge.id)}"`
  switch (edge.kind) {
    case 'flow': {
      const source = flowOut(sourceBox)
      const target = flowIn(targetBox)
      const colour = edge.info.condition ? 'condition' : 'flow'
      const stroke = edge.info.condition ? theme.accent : theme.muted
      const path = `<path${id} d="${flowPath(source, target, flowBendY(edge.info.fan, source.y, target.y))}" fill="none" stroke="${stroke}" stroke-width="1.5" marker-end="url(#cai-arrow-${colour})"/>`
      if (!edge.info.label) return { path }
      return { path, label: edgeLabel(flowLabelAt(edge.info.fan, source, target), edge.info.label, edge.info.title, theme.accent, theme.accent, theme) }
    }
    case 'skip': {
      const source = flowOut(sourceBox)
      const target = flowIn(targetBox)
      const { laneX, labelShift } = edge.info
      const path = `<path${id} d="${skipPath(source.x, source.y, target.x, target.y, laneX)}" fill="none" stroke="${theme.muted}" stroke-width="1.5" stroke-dasharray="6 4" marker-end="url(#cai-arrow-flow)"/>`
      const label = edgeLabel(skipLabelAt(source, target, laneX, labelShift), edge.info.label ?? 'skip', edge.info.title, theme.border, theme.muted, theme)
      return { path, label, reach: { x: source.x, y: source.y, width: laneX - source.x + 2, height: 1 } }
    }
    case 'data': {
      const source = dataOut(sourceBox)
      const target = dataIn(targetBox)
      const tooltip = edge.info.title ? `<title>${xmlEscape(edge.info.title)}</title>` : ''
      const path = `<g${id}>${tooltip}<path d="${dataPath(source.x, source.y, target.x, target.y)}" fill="none" stroke="${theme.info}" stroke-width="2" stroke-dasharray="1 5" stroke-linecap="round" marker-end="url(#cai-arrow-data)"/></g>`
      const bulge = dataBulge(source.y, target.y)
      // A cubic curve reaches three quarters of the way to its control points.
      return { path, reach: { x: Math.min(source.x, target.x) - bulge * 0.75, y: source.y, width: 1, height: 1 } }
    }
  }
}

function edgeLabel(at: Point, content: string, title: string | undefined, border: string, colour: string, theme: DiagramTheme): { svg: string; box: Box } {
  const width = [...content].length * LABEL_CHAR + 12
  const box = { x: at.x - width / 2, y: at.y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT }
  const tooltip = title ? `<title>${xmlEscape(title)}</title>` : ''
  const svg = `<g class="cai-edge-label">${tooltip}${rect(box, 4, theme.nodeBackground, border)}${text(at.x, at.y + 4, content, { fill: colour, size: 11, anchor: 'middle' })}</g>`
  return { svg, box }
}

const MARK_TEXT: Record<NodeMark['state'], string> = { added: 'added', changed: 'changed', moved: 'moved', renamed: 'renamed' }

/** A review mark: the node outlined in its colour and a note above its right corner. */
function markShape(node: DiagramNode, mark: NodeMark, theme: DiagramTheme): { svg: string; box: Box } {
  const colour = mark.state === 'added' ? theme.added : mark.state === 'changed' ? theme.changed : theme.accent
  const note = mark.note ?? MARK_TEXT[mark.state]
  const { shown } = fit(note, 300, LABEL_CHAR)
  const width = [...shown].length * LABEL_CHAR + 12
  const box = { x: node.box.x + node.box.width - width, y: node.box.y - LABEL_HEIGHT - 2, width, height: LABEL_HEIGHT }
  const outline = rect(
    { x: node.box.x - 3, y: node.box.y - 3, width: node.box.width + 6, height: node.box.height + 6 },
    10,
    'none',
    colour,
    ` stroke-width="2.5"${mark.state === 'moved' ? ' stroke-dasharray="5 3"' : ''}`,
  )
  const svg = `<g data-mark="${mark.state}" data-mark-node="${xmlEscape(node.id)}"><title>${xmlEscape(note)}</title>${outline}${rect(box, 4, colour, colour)}${text(box.x + width / 2, box.y + 14, shown, { fill: theme.background, size: 11, anchor: 'middle' })}</g>`
  return { svg, box }
}
