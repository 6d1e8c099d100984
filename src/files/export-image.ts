/**
 * The canvas as a picture (SVG or PNG), in the colours it is shown in. After
 * React Flow's "download image" example: the viewport element rendered by
 * html-to-image (pinned at 1.11.11: later versions drop React Flow's edges),
 * framed around all nodes (getNodesBounds + getViewportForBounds) at zoom 1.
 * Node positions and sizes are read from the rendered nodes.
 *
 * html-to-image copies every computed style onto every element, CSS custom
 * properties included: the editor's thousands of variables would make a
 * small picture megabytes. The SVG keeps only the styles that matter
 * (compactStyles); the PNG is drawn from that SVG.
 */
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react'
import { toSvg } from 'html-to-image'

export type ImageKind = 'svg' | 'png'

const PADDING = 32
/** PNG pixels per CSS pixel: sharp on high-density screens... */
const PNG_PIXEL_RATIO = 2
/** ...within what browsers can draw on one canvas. */
const MAX_CANVAS_SIDE = 16_384
const MAX_CANVAS_AREA = 16_384 * 16_384

export class NothingToExportError extends Error {}

export async function exportCanvasImage(area: HTMLElement, kind: ImageKind): Promise<Blob> {
  const flow = area.querySelector<HTMLElement>('.react-flow')
  const viewport = flow?.querySelector<HTMLElement>('.react-flow__viewport')
  const nodes = flow ? renderedNodes(flow) : []
  if (!flow || !viewport || nodes.length === 0) throw new NothingToExportError('There is no picture on the canvas to export.')

  const bounds = getNodesBounds(nodes)
  const width = Math.ceil(bounds.width + 2 * PADDING)
  const height = Math.ceil(bounds.height + 2 * PADDING)
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, 1, 1, `${PADDING}px`)
  const background = backgroundOf(flow)
  const url = await toSvg(viewport, {
    backgroundColor: background,
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
    // System fonts only: nothing to embed, nothing to fetch.
    skipFonts: true,
  })
  const svg = compactStyles(decodeURIComponent(url.slice(url.indexOf(',') + 1)))
  return kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : drawPng(svg, width, height, background)
}

/** React Flow's rendered nodes as nodes with absolute positions and measured sizes. */
function renderedNodes(flow: HTMLElement): Node[] {
  return [...flow.querySelectorAll<HTMLElement>('.react-flow__node')].map((element) => {
    const match = /translate\(\s*(-?[\d.]+)px\s*,\s*(-?[\d.]+)px\s*\)/.exec(element.style.transform)
    return {
      id: element.dataset.id ?? '',
      position: { x: match ? Number(match[1]) : 0, y: match ? Number(match[2]) : 0 },
      measured: { width: element.offsetWidth, height: element.offsetHeight },
      data: {},
    }
  })
}

function backgroundOf(flow: HTMLElement): string {
  for (let element: HTMLElement | null = flow; element; element = element.parentElement) {
    const colour = getComputedStyle(element).backgroundColor
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour
  }
  return getComputedStyle(document.body).backgroundColor
}

/**
 * The SVG with its inline styles made small: no `--custom-property` (already
 * resolved into the others), and no property an element would get anyway:
 * one at the browser's default for its kind of element (measured on a bare
 * element in a shadow root, where no page style reaches) that also equals
 * its parent's, so the result is the same whether the property is inherited
 * or not.
 */
function compactStyles(svg: string): string {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  const defaults = new BrowserDefaults()
  try {
    // Children before parents: a child is compared with its parent's full style.
    const styled = [...doc.querySelectorAll<HTMLElement | SVGElement>('[style]')].reverse()
    for (const element of styled) {
      const style = element.style
      const parent = element.parentElement as HTMLElement | SVGElement | null
      const parentStyle = parent?.hasAttribute('style') ? parent.style : null
      const drop: string[] = []
      for (let i = 0; i < style.length; i++) {
        const name = style[i]
        const value = style.getPropertyValue(name)
        const unneeded = !!parentStyle && parentStyle.getPropertyValue(name) === value && defaults.of(element, name) === value
        if (name.startsWith('--') || unneeded) drop.push(name)
      }
      for (const name of drop) style.removeProperty(name)
    }
  } finally {
    defaults.dispose()
  }
  return new XMLSerializer().serializeToString(doc)
}

/** Computed styles of bare elements, one per kind, where no page style applies and inherited values are initial. */
class BrowserDefaults {
  private readonly host = document.createElement('span')
  private readonly root = this.host.attachShadow({ mode: 'closed' })
  private readonly styles = new Map<string, CSSStyleDeclaration>()

  constructor() {
    this.host.style.setProperty('all', 'initial')
    document.body.append(this.host)
  }

  of(element: Element, property: string): string {
    const kind = `${element.namespaceURI} ${element.localName}`
    let style = this.styles.get(kind)
    if (!style) {
      const probe = document.createElementNS(element.namespaceURI, element.localName)
      this.root.append(probe)
      style = getComputedStyle(probe)
      this.styles.set(kind, style)
    }
    return style.getPropertyValue(property)
  }

  dispose(): void {
    this.host.remove()
  }
}

/** The SVG drawn on a canvas, as PNG. (The browser draws an SVG image without running anything in it.) */
async function drawPng(svg: string, width: number, height: number, background: string): Promise<Blob> {
  const scale = Math.min(PNG_PIXEL_RATIO, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_CANVAS_AREA / (width * height)))
  const image = new Image()
  // A data: URL, not a blob: one: Chromium taints a canvas that drew a blob: SVG with HTML inside.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.floor(width * scale))
  canvas.height = Math.max(1, Math.floor(height * scale))
  const context = canvas.getContext('2d')
  if (!context) throw new Error('the browser cannot draw here')
  context.fillStyle = background
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not make the PNG'))), 'image/png'),
  )
}
