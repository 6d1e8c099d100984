/**
 * The canvas as a picture (SVG or PNG), in the colours it is shown in. After
 * React Flow's "download image" example: the viewport element rendered by
 * html-to-image (pinned at 1.11.11: later versions drop React Flow's edges),
 * framed around all nodes (getNodesBounds + getViewportForBounds) at zoom 1.
 * Node positions and sizes are read from the rendered nodes.
 */
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react'
import { toBlob, toSvg } from 'html-to-image'

export type ImageKind = 'svg' | 'png'

const PADDING = 32
/** PNG pixels per CSS pixel: sharp on high-density screens. (html-to-image scales down canvases too big to draw.) */
const PNG_PIXEL_RATIO = 2

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
  const options = {
    backgroundColor: backgroundOf(flow),
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
    // System fonts only: nothing to embed, nothing to fetch.
    skipFonts: true,
  }
  if (kind === 'svg') {
    const url = await toSvg(viewport, options)
    return new Blob([decodeURIComponent(url.slice(url.indexOf(',') + 1))], { type: 'image/svg+xml' })
  }
  const blob = await toBlob(viewport, { ...options, pixelRatio: PNG_PIXEL_RATIO })
  if (!blob) throw new Error('the browser could not draw the picture')
  return blob
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
