/**
 * Big texts load without blocking the page. Nothing here depends on how busy
 * the machine is: the parse runs in the worker and its result comes back in
 * slices, the page answers a click while the parse runs, and the result is
 * right. How long it takes (the longest main-thread task) is measured by
 * `npm run bench:ui`, not asserted here.
 */
import type { Page } from '@playwright/test'
import { test, expect as baseExpect } from './fixtures'
import { openDesigner, outline, problems } from './designer'
import { generateCaiFile } from '../bench/generate'

/** Waits for the page's work as long as a busy machine needs: a wait, never a time limit. */
const expect = baseExpect.configure({ timeout: 30_000 })

const FIVE_MB = 5 * 1024 * 1024

/** About 5 MB of clean .cai: 160 workflows and their jobs, 34,000 steps. */
function fiveMegabytes(): string {
  const text = generateCaiFile({ steps: 34_000, workflows: 160 })
  expect(text.length).toBeGreaterThan(FIVE_MB)
  return text
}

interface ParseWorkerRecord {
  /** Parse workers started. */
  started: number
  /** Messages carrying a slice of a parse result, and messages ending one. */
  pieces: number
  done: number
  /** What the page saw, in order: "parsing" when the Parsing… status appeared, "parsed" when it went, "menu" when a menu opened. */
  events: string[]
}

/** Watches, from before any script, the parse worker's messages and the order of what the page shows. */
async function recordLoading(page: Page) {
  await page.addInitScript(() => {
    const record: ParseWorkerRecord = { started: 0, pieces: 0, done: 0, events: [] }
    ;(window as unknown as { __parseRecord: ParseWorkerRecord }).__parseRecord = record
    const Native = window.Worker
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options)
        if (options?.name !== 'cai-parse') return
        record.started++
        this.addEventListener('message', (event: MessageEvent) => {
          if (event.data && typeof event.data === 'object' && 'piece' in event.data) record.pieces++
          else record.done++
        })
      }
    }
    let parsing = false
    let menu = false
    new MutationObserver(() => {
      const nowParsing = document.querySelector('.cai-parsing') !== null
      if (nowParsing !== parsing) record.events.push(nowParsing ? 'parsing' : 'parsed')
      parsing = nowParsing
      const nowMenu = document.querySelector('[role="menu"]') !== null
      if (nowMenu && !menu) record.events.push('menu')
      menu = nowMenu
    }).observe(document, { subtree: true, childList: true })
  })
}

const parseRecord = (page: Page) => page.evaluate(() => (window as unknown as { __parseRecord: ParseWorkerRecord }).__parseRecord)
const textLength = (page: Page) => page.evaluate(() => window.__caiDesigner.getText().length)
const editorLength = (page: Page) => page.evaluate(() => window.__caiDesigner.getEditorText()?.length ?? -1)

/** Waits until the big text is in: store, outline and editor. */
async function loaded(page: Page, length: number, workflows: number) {
  await expect.poll(() => textLength(page), { timeout: 60_000 }).toBe(length)
  await expect(outline(page).locator('li[data-kind="workflow"]')).toHaveCount(workflows, { timeout: 60_000 })
  await expect.poll(() => editorLength(page), { timeout: 60_000 }).toBe(length)
}

test.describe('a 5 MB file', () => {
  test.setTimeout(180_000)

  test('is parsed in the worker, in slices, while the page answers clicks; outline and problems are right', async ({ page }) => {
    await recordLoading(page)
    // Chromium's file picker, as the page sees it, handing over a file already in the page.
    await page.addInitScript(() => {
      Object.assign(window, {
        showOpenFilePicker: async () => [{ kind: 'file', name: 'big.cai', getFile: async () => (window as unknown as { __bigFile: File }).__bigFile }],
      })
    })
    await openDesigner(page)
    const text = fiveMegabytes()
    await page.evaluate((value) => {
      ;(window as unknown as { __bigFile: File }).__bigFile = new File([value], 'big.cai', { type: 'text/plain' })
    }, text)

    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await expect(page.locator('.cai-parsing')).toHaveText('Parsing big.cai…')
    // A click while the worker parses is answered: the menu opens before the parse is done.
    await page.getByRole('button', { name: 'Examples' }).click()
    await expect(page.getByRole('menu')).toBeVisible()
    await page.keyboard.press('Escape')

    await expect(outline(page).locator('li[data-kind="workflow"]')).toHaveCount(160, { timeout: 60_000 })
    await expect(problems(page)).toContainText('No problems')
    await loaded(page, text.length, 160)
    const record = await parseRecord(page)
    expect(record.events.slice(0, 3)).toEqual(['parsing', 'menu', 'parsed'])
    expect(record.started).toBe(1)
    expect(record.done).toBe(1)
    // The tree comes back in slices, each adopted in a short task of its own.
    expect(record.pieces).toBeGreaterThan(10)
    expect(await page.evaluate(() => window.__caiDesigner.getText())).toBe(text)

    // Typing afterwards re-parses around the edit: the text, editor and outline stay right.
    await page.locator('.monaco-editor .view-lines').first().click()
    await page.keyboard.press('Control+Home')
    for (let typed = 1; typed <= 3; typed++) {
      await page.keyboard.type('x')
      await expect.poll(() => textLength(page)).toBe(text.length + typed)
    }
    await expect.poll(() => page.evaluate(() => window.__caiDesigner.getText().slice(0, 5))).toBe('xxx//')
    await expect.poll(() => editorLength(page)).toBe(text.length + 3)
    await expect(outline(page).locator('li[data-kind="workflow"]')).toHaveCount(160)
  })

  test('pasted into the text is parsed in the worker too, and one undo takes it back', async ({ page }) => {
    await recordLoading(page)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await openDesigner(page)
    const before = await page.evaluate(() => window.__caiDesigner.getText())
    const text = fiveMegabytes()
    await page.evaluate((value) => navigator.clipboard.writeText(value), text)

    await page.locator('.monaco-editor .view-lines').first().click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Control+v')
    await expect(outline(page).locator('li[data-kind="workflow"]')).toHaveCount(163, { timeout: 60_000 })
    await loaded(page, before.length + text.length, 163)
    expect(await page.evaluate(() => window.__caiDesigner.getText().slice(-10))).toBe(text.slice(-10))
    const record = await parseRecord(page)
    expect(record.started).toBe(1)
    expect(record.pieces).toBeGreaterThan(10)
    // One undo step takes the whole paste back.
    await page.keyboard.press('Control+z')
    await expect.poll(() => textLength(page), { timeout: 60_000 }).toBe(before.length)
  })
})
