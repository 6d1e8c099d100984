/**
 * Two tabs, one document (issue 13): neither tab's edits are ever dropped,
 * and whenever what a tab shows is not what is stored, it says so.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { storeText } from './designer'
import { files, openPatiently, saveState, storedDocuments, typeAtEnd } from './storage-pages'

// Two browsers (or tabs) per test, each loading the page: slow on a busy machine.
test.describe.configure({ timeout: 120_000 })

async function twoTabs(page: Page): Promise<Page> {
  await openPatiently(page)
  await expect(saveState(page)).toHaveText('Saved in browser')
  const other = await page.context().newPage()
  await openPatiently(other)
  expect((await files(other)).documentId).toBe((await files(page)).documentId)
  return other
}

/** A tab agrees with storage: what it shows is stored under its document, or the status says otherwise. */
async function expectSettled(page: Page) {
  await expect(saveState(page)).toHaveText('Saved in browser')
  const { documentId } = await files(page)
  const stored = (await storedDocuments(page)).find((document) => document.id === documentId)
  expect(stored?.text).toBe(await storeText(page))
}

test('editing alternately in two tabs: each follows the other, nothing is lost, no copies', async ({ page }) => {
  const other = await twoTabs(page)
  await typeAtEnd(page, '\n// first, in tab one')
  await expect.poll(() => storeText(other)).toContain('// first, in tab one')
  await typeAtEnd(other, '\n// then, in tab two')
  await expect.poll(() => storeText(page)).toContain('// then, in tab two')
  await typeAtEnd(page, '\n// and tab one again')
  await expect.poll(() => storeText(other)).toContain('// and tab one again')
  for (const tab of [page, other]) await expectSettled(tab)
  expect(await storeText(page)).toBe(await storeText(other))
  await expect(page.getByTestId('conflict')).toHaveCount(0)
  await expect(other.getByTestId('conflict')).toHaveCount(0)
  expect(await storedDocuments(page)).toHaveLength(1)
})

test('both tabs edit at once: the tab that cannot save keeps its text as “… (other tab)”, says so, and can take the other version', async ({ page }) => {
  const other = await twoTabs(page)
  const original = (await files(page)).documentId
  // Tab two's timed save waits, so tab one saves first and the two disagree.
  await other.evaluate(() => window.__caiFiles!.holdTimedSaves(true))
  await typeAtEnd(other, '\n// typed in tab two')
  await typeAtEnd(page, '\n// typed in tab one')
  const [one, two] = [await storeText(page), await storeText(other)]
  await expect(other.getByTestId('conflict')).toContainText('This tab’s text is kept as “with_workflows.cai (other tab)”')
  await expect(other.getByRole('banner')).toContainText('with_workflows.cai (other tab)')
  await expect(page.getByTestId('conflict')).toHaveCount(0)
  for (const tab of [page, other]) await expectSettled(tab)
  expect((await storedDocuments(page)).map((document) => document.text).sort()).toEqual([one, two].sort())
  expect((await files(page)).documentId).toBe(original)
  expect((await files(other)).documentId).not.toBe(original)

  // Compare shows the two versions side by side: the other tab's before, this tab's after.
  await other.getByTestId('conflict').getByRole('button', { name: 'Compare' }).click()
  await expect(other.getByTestId('compare')).toBeVisible()
  const comparison = await other.evaluate(() => window.__caiDesigner.diff())
  expect(comparison).not.toBeNull()
  await expect(other.getByTestId('compare')).toContainText('(saved by the other tab)')
  await other.getByTestId('compare').getByRole('button', { name: 'Close', exact: true }).click()
  await expect(other.getByTestId('compare')).toBeHidden()

  // Tab two takes the other version; its own copy stays in Recent.
  await other.getByRole('button', { name: 'Take the other version' }).click()
  await expect(other.getByTestId('conflict')).toHaveCount(0)
  await expect.poll(() => storeText(other)).toBe(one)
  await expectSettled(other)
  await other.getByRole('button', { name: 'Recent' }).click()
  await expect(other.getByRole('menu')).toContainText('with_workflows.cai (other tab)')
  expect((await storedDocuments(page)).map((document) => document.text).sort()).toEqual([one, two].sort())
})

test('one tab saves and closes while the other types: both edits are kept, and the open tab says so', async ({ page }) => {
  const other = await twoTabs(page)
  await page.locator('.monaco-editor .view-lines').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n// tab one, then closed')
  const closing = page.close({ runBeforeUnload: true })
  page.on('dialog', (dialog) => void dialog.accept())
  await typeAtEnd(other, '\n// tab two, typing meanwhile')
  await closing
  await expect.poll(() => page.isClosed()).toBe(true)

  // Both edits end up stored, in one document or two; the open tab agrees with storage or says why not.
  await expect.poll(async () => (await storedDocuments(other)).some((document) => document.text.includes('// tab one, then closed'))).toBe(true)
  await expect.poll(async () => (await storedDocuments(other)).some((document) => document.text.includes('// tab two, typing meanwhile'))).toBe(true)
  await expectSettled(other)
  const together = (await storedDocuments(other)).find((document) => document.text.includes('// tab one') && document.text.includes('// tab two'))
  if (!together) {
    // Two versions: the open tab was told.
    await expect(other.getByTestId('conflict').or(other.getByTestId('notices')).filter({ hasText: /(other tab|closed tab)/ })).not.toHaveCount(0)
  }
})
