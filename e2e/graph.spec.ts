import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { canvas, flowEdge, flowNode, openDesigner, outline } from './designer'

/** The default example's workflows: their flow, one entry per row, a parallel block as a list of branches. */
const WORKFLOWS: Record<string, (string | string[])[]> = {
  order_fulfillment: [
    'validate_order',
    'check_inventory',
    'process_payment',
    ['reserve_inventory', 'notify_warehouse'],
    'send_confirmation',
  ],
  daily_sales_report: [
    'calculate_date_range',
    'fetch_sales_data',
    'aggregate_metrics',
    'generate_pdf_report',
    ['upload_to_storage', 'send_report_email'],
  ],
  user_onboarding: [
    'create_profile',
    'setup_preferences',
    ['send_welcome_email', 'create_tutorial_tasks', 'setup_integrations'],
    'activate_account',
  ],
}

async function showWorkflow(page: Page, name: string) {
  await outline(page).getByRole('button', { name }).click()
  await expect(flowNode(page, `${name}/@trigger`)).toBeVisible()
}

/** `inner` lies within `outer` on the screen. */
async function expectInside(page: Page, innerId: string, outerId: string) {
  const inner = (await flowNode(page, innerId).boundingBox())!
  const outer = (await flowNode(page, outerId).boundingBox())!
  expect(inner.x, `${innerId} inside ${outerId}`).toBeGreaterThanOrEqual(outer.x)
  expect(inner.y, `${innerId} inside ${outerId}`).toBeGreaterThanOrEqual(outer.y)
  expect(inner.x + inner.width, `${innerId} inside ${outerId}`).toBeLessThanOrEqual(outer.x + outer.width)
  expect(inner.y + inner.height, `${innerId} inside ${outerId}`).toBeLessThanOrEqual(outer.y + outer.height)
}

test.describe('the default example on the canvas', () => {
  for (const [workflow, rows] of Object.entries(WORKFLOWS)) {
    test(`${workflow}: its nodes, flow edges and parallel lanes`, async ({ page }) => {
      await openDesigner(page)
      await showWorkflow(page, workflow)
      const id = (step: string) => `${workflow}/${step}`

      const parallelCount = rows.filter(Array.isArray).length
      const stepCount = rows.flat().length
      await expect(canvas(page).locator('.react-flow__node')).toHaveCount(stepCount + parallelCount + 2)
      for (const step of rows.flat()) await expect(flowNode(page, id(step))).toBeVisible()
      await expect(flowNode(page, id('@end'))).toBeVisible()

      // Flow: trigger, then each row in order, then the end; a parallel block fans out to and in from its branches.
      const chain = [['@trigger'], ...rows.map((row) => (Array.isArray(row) ? row : [row])), ['@end']]
      for (let r = 0; r + 1 < chain.length; r++) {
        for (const source of chain[r]) {
          for (const target of chain[r + 1]) await expect(flowEdge(page, id(source), id(target))).toHaveCount(1)
        }
      }

      // Each parallel block is a lane container holding its branches.
      let index = 0
      for (const row of rows) {
        if (!Array.isArray(row)) continue
        const block = id(`@parallel-${index++}`)
        await expect(flowNode(page, block)).toBeVisible()
        for (const branch of row) await expectInside(page, id(branch), block)
      }
    })
  }

  test('conditional steps carry their condition on the incoming edge', async ({ page }) => {
    await openDesigner(page)
    /** The label drawn for the edge from `source` to `target`. */
    const labelOf = async (source: string, target: string) => {
      const edge = flowEdge(page, source, target)
      await expect(edge).toHaveCount(1)
      return canvas(page).locator(`.cai-edge-label[data-edge-id="${await edge.getAttribute('data-id')}"]`)
    }

    await showWorkflow(page, 'order_fulfillment')
    const payment = await labelOf('order_fulfillment/check_inventory', 'order_fulfillment/process_payment')
    await expect(payment).toHaveText(/^steps\.check_inventory\.output\.all_av/)
    await expect(payment).toHaveAttribute('title', 'if steps.check_inventory.output.all_available == true')
    await expect(await labelOf('order_fulfillment/validate_order', 'order_fulfillment/check_inventory')).toHaveCount(0)

    await showWorkflow(page, 'user_onboarding')
    const integrations = await labelOf('user_onboarding/setup_preferences', 'user_onboarding/setup_integrations')
    await expect(integrations).toHaveAttribute('title', 'if steps.setup_preferences.output.integrations_enabled == true')
    await expect(await labelOf('user_onboarding/setup_preferences', 'user_onboarding/send_welcome_email')).toHaveCount(0)
  })

  test('the jobs board shows every job', async ({ page }) => {
    await openDesigner(page)
    await page.getByRole('button', { name: 'Jobs', exact: true }).click()
    const board = page.getByTestId('jobs')
    for (const job of ['cleanup_sessions', 'weekly_backup', 'sync_inventory', 'send_reminders', 'archive_logs', 'generate_analytics', 'health_check_services']) {
      await expect(board.locator(`[data-id="@job/${job}"]`)).toBeVisible()
    }
  })
})
