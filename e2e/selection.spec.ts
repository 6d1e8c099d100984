import { test, expect } from './fixtures'
import {
  clickInText,
  editor,
  editorHighlight,
  editorSelection,
  flowNode,
  offsetOf,
  openDesigner,
  selectedNodeId,
  selectedWorkflow,
  stepSpan,
} from './designer'

test.describe('canvas and text select together', () => {
  test('clicking a node highlights its text, with the caret at its start and nothing selected', async ({ page }) => {
    await openDesigner(page)
    const span = await stepSpan(page, 'order_fulfillment', 'check_inventory')
    await flowNode(page, 'order_fulfillment/check_inventory').click()
    await expect.poll(() => editorHighlight(page)).toEqual(span)
    await expect.poll(() => editorSelection(page)).toEqual({ start: span.start, end: span.start })
    await expect.poll(() => selectedNodeId(page)).toBe('order_fulfillment/check_inventory')

    const branch = await stepSpan(page, 'order_fulfillment', 'notify_warehouse')
    await flowNode(page, 'order_fulfillment/notify_warehouse').click()
    await expect.poll(() => editorHighlight(page)).toEqual(branch)
    await expect.poll(() => editorSelection(page)).toEqual({ start: branch.start, end: branch.start })
  })

  test('moving the cursor selects the node', async ({ page }) => {
    await openDesigner(page)
    const branch = await stepSpan(page, 'order_fulfillment', 'reserve_inventory')
    await clickInText(page, branch.start + 3)
    await expect.poll(() => selectedNodeId(page)).toBe('order_fulfillment/reserve_inventory')
    await expect(flowNode(page, 'order_fulfillment/reserve_inventory')).toHaveClass(/\bselected\b/)

    // The arrow keys move the selection along with the cursor.
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => selectedNodeId(page)).toBe('order_fulfillment/reserve_inventory')
    const next = await stepSpan(page, 'order_fulfillment', 'notify_warehouse')
    await clickInText(page, next.start)
    await expect.poll(() => selectedNodeId(page)).toBe('order_fulfillment/notify_warehouse')
    await expect(flowNode(page, 'order_fulfillment/notify_warehouse')).toHaveClass(/\bselected\b/)
    await expect(flowNode(page, 'order_fulfillment/reserve_inventory')).not.toHaveClass(/\bselected\b/)
  })

  test('the cursor in another workflow shows that workflow; in a job, the jobs board', async ({ page }) => {
    await openDesigner(page)
    const step = await stepSpan(page, 'user_onboarding', 'setup_preferences')
    await clickInText(page, step.start + 1)
    await expect.poll(() => selectedWorkflow(page)).toBe('user_onboarding')
    await expect(flowNode(page, 'user_onboarding/setup_preferences')).toHaveClass(/\bselected\b/)

    await clickInText(page, (await offsetOf(page, 'task "database.backup"')) + 2)
    await expect.poll(() => selectedNodeId(page)).toBe('@job/weekly_backup')
    await expect(page.getByTestId('jobs').locator('[data-id="@job/weekly_backup"]')).toHaveClass(/\bselected\b/)
    await expect(editor(page)).toContainClass('focused')
  })
})
