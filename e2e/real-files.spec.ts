/**
 * Files as CodeAI's own repository writes them (issue 12, item 5): most hold
 * no workflow or job, and some use a colon style CodeAI's parser rejects.
 */
import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { canvas, loadText, outline, problems, storeText } from './designer'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

test.describe('a file with no workflows or jobs (endpoints, entities, functions)', () => {
  test('the canvas says what the file holds and offers to add a workflow', async ({ page }) => {
    await page.goto('./')
    await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 })
    const text = fixture('orders-api.cai')
    await loadText(page, text)
    await expect(canvas(page).getByTestId('file-contents')).toHaveText(
      'This file has no workflows or jobs: 6 endpoints, 3 entities, 2 functions, 1 config block, kept as written.',
    )
    // Adding a workflow appends one; every other block stays byte for byte.
    await canvas(page).getByRole('button', { name: 'Add a workflow' }).click()
    await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible()
    const after = await storeText(page)
    expect(after.startsWith(text.trimEnd())).toBe(true)
    expect(after).toMatch(/\nworkflow \w+ \{/)
  })

  test('the outline names each block by its heading, one entry a block', async ({ page }) => {
    await page.goto('./')
    await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 })
    await loadText(page, fixture('orders-api.cai'))
    const names = await outline(page).locator('li[data-kind="other"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-name')))
    expect(names).toEqual([
      'config',
      'entity Customer',
      'entity Order',
      'entity OrderLine',
      'endpoint GET /orders',
      'endpoint GET /orders/{id}',
      'endpoint POST /orders',
      'endpoint PATCH /orders/{id}',
      'endpoint DELETE /orders/{id}',
      'endpoint GET /health',
      'function order_total',
      'function greet',
    ])
  })

  test('the problems panel: no errors, and the notes on kept blocks as one row that opens to list them', async ({ page }) => {
    await page.goto('./')
    await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 })
    await loadText(page, fixture('orders-api.cai'))
    const panel = problems(page)
    await expect(panel.locator('li[data-severity="error"]')).toHaveCount(0)
    await expect(panel.locator('li[data-severity="warning"]')).toHaveCount(0)
    const group = panel.locator('li[data-group="other-blocks"]')
    await expect(group).toHaveCount(1)
    await expect(group).toContainText('12 other CodeAI blocks kept as written')
    await group.getByRole('button', { name: /12 other CodeAI blocks/ }).click()
    await expect(group.locator('ul > li')).toHaveCount(12)
  })
})

test.describe('the colon style some CodeAI examples use', () => {
  test('one plain-words error per declaration; the rest of the file stays live; a broken job keeps its queue', async ({ page }) => {
    await page.goto('./')
    await expect(canvas(page).locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 })
    await loadText(page, fixture('colon-style.cai'))
    const errors = await page.evaluate(() =>
      window.__caiDesigner
        .getState()
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => ({ line: d.start.line, message: d.message })),
    )
    expect(errors.map((error) => error.line)).toEqual([19, 29])
    for (const error of errors) expect(error.message).toMatch(/^CodeAI's parser does not accept the colon style/)
    expect(errors[1].message).toContain('write `schedule "0 6 * * *"`')

    // The valid workflow after them is drawn.
    await outline(page).getByRole('button', { name: 'archive_orders', exact: true }).click()
    await expect(canvas(page).locator('.react-flow__node[data-id="archive_orders/archive"]')).toBeVisible()

    // The broken job is on the Jobs board in the queue it declares.
    await page.getByRole('button', { name: 'Jobs', exact: true }).click()
    const board = page.getByTestId('jobs')
    await expect(board.locator('[data-id="@job/refresh_cache"]')).toBeVisible()
    const card = (await board.locator('.react-flow__node[data-id="@job/refresh_cache"]').boundingBox())!
    const queue = (await board.locator('.react-flow__node[data-id="@queue/low_priority"]').boundingBox())!
    const centre = { x: card.x + card.width / 2, y: card.y + card.height / 2 }
    expect(centre.x > queue.x && centre.x < queue.x + queue.width && centre.y > queue.y && centre.y < queue.y + queue.height).toBe(true)
  })
})
