import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { canvas, clickInText, flowEdge, flowNode, offsetOf, openDesigner, outline } from './designer'

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

  test('edges stay on the anchors of a step renamed in the text', async ({ page }) => {
    /** Where an edge's path starts and ends on the screen, relative to the top left corner of `node`. */
    const ends = (source: string, target: string, node: string) =>
      page.evaluate(
        ([sourceId, targetId, nodeId]) => {
          const path = document.querySelector<SVGPathElement>(
            `.react-flow__edge[aria-label="Edge from ${sourceId} to ${targetId}"] path.react-flow__edge-path`,
          )
          const box = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`)?.getBoundingClientRect()
          if (!path || !box) return null
          const matrix = path.getScreenCTM()!
          const relative = (point: DOMPoint) => {
            const screen = point.matrixTransform(matrix)
            return { x: Math.round(screen.x - box.x), y: Math.round(screen.y - box.y) }
          }
          return { start: relative(path.getPointAtLength(0)), end: relative(path.getPointAtLength(path.getTotalLength())) }
        },
        [source, target, node] as const,
      )
    const id = (step: string) => `order_fulfillment/${step}`
    await openDesigner(page)
    await showWorkflow(page, 'order_fulfillment')
    const before = {
      incoming: await ends(id('validate_order'), id('check_inventory'), id('check_inventory')),
      outgoing: await ends(id('check_inventory'), id('process_payment'), id('check_inventory')),
    }
    expect(before.incoming).not.toBeNull()
    expect(before.outgoing).not.toBeNull()

    await clickInText(page, (await offsetOf(page, 'check_inventory {')) + 'check_inventory'.length)
    await page.keyboard.type('_2')
    const renamed = id('check_inventory_2')
    await expect(flowNode(page, renamed)).toBeVisible()
    // React Flow measures a new node once it is in the page: the edges must meet it where they met it before, after that too.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    expect({
      incoming: await ends(id('validate_order'), renamed, renamed),
      outgoing: await ends(renamed, id('process_payment'), renamed),
    }).toEqual(before)
    // The condition label of the outgoing edge is still drawn.
    const edgeId = await flowEdge(page, renamed, id('process_payment')).getAttribute('data-id')
    await expect(canvas(page).locator(`.cai-edge-label[data-edge-id="${edgeId}"]`)).toHaveText(/^steps\.check_inventory/)
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
