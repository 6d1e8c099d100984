import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { editorSelection, outline, selectedWorkflow, storeText } from './designer'
import { files, holdStorageWrites, openPatiently as openDesigner, saveState, typeAtEnd } from './storage-pages'

/** Waits until the page shows the same text, workflow and cursor as before. */
async function expectRestored(page: Page, expected: { text: string; workflow: string | null; cursor: number }) {
  // The page starts once the saved state is read.
  await openDesigner(page, false)
  await expect.poll(() => storeText(page)).toBe(expected.text)
  await expect.poll(() => selectedWorkflow(page)).toBe(expected.workflow)
  await expect.poll(() => editorSelection(page)).toEqual({ start: expected.cursor, end: expected.cursor })
}

async function current(page: Page) {
  return {
    text: await storeText(page),
    workflow: await selectedWorkflow(page),
    cursor: await page.evaluate(() => window.__caiDesigner.getState().cursorOffset),
  }
}

/** Writes a raw value into the designer's database, as another version of it (or damage) would. */
async function putRaw(page: Page, store: string, value: unknown) {
  await page.evaluate(
    ({ store, value }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('cai-designer')
        request.onsuccess = () => {
          const tx = request.result.transaction(store, 'readwrite')
          tx.objectStore(store).put(value)
          tx.oncomplete = () => {
            request.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    { store, value },
  )
}

test.describe('autosave', () => {
  test('brings back the text, the workflow and the cursor after a reload', async ({ page }) => {
    await openDesigner(page)
    await outline(page).getByRole('button', { name: 'daily_sales_report' }).click()
    await typeAtEnd(page, '\n// kept across reloads ✓')
    await expect(saveState(page)).toHaveText('Saved in browser')
    await outline(page).getByRole('button', { name: 'user_onboarding' }).click()
    await expect(saveState(page)).toHaveText('Saved in browser')
    const before = await current(page)
    expect(before.workflow).toBe('user_onboarding')
    page.on('dialog', (dialog) => void dialog.accept())
    await page.reload()
    await expectRestored(page, before)
  })

  test('saves within a second, and on leaving, even right after typing', async ({ page }) => {
    await openDesigner(page)
    await typeAtEnd(page, '\n// typed just before the reload')
    const before = await current(page)
    page.on('dialog', (dialog) => void dialog.accept())
    await page.reload()
    await expectRestored(page, before)
  })

  test('brings back the document after the page is closed and opened again', async ({ page, context }) => {
    await openDesigner(page)
    await typeAtEnd(page, '\n// closed and reopened')
    // Closed at once, before the autosave's own delay: the page writes as it goes.
    const before = await current(page)
    await page.close()
    const again = await context.newPage()
    await again.goto('./')
    await expectRestored(again, before)
  })

  test('asks before leaving with changes not saved to a file', async ({ page }) => {
    await openDesigner(page)
    await typeAtEnd(page, '\n// not downloaded')
    const asked = page.waitForEvent('dialog')
    void page.close({ runBeforeUnload: true })
    const dialog = await asked
    expect(dialog.type()).toBe('beforeunload')
    await dialog.dismiss()
    expect(page.isClosed()).toBe(false)
    // Closed for good without asking, so the context's own close does not wait on a tab that stayed.
    await page.close()
  })

  test('shows a warning when the storage quota is full', async ({ page }) => {
    // Chromium applies a quota override to databases opened after it: set it before the page opens its own.
    const cdp = await page.context().newCDPSession(page)
    const origin = new URL(test.info().project.use.baseURL!).origin
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 })
    await openDesigner(page)
    await expect(saveState(page)).toContainText('Not saved in browser: the browser storage is full')
    await expect(saveState(page)).toHaveAttribute('role', 'alert')
    expect((await files(page)).autosave).toBe('failed')
    // The page keeps working, and the warning stays while changes cannot be saved: the next attempt fails too.
    const { failures } = await files(page)
    await typeAtEnd(page, '\n// this does not fit')
    await expect.poll(async () => (await files(page)).failures).toBeGreaterThan(failures)
    await expect(saveState(page)).toContainText('Not saved in browser')

    await cdp.send('Storage.overrideQuotaForOrigin', { origin })
    page.on('dialog', (dialog) => void dialog.accept())
    await page.reload()
    await page.waitForFunction(() => !!window.__caiDesigner)
    await expect(saveState(page)).toHaveText('Saved in browser')
  })

  test('starts with autosave off, and says so, when storage is disabled', async ({ page }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError')
      }
    })
    await openDesigner(page)
    await expect(saveState(page)).toContainText('Autosave off')
    await expect(page.getByTestId('notices')).toContainText('Download your work to keep it')
  })

  test('saved data from a newer version does not stop the page: it is set aside and reported', async ({ page }) => {
    await openDesigner(page)
    const { documentId } = await files(page)
    await putRaw(page, 'documents', { format: 99, id: documentId, futureField: 'text in a newer format' })
    await page.reload()
    await expect(page.getByTestId('notices')).toContainText('saved by a newer version of the designer')
    await expect(page.getByTestId('notices')).toContainText('set aside, not deleted')
    await expect.poll(() => storeText(page)).toContain('workflow order_fulfillment {')
    const quarantined = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve) => {
          const request = indexedDB.open('cai-designer')
          request.onsuccess = () => {
            const read = request.result.transaction('quarantine').objectStore('quarantine').getAll()
            read.onsuccess = () => resolve(read.result)
          }
        }),
    )
    expect(quarantined).toEqual([expect.objectContaining({ store: 'documents', value: expect.objectContaining({ futureField: 'text in a newer format' }) })])
  })

  test('damaged saved data does not stop the page either', async ({ page }) => {
    await openDesigner(page)
    const { documentId } = await files(page)
    await putRaw(page, 'documents', { format: 1, id: documentId, text: 42 })
    await putRaw(page, 'recent', { format: 1, id: 'junk', name: null })
    await page.reload()
    await expect(page.getByTestId('notices')).toContainText('could not be read')
    await expect.poll(() => storeText(page)).toContain('workflow order_fulfillment {')
  })

  test('keeps the last documents in Recent', async ({ page }) => {
    await openDesigner(page)
    for (const name of ['minimal.cai', 'everything.cai', 'bad_cron.cai']) {
      await page.getByRole('button', { name: 'Examples' }).click()
      await page.getByRole('menuitem', { name }).click()
      await expect(page.getByRole('banner')).toContainText(name)
    }
    await page.getByRole('button', { name: 'Recent' }).click()
    await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['bad_cron.cai', 'everything.cai', 'minimal.cai', 'with_workflows.cai'])
  })
})

test.describe('storage that never answers', () => {
  test('opening that never answers: the page starts, says so, and warns before leaving', async ({ page }) => {
    await page.addInitScript(() => {
      // As some private modes do: the request neither succeeds nor fails.
      IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest
    })
    await page.goto('./')
    await expect(saveState(page)).toHaveText('⚠ Not saved in browser: storage is not answering', { timeout: 30_000 })
    await expect(saveState(page)).toHaveAttribute('role', 'alert')
    await typeAtEnd(page, '\n// nowhere to keep this')
    const asked = page.waitForEvent('dialog')
    const closing = page.close({ runBeforeUnload: true })
    const dialog = await asked
    expect(dialog.type()).toBe('beforeunload')
    // Answered, so the tab really closes: a dialog left open made the context's own close fail now and then.
    await dialog.accept()
    await closing
    await expect.poll(() => page.isClosed()).toBe(true)
  })

  test('a save that never answers is reported like a failed one', async ({ page }) => {
    await openDesigner(page)
    await expect(saveState(page)).toHaveText('Saved in browser')
    await holdStorageWrites(page)
    const { attempts } = await files(page)
    await typeAtEnd(page, '\n// this save hangs')
    await expect.poll(async () => (await files(page)).attempts).toBeGreaterThan(attempts)
    await expect(saveState(page)).toHaveText('⚠ Not saved in browser: storage is not answering', { timeout: 15_000 })
    expect((await files(page)).autosave).toBe('failed')
  })
})
