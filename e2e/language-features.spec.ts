import { test, expect } from './fixtures'
import { clickInText, loadText, offsetOf, openDesigner, selectText, storeText } from './designer'

test.describe('the text pane understands the language', () => {
  test('hovering a schedule explains it', async ({ page }) => {
    await openDesigner(page)
    const cron = await offsetOf(page, '"0 6 * * *"')
    const hover = page.locator('.monaco-hover').filter({ hasText: /06:00/ })
    // The editor may still be laying out or scrolling when the pointer first arrives: point again until it answers.
    await expect(async () => {
      const point = await page.evaluate((offset) => window.__caiDesigner.getEditorPoint(offset), cron + 3)
      expect(point).not.toBeNull()
      await page.mouse.move(0, 0)
      await page.mouse.move(point!.x, point!.y)
      await expect(hover).toBeVisible({ timeout: 2_000 })
    }).toPass({ timeout: 15_000 })
  })

  test('completion after `steps.` offers the earlier steps', async ({ page }) => {
    await openDesigner(page)
    const value = 'steps.fetch_sales_data.output.orders'
    const start = await offsetOf(page, value)
    await selectText(page, { start, end: start + value.length })
    await page.keyboard.type('steps.')
    const suggestions = page.locator('.suggest-widget')
    await expect(suggestions).toBeVisible()
    await expect(suggestions).toContainText('calculate_date_range')
    await expect(suggestions).toContainText('fetch_sales_data')
    await expect.poll(() => storeText(page)).toContain('orders: "steps."')
  })

  test('renaming a step offers no new step: Enter breaks the line and the step keeps its block', async ({ page }) => {
    await openDesigner(page)
    const at = (await offsetOf(page, 'check_inventory {')) + 'check_inventory'.length
    await clickInText(page, at)
    await page.keyboard.type('2')
    await expect.poll(() => storeText(page)).toContain('check_inventory2 {')
    await expect(page.locator('.suggest-widget.visible')).toHaveCount(0)
    await page.keyboard.press('Enter')
    // Before, the open suggestion took the Enter and wrote a new step block in front of the step's own.
    await expect.poll(() => storeText(page)).toMatch(/check_inventory2\n\s*\{\n\s*activity "inventory\.check"/)
    expect(await storeText(page)).not.toContain('} {')
  })
})

test.describe('quick fixes', () => {
  test("a colon-style line gets CodeAI's form from the quick fix (Ctrl+.)", async ({ page }) => {
    await openDesigner(page)
    await loadText(page, 'job daily_report {\n\tschedule: "0 6 * * *"\n\ttask "reports.daily"\n}\n')
    const at = await offsetOf(page, 'schedule:')
    await clickInText(page, at + 2)
    await page.keyboard.press('Control+.')
    const menu = page.locator('.action-widget').first()
    await expect(menu).toContainText('Write schedule "0 6 * * *"')
    await page.keyboard.press('Enter')
    await expect.poll(() => storeText(page)).toBe('job daily_report {\n\tschedule "0 6 * * *"\n\ttask "reports.daily"\n}\n')
  })
})
