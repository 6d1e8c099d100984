/**
 * axe-core on the built page, in each view (issue 12): no serious or critical
 * violations. Each failure names the rule, its impact and the first elements.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { canvas, openDesigner } from './designer'
import { inspector, selectOnCanvas } from './inspector-page'

// axe walks the whole DOM (Monaco's included): slow on a busy machine.
test.describe.configure({ timeout: 90_000 })

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}; ${violation.nodes.slice(0, 3).map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`).join(" | ")}`)
}

test.describe('accessibility (axe-core): no serious or critical violations', () => {
  test('the workflow view, with the inspector open on a step', async ({ page }) => {
    await openDesigner(page)
    expect(await seriousViolations(page)).toEqual([])
    await selectOnCanvas(page, 'order_fulfillment/process_payment', /process_payment/)
    await expect(inspector(page)).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('the jobs board and its calendar', async ({ page }) => {
    await openDesigner(page)
    await page.getByRole('button', { name: 'Jobs', exact: true }).click()
    await expect(page.getByTestId('jobs')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('runtime-view').click()
    await expect(page.getByTestId('jobs-calendar')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('the dry run, and the runtime profile dialog', async ({ page }) => {
    await openDesigner(page)
    await page.evaluate(() => window.__caiDesigner.getState().selectWorkflow('order_fulfillment'))
    await page.getByTestId('runtime-view').click()
    await expect(page.getByTestId('dry-run')).toBeVisible()
    await expect(page.getByTestId('timeline')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('dry-run').getByRole('button', { name: 'Runtime profile…' }).click()
    await expect(page.getByTestId('runtime-profile')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('the help sheet and a file with syntax errors and problems', async ({ page }) => {
    await openDesigner(page)
    await canvas(page).click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('?')
    await expect(page.getByTestId('help-sheet')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('help-sheet')).toBeHidden()
    // A syntax error: the canvas shows the last picture that parsed, greyed, with the error's banner.
    await page.evaluate(() => window.__caiDesigner.pasteText(window.__caiDesigner.getText().replace('steps {', 'steps {{')))
    await expect(canvas(page).getByText('Showing the last version that parsed')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    // A file that never parsed: the canvas says so.
    await page.evaluate(() => window.__caiDesigner.setText('workflow broken {\n  steps {\n    a { activity "x" }\n  \n'))
    await expect(canvas(page).getByText('has a syntax error and has not parsed yet')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })
})
