import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { canvas, clickInText, editorText, flowNode, offsetOf, openDesigner, storeText } from './designer'
import { commit, expectText, field, inspector, replaceOnce, selectOnCanvas } from './inspector-page'

/** The store's text and the editor's are both `expected`. */
async function expectBoth(page: Page, expected: string): Promise<void> {
  await expectText(page, expected)
  await expect.poll(() => editorText(page)).toBe(expected)
}

/** Moves focus off any field or editor, as clicking a blank part of the page does. */
async function focusPage(page: Page): Promise<void> {
  await inspector(page).getByRole('heading', { name: 'Inspector' }).click()
  await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true)
}

const toolbarButton = (page: Page, name: 'Undo' | 'Redo') => page.locator('.cai-toolbar').getByRole('button', { name: new RegExp(`^${name}`) })

const VALIDATE = 'order_fulfillment/validate_order'
const CONFIRM = 'order_fulfillment/send_confirmation'

test.describe('undo and redo', () => {
  test('an inspector edit is undone by Ctrl+Z outside the editor and by the toolbar, text and picture', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectOnCanvas(page, VALIDATE, /^Step validate_order/)

    await commit(field(page, 'Activity'), 'orders.check')
    const activityEdited = replaceOnce(original, 'activity "orders.validate"', 'activity "orders.check"')
    await expectBoth(page, activityEdited)
    await expect(flowNode(page, VALIDATE)).toContainText('orders.check')

    await focusPage(page)
    await page.keyboard.press('Control+z')
    await expectBoth(page, original)
    await expect(flowNode(page, VALIDATE)).toContainText('orders.validate')
    await expect(field(page, 'Activity')).toHaveValue('orders.validate')

    await page.keyboard.press('Control+Shift+z')
    await expectBoth(page, activityEdited)
    await expect(flowNode(page, VALIDATE)).toContainText('orders.check')

    await toolbarButton(page, 'Undo').click()
    await expectBoth(page, original)
    await expect(flowNode(page, VALIDATE)).toContainText('orders.validate')

    await toolbarButton(page, 'Redo').click()
    await expectBoth(page, activityEdited)
    await expect(field(page, 'Activity')).toHaveValue('orders.check')
  })

  test('a burst of typing in the editor is one step, undone and redone with the editor keys', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await clickInText(page, (await offsetOf(page, 'orders.validate"')) + 'orders.validate'.length)
    await page.keyboard.type('_and_check')
    const typed = replaceOnce(original, 'activity "orders.validate"', 'activity "orders.validate_and_check"')
    await expectBoth(page, typed)
    await expect(flowNode(page, VALIDATE)).toContainText('orders.validate_and_check')

    await page.keyboard.press('Control+z')
    await expectBoth(page, original)
    await expect(flowNode(page, VALIDATE)).not.toContainText('orders.validate_and_check')

    await page.keyboard.press('Control+Shift+z')
    await expectBoth(page, typed)
    await page.keyboard.press('Control+z')
    await expectBoth(page, original)
    await page.keyboard.press('Control+y')
    await expectBoth(page, typed)
    await expect(flowNode(page, VALIDATE)).toContainText('orders.validate_and_check')
  })

  test('a sequence of inspector and text edits is undone step by step, then redone; switching panes changes nothing', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)

    // 1. Inspector: a step's activity.
    await selectOnCanvas(page, VALIDATE, /^Step validate_order/)
    await commit(field(page, 'Activity'), 'orders.check')
    const first = replaceOnce(original, 'activity "orders.validate"', 'activity "orders.check"')
    await expectBoth(page, first)

    // 2. Text: typing in the editor (switching from the inspector to the text pane).
    await clickInText(page, (await offsetOf(page, 'notifications.send_email"')) + 'notifications.send_email'.length)
    expect(await storeText(page)).toBe(first)
    await page.keyboard.type('_v2')
    const confirmation = '\n\t\t\tinput {\n\t\t\t\ttemplate: "order_confirmation"'
    const second = replaceOnce(first, `"notifications.send_email"${confirmation}`, `"notifications.send_email_v2"${confirmation}`)
    await expectBoth(page, second)

    // 3. Inspector again: a condition (switching back to the canvas and the inspector).
    await selectOnCanvas(page, CONFIRM, /^Step send_confirmation/)
    expect(await storeText(page)).toBe(second)
    const totalLine = '\t\t\t\ttotal: "steps.validate_order.output.total"\n\t\t\t}\n'
    await commit(field(page, 'Condition (if)'), 'steps.process_payment.output.ok == true')
    const third = replaceOnce(second, totalLine, `${totalLine}\t\t\tif "steps.process_payment.output.ok == true"\n`)
    await expectBoth(page, third)

    // Switching panes and views changes nothing.
    await canvas(page).locator('.react-flow__pane').click({ position: { x: 20, y: 20 } })
    await page.getByRole('group', { name: 'Canvas view' }).getByRole('button', { name: 'Jobs' }).click()
    await page.getByRole('group', { name: 'Canvas view' }).getByRole('button', { name: 'Workflow' }).click()
    await expect(flowNode(page, CONFIRM)).toBeVisible()
    expect(await storeText(page)).toBe(third)

    // Undo: from the page, from the toolbar, from inside the editor.
    await focusPage(page)
    await page.keyboard.press('Control+z')
    await expectBoth(page, second)
    await expect(flowNode(page, CONFIRM)).toContainText('notifications.send_email_v2')
    await toolbarButton(page, 'Undo').click()
    await expectBoth(page, first)
    await expect(flowNode(page, CONFIRM)).not.toContainText('send_email_v2')
    await clickInText(page, 0)
    await page.keyboard.press('Control+z')
    await expectBoth(page, original)
    await expect(flowNode(page, VALIDATE)).toContainText('orders.validate')

    // Redo all three: Ctrl+Shift+Z and Ctrl+Y in the editor, then the toolbar.
    await page.keyboard.press('Control+Shift+z')
    await expectBoth(page, first)
    await page.keyboard.press('Control+y')
    await expectBoth(page, second)
    await toolbarButton(page, 'Redo').click()
    await expectBoth(page, third)
    await expect(flowNode(page, VALIDATE)).toContainText('orders.check')
    await expect(flowNode(page, CONFIRM)).toContainText('notifications.send_email_v2')
  })
})
