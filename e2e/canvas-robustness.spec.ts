import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { canvas, flowNode, openDesigner, outline } from './designer'
import { generateCaiFile } from '../bench/generate'

/**
 * The canvas through abrupt changes of the whole document: big pictures (over
 * 150 nodes are drawn deferred) after small or none, and back. The fixture
 * fails each test on any console or page error (React's "Maximum update depth
 * exceeded", #185, among them).
 */

const JOBS_ONLY = 'job first {\n\ttask "t"\n}\n'
/** Two workflows of 200 steps each (about 240 nodes apiece), and their jobs. */
const BIG = generateCaiFile({ steps: 400, workflows: 2 })
/** Another big document, told apart by its workflows' names (`other_0`, ...). */
const OTHER_BIG = generateCaiFile({ steps: 300, workflows: 2 }).replaceAll('generated_', 'other_')
const SMALL_WORKFLOW = 'workflow tiny {\n\ttrigger manual\n\n\tsteps {\n\t\tonly {\n\t\t\tactivity "a.b"\n\t\t}\n\t}\n}\n'

/** Replaces the whole text, as opening a file would, without waiting for anything. */
const setText = (page: Page, text: string) => page.evaluate((value) => window.__caiDesigner.setText(value), text)

/** The canvas shows the top of `workflow`'s picture, and nothing of another workflow. */
async function expectWorkflowShown(page: Page, workflow: string) {
  await expect(canvas(page)).toHaveAttribute('data-workflow', workflow)
  await expect(flowNode(page, `${workflow}/@trigger`)).toBeVisible()
  await expect(flowNode(page, `${workflow}/step_00000`)).toBeVisible()
  const ids = await canvas(page)
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''))
  expect(ids.filter((id) => !id.startsWith(`${workflow}/`))).toEqual([])
  await expect(page.locator('.cai-failure'), 'no area of the page has failed').toHaveCount(0)
}

async function expectNoWorkflowShown(page: Page) {
  await expect(canvas(page)).toContainText(/This file has no workflows/)
  await expect(canvas(page).locator('.react-flow__node')).toHaveCount(0)
}

test.describe('the canvas when the whole document changes', () => {
  test('a jobs-only document, then a big workflow', async ({ page }) => {
    await openDesigner(page)
    await setText(page, JOBS_ONLY)
    await expectNoWorkflowShown(page)
    await setText(page, BIG)
    await expectWorkflowShown(page, 'generated_0')
  })

  test('empty, big, jobs-only, big again', async ({ page }) => {
    await openDesigner(page)
    await setText(page, '')
    await expectNoWorkflowShown(page)
    await setText(page, BIG)
    await expectWorkflowShown(page, 'generated_0')
    await setText(page, JOBS_ONLY)
    await expectNoWorkflowShown(page)
    await setText(page, OTHER_BIG)
    await expectWorkflowShown(page, 'other_0')
  })

  test('a small workflow and a big one, in turn', async ({ page }) => {
    await openDesigner(page)
    await setText(page, SMALL_WORKFLOW)
    await expect(flowNode(page, 'tiny/only')).toBeVisible()
    await setText(page, BIG)
    await expectWorkflowShown(page, 'generated_0')
    await setText(page, SMALL_WORKFLOW)
    await expect(flowNode(page, 'tiny/only')).toBeVisible()
    await expect(canvas(page).locator('.react-flow__node')).toHaveCount(3)
  })

  test('different big documents in quick succession, each replaced before or while it is drawn', async ({ page }) => {
    await openDesigner(page)
    await page.evaluate(
      async ([jobsOnly, big, otherBig]) => {
        const sequence = [jobsOnly, big, '', otherBig, jobsOnly, big, otherBig, big, jobsOnly, otherBig]
        // No wait, a task, about a frame, a few frames: each lands at a different point of the deferred redraw.
        const pauses = [0, 1, 16, 50]
        for (const [index, text] of sequence.entries()) {
          window.__caiDesigner.setText(text)
          const pause = pauses[index % pauses.length]
          if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause))
        }
      },
      [JOBS_ONLY, BIG, OTHER_BIG],
    )
    await expectWorkflowShown(page, 'other_0')
    await setText(page, BIG)
    await expectWorkflowShown(page, 'generated_0')
  })

  test('switching between a big and a small workflow of one document', async ({ page }) => {
    await openDesigner(page)
    await setText(page, SMALL_WORKFLOW + '\n' + BIG)
    await expect(flowNode(page, 'tiny/only')).toBeVisible()
    for (const workflow of ['generated_0', 'tiny', 'generated_1', 'generated_0']) {
      await outline(page).getByRole('button', { name: workflow, exact: true }).click()
      if (workflow === 'tiny') await expect(flowNode(page, 'tiny/only')).toBeVisible()
      else await expectWorkflowShown(page, workflow)
    }
  })

  test('the jobs board: none, many, one, many', async ({ page }) => {
    const manyJobs = Array.from({ length: 200 }, (_, n) => `job job_${n} {\n\ttask "t.${n}"\n}\n`).join('\n')
    await openDesigner(page)
    await page.evaluate(() => window.__caiDesigner.getState().setView({ mode: 'jobs' }))
    const board = page.getByTestId('jobs')
    for (const text of ['', manyJobs, JOBS_ONLY, manyJobs]) {
      await setText(page, text)
      if (text === '') await expect(board).toContainText('No jobs in this file')
      else await expect(flowNode(page, text === JOBS_ONLY ? '@job/first' : '@job/job_0')).toBeVisible()
    }
    await expect(page.locator('.cai-failure'), 'no area of the page has failed').toHaveCount(0)
  })
})
