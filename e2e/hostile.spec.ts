/**
 * Hostile documents in the page (issue 14.7) and the Jobs board's reading at
 * fit-view (issue 12.3) and of broken jobs (issue 12.5). What these files cost
 * the main thread is measured by `npm run bench:ui`; here: the page shows
 * them right and keeps working.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect as baseExpect } from './fixtures'
import { editorText, loadText, openDesigner, outline, storeText } from './designer'
import { generateLongString, generateManyJobs, generateManyWorkflows } from '../bench/generate'

/** Waits for the page's work as long as a busy machine needs: a wait, never a time limit. */
const expect = baseExpect.configure({ timeout: 30_000 })

const jobsBoard = (page: Page) => page.getByTestId('jobs')
const card = (page: Page, name: string) => jobsBoard(page).locator(`.react-flow__node[data-id="@job/${name}"]`)
const lane = (page: Page, queue: string) => jobsBoard(page).locator(`.react-flow__node[data-id="@queue/${queue}"]`)

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not on screen')
  return found
}

async function showJobs(page: Page) {
  await page.getByRole('group', { name: 'Canvas view' }).getByRole('button', { name: 'Jobs' }).click()
  await expect(jobsBoard(page)).toBeVisible()
}

/** Types `key` with the caret at the end of the first `needle`, and waits for store and editor to agree. */
async function typeAfter(page: Page, needle: string, key: string) {
  const text = await storeText(page)
  const at = text.indexOf(needle) + needle.length
  await page.evaluate((offset) => window.__caiDesigner.getState().revealSpan({ start: offset, end: offset }, true), at)
  await page.keyboard.type(key)
  const expected = text.slice(0, at) + key + text.slice(at)
  await expect.poll(() => storeText(page), { timeout: 30_000 }).toBe(expected)
  await expect.poll(() => editorText(page), { timeout: 30_000 }).toBe(expected)
}

test.describe('hostile documents (issue 14.7)', () => {
  test.setTimeout(120_000)

  test('3,000 scheduled jobs: the board draws only the cards in view, each with its next runs, and follows typing', async ({ page }) => {
    await openDesigner(page)
    await loadText(page, generateManyJobs(3_000))
    await expect(outline(page).locator('li[data-kind="job"]')).toHaveCount(3_000, { timeout: 30_000 })
    await showJobs(page)
    const first = card(page, 'job_00000')
    await expect(first).toBeVisible({ timeout: 30_000 })
    await expect(first.getByRole('list', { name: 'Next runs' }).getByRole('listitem')).toHaveCount(3)
    await expect(first).toContainText('At 12:00 AM')
    // Only the cards in view are drawn (and compute their runs), not 3,000.
    const drawn = await jobsBoard(page).locator('.react-flow__node-job').count()
    expect(drawn).toBeGreaterThan(0)
    expect(drawn).toBeLessThan(200)
    expect(await jobsBoard(page).locator('ol.cai-next-runs').count()).toBeLessThanOrEqual(drawn)

    await typeAfter(page, 'task "jobs.task_0', '7')
    await expect(first).toContainText('jobs.task_07')
  })

  test('5,000 workflows: outline, canvas and text stay right while typing', async ({ page }) => {
    await openDesigner(page)
    await loadText(page, generateManyWorkflows(5_000))
    await expect(outline(page).locator('li[data-kind="workflow"]')).toHaveCount(5_000, { timeout: 30_000 })
    await typeAfter(page, 'activity "work.item_0', '9')
    await expect(page.getByTestId('canvas')).toContainText('work.item_09')
  })

  test('a 1 MB string over 200,000 lines: opened whole, and typing after it works', async ({ page }) => {
    await openDesigner(page)
    const text = generateLongString(1024 * 1024, 200_000)
    await loadText(page, text)
    await expect(outline(page).locator('li[data-kind="workflow"]')).toHaveCount(1, { timeout: 30_000 })
    await typeAfter(page, 'trigger manual', ' ')
    expect((await storeText(page)).length).toBe(text.length + 1)
  })
})

test.describe('broken jobs keep their declared queue (issue 12.5)', () => {
  test('a job in the colon style, which never parsed, sits in the lane it names', async ({ page }) => {
    await openDesigner(page)
    await loadText(page, 'job nightly {\n  schedule: "0 2 * * *"\n  task: "reports.nightly"\n  queue: "critical"\n}\n\njob fine {\n\ttask "x.y"\n}\n')
    await showJobs(page)
    const broken = card(page, 'nightly')
    await expect(broken).toBeVisible()
    await expect(broken).toContainText('Syntax error')
    const laneBox = await box(lane(page, 'critical'))
    const cardBox = await box(broken)
    expect(cardBox.x).toBeGreaterThanOrEqual(laneBox.x)
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(laneBox.x + laneBox.width)
    expect(cardBox.y).toBeGreaterThanOrEqual(laneBox.y)
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(laneBox.y + laneBox.height)
  })
})
