/**
 * Any screen size (issue 12): at 900×700, 1,440×900 and 1,920×1,080 the
 * canvas and the text are both usable and nothing overlaps them; below
 * 1,200 px the side panels collapse to toggles; at 1,440 px the toolbar is
 * one row. Each size leaves a screenshot in the test's output folder.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { canvas, editor, openDesigner } from './designer'

interface Box {
  x: number
  y: number
  width: number
  height: number
}

const SIZES = [
  { width: 900, height: 700, compact: true },
  { width: 1440, height: 900, compact: false },
  { width: 1920, height: 1080, compact: false },
]

const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return box
}

/** The regions that must never cover one another, each as laid out now. */
async function regions(page: Page): Promise<Record<string, Box>> {
  const found: Record<string, Box> = {
    toolbar: await boxOf(page.locator('.cai-toolbar')),
    canvas: await boxOf(canvas(page)),
    text: await boxOf(editor(page)),
  }
  for (const [name, selector] of [
    ['outline', '.cai-outline-area'],
    ['inspector', '.cai-inspector-area'],
    ['problems', '.cai-problems-area'],
  ] as const) {
    const locator = page.locator(selector)
    if ((await locator.count()) > 0 && (await locator.isVisible())) {
      const box = await boxOf(locator)
      if (box.width > 0 && box.height > 0) found[name] = box
    }
  }
  return found
}

for (const { width, height, compact } of SIZES) {
  test(`at ${width}×${height} the canvas and the text are usable and nothing overlaps`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height })
    await openDesigner(page)
    const found = await regions(page)
    await page.screenshot({ path: testInfo.outputPath(`designer-${width}x${height}.png`) })

    for (const name of ['canvas', 'text'] as const) {
      const box = found[name]
      expect(box.width, `${name} width`).toBeGreaterThanOrEqual(compact ? 250 : 380)
      expect(box.height, `${name} height`).toBeGreaterThanOrEqual(compact ? 250 : 400)
      expect(box.x + box.width, `${name} inside the window`).toBeLessThanOrEqual(width + 1)
      expect(box.y + box.height, `${name} inside the window`).toBeLessThanOrEqual(height + 1)
    }
    const names = Object.keys(found)
    for (const a of names) {
      for (const b of names) {
        if (a < b) expect(overlap(found[a], found[b]), `${a} and ${b} overlap`).toBe(false)
      }
    }
    // The first fit uses the room the canvas has once laid out: the picture fills its width or its height.
    await expect.poll(async () => {
      const boxes: Box[] = await canvas(page).locator('.react-flow__node').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON()))
      const top = Math.min(...boxes.map((box) => box.y))
      const bottom = Math.max(...boxes.map((box) => box.y + box.height))
      const left = Math.min(...boxes.map((box) => box.x))
      const right = Math.max(...boxes.map((box) => box.x + box.width))
      return Math.max((right - left) / found.canvas.width, (bottom - top) / found.canvas.height)
    }).toBeGreaterThan(0.6)
    // One row of toolbar from 1,440 px on: its height is one control's, not two.
    if (!compact) expect(found.toolbar.height).toBeLessThan(60)
    // Below 1,200 px the side panels are toggles, not columns.
    if (compact) {
      for (const panel of ['outline', 'inspector'] as const) expect(found[panel]?.width ?? 0, `${panel} is a toggle`).toBeLessThan(48)
    }

    // The text pane takes keys at every size: type, and the canvas follows.
    await editor(page).click({ position: { x: 120, y: 60 } })
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\n// typed at this size')
    await expect.poll(() => page.evaluate(() => window.__caiDesigner.getText())).toContain('// typed at this size')
  })
}

test('the minimap never covers the picture after fit view, at the smallest size', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 700 })
  await openDesigner(page)
  const minimap = page.locator('.react-flow__minimap')
  await expect(minimap).toHaveCount(0)
  await canvas(page).getByRole('button', { name: 'Minimap', exact: true }).click()
  await expect(minimap).toBeVisible()
  // Fit view again with the minimap shown: it leaves the minimap its corner.
  await canvas(page).getByRole('button', { name: /fit view/i }).click()
  await expect.poll(async () => {
    const map = await boxOf(minimap)
    const boxes: Box[] = await canvas(page).locator(".react-flow__node").evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON()))
    return boxes.filter((box) => overlap(box, map)).length
  }).toBe(0)
})
