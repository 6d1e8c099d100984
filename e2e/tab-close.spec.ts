/**
 * Closing a tab right after typing loses nothing (issue 13). The browser runs
 * with a persistent profile, so what the page stored survives closing it and
 * starting the browser again, as it does for a user.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_URL, CHROMIUM_LAUNCH_OPTIONS } from '../playwright.config'
import { expect, test } from './fixtures'
import { storeText } from './designer'
import { files, holdStorageWrites, openPatiently, saveState, typeAtEnd } from './storage-pages'

// Two browsers (or tabs) per test, each loading the page: slow on a busy machine.
test.describe.configure({ timeout: 120_000 })

const profiles: string[] = []
test.afterAll(() => {
  for (const profile of profiles.splice(0)) rmSync(profile, { recursive: true, force: true })
})

function newProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'cai-designer-profile-'))
  profiles.push(profile)
  return profile
}

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    ...CHROMIUM_LAUNCH_OPTIONS,
    baseURL: BASE_URL,
    viewport: { width: 1400, height: 900 },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}

/** Closes the tab as a user does (Ctrl+W, the window's close button): unload handlers run; "Leave" is chosen if asked. */
async function closeLikeAUser(page: Page) {
  page.on('dialog', (dialog) => void dialog.accept())
  await page.close({ runBeforeUnload: true })
  await expect.poll(() => page.isClosed()).toBe(true)
}

test.describe('closing the tab right after typing', () => {
  for (const delay of [0, 50, 100, 200, 300]) {
    test(`keeps every character when the tab closes ${delay} ms after the last key`, async () => {
      const profile = newProfile()
      const first = await launch(profile)
      await openPatiently(first.page)
      const typed = `\n// closed ${delay} ms after typing ✓ ${Date.now()}`
      await typeAtEnd(first.page, typed)
      const expected = await storeText(first.page)
      // The delay under test.
      if (delay > 0) await first.page.waitForTimeout(delay)
      await closeLikeAUser(first.page)
      await first.context.close()

      const second = await launch(profile)
      try {
        await openPatiently(second.page)
        expect(await storeText(second.page)).toBe(expected)
        await expect.poll(async () => (await files(second.page)).autosave).toBe('saved')
      } finally {
        await second.context.close()
      }
    })
  }

  test('edits only the backup kept are restored, and the user is told', async () => {
    const profile = newProfile()
    const first = await launch(profile)
    await openPatiently(first.page)
    await expect(saveState(first.page)).toHaveText('Saved in browser')
    await holdStorageWrites(first.page)
    const typed = '\n// only in the closing backup'
    await typeAtEnd(first.page, typed)
    const expected = await storeText(first.page)
    await closeLikeAUser(first.page)
    await first.context.close()

    const second = await launch(profile)
    try {
      await openPatiently(second.page)
      expect(await storeText(second.page)).toBe(expected)
      await expect(second.page.getByTestId('notices')).toContainText('Restored the edits from when this tab closed.')
      // Stored for good: a reload finds them without the backup.
      await expect.poll(() => second.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('cai-designer.backup.')))).toEqual([])
      await second.page.reload()
      await openPatiently(second.page, false)
      expect(await storeText(second.page)).toBe(expected)
    } finally {
      await second.context.close()
    }
  })
})

test('reloading right after typing keeps every character', async ({ page }) => {
  await openPatiently(page)
  await typeAtEnd(page, '\n// reloaded at once')
  const expected = await storeText(page)
  page.on('dialog', (dialog) => void dialog.accept())
  await page.reload()
  await openPatiently(page, false)
  expect(await storeText(page)).toBe(expected)
})
