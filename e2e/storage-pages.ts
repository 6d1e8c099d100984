/** Helpers for the tests of what the page keeps in the browser (tab-close, two-tabs, autosave). */
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { editorText, storeText } from './designer'

/** Loading Monaco takes long on a busy machine: waited for patiently, never timed. */
const LOAD_TIMEOUT = 60_000

export const files = (page: Page) => page.evaluate(() => window.__caiFiles!.state())
export const saveState = (page: Page) => page.getByTestId('save-state')

/** Opens the designer (already at `./` when `navigate` is false) and waits until the editor shows the text. */
export async function openPatiently(page: Page, navigate = true): Promise<void> {
  if (navigate) await page.goto('./')
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: LOAD_TIMEOUT })
  await expect.poll(async () => (await editorText(page)) === (await storeText(page)), { timeout: LOAD_TIMEOUT }).toBe(true)
}

export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
  await expect.poll(() => storeText(page)).toContain(text)
}

/** Every stored document, as the page's database holds it. */
export async function storedDocuments(page: Page): Promise<{ id: string; name: string; text: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('cai-designer')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const read = request.result.transaction('documents').objectStore('documents').getAll()
          read.onsuccess = () => {
            request.result.close()
            resolve(read.result.map(({ id, name, text }) => ({ id, name, text })))
          }
        }
      }),
  )
}

/** From now on the page's IndexedDB writes neither succeed nor fail: as storage that does not answer, or a page gone before they commit. */
export async function holdStorageWrites(page: Page): Promise<void> {
  await page.evaluate(() => {
    const transaction = IDBDatabase.prototype.transaction
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
      if (args[1] !== 'readwrite') return transaction.apply(this, args)
      const silent = () => ({}) as IDBRequest
      const store = { get: silent, getAll: silent, getAllKeys: silent, getKey: silent, put: silent, add: silent, delete: silent }
      return { objectStore: () => store, abort() {}, commit() {} } as unknown as IDBTransaction
    } as typeof transaction
  })
}
