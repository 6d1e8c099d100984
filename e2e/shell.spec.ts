import { request as httpRequest } from 'node:http'
import { test, expect } from './fixtures'
import { BASE_PATH, PORT } from '../playwright.config'
import {
  canvas,
  editor,
  editorHighlight,
  editorSelection,
  editorText,
  flowNode,
  loadText,
  openDesigner,
  outline,
  problems,
  selectedNodeId,
  storeText,
} from './designer'

const WORKFLOWS = ['order_fulfillment', 'daily_sales_report', 'user_onboarding']
const JOBS = [
  'cleanup_sessions',
  'weekly_backup',
  'sync_inventory',
  'send_reminders',
  'archive_logs',
  'generate_analytics',
  'health_check_services',
]

test.describe('the page', () => {
  test('opens the default example with its name, landmarks and both panes', async ({ page }) => {
    await openDesigner(page)
    await expect(page).toHaveTitle('CAI Designer')
    await expect(page.getByRole('banner')).toContainText('with_workflows.cai')
    await expect(page.getByRole('navigation', { name: 'Outline' })).toBeVisible()
    await expect(page.getByRole('main')).toBeVisible()
    await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Text' })).toBeVisible()
    expect(await storeText(page)).toContain('workflow order_fulfillment {')
    expect(await editorText(page)).toBe(await storeText(page))
  })

  test('mirrors a text replaced through the store in the editor', async ({ page }) => {
    await openDesigner(page)
    const text = 'workflow solo {\n\ttrigger manual\n\n\tsteps {\n\t\tonly {\n\t\t\tactivity "a.b"\n\t\t}\n\t}\n}\n'
    await loadText(page, text)
    await expect(flowNode(page, 'solo/only')).toBeVisible()
    await expect(outline(page).locator('li[data-kind="workflow"]')).toHaveCount(1)
  })

  test('shows the undo and redo placeholders disabled', async ({ page }) => {
    await openDesigner(page)
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled()
    await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled()
  })
})

test.describe('the outline', () => {
  test('lists the workflows and jobs in file order', async ({ page }) => {
    await openDesigner(page)
    await expect(outline(page).locator('li[data-kind="workflow"]')).toHaveText(WORKFLOWS)
    // Each job's name, then its warnings from the runtime profile (e.g. the low_priority queue it serves none of).
    await expect(outline(page).locator('li[data-kind="job"]')).toHaveText(JOBS.map((job) => new RegExp(`^${job}`)))
  })

  test('selects a workflow on the canvas when clicked', async ({ page }) => {
    await openDesigner(page)
    await outline(page).getByRole('button', { name: 'daily_sales_report' }).click()
    await expect.poll(() => page.evaluate(() => window.__caiDesigner.getState().selectedWorkflow)).toBe('daily_sales_report')
    await expect(flowNode(page, 'daily_sales_report/fetch_sales_data')).toBeVisible()
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toHaveCount(0)
    await expect(outline(page).getByRole('button', { name: 'daily_sales_report' })).toHaveAttribute('aria-current', 'true')
  })

  test('switches to the jobs view and selects the card when a job is clicked', async ({ page }) => {
    await openDesigner(page)
    await outline(page).getByRole('button', { name: 'weekly_backup' }).click()
    await expect(page.getByTestId('jobs')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Jobs', exact: true })).toHaveAttribute('aria-pressed', 'true')
    await expect.poll(() => selectedNodeId(page)).toBe('@job/weekly_backup')
    await expect(page.getByTestId('jobs').locator('[data-id="@job/weekly_backup"]')).toHaveClass(/selected/)
  })

  test('counts each declaration’s errors and warnings, and lists broken and foreign blocks', async ({ page }) => {
    await openDesigner(page)
    const text = (await storeText(page))
      .replace('trigger schedule "0 6 * * *"', 'trigger schedule "0 6 * *"')
      .replace('timeout "1h"', 'timeout "1 hour"')
      .replace('orders: "steps.fetch_sales_data.output.orders"', 'orders: "steps.no_such_step.output.orders"')
      .replace('task "logs.archive"', 'task "logs.archive" queue "low-priority"')
      .concat('\nconfig {\n\tname: "shop"\n}\n\nworkflow half_done {\n\ttrigger manual\n\tsteps {\n')
    await loadText(page, text)

    const entry = (name: string) => outline(page).locator(`li[data-name="${name}"]`)
    await expect(entry('daily_sales_report')).toContainText('2 errors')
    await expect(entry('daily_sales_report')).toContainText('1 warning')
    await expect(entry('order_fulfillment')).not.toContainText(/error|warning/)
    await expect(entry('archive_logs')).toContainText('1 error')
    await expect(entry('config')).toHaveAttribute('data-kind', 'other')
    await expect(entry('half_done')).toHaveAttribute('data-broken', 'true')
    await expect(entry('half_done')).toHaveAttribute('data-kind', 'workflow')
  })
})

test.describe('the problems list', () => {
  const brokenCron = (text: string) => text.replace('trigger schedule "0 6 * * *"', 'trigger schedule "0 6 * *"')

  test('lists every diagnostic with its message, line:column and code', async ({ page }) => {
    await openDesigner(page)
    // The example is valid; only the runtime profile's warnings (its low_priority queue is not served, ...) are listed.
    await expect(problems(page).locator('li[data-severity="error"]')).toHaveCount(0)
    await loadText(page, brokenCron(await storeText(page)))
    const diagnostics = await page.evaluate(() =>
      window.__caiDesigner.getState().diagnostics.map((d) => ({ severity: d.severity, message: d.message, code: d.code, start: d.start })),
    )
    expect(diagnostics.length).toBeGreaterThan(0)
    const entries = problems(page).locator('li')
    await expect(entries).toHaveCount(diagnostics.length)
    for (const [index, d] of diagnostics.entries()) {
      await expect(entries.nth(index)).toHaveAttribute('data-severity', d.severity)
      await expect(entries.nth(index)).toContainText(d.message)
      await expect(entries.nth(index)).toContainText(`${d.start.line}:${d.start.column}`)
      await expect(entries.nth(index)).toContainText(d.code)
    }
  })

  test('reveals a problem’s text and node when clicked or when Enter is pressed on it', async ({ page }) => {
    await openDesigner(page)
    await loadText(page, brokenCron(await storeText(page)))
    const span = await page.evaluate(() => window.__caiDesigner.getState().diagnostics[0].span)
    const entry = problems(page).locator('li').first().getByRole('button')

    await entry.click()
    await expect.poll(() => editorHighlight(page)).toEqual(span)
    await expect.poll(() => editorSelection(page)).toEqual({ start: span.start, end: span.start })
    await expect.poll(() => selectedNodeId(page)).toBe('daily_sales_report/@trigger')
    await expect(editor(page)).toContainClass('focused')

    await page.evaluate(() => window.__caiDesigner.getState().selectNode('order_fulfillment/validate_order'))
    await expect.poll(() => selectedNodeId(page)).toBe('order_fulfillment/validate_order')
    await entry.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => editorHighlight(page)).toEqual(span)
    await expect.poll(() => editorSelection(page)).toEqual({ start: span.start, end: span.start })
    await expect.poll(() => selectedNodeId(page)).toBe('daily_sales_report/@trigger')
  })
})

test.describe('the toolbar', () => {
  test('switches between the workflow canvas and the jobs board', async ({ page }) => {
    await openDesigner(page)
    await page.getByRole('button', { name: 'Jobs', exact: true }).click()
    await expect(page.getByTestId('jobs')).toBeVisible()
    await expect(page.getByTestId('jobs').locator('[data-id="@job/cleanup_sessions"]')).toBeVisible()
    await page.getByRole('button', { name: 'Workflow', exact: true }).click()
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toBeVisible()
  })

  test('toggles the data-flow overlay', async ({ page }) => {
    await openDesigner(page)
    const toggle = page.getByRole('button', { name: 'Data flow' })
    const dataEdges = canvas(page).locator('.react-flow__edge.cai-edge-data')
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await expect(dataEdges).toHaveCount(0)
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(await page.evaluate(() => window.__caiDesigner.getState().view.dataFlow)).toBe(true)
    // validate_order's output feeds check_inventory, process_payment and send_confirmation.
    await expect(dataEdges.and(page.locator('[aria-label^="Edge from order_fulfillment/validate_order to "]'))).toHaveCount(3)
    await toggle.click()
    await expect(dataEdges).toHaveCount(0)
  })

  test('formats the file', async ({ page }) => {
    await openDesigner(page)
    const format = page.getByRole('button', { name: 'Format' })
    await format.click()
    const formatted = await storeText(page)
    await loadText(page, formatted.replace(/^\t+/gm, '').replace(/ \{$/gm, '   {'))
    await format.click()
    await expect.poll(() => storeText(page)).toBe(formatted)
    await expect.poll(() => editorText(page)).toBe(formatted)
  })

  test('cannot format a file with syntax errors', async ({ page }) => {
    await openDesigner(page)
    await loadText(page, (await storeText(page)).replace('timeout "2h"', 'timeout 2h'))
    const broken = await storeText(page)
    await page.getByRole('button', { name: 'Format' }).click()
    await expect(page.getByText('Cannot format while the file has syntax errors: fix them first.')).toBeVisible()
    expect(await storeText(page)).toBe(broken)
  })

  test('cycles the theme system → light → dark → system, following the system setting', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await openDesigner(page)
    const html = page.locator('html')
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cai-bg').trim())
    await expect(html).toHaveAttribute('data-theme', 'dark')
    const darkBackground = await background()

    const themeButton = page.getByRole('button', { name: /^Theme:/ })
    await themeButton.click()
    await expect(html).toHaveAttribute('data-theme', 'light')
    expect(await background()).not.toBe(darkBackground)
    await themeButton.click()
    await expect(html).toHaveAttribute('data-theme', 'dark')
    expect(await background()).toBe(darkBackground)
    await themeButton.click()
    expect(await page.evaluate(() => window.__caiDesigner.getState().view.theme)).toBe('system')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(html).toHaveAttribute('data-theme', 'light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(html).toHaveAttribute('data-theme', 'dark')
  })

  test('collapses and restores the canvas and the text pane, never both', async ({ page }) => {
    await openDesigner(page)
    const canvasToggle = page.getByRole('button', { name: 'Canvas', exact: true })
    const textToggle = page.getByRole('button', { name: 'Text', exact: true })
    const main = await page.getByRole('main').boundingBox()

    await textToggle.click()
    await expect(editor(page)).toBeHidden()
    await expect(page.getByRole('separator', { name: 'Resize canvas and text' })).toHaveCount(0)
    await expect(canvasToggle).toBeDisabled()
    const canvasBox = await canvas(page).boundingBox()
    expect(canvasBox!.width).toBeGreaterThan(main!.width - 2)
    await textToggle.click()
    await expect(editor(page)).toBeVisible()
    expect(await editorText(page)).toBe(await storeText(page))

    await canvasToggle.click()
    await expect(canvas(page)).toBeHidden()
    await expect(textToggle).toBeDisabled()
    await canvasToggle.click()
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toBeVisible()
  })
})

test.describe('the split between canvas and text', () => {
  test('moves with the arrow keys, Home and End', async ({ page }) => {
    await openDesigner(page)
    const separator = page.getByRole('separator', { name: 'Resize canvas and text' })
    await expect(separator).toHaveAttribute('aria-valuenow', '55')
    await separator.focus()
    await page.keyboard.press('ArrowLeft')
    await expect(separator).toHaveAttribute('aria-valuenow', '53')
    await page.keyboard.press('Shift+ArrowRight')
    await expect(separator).toHaveAttribute('aria-valuenow', '63')
    await page.keyboard.press('Home')
    await expect(separator).toHaveAttribute('aria-valuenow', '15')
    await page.keyboard.press('End')
    await expect(separator).toHaveAttribute('aria-valuenow', '85')
    expect(await page.evaluate(() => window.__caiDesigner.getState().view.split)).toBeCloseTo(0.85)
  })

  test('follows the pointer when dragged', async ({ page }) => {
    await openDesigner(page)
    const main = (await page.getByRole('main').boundingBox())!
    const separator = (await page.getByRole('separator', { name: 'Resize canvas and text' }).boundingBox())!
    await page.mouse.move(separator.x + separator.width / 2, separator.y + separator.height / 2)
    await page.mouse.down()
    await page.mouse.move(main.x + main.width * 0.3, separator.y + separator.height / 2, { steps: 5 })
    await page.mouse.up()
    await expect(page.getByRole('separator', { name: 'Resize canvas and text' })).toHaveAttribute('aria-valuenow', '30')
    const canvasBox = (await canvas(page).boundingBox())!
    expect(Math.abs(canvasBox.width - main.width * 0.3)).toBeLessThan(4)
  })
})

test.describe('the static server', () => {
  const get = (path: string) =>
    new Promise<{ status: number; type?: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: PORT, path }, (response) => {
        response.resume()
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'] })
      })
      req.on('error', reject)
      req.end()
    })

  test('serves the page from its sub-path with the right types and nothing outside dist/', async ({ page }) => {
    await openDesigner(page)
    const script = await page.locator('script[type="module"]').getAttribute('src')
    expect((await get(new URL(script!, `http://x${BASE_PATH}`).pathname)).type).toMatch(/^text\/javascript/)
    expect(await get(`${BASE_PATH}favicon.svg`)).toEqual({ status: 200, type: 'image/svg+xml' })
    expect((await get(BASE_PATH.slice(0, -1))).status).toBe(301)
    for (const path of ['/index.html', `${BASE_PATH}../package.json`, `${BASE_PATH}..%2fpackage.json`, `${BASE_PATH}%2e%2e/package.json`]) {
      expect((await get(path)).status, path).toBe(404)
    }
  })
})

test.describe('when the text editor cannot load', () => {
  // The aborted download and React's report of the error it caught.
  test.use({ expectedErrors: /^Failed to load resource: net::ERR_FAILED$|Failed to fetch dynamically imported module: .*\/CaiEditor-/ })

  test('the rest of the page keeps working', async ({ page }) => {
    await page.route('**/assets/CaiEditor-*.js', (route) => route.abort())
    await page.goto('./')
    const text = page.getByRole('region', { name: 'Text' })
    await expect(text.getByRole('alert')).toContainText('The text editor stopped working')
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toBeVisible()

    await outline(page).getByRole('button', { name: 'daily_sales_report' }).click()
    await expect(flowNode(page, 'daily_sales_report/fetch_sales_data')).toBeVisible()
    await page.evaluate(() => window.__caiDesigner.setText(window.__caiDesigner.getText().replace('fetch_sales_data {', 'fetch_orders {')))
    await expect(flowNode(page, 'daily_sales_report/fetch_orders')).toBeVisible()
    expect(await editorText(page)).toBeNull()
  })
})
