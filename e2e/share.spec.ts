import { randomBytes } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import type { BrowserContext, Page } from '@playwright/test'
import { test, expect as baseExpect } from './fixtures'
import { editorText, flowNode, openDesigner, storeText } from './designer'
import { generateCaiFile } from '../bench/generate'
import { BASE_URL } from '../playwright.config'

/** Waits for the page's work as long as a busy machine needs: a wait, never a time limit. */
const expect = baseExpect.configure({ timeout: 30_000 })

const NON_ASCII =
  '// Überprüfung der Bestellung – 注文の確認 – проверка 😀\nworkflow orders {\n\ttrigger event "order.créée"\n\n\tsteps {\n\t\tcheck {\n\t\t\tactivity "inventory.vérifier" // ✓ ünïcödé\n\t\t}\n\t}\n}\n'

const base64url = (bytes: Buffer) => bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

async function setDocument(page: Page, text: string) {
  await page.evaluate((value) => window.__caiDesigner.setText(value), text)
  await expect.poll(() => storeText(page)).toBe(text)
}

/** Copies a share link through the Share menu and reads it back from the clipboard. */
async function copyLink(page: Page, kind: 'Copy share link' | 'Copy view-only link'): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Share' }).click()
  await page.getByRole('menuitem', { name: kind }).click()
  await expect(page.getByTestId('notices')).toContainText(kind === 'Copy share link' ? 'Share link copied' : 'View-only link copied')
  return page.evaluate(() => navigator.clipboard.readText())
}

/** A page in a fresh browser profile: nothing saved, as someone receiving the link. */
async function freshPage(context: BrowserContext): Promise<Page> {
  const other = await context.browser()!.newContext({ viewport: { width: 1400, height: 900 } })
  return other.newPage()
}

const documentId = (page: Page) => page.evaluate(() => window.__caiFiles!.state().documentId)

test.describe('share links', () => {
  test('carry the text byte for byte, non-ASCII included, with its name and workflow', async ({ page, context }) => {
    await openDesigner(page)
    await setDocument(page, NON_ASCII)
    await page.evaluate(() => window.__caiDesigner.getState().setDocName('bestellungen-注文.cai'))
    const link = await copyLink(page, 'Copy share link')
    expect(new URL(link).hash).toMatch(/^#cai=1&name=[^&]+&wf=orders&z=[A-Za-z0-9_-]+$/)
    expect(link.startsWith(new URL('./', page.url()).href)).toBe(true)

    const receiver = await freshPage(context)
    await receiver.goto(link)
    await receiver.waitForFunction(() => !!window.__caiDesigner)
    await expect.poll(() => storeText(receiver)).toBe(NON_ASCII)
    await expect(receiver.getByRole('banner')).toContainText('bestellungen-注文.cai')
    await expect(flowNode(receiver, 'orders/check')).toBeVisible()
    await expect.poll(() => editorText(receiver)).toBe(NON_ASCII)
    // The link has been dealt with: it leaves the address bar, so a reload shows the autosaved copy.
    expect(new URL(receiver.url()).hash).toBe('')
    await receiver.context().close()
  })

  test('carry a 1 MB document, and warn that long links get cut', async ({ page, context }) => {
    test.setTimeout(90_000)
    await openDesigner(page)
    const text = generateCaiFile({ steps: 6_600, workflows: 25 })
    expect(text.length).toBeGreaterThan(1_000_000)
    await setDocument(page, text)
    const link = await copyLink(page, 'Copy share link')
    await expect(page.getByTestId('notices')).toContainText('some tools (chat, mail, issue trackers) cut long links')
    test.info().annotations.push({ type: 'share link', description: `${text.length} characters of text in a ${link.length}-character link` })

    const receiver = await freshPage(context)
    await receiver.goto(link)
    await receiver.waitForFunction(() => !!window.__caiDesigner)
    await expect.poll(() => storeText(receiver), { timeout: 30_000 }).toBe(text)
    await expect(flowNode(receiver, 'generated_0/step_00000')).toBeVisible()
    await receiver.context().close()
  })

  test('a view-only link shows the picture without the text or any editing', async ({ page, context }) => {
    await openDesigner(page)
    await page.getByTestId('outline').getByRole('button', { name: 'daily_sales_report' }).click()
    const link = await copyLink(page, 'Copy view-only link')
    expect(link).toContain('&view=1&')

    const viewer = await freshPage(context)
    await viewer.goto(link)
    await viewer.waitForFunction(() => !!window.__caiDesigner)
    await expect(viewer.getByTestId('view-only')).toBeVisible()
    await expect(flowNode(viewer, 'daily_sales_report/fetch_sales_data')).toBeVisible()
    await expect(viewer.locator('.monaco-editor')).toHaveCount(0)
    await expect(viewer.getByRole('button', { name: 'Format' })).toHaveCount(0)
    await expect(viewer.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0)
    await expect(viewer.getByRole('region', { name: 'Text' })).toHaveCount(0)
    await expect(viewer.getByRole('link', { name: 'Open in CAI Designer' })).toHaveAttribute('href', link.replace('&view=1', ''))
    // Nothing on the canvas edits either: no palette, no menus, no keys, no dragging.
    const text = await storeText(viewer)
    await expect(viewer.getByTestId('palette')).toBeHidden()
    const node = flowNode(viewer, 'daily_sales_report/fetch_sales_data')
    await node.click({ button: 'right' })
    await expect(viewer.getByRole('menu')).toHaveCount(0)
    await node.focus()
    await viewer.keyboard.press('Delete')
    await viewer.keyboard.press('Control+z')
    const box = (await node.boundingBox())!
    await viewer.mouse.move(box.x + 20, box.y + 10)
    await viewer.mouse.down()
    await viewer.mouse.move(box.x + 20, box.y + 300, { steps: 8 })
    await viewer.mouse.up()
    expect(await storeText(viewer)).toBe(text)
    // Nothing is stored for a picture embedded in documentation.
    expect(await viewer.evaluate(() => window.__caiFiles)).toBeUndefined()
    expect(await viewer.evaluate(async () => (await indexedDB.databases()).length)).toBe(0)
    await viewer.context().close()
  })

  test('a link opened over local work asks first, and keeps that work recoverable', async ({ page }) => {
    await openDesigner(page)
    await page.locator('.monaco-editor .view-lines').first().click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\n// local work in progress')
    const local = await storeText(page)
    await expect.poll(() => page.evaluate(() => window.__caiFiles!.state().autosave)).toBe('saved')

    const link = `./#cai=1&name=shared.cai&z=${base64url(deflateSync(Buffer.from(NON_ASCII, 'utf8')))}`
    page.on('dialog', (dialog) => void dialog.accept())
    await page.goto(link)
    const question = page.getByRole('dialog')
    await expect(question).toContainText('Open “shared.cai”?')
    await question.getByRole('button', { name: 'Open' }).click()
    await expect.poll(() => storeText(page)).toBe(NON_ASCII)
    await expect(page.getByTestId('notices')).toContainText('What you had open before is in Recent')

    await page.getByRole('button', { name: 'Recent' }).click()
    await page.getByRole('menuitem', { name: 'with_workflows.cai' }).click()
    await expect.poll(() => storeText(page)).toBe(local)
  })
})

test.describe('hostile names and sizes (issue 14.2, 14.3)', () => {
  test('a long name clipped at an emoji still makes links and a clean download name', async ({ context }) => {
    // 199 letters, then an emoji: clipped at 200 UTF-16 units, it would keep half the emoji.
    const name = `${'a'.repeat(199)}😀.cai`
    const link = `${BASE_URL}#cai=1&name=${encodeURIComponent(name)}&z=${base64url(deflateSync(Buffer.from(NON_ASCII, 'utf8')))}`
    const receiver = await freshPage(context)
    await receiver.goto(link)
    await receiver.waitForFunction(() => !!window.__caiDesigner)
    await expect.poll(() => storeText(receiver)).toBe(NON_ASCII)
    const docName = await receiver.evaluate(() => window.__caiDesigner.getState().docName)
    expect(docName).toBe('a'.repeat(199))

    // Making a link from it works (a half emoji made encodeURIComponent throw "URI malformed").
    const copied = await copyLink(receiver, 'Copy share link')
    expect(copied).toContain(`name=${'a'.repeat(199)}&`)
    const download = receiver.waitForEvent('download')
    await receiver.getByRole('button', { name: 'Download' }).click()
    expect((await download).suggestedFilename()).toBe(`${'a'.repeat(120)}.cai`)
    await receiver.context().close()
  })

  test('a document whose link browsers could not open gets no link: the download is offered instead', async ({ page }) => {
    test.setTimeout(90_000)
    await openDesigner(page)
    // About 1.1 MB that deflate cannot shrink: its link would be over 1,000,000 characters.
    const text = `// ${randomBytes(820_000).toString('base64')}\n`
    await setDocument(page, text)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.evaluate(() => navigator.clipboard.writeText('before'))
    await page.getByRole('button', { name: 'Share' }).click()
    await page.getByRole('menuitem', { name: 'Copy share link' }).click()
    const question = page.getByRole('dialog')
    await expect(question).toContainText('No link for this document')
    await expect(question).toContainText(/browsers do not open links over 1,000,000 characters \(Firefox stops at 1,048,576, Chromium at 2,097,152\)/)
    const download = page.waitForEvent('download')
    await question.getByRole('button', { name: 'Download' }).click()
    expect((await download).suggestedFilename()).toMatch(/\.cai$/)
    // Nothing half-made reached the clipboard.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before')
  })
})

test.describe('share links with a dry run', () => {
  const unserved = (page: Page) =>
    page.evaluate(() => window.__caiDesigner.getState().diagnostics.filter((d) => d.code === 'runtime/queue-unserved').length)
  const savedProfile = (page: Page) => page.evaluate(() => localStorage.getItem('cai-designer.runtime-profile'))

  test('carry the scenarios and a changed runtime profile, which the receiver sees in that view only', async ({ page, context }) => {
    await openDesigner(page)
    await page.evaluate(() => window.__caiDesigner.getState().selectWorkflow('order_fulfillment'))
    await page.getByTestId('runtime-view').click()
    await page.getByTestId('behaviour-process_payment').selectOption('always-fails')
    await page.getByTestId('dry-run').getByRole('button', { name: 'Runtime profile…' }).click()
    const dialog = page.getByTestId('runtime-profile')
    await dialog.getByTestId('profile-queues').fill('critical: 6, default: 3, low: 1, low_priority: 1')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect.poll(() => unserved(page)).toBe(0)
    const link = await copyLink(page, 'Copy share link')
    expect(new URL(link).hash).toMatch(/&run=[A-Za-z0-9_-]+&z=[A-Za-z0-9_-]+$/)

    const receiver = await freshPage(context)
    await receiver.goto(link)
    await receiver.waitForFunction(() => !!window.__caiDesigner)
    await expect.poll(() => storeText(receiver)).toBe(await storeText(page))
    // The link's profile serves low_priority: no warning about it in this view.
    await expect.poll(() => unserved(receiver)).toBe(0)
    await receiver.evaluate(() => window.__caiDesigner.getState().selectWorkflow('order_fulfillment'))
    await receiver.getByTestId('runtime-view').click()
    await expect(receiver.getByTestId('link-profile')).toContainText('This link carries its own runtime profile, used in this view only')
    await expect.poll(async () => (await receiver.evaluate(() => window.__caiDesigner.dryRun()))?.outcome).toEqual({ kind: 'failed', step: 'process_payment' })
    // No setting of the receiver was changed by it.
    expect(await savedProfile(receiver)).toBeNull()

    await receiver.getByTestId('link-profile').getByRole('button', { name: 'Use my own profile' }).click()
    await expect(receiver.getByTestId('link-profile')).toHaveCount(0)
    await expect.poll(() => unserved(receiver)).toBe(2)
    expect(await savedProfile(receiver)).toBeNull()
    await receiver.context().close()
  })

  test('a link whose profile is absurd still opens its document and scenario, and says the profile was refused', async ({ page }) => {
    const run = base64url(
      deflateSync(
        Buffer.from(JSON.stringify({ v: 1, profile: { concurrency: -3 }, scenarios: { orders: '{"steps": {"check": {"behaviour": "always-fails"}}}' } }), 'utf8'),
      ),
    )
    await page.goto(`./#cai=1&name=shared.cai&run=${run}&z=${base64url(deflateSync(Buffer.from(NON_ASCII, 'utf8')))}`)
    await page.waitForFunction(() => !!window.__caiDesigner)
    await expect.poll(() => storeText(page)).toBe(NON_ASCII)
    await expect(page.getByTestId('notices')).toContainText(
      'The runtime profile in this link was refused (concurrency must be between 1 and 100000, not -3): this view uses your own profile.',
    )
    await page.getByTestId('runtime-view').click()
    await expect(page.getByTestId('dry-run')).toBeVisible()
    await expect(page.getByTestId('link-profile')).toHaveCount(0)
    await expect.poll(async () => (await page.evaluate(() => window.__caiDesigner.dryRun()))?.outcome).toEqual({ kind: 'failed', step: 'check' })
  })
})

test.describe('damaged and hostile links are refused and change nothing', () => {
  async function refusedOverLocal(page: Page, fragment: string, reason: RegExp) {
    await openDesigner(page)
    const text = await storeText(page)
    const id = await documentId(page)
    await page.goto(`./${fragment}`)
    await expect(page.getByRole('alert').filter({ hasText: 'This share link cannot be opened' })).toContainText(reason)
    expect(await storeText(page)).toBe(text)
    expect(await documentId(page)).toBe(id)
    await expect(page.getByRole('dialog')).toHaveCount(0)
  }

  const good = `#cai=1&name=x.cai&z=${base64url(deflateSync(Buffer.from(NON_ASCII.repeat(4), 'utf8')))}`

  test('a corrupted link', async ({ page }) => {
    const at = good.length - 30
    await refusedOverLocal(page, good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1), /damaged|not valid/)
  })

  test('a truncated link', async ({ page }) => {
    await refusedOverLocal(page, good.slice(0, good.length - 25), /cut short/)
  })

  test('a link that inflates past 5 MB', async ({ page }) => {
    const bomb = `#cai=1&name=bomb.cai&z=${base64url(deflateSync(Buffer.alloc(6 * 1024 * 1024, 0x61), { level: 9 }))}`
    expect(bomb.length).toBeLessThan(12_000)
    await refusedOverLocal(page, bomb, /over 5 MB/)
  })

  test('a refused link in a new page still starts the designer', async ({ page }) => {
    await page.goto(`./${good.slice(0, 60)}`)
    await expect(page.getByRole('alert').filter({ hasText: 'This share link cannot be opened' })).toBeVisible()
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toBeVisible()
  })
})
