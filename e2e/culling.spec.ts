/**
 * A 10,000-step workflow: React Flow is handed only what is near the view
 * (src/canvas/cull.ts). What is drawn follows the view; selection, search and
 * the text's caret bring an off-screen step into view; dragging a step still
 * moves it in the text. How fast is measured by `npm run bench:ui`, not here.
 */
import type { Page } from '@playwright/test'
import { test, expect as baseExpect } from './fixtures'
import { canvas, flowNode, loadText, offsetOf, openDesigner, selectedNodeId, stepSpan } from './designer'
import { generateCaiFile } from '../bench/generate'

/** Waits for the page's work as long as a busy machine needs: a wait, never a time limit. */
const expect = baseExpect.configure({ timeout: 30_000 })

const STEPS = 10_000
const WORKFLOW = 'generated_0'
const stepId = (n: number) => `${WORKFLOW}/step_${String(n).padStart(5, '0')}`
const drawnNodes = (page: Page) => canvas(page).locator('.react-flow__node')

async function openBig(page: Page): Promise<void> {
  await openDesigner(page)
  await loadText(page, generateCaiFile({ steps: STEPS, jobs: false }))
  await expect(flowNode(page, stepId(0))).toBeVisible()
}

/** The ids of the step nodes in the DOM, by step number. */
async function drawnSteps(page: Page): Promise<number[]> {
  const ids = await drawnNodes(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''))
  return ids.flatMap((id) => (/\/step_(\d+)$/.exec(id) ? [Number(/\/step_(\d+)$/.exec(id)![1])] : [])).sort((a, b) => a - b)
}

/** Drags the empty canvas by `dy` pixels, from the free point nearest its middle (never a node: that would move it). */
async function panBy(page: Page, dy: number): Promise<void> {
  const box = (await canvas(page).locator('.react-flow__pane').boundingBox())!
  const free = await page.evaluate(
    ({ left, right, top, bottom }) => {
      const middle = (top + bottom) / 2
      for (let d = 0; middle - d >= top; d += 20) {
        for (const y of [middle - d, middle + d]) {
          for (let x = left; x < right; x += 10) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y }
        }
      }
      return null
    },
    { left: box.x + 20, right: box.x + box.width - 20, top: box.y + Math.max(0, -dy) + 20, bottom: box.y + box.height - Math.max(0, dy) - 20 },
  )
  if (!free) throw new Error('no empty canvas to drag')
  const from = free
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x, from.y + (dy * i) / 10)
  await page.mouse.up()
}

/** Whether the node `id` is drawn wholly inside the canvas on screen (false, without waiting, when it is not drawn). */
const insideCanvas = (page: Page, id: string): Promise<boolean> =>
  page.evaluate((wanted) => {
    const node = [...document.querySelectorAll('[data-testid="canvas"] .react-flow__node')].find((each) => each.getAttribute('data-id') === wanted)
    const pane = document.querySelector('[data-testid="canvas"]')
    if (!node || !pane) return false
    const shown = node.getBoundingClientRect()
    const box = pane.getBoundingClientRect()
    return shown.left >= box.left && shown.top >= box.top && shown.right <= box.right && shown.bottom <= box.bottom
  }, id)

test.describe('a 10,000-step workflow', () => {
  test.setTimeout(180_000)

  test('draws a screen of it; a step panned into view appears, and one panned far away goes', async ({ page }) => {
    await openBig(page)
    const count = await drawnNodes(page).count()
    expect(count).toBeGreaterThan(3)
    expect(count).toBeLessThan(600)

    const first = await drawnSteps(page)
    // A step in the sequence, not in a parallel lane (the pattern of ten puts steps 2 to 4 and 6 to 8 in lanes).
    const below = Math.ceil((first[first.length - 1] + 25) / 10) * 10
    await expect(flowNode(page, stepId(below))).toHaveCount(0)
    // Up the picture, a half screen at a time, until the step comes into view.
    for (let pans = 0; pans < 30 && !(await insideCanvas(page, stepId(below))); pans++) await panBy(page, -400)
    await expect.poll(() => insideCanvas(page, stepId(below))).toBe(true)
    // The picture near the top is no longer drawn, and what is drawn is still a screen's worth.
    await expect(flowNode(page, stepId(0))).toHaveCount(0)
    expect(await drawnNodes(page).count()).toBeLessThan(600)
  })

  test('the search selects a step far down and brings it into view', async ({ page }) => {
    await openBig(page)
    const target = stepId(7_777)
    await expect(flowNode(page, target)).toHaveCount(0)
    const first = flowNode(page, stepId(0))
    await first.click()
    await first.focus()
    await page.keyboard.press('Control+f')
    const search = page.getByTestId('canvas-search')
    await expect(search).toBeVisible()
    await page.keyboard.type('step_07777')
    await page.keyboard.press('Enter')
    await expect(search).toBeHidden()
    await expect.poll(() => selectedNodeId(page)).toBe(target)
    await expect.poll(() => insideCanvas(page, target)).toBe(true)
    await expect(flowNode(page, target)).toHaveClass(/\bselected\b/)
  })

  test('the arrow keys walk down the picture past the drawn part: the selected step is drawn, in view and focused', async ({ page }) => {
    await openBig(page)
    const first = flowNode(page, stepId(0))
    await first.click()
    await first.focus()
    const before = await drawnSteps(page)
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown')
    const selected = await selectedNodeId(page)
    const number = Number(/step_(\d+)$/.exec(selected ?? '')?.[1] ?? -1)
    // Forty rows down: past what was drawn at first.
    expect(number).toBeGreaterThan(before[before.length - 1])
    await expect.poll(() => insideCanvas(page, selected!)).toBe(true)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(selected)
  })

  test('steps first drawn while zoomed far out keep their edges on them when zoomed back in', async ({ page }) => {
    await openBig(page)
    const flow = canvas(page).locator('.react-flow')
    const pane = (await canvas(page).locator('.react-flow__pane').boundingBox())!
    const wheel = async (dy: number) => {
      await page.mouse.move(pane.x + 30, pane.y + pane.height / 2)
      await page.mouse.wheel(0, dy)
    }
    // Far out (bare cards), then up the picture: steps not drawn before are drawn now, bare.
    await expect.poll(async () => (await wheel(300), flow.getAttribute('class'))).toMatch(/\bcai-far\b/)
    const atFar = new Set(await drawnSteps(page))
    for (let pans = 0; pans < 30 && (await drawnSteps(page)).every((n) => atFar.has(n)); pans++) await panBy(page, -400)
    const drawnFar = (await drawnSteps(page)).filter((n) => !atFar.has(n))
    expect(drawnFar.length).toBeGreaterThan(0)
    // Back in, around one of those steps (it stays under the pointer, so stays drawn): full cards again.
    const around = (await flowNode(page, stepId(drawnFar[0])).boundingBox())!
    await page.mouse.move(around.x + around.width / 2, around.y + around.height / 2)
    await expect.poll(async () => (await page.mouse.wheel(0, -300), flow.getAttribute('class'))).not.toMatch(/\bcai-far\b/)

    /** Each drawn edge into a step drawn since the start, with how far its end is from the step's top middle (screen pixels). */
    const ends = () =>
      page.evaluate((fresh) => {
        const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).m22
        return [...document.querySelectorAll<SVGPathElement>('[data-testid="canvas"] .react-flow__edge path.react-flow__edge-path')].flatMap((path) => {
          const target = (path.closest('.react-flow__edge')?.getAttribute('aria-label') ?? '').replace(/^Edge from .* to /, '')
          const number = Number(/\/step_(\d+)$/.exec(target)?.[1] ?? -1)
          const node = document.querySelector(`[data-testid="canvas"] .react-flow__node[data-id="${CSS.escape(target)}"]`)
          if (!node || !fresh.includes(number)) return []
          const end = path.getPointAtLength(path.getTotalLength()).matrixTransform(path.getScreenCTM()!)
          const box = node.getBoundingClientRect()
          // The edge ends on its anchor: at the middle, half the anchor's 8 px above the top.
          return [{ target, dx: Math.round(end.x - (box.left + box.width / 2)), dy: Math.round(end.y - (box.top - 4 * zoom)) }]
        })
      }, drawnFar)
    const measured = await ends()
    expect(measured.length).toBeGreaterThan(0)
    expect(measured.filter(({ dx, dy }) => Math.abs(dx) > 1 || Math.abs(dy) > 1)).toEqual([])
  })

  test('the caret in an off-screen step’s text selects it and brings it into view', async ({ page }) => {
    await openBig(page)
    const target = stepId(9_001)
    await expect(flowNode(page, target)).toHaveCount(0)
    const at = (await offsetOf(page, 'step_09001 {')) + 3
    await page.evaluate((offset) => window.__caiDesigner.setEditorSelection({ start: offset, end: offset }), at)
    await expect.poll(() => selectedNodeId(page)).toBe(target)
    await expect.poll(() => insideCanvas(page, target)).toBe(true)
  })

  test('a step dragged below another moves there in the text', async ({ page }) => {
    await openBig(page)
    // step_00000 and step_00001 run in sequence; step_00005 follows a parallel block.
    const moving = flowNode(page, stepId(0))
    const after = flowNode(page, stepId(5))
    await expect(after).toBeVisible()
    const from = (await moving.boundingBox())!
    const target = (await after.boundingBox())!
    const to = { x: target.x + target.width / 2, y: target.y + target.height + 12 }
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + from.width / 2 + ((to.x - from.x - from.width / 2) * i) / 10, from.y + from.height / 2 + ((to.y - from.y - from.height / 2) * i) / 10)
    await expect(canvas(page).getByTestId('drop-marker')).toBeVisible()
    await page.mouse.up()
    await expect.poll(async () => (await stepSpan(page, WORKFLOW, 'step_00000')).start).toBeGreaterThan((await stepSpan(page, WORKFLOW, 'step_00005')).start)
    // One step moved: still 10,000 of them, and the picture follows where the user is looking.
    const text = await page.evaluate(() => window.__caiDesigner.getText())
    expect(text.match(/^\t+step_\d{5} \{$/gm)).toHaveLength(STEPS)
    await expect.poll(async () => (await flowNode(page, stepId(0)).boundingBox())?.y ?? 0).toBeGreaterThan((await after.boundingBox())!.y)
  })
})
