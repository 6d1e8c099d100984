import { test, expect } from './fixtures'
import { clickInText, editorHighlight, editorSelection, editorText, flowNode, openDesigner, outline, selectText, stepSpan, storeText } from './designer'

/** `text` with `inserted` put in at `offset`. */
const insertAt = (text: string, offset: number, inserted: string) => text.slice(0, offset) + inserted + text.slice(offset)

test.describe('the text pane never eats a step', () => {
  test('click a node, click inside its text, type: only that character changes', async ({ page }) => {
    await openDesigner(page)
    const span = await stepSpan(page, 'order_fulfillment', 'check_inventory')
    await flowNode(page, 'order_fulfillment/check_inventory').click()
    await expect.poll(() => editorHighlight(page)).toEqual(span)
    const before = await storeText(page)

    const inside = span.start + 7
    await clickInText(page, inside)
    await page.keyboard.type('Q')
    await expect.poll(() => storeText(page)).toBe(insertAt(before, inside, 'Q'))
    await expect.poll(() => editorText(page)).toBe(insertAt(before, inside, 'Q'))
    // An edit ends the highlight.
    await expect.poll(() => editorHighlight(page)).toBeNull()
  })

  test('a click inside a selection places the caret, so the next key replaces nothing', async ({ page }) => {
    await openDesigner(page)
    const span = await stepSpan(page, 'order_fulfillment', 'check_inventory')
    await selectText(page, span)
    const before = await storeText(page)

    // Without Monaco's drag-and-drop contribution this click left the selection as it was.
    const inside = span.start + 10
    await clickInText(page, inside)
    await page.keyboard.press('Backspace')
    await expect.poll(() => storeText(page)).toBe(before.slice(0, inside - 1) + before.slice(inside))
  })

  test('a job chosen in the outline is highlighted, not selected', async ({ page }) => {
    await openDesigner(page)
    const job = await page.evaluate(() => {
      const item = window.__caiDesigner.getState().parsed.doc.items.find((each) => each.kind === 'job')
      return item?.kind === 'job' && item.span ? { name: item.name, span: item.span } : null
    })
    if (!job) throw new Error('the example has no job')
    await outline(page).getByRole('button', { name: new RegExp(job.name) }).first().click()
    await expect.poll(() => editorHighlight(page)).toEqual(job.span)
    await expect.poll(() => editorSelection(page)).toEqual({ start: job.span.start, end: job.span.start })
  })
})
