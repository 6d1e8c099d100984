/** Page helpers for the designer's end-to-end tests. State is read through `window.__caiDesigner`. */
import type { Locator, Page } from '@playwright/test'
import type { Span } from '../src/language/model'
import { expect } from './fixtures'

export const canvas = (page: Page): Locator => page.getByTestId('canvas')
export const outline = (page: Page): Locator => page.getByTestId('outline')
export const problems = (page: Page): Locator => page.getByTestId('problems')
export const editor = (page: Page): Locator => page.locator('.monaco-editor').first()

/** A React Flow node by its id (see src/store/node-ids.ts). */
export const flowNode = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`)

/** The React Flow edge from one node to another (React Flow's default edge label names both ends). */
export const flowEdge = (page: Page, source: string, target: string): Locator =>
  page.locator(`.react-flow__edge[aria-label="Edge from ${source} to ${target}"]`)

/** Loading the page and its lazily loaded editor can take long on a busy machine: a wait, not a limit. */
const PAGE_LOAD = { timeout: 30_000 }

/** Opens the designer on its default document and waits until canvas and editor show it. */
export async function openDesigner(page: Page): Promise<void> {
  await page.goto('./')
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible(PAGE_LOAD)
  await expect(editor(page)).toBeVisible(PAGE_LOAD)
  await expect.poll(() => editorText(page), PAGE_LOAD).toBe(await storeText(page))
}

export const storeText = (page: Page): Promise<string> => page.evaluate(() => window.__caiDesigner.getText())
export const editorText = (page: Page): Promise<string | null> => page.evaluate(() => window.__caiDesigner.getEditorText())
export const editorSelection = (page: Page): Promise<Span | null> =>
  page.evaluate(() => window.__caiDesigner.getEditorSelection())
export const selectedNodeId = (page: Page): Promise<string | null> =>
  page.evaluate(() => window.__caiDesigner.getState().selectedNodeId)
export const selectedWorkflow = (page: Page): Promise<string | null> =>
  page.evaluate(() => window.__caiDesigner.getState().selectedWorkflow)

/** Replaces the whole text as an edit of the same document (a paste over everything). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => window.__caiDesigner.pasteText(value), text)
  await expect.poll(() => editorText(page)).toBe(text)
}

/** Replaces the whole text, as opening a file would, and waits for the editor to show it. */
export async function loadText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => window.__caiDesigner.setText(value), text)
  await expect.poll(() => editorText(page)).toBe(text)
}

/** The offset of the `occurrence`-th (from 0) `needle` in the store's text. */
export async function offsetOf(page: Page, needle: string, occurrence = 0): Promise<number> {
  const text = await storeText(page)
  let offset = -1
  for (let n = 0; n <= occurrence; n++) {
    offset = text.indexOf(needle, offset + 1)
    if (offset < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`)
  }
  return offset
}

/** The source span of a step of a workflow, from the parsed document. */
export async function stepSpan(page: Page, workflow: string, step: string): Promise<Span> {
  const span = await page.evaluate(
    ([workflowName, stepName]) => {
      const item = window.__caiDesigner
        .getState()
        .parsed.doc.items.find((candidate) => candidate.kind === 'workflow' && candidate.name === workflowName)
      if (!item || item.kind !== 'workflow') return null
      const steps = item.steps.items.flatMap((entry) => (entry.kind === 'step' ? [entry] : entry.branches))
      return steps.find((candidate) => candidate.name === stepName)?.span ?? null
    },
    [workflow, step] as const,
  )
  if (!span) throw new Error(`no step ${workflow}/${step}`)
  return span
}

/** Clicks into the editor text just before `offset`, as a user would, and checks the cursor landed there. */
export async function clickInText(page: Page, offset: number): Promise<void> {
  const point = await page.evaluate((at) => window.__caiDesigner.getEditorPoint(at), offset)
  if (!point) throw new Error('the editor has not loaded')
  await page.mouse.click(point.x, point.y)
  await expect.poll(() => editorSelection(page)).toEqual({ start: offset, end: offset })
}

export const editorHighlight = (page: Page): Promise<Span | null> =>
  page.evaluate(() => window.__caiDesigner.getEditorHighlight())

/** Selects a range of the text as a user would by dragging over it, focusing the editor. */
export async function selectText(page: Page, span: Span): Promise<void> {
  await page.evaluate((range) => window.__caiDesigner.setEditorSelection(range), span)
  await expect.poll(() => editorSelection(page)).toEqual(span)
}

/** The name span of a workflow or job declaration. */
export async function declarationNameSpan(page: Page, name: string): Promise<Span> {
  const span = await page.evaluate(
    (wanted) => {
      for (const item of window.__caiDesigner.getState().parsed.doc.items) {
        if ((item.kind === 'workflow' || item.kind === 'job') && item.name === wanted) return item.nameSpan ?? null
      }
      return null
    },
    name,
  )
  if (!span) throw new Error(`no declaration ${name}`)
  return span
}

/** The `.react-flow__viewport` transform: where the canvas is panned and zoomed. */
export const viewportTransform = (page: Page): Promise<string> =>
  canvas(page).locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform)
