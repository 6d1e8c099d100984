import { test, expect } from './fixtures'
import {
  canvas,
  clickInText,
  declarationNameSpan,
  editor,
  editorText,
  flowNode,
  offsetOf,
  openDesigner,
  outline,
  problems,
  selectText,
  stepSpan,
  storeText,
  viewportTransform,
} from './designer'

test.describe('editing the text updates the canvas', () => {
  test('typing a new step adds its node', async ({ page }) => {
    await openDesigner(page)
    const after = await stepSpan(page, 'order_fulfillment', 'send_confirmation')
    await clickInText(page, after.end)
    await page.keyboard.press('Enter')
    await page.keyboard.type('archive_order { activity "orders.archive" }')
    await page.keyboard.press('Escape')

    await expect(flowNode(page, 'order_fulfillment/archive_order')).toBeVisible()
    await expect.poll(() => storeText(page)).toContain('archive_order { activity "orders.archive" }')
    expect(await editorText(page)).toBe(await storeText(page))
    const archive = await stepSpan(page, 'order_fulfillment', 'archive_order')
    expect(archive.start).toBeGreaterThan(after.end)
  })

  test('deleting a step removes its node', async ({ page }) => {
    await openDesigner(page)
    await expect(flowNode(page, 'order_fulfillment/send_confirmation')).toBeVisible()
    await selectText(page, await stepSpan(page, 'order_fulfillment', 'send_confirmation'))
    await page.keyboard.press('Delete')

    await expect(flowNode(page, 'order_fulfillment/send_confirmation')).toHaveCount(0)
    await expect(flowNode(page, 'order_fulfillment/process_payment')).toBeVisible()
    expect(await storeText(page)).not.toContain('send_confirmation')
  })

  test('renaming a workflow moves its outline entry and keeps it selected', async ({ page }) => {
    await openDesigner(page)
    await outline(page).getByRole('button', { name: 'user_onboarding' }).click()
    await expect(flowNode(page, 'user_onboarding/create_profile')).toBeVisible()

    await selectText(page, await declarationNameSpan(page, 'user_onboarding'))
    await page.keyboard.type('member_onboarding')
    await page.keyboard.press('Escape')

    const workflows = outline(page).locator('li[data-kind="workflow"]')
    await expect(workflows).toHaveText(['order_fulfillment', 'daily_sales_report', 'member_onboarding'])
    await expect(outline(page).getByRole('button', { name: 'member_onboarding' })).toHaveAttribute('aria-current', 'true')
    await expect(flowNode(page, 'member_onboarding/create_profile')).toBeVisible()
    await expect(flowNode(page, 'user_onboarding/create_profile')).toHaveCount(0)
  })

  test('editing does not move the canvas viewport', async ({ page }) => {
    await openDesigner(page)
    const before = await viewportTransform(page)
    const name = await stepSpan(page, 'order_fulfillment', 'validate_order')
    await clickInText(page, name.start + 'validate_order'.length)
    await page.keyboard.type('_now')
    await expect(flowNode(page, 'order_fulfillment/validate_order_now')).toBeVisible()
    expect(await viewportTransform(page)).toBe(before)

    const last = await stepSpan(page, 'order_fulfillment', 'send_confirmation')
    await clickInText(page, last.end)
    await page.keyboard.press('Enter')
    await page.keyboard.type('audit { activity "orders.audit" }')
    await page.keyboard.press('Escape')
    await expect(flowNode(page, 'order_fulfillment/audit')).toBeVisible()
    expect(await viewportTransform(page)).toBe(before)
  })
})

test.describe('a syntax error', () => {
  test('is marked and listed, greys only its workflow, and clears when fixed', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    const timeout = await offsetOf(page, 'timeout "2h"')
    await clickInText(page, timeout + 'timeout "2h"'.length)
    await page.keyboard.type(' oops')

    // Marked in the text and listed as a problem.
    await expect(editor(page).locator('.squiggly-error').first()).toBeVisible()
    await expect(problems(page).locator('li[data-severity="error"]').first()).toBeVisible()
    const syntaxErrors = await page.evaluate(() => window.__caiDesigner.getState().parsed.diagnostics.length)
    expect(syntaxErrors).toBeGreaterThan(0)
    await expect(outline(page).locator('li[data-name="order_fulfillment"]')).toHaveAttribute('data-broken', 'true')

    // The broken workflow keeps its last good picture, greyed.
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toBeVisible()
    await expect(canvas(page)).toContainClass('cai-stale')

    // The other workflows stay live.
    await outline(page).getByRole('button', { name: 'daily_sales_report' }).click()
    await expect(flowNode(page, 'daily_sales_report/aggregate_metrics')).toBeVisible()
    await expect(canvas(page)).not.toContainClass('cai-stale')
    const aggregate = await stepSpan(page, 'daily_sales_report', 'aggregate_metrics')
    await clickInText(page, aggregate.start + 'aggregate_metrics'.length)
    await page.keyboard.type('_v2')
    await expect(flowNode(page, 'daily_sales_report/aggregate_metrics_v2')).toBeVisible()
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await expect(flowNode(page, 'daily_sales_report/aggregate_metrics')).toBeVisible()

    // Fixing the error restores everything.
    const oops = await offsetOf(page, ' oops')
    await selectText(page, { start: oops, end: oops + ' oops'.length })
    await page.keyboard.press('Backspace')
    await expect.poll(() => storeText(page)).toBe(original)
    await expect(editor(page).locator('.squiggly-error')).toHaveCount(0)
    await expect(problems(page).locator('li[data-severity="error"]')).toHaveCount(0)
    await expect(outline(page).locator('li[data-name="order_fulfillment"]')).not.toHaveAttribute('data-broken')
    await outline(page).getByRole('button', { name: 'order_fulfillment' }).click()
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toBeVisible()
    await expect(canvas(page)).not.toContainClass('cai-stale')
  })
})
