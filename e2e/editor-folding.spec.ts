import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { clickInText, editor, loadText, openDesigner } from './designer'
import { generateCaiFile } from '../bench/generate'

/** The lines the editor shows at the moment (Monaco renders only what is in view). */
const shownText = (page: Page) => editor(page).locator('.view-lines')

/** Folds the block or comment the cursor is in, with Monaco's key for it. */
async function foldAt(page: Page, offset: number) {
  await clickInText(page, offset)
  await page.keyboard.press('Control+Shift+BracketLeft')
}

test.describe('folding in the text', () => {
  test('a normal file folds by its syntax: a run of line comments folds as one', async ({ page }) => {
    await openDesigner(page)
    const text = '// one\n// two\n// three\nworkflow w {\n\ttrigger manual\n\n\tsteps {\n\t\ts {\n\t\t\tactivity "a.b"\n\t\t}\n\t}\n}\n'
    await loadText(page, text)
    await expect(shownText(page)).toContainText('// two')
    // Folding by indentation would not fold these: the comments are not indented.
    await foldAt(page, 0)
    await expect(shownText(page)).not.toContainText('// two')
    await expect(shownText(page)).toContainText('workflow w {')
  })

  test('a file over a megabyte folds by indentation', async ({ page }) => {
    test.setTimeout(60_000)
    await openDesigner(page)
    const text = generateCaiFile({ steps: 8_000, workflows: 40 })
    expect(text.length).toBeGreaterThan(1024 * 1024)
    await loadText(page, text)
    // The first workflow's trigger; the next ones have other triggers.
    await expect(shownText(page)).toContainText('trigger event "orders.created"')
    await foldAt(page, text.indexOf('workflow generated_0 {'))
    await expect(shownText(page)).not.toContainText('trigger event "orders.created"')
    await expect(shownText(page)).toContainText('job generated_job_0 {')
  })
})
