/**
 * The canvas as a picture (SVG or PNG), in the colours it is shown in. Drawn
 * from the document by the headless SVG writer (src/diagram/), the same graph
 * and layout the canvas shows, not copied from the DOM: real shapes and text,
 * every edge and label, safe for any character. The PNG is that SVG drawn on
 * a canvas.
 */
import { jobsSvg } from '../diagram/jobs-svg'
import { workflowSvg } from '../diagram/svg'
import { LIGHT_THEME, type DiagramTheme } from '../diagram/theme'
import type { Job, TopItem, Workflow } from '../language/model'

export type ImageKind = 'svg' | 'png'

/** PNG pixels per CSS pixel: sharp on high-density screens... */
const PNG_PIXEL_RATIO = 2
/** ...within what browsers can draw on one canvas. */
const MAX_CANVAS_SIDE = 16_384
const MAX_CANVAS_AREA = 16_384 * 16_384

export class NothingToExportError extends Error {}

/** What the canvas shows: the store's parse, its last good declarations, and the view. */
export interface CanvasPicture {
  items: readonly TopItem[]
  lastGood: Readonly<Record<string, Workflow | Job>>
  selectedWorkflow: string | null
  mode: 'workflow' | 'jobs'
  dataFlow: boolean
}

/** The picture as SVG text, in the page's current colours. */
export function canvasSvg(picture: CanvasPicture, theme: DiagramTheme = pageTheme()): string {
  if (picture.mode === 'jobs') {
    const jobs = boardJobs(picture)
    if (jobs.length === 0) throw new NothingToExportError('There are no jobs to export.')
    return jobsSvg(jobs, { now: new Date(), theme })
  }
  const workflow = shownWorkflow(picture)
  if (!workflow) throw new NothingToExportError('There is no workflow on the canvas to export.')
  return workflowSvg(workflow, { theme, dataFlow: picture.dataFlow })
}

export async function exportCanvasImage(picture: CanvasPicture, kind: ImageKind): Promise<Blob> {
  const theme = pageTheme()
  const svg = canvasSvg(picture, theme)
  return kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : drawPng(svg, theme.background)
}

/** The selected workflow (the first when none is), or the last good picture of a broken one, as the canvas shows it. */
function shownWorkflow({ items, lastGood, selectedWorkflow }: CanvasPicture): Workflow | undefined {
  let name = selectedWorkflow ?? undefined
  for (const item of items) {
    if (name !== undefined) break
    if (item.kind === 'workflow' || (item.kind === 'broken' && item.declaration === 'workflow')) name = item.name
  }
  if (name === undefined) return undefined
  const parsed = items.find((item): item is Workflow => item.kind === 'workflow' && item.name === name)
  const good = lastGood[`workflow:${name}`]
  return parsed ?? (good?.kind === 'workflow' ? good : undefined)
}

/** The jobs on the board: parsed ones, and the last good parse of broken ones. */
function boardJobs({ items, lastGood }: CanvasPicture): Job[] {
  const jobs: Job[] = []
  for (const item of items) {
    if (item.kind === 'job') jobs.push(item)
    else if (item.kind === 'broken' && item.declaration === 'job' && item.name) {
      const good = lastGood[`job:${item.name}`]
      if (good?.kind === 'job') jobs.push(good)
    }
  }
  return jobs
}

const THEME_VARIABLES: Partial<Record<keyof DiagramTheme, string>> = {
  background: '--cai-bg',
  foreground: '--cai-fg',
  muted: '--cai-muted',
  border: '--cai-border',
  accent: '--cai-accent',
  error: '--cai-error',
  warning: '--cai-warning',
  info: '--cai-info',
  nodeBackground: '--cai-node-bg',
}

/** The page's theme colours (src/app/app.css); anything that is not a plain colour keeps the light default. */
function pageTheme(): DiagramTheme {
  const style = getComputedStyle(document.documentElement)
  const theme = { ...LIGHT_THEME }
  for (const [key, variable] of Object.entries(THEME_VARIABLES) as Array<[keyof DiagramTheme, string]>) {
    const value = style.getPropertyValue(variable).trim()
    if (/^#[0-9a-f]{3,8}$|^(?:rgb|hsl)a?\([\d.,%\s/]+\)$/i.test(value)) theme[key] = value
  }
  return theme
}

/** The SVG drawn on a canvas, as PNG. (The browser draws an SVG image without running anything in it.) */
async function drawPng(svg: string, background: string): Promise<Blob> {
  const size = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)
  const width = Number(size?.[1] ?? 1)
  const height = Number(size?.[2] ?? 1)
  const scale = Math.min(PNG_PIXEL_RATIO, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_CANVAS_AREA / (width * height)))
  const image = new Image()
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
