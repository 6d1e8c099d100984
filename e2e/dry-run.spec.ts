import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { canvas, storeText } from './designer'
import { generateCaiFile } from '../bench/generate'

const dryRun = (page: Page) => page.evaluate(() => window.__caiDesigner.dryRun())

/** The bundled example with its canvas drawn (the dry run needs no text editor). */
async function openDesigner(page: Page): Promise<void> {
  await page.goto('./')
  await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible()
}

async function openDryRun(page: Page): Promise<void> {
  await openDesigner(page)
  await page.evaluate(() => window.__caiDesigner.getState().selectWorkflow('order_fulfillment'))
  await page.getByTestId('runtime-view').click()
  await expect(page.getByTestId('dry-run')).toBeVisible()
  await expect.poll(async () => (await dryRun(page))?.workflow).toBe('order_fulfillment')
}

async function setScenario(page: Page, json: unknown): Promise<void> {
  await page.getByTestId('scenario-json').fill(JSON.stringify(json))
}

test.describe('dry run', () => {
  test('a failing payment step fails the order workflow; the steps after it are not reached', async ({ page }) => {
    await openDryRun(page)
    await page.getByTestId('behaviour-process_payment').selectOption('always-fails')
    await expect.poll(async () => (await dryRun(page))?.outcome).toEqual({ kind: 'failed', step: 'process_payment' })
    const trace = (await dryRun(page))!
    expect(Object.fromEntries(trace.steps.map((s) => [s.name, s.outcome]))).toEqual({
      validate_order: 'ran',
      check_inventory: 'ran',
      process_payment: 'failed',
      reserve_inventory: 'not-reached',
      notify_warehouse: 'not-reached',
      send_confirmation: 'not-reached',
    })
    await expect(page.getByTestId('dry-run-summary')).toContainText('fails after 35 s: process_payment failed after 3 attempts')
    await expect(page.getByTestId('dry-run-summary')).toContainText('not reached: reserve_inventory, notify_warehouse, send_confirmation')
    // The canvas is coloured by outcome.
    await expect(page.locator('.cai-step[data-run="failed"]')).toHaveCount(1)
    await expect(page.locator('.cai-step[data-run="not-reached"]')).toHaveCount(3)
  })

  test('a retrying step shows its attempts on the timeline', async ({ page }) => {
    await openDryRun(page)
    await setScenario(page, { steps: { process_payment: { behaviour: 'fails-then-succeeds', failures: 2 } } })
    const attempts = page.getByTestId('timeline').locator('.cai-attempt[data-step="process_payment"]')
    await expect(attempts).toHaveCount(3)
    await expect(attempts.nth(0)).toHaveClass(/cai-attempt-failed/)
    await expect(attempts.nth(2)).toHaveClass(/cai-attempt-succeeded/)
    await expect(page.getByTestId('timeline').locator('.cai-timeline-wait')).toHaveCount(2)
    await expect(page.getByTestId('dry-run-summary')).toContainText('process_payment retried twice')
    // Invalid scenario JSON is marked, and the last good run stays.
    await page.getByTestId('scenario-json').fill('{"steps": ')
    await expect(page.getByTestId('scenario-error')).toContainText('Not JSON')
    await expect(attempts).toHaveCount(3)
  })

  test('a shorter timeout in the text times the run out', async ({ page }) => {
    await openDryRun(page)
    await setScenario(page, { steps: { check_inventory: { duration: '3m' } } })
    await expect.poll(async () => (await dryRun(page))?.outcome.kind).toBe('completed')
    const text = await storeText(page)
    await page.evaluate((next) => window.__caiDesigner.getState().setText(next, 'editor'), text.replace('timeout "2h"', 'timeout "2m"'))
    await expect.poll(async () => (await dryRun(page))?.outcome).toEqual({ kind: 'timed-out', step: 'check_inventory' })
    expect((await dryRun(page))!.durationMs).toBe(120_000)
    await expect(page.getByTestId('dry-run-summary')).toContainText('times out after 2 min (its timeout) during check_inventory')
    await expect(page.getByTestId('timeline').locator('.cai-timeline-timeout')).toHaveCount(1)
  })

  test('the jobs calendar flags low_priority as unserved until the profile serves it', async ({ page }) => {
    await openDesigner(page)
    await page.getByRole('button', { name: 'Jobs', exact: true }).click()
    await page.getByTestId('runtime-view').click()
    const calendar = page.getByTestId('jobs-calendar')
    await expect(calendar.locator('g[data-queue="low_priority"]')).toHaveAttribute('data-served', 'false')
    await expect(calendar.locator('.cai-calendar-unserved')).toHaveCount(2)
    await expect(calendar.locator('.cai-calendar-unserved').first()).toContainText('cleanup_sessions: queue "low_priority" is not served')
    await expect.poll(() => page.evaluate(() => window.__caiDesigner.getState().diagnostics.filter((d) => d.code === 'runtime/queue-unserved').length)).toBe(2)

    await calendar.getByRole('button', { name: 'Runtime profile…' }).click()
    const dialog = page.getByTestId('runtime-profile')
    await expect(dialog).toBeVisible()
    // A negative number is refused with a message.
    await dialog.getByTestId('profile-concurrency').fill('-3')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog.getByTestId('profile-errors')).toContainText('concurrency must be between 1 and 100000, not -3')
    await dialog.getByRole('button', { name: "Reset to CodeAI's defaults" }).click()
    await dialog.getByTestId('profile-queues').fill('critical: 6, default: 3, low: 1, low_priority: 1')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()

    await expect(calendar.locator('g[data-queue="low_priority"]')).toHaveAttribute('data-served', 'true')
    await expect(calendar.locator('.cai-calendar-unserved')).toHaveCount(0)
    await expect.poll(() => page.evaluate(() => window.__caiDesigner.getState().diagnostics.filter((d) => d.code === 'runtime/queue-unserved').length)).toBe(0)
  })

  test('the scenario is saved with the document: a reload keeps it, another document has its own', async ({ page }) => {
    await openDryRun(page)
    await page.getByTestId('behaviour-process_payment').selectOption('always-fails')
    await expect.poll(async () => (await dryRun(page))?.outcome).toEqual({ kind: 'failed', step: 'process_payment' })
    const scenario = await page.getByTestId('scenario-json').inputValue()
    expect(scenario).toContain('always-fails')
    await page.evaluate(() => window.__caiFiles!.flush())
    // Nothing of it is in the browser's settings: it is part of the saved document.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('scenario')))).toEqual([])

    page.on('dialog', (dialog) => void dialog.accept())
    await page.reload()
    await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible()
    await page.evaluate(() => window.__caiDesigner.getState().selectWorkflow('order_fulfillment'))
    await page.getByTestId('runtime-view').click()
    await expect(page.getByTestId('scenario-json')).toHaveValue(scenario)
    await expect.poll(async () => (await dryRun(page))?.outcome).toEqual({ kind: 'failed', step: 'process_payment' })

    // A new document starts without it; going back to this one in Recent brings it back.
    await page.getByRole('button', { name: 'New', exact: true }).click()
    await expect.poll(() => storeText(page)).toBe('')
    await page.getByRole('button', { name: 'Recent' }).click()
    await page.getByRole('menuitem', { name: 'with_workflows.cai' }).click()
    await expect.poll(() => storeText(page)).not.toBe('')
    await page.evaluate(() => window.__caiDesigner.getState().selectWorkflow('order_fulfillment'))
    await expect(page.getByTestId('scenario-json')).toHaveValue(scenario)
  })
})

test.describe('dry run of a 10,000-step workflow', () => {
  test.setTimeout(120_000)

  test('lists the first 100 steps and finds any other by name; a behaviour set there fails the run', async ({ page }) => {
    await openDesigner(page)
    await page.evaluate((text) => window.__caiDesigner.setText(text), generateCaiFile({ steps: 10_000, jobs: false }))
    await expect(canvas(page).locator('.react-flow__node[data-id="generated_0/step_00000"]')).toBeVisible({ timeout: 30_000 })
    await page.getByTestId('runtime-view').click()
    await expect.poll(async () => (await dryRun(page))?.workflow, { timeout: 30_000 }).toBe('generated_0')
    const table = page.locator('.cai-dryrun-steps tbody tr')
    await expect(table).toHaveCount(100)
    await expect(page.getByTestId('step-rows-note')).toHaveText('Showing 100 of 10,000 steps: type part of a name to find others.')

    await page.getByRole('searchbox', { name: 'Find a step' }).fill('step_0777')
    await expect(table).toHaveCount(10)
    await expect(page.getByTestId('step-rows-note')).toHaveText('10 matching steps.')
    await page.getByTestId('behaviour-step_07775').selectOption('always-fails')
    await expect.poll(async () => (await dryRun(page))?.outcome, { timeout: 30_000 }).toEqual({ kind: 'failed', step: 'step_07775' })
  })
})
