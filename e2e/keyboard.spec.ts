import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { clickInText, flowNode, openDesigner, selectedNodeId, stepSpan, storeText } from './designer'

/** Which region of the page holds the focus. */
const focusedRegion = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement
    const regions: [string, string][] = [
      ['toolbar', '.cai-toolbar'],
      ['outline', '.cai-outline-area'],
      ['canvas', '[data-testid="canvas"]'],
      ['text', '.cai-editor-area'],
      ['inspector', '.cai-inspector-area'],
      ['problems', '.cai-problems-area'],
    ]
    return regions.find(([, selector]) => active?.closest(selector))?.[0] ?? null
  })

test.describe('keyboard access', () => {
  test('F6 and Shift+F6 cycle through the regions in screen order', async ({ page }) => {
    await openDesigner(page)
    await page.locator('.cai-toolbar button').first().focus()
    const seen: (string | null)[] = []
    for (let n = 0; n < 6; n++) {
      await page.keyboard.press('F6')
      seen.push(await focusedRegion(page))
    }
    expect(seen).toEqual(['outline', 'canvas', 'text', 'inspector', 'problems', 'toolbar'])
    // Backwards from the toolbar: round to the last region.
    await page.keyboard.press('Shift+F6')
    await expect.poll(() => focusedRegion(page)).toBe('problems')
    await page.keyboard.press('Shift+F6')
    await expect.poll(() => focusedRegion(page)).toBe('inspector')
  })

  test('in the text, Tab indents; Esc then Tab leaves; Ctrl+M makes Tab move the focus, and the hint says so', async ({ page }) => {
    await openDesigner(page)
    const span = await stepSpan(page, 'order_fulfillment', 'check_inventory')
    await clickInText(page, span.start)
    const before = await storeText(page)
    await page.keyboard.press('Tab')
    await expect.poll(() => storeText(page)).not.toBe(before)
    await page.keyboard.press('Control+z')
    await expect.poll(() => storeText(page)).toBe(before)

    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    await expect.poll(() => focusedRegion(page)).not.toBe('text')
    expect(await storeText(page)).toBe(before)

    // Back by the keyboard: the hint shows.
    await page.keyboard.press('Shift+Tab')
    await expect.poll(() => focusedRegion(page)).toBe('text')
    await expect(page.getByTestId('editor-hint')).toContainText('Esc then Tab')
    await page.keyboard.press('Control+m')
    await expect(page.getByTestId('editor-hint')).toContainText('Tab moves the focus')
    await page.keyboard.press('Tab')
    await expect.poll(() => focusedRegion(page)).not.toBe('text')
    expect(await storeText(page)).toBe(before)
  })

  test('Enter on a node puts the focus in the inspector; Esc brings it back to the node', async ({ page }) => {
    await openDesigner(page)
    const node = flowNode(page, 'order_fulfillment/check_inventory')
    await node.click()
    await node.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedRegion(page)).toBe('inspector')
    await expect(page.locator('.cai-inspector-form :focus')).toHaveCount(1)
    await page.keyboard.press('Escape')
    await expect(node).toBeFocused()
  })

  test('? opens the help sheet, generated from the registry and searchable', async ({ page }) => {
    await openDesigner(page)
    await page.locator('.cai-toolbar button').first().focus()
    await page.keyboard.press('?')
    const sheet = page.getByTestId('help-sheet')
    await expect(sheet).toBeVisible()
    // Every command button of the toolbar is an action the sheet lists.
    const listed = await sheet.locator('[data-action]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')))
    const buttons = await page.locator('.cai-toolbar button[data-action]').evaluateAll((all) => all.map((button) => button.getAttribute('data-action')))
    expect(buttons.length).toBeGreaterThan(10)
    for (const id of buttons) expect(listed).toContain(id)
    await sheet.getByRole('searchbox').fill('undo')
    await expect(sheet.locator('[data-action]')).toHaveCount(1)
    await expect(sheet.locator('[data-action="undo"]')).toContainText('Ctrl+Z')
    await sheet.getByRole('button', { name: 'Close' }).click()
    await expect(sheet).toBeHidden()
  })

  test('Ctrl+F on the canvas finds a step by its activity and selects it', async ({ page }) => {
    await openDesigner(page)
    const node = flowNode(page, 'order_fulfillment/check_inventory')
    await node.click()
    await node.focus()
    await page.keyboard.press('Control+f')
    const search = page.getByTestId('canvas-search')
    await expect(search).toBeVisible()
    const activity = await page.evaluate(() => {
      const item = window.__caiDesigner.getState().parsed.doc.items.find((each) => each.kind === 'workflow' && each.name === 'order_fulfillment')
      if (item?.kind !== 'workflow') return null
      const last = item.steps.items[item.steps.items.length - 1]
      return last.kind === 'step' ? { name: last.name, activity: last.activity?.value ?? '' } : null
    })
    if (!activity) throw new Error('the example workflow does not end with a step')
    await page.keyboard.type(activity.activity)
    await page.keyboard.press('Enter')
    await expect(search).toBeHidden()
    await expect.poll(() => selectedNodeId(page)).toBe(`order_fulfillment/${activity.name}`)
  })

  test('the undo button names the step it would undo', async ({ page }) => {
    await openDesigner(page)
    const node = flowNode(page, 'order_fulfillment/check_inventory')
    await node.click()
    await node.focus()
    await page.keyboard.press('Control+d')
    await expect(page.locator('.cai-toolbar [data-action="undo"]')).toHaveAttribute('title', /^Undo: duplicate step check_inventory/)
  })
})
