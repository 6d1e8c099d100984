/**
 * The Compare view (issue 10): the bundled example against a version where a
 * step was renamed (its `steps.<name>.` references rewritten), one moved into
 * a parallel block and one removed; the same comparison through a review link
 * in a fresh browser; a malformed review link refused without touching the
 * document or its autosave.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from '@playwright/test'
import { test, expect as baseExpect } from './fixtures'
import { loadText, openDesigner, storeText } from './designer'
import { generateCaiFile } from '../bench/generate'
import { encodeReviewFragment } from '../src/share/review-link'

/** Waits for the page's work as long as a busy machine needs: a wait, never a time limit. */
const expect = baseExpect.configure({ timeout: 30_000 })

const ROOT = join(import.meta.dirname, '..')
const EXAMPLE = readFileSync(join(ROOT, 'examples/09-workflows/with_workflows.cai'), 'utf8')
const REVIEWED = readFileSync(join(ROOT, 'e2e/fixtures/with_workflows.reviewed.cai'), 'utf8')

const THE_THREE = [
  'renamed step check_inventory to verify_stock (similarity 0.85, 2 references updated)',
  'removed step send_confirmation (was step 5)',
  'moved step activate_account from step 4 to branch 4 of the parallel block at step 3',
]

const compareView = (page: Page) => page.getByTestId('compare')
const changeList = (page: Page) => page.getByTestId('change-list')
const comparison = (page: Page) => page.evaluate(() => window.__caiDesigner.diff())
const changeKinds = async (page: Page) => (await comparison(page))?.diff.changes.map((change) => change.kind) ?? null
/** The marked nodes on the picture: [node id, mark]. */
const pictureMarks = (page: Page) =>
  compareView(page)
    .locator('[data-testid="compare-picture"] [data-mark]')
    .evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-node'), node.getAttribute('data-mark')]))

/** Share ▸ Compare… in the toolbar. */
async function openChooser(page: Page) {
  await page.getByRole('button', { name: 'Share' }).click()
  await page.getByRole('menuitem', { name: /^Compare…/ }).click()
}

/** Compare… → pasted text, the open document being the before version. */
async function compareWithPasted(page: Page, text: string) {
  await openChooser(page)
  const dialog = page.getByRole('dialog', { name: 'Compare the document with…' })
  await dialog.getByLabel('the before version (older)').check()
  await dialog.getByLabel('Text to compare with').fill(text)
  await dialog.getByRole('button', { name: 'Compare with this text' }).click()
  await expect(compareView(page)).toBeVisible()
}

/** The three changes, and nothing else, in the list, the hook and on the picture. */
async function expectTheThree(page: Page) {
  await expect.poll(() => changeKinds(page)).toEqual(['step-renamed', 'step-removed', 'step-moved'])
  await expect(changeList(page).locator('[data-change]')).toHaveText(THE_THREE)
  await expect(changeList(page).getByRole('heading')).toHaveText(['workflow order_fulfillment', 'workflow user_onboarding'])
  await expect
    .poll(() => pictureMarks(page))
    .toEqual([
      ['order_fulfillment/verify_stock', 'renamed'],
      ['order_fulfillment/send_confirmation', 'removed'],
      ['user_onboarding/activate_account', 'moved'],
    ])
  // The removed step stands as a ghost.
  await expect(compareView(page).locator('[data-ghost="true"]')).toHaveAttribute('data-node', 'order_fulfillment/send_confirmation')
}

/** A page in a fresh browser profile, as someone receiving the link; it fails the test on an uncaught error. */
async function freshPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const other = await context.browser()!.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await other.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return { page, errors }
}

test.describe('the Compare view', () => {
  test('shows exactly a rename, a move into a parallel block and a removal, in words, on the picture and in the texts', async ({ page }) => {
    await openDesigner(page)
    expect(await storeText(page)).toBe(EXAMPLE)
    expect(await comparison(page)).toBeNull()
    await compareWithPasted(page, REVIEWED)
    await expectTheThree(page)
    const shown = await comparison(page)
    expect(shown).toMatchObject({ readOnly: false, before: { text: EXAMPLE }, after: { text: REVIEWED, label: 'pasted text' }, selected: null })

    // The diff editor holds the two texts.
    await expect(page.getByTestId('diff-editor').locator('.monaco-diff-editor')).toBeVisible()
    await expect(page.getByTestId('diff-editor')).toContainText('verify_stock')

    // Choosing a change selects it, its node and its text.
    await changeList(page).getByRole('button', { name: THE_THREE[2] }).click()
    await expect.poll(async () => (await comparison(page))?.selected).toBe(2)
    await expect(changeList(page).locator('[aria-current="true"]')).toHaveText(THE_THREE[2])
    await expect(compareView(page).locator('.cai-compare-selected')).toHaveAttribute('data-node', 'user_onboarding/activate_account')

    // Next and previous change from the keyboard, wrapping around.
    await page.keyboard.press('Alt+F5')
    await expect.poll(async () => (await comparison(page))?.selected).toBe(0)
    await expect(compareView(page).locator('.cai-compare-selected')).toHaveAttribute('data-node', 'order_fulfillment/verify_stock')
    await page.keyboard.press('Shift+Alt+F5')
    await expect.poll(async () => (await comparison(page))?.selected).toBe(2)

    // Clicking a node on the picture selects its change: the ghost is the removal.
    await compareView(page).locator('[data-ghost="true"]').click()
    await expect.poll(async () => (await comparison(page))?.selected).toBe(1)

    // The before picture: the removed step where it stood, the renamed one under its old name.
    await compareView(page).getByRole('button', { name: 'Before', exact: true }).click()
    await expect
      .poll(() => pictureMarks(page))
      .toEqual([
        ['order_fulfillment/check_inventory', 'renamed'],
        ['order_fulfillment/send_confirmation', 'removed'],
        ['user_onboarding/activate_account', 'moved'],
      ])

    // Closing returns to the normal view; the document is as it was.
    await compareView(page).getByRole('button', { name: 'Close', exact: true }).click()
    await expect(compareView(page)).toHaveCount(0)
    await expect(page.getByTestId('canvas')).toBeVisible()
    expect(await comparison(page)).toBeNull()
    expect(await storeText(page)).toBe(EXAMPLE)
    expect(await page.evaluate(() => window.__caiDesigner.getState().history.past.length)).toBe(0)
  })

  test('is offered in the help sheet with its keys', async ({ page }) => {
    await openDesigner(page)
    await page.getByRole('button', { name: 'Keyboard shortcuts and commands' }).click()
    const sheet = page.getByRole('dialog')
    await expect(sheet).toContainText('Compare… (with a file, pasted text or a review link)')
    await expect(sheet).toContainText('Next change (Compare view)')
    await expect(sheet).toContainText('Alt+F5')
  })

  test('compares with a file dropped on its dialog, without opening it as the document', async ({ page }) => {
    await openDesigner(page)
    await openChooser(page)
    const dialog = page.getByRole('dialog', { name: 'Compare the document with…' })
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer()
      data.items.add(new File([text], 'older.cai', { type: 'text/plain' }))
      return data
    }, EXAMPLE.replace('"orders.validate"', '"orders.check"'))
    await dialog.dispatchEvent('drop', { dataTransfer: transfer })
    await expect(compareView(page)).toBeVisible()
    await expect.poll(async () => (await comparison(page))?.before.label).toBe('older.cai')
    await expect(changeList(page).locator('[data-change]')).toHaveText(['changed step validate_order: activity "orders.check" → "orders.validate"'])
    expect(await storeText(page)).toBe(EXAMPLE)
  })

  test('exports the after version as SVG with the changes coloured, drawn by the diagram module', async ({ page }) => {
    await openDesigner(page)
    await compareWithPasted(page, REVIEWED)
    await expectTheThree(page)
    const [download] = await Promise.all([page.waitForEvent('download'), compareView(page).getByRole('button', { name: 'Export SVG' }).click()])
    expect(download.suggestedFilename()).toBe('with_workflows-changes.svg')
    const svg = readFileSync(await download.path(), 'utf8')
    expect([...svg.matchAll(/data-mark="(\w+)" data-mark-node="([^"]+)"/g)].map((match) => [match[2], match[1]])).toEqual([
      ['order_fulfillment/verify_stock', 'renamed'],
      ['user_onboarding/activate_account', 'moved'],
    ])
    expect(svg).toContain('Removed: step send_confirmation (was step 5)')
    expect(svg).not.toMatch(/<script|\son\w+=/i)
  })

  test('passes an accessibility check (axe-core)', async ({ page }) => {
    await openDesigner(page)
    await compareWithPasted(page, REVIEWED)
    await expectTheThree(page)
    await expect(page.getByTestId('diff-editor').locator('.monaco-diff-editor')).toBeVisible()
    // Monaco's own widgets are its business; the view around them is ours.
    const results = await new AxeBuilder({ page }).include('[data-testid="compare"]').exclude('[data-testid="diff-editor"]').analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
  })
})

test.describe('review links', () => {
  test('open the same comparison, read-only, in a fresh browser', async ({ page, context }) => {
    await openDesigner(page)
    await compareWithPasted(page, REVIEWED)
    await expectTheThree(page)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await compareView(page).getByRole('button', { name: 'Copy review link' }).click()
    await expect(compareView(page).getByRole('status')).toContainText('Review link copied')
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(new URL(link).hash).toMatch(/^#review=1&name=with_workflows\.cai&z=[A-Za-z0-9_-]+$/)
    // The bundled example with this change: reported in the README.
    expect(link.length).toBeLessThan(3_000)

    const { page: receiver, errors } = await freshPage(context)
    await receiver.goto(link)
    await receiver.waitForFunction(() => !!window.__caiDesigner)
    await expect(compareView(receiver)).toBeVisible()
    await expectTheThree(receiver)
    const received = await comparison(receiver)
    expect(received).toMatchObject({ readOnly: true, name: 'with_workflows.cai', before: { text: EXAMPLE }, after: { text: REVIEWED } })
    // Read-only: nothing to close or swap, no document to edit, nothing stored.
    await expect(compareView(receiver).getByRole('button', { name: 'Close', exact: true })).toHaveCount(0)
    await expect(receiver.getByTestId('canvas')).toHaveCount(0)
    expect(await receiver.evaluate(() => window.__caiFiles)).toBeUndefined()
    expect(await receiver.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).toEqual([])
    // Its keys work there too.
    await receiver.keyboard.press('Alt+F5')
    await expect.poll(async () => (await comparison(receiver))?.selected).toBe(0)
    // The whole page passes axe-core (Monaco's own widgets aside).
    await expect(receiver.getByTestId('diff-editor').locator('.monaco-diff-editor')).toBeVisible()
    const results = await new AxeBuilder({ page: receiver }).exclude('[data-testid="diff-editor"]').analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
    expect(errors).toEqual([])
    await receiver.context().close()
  })

  test('carry markup in their labels and texts as text only, running nothing', async ({ page }) => {
    const payload = '<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>'
    const before = EXAMPLE.replace('"orders.validate"', `"${payload}"`)
    const fragment = encodeReviewFragment({ before, after: EXAMPLE, beforeLabel: `"${payload}`, afterLabel: `after ${payload}`, name: `${payload}.cai` })
    await page.goto(`./${fragment}`)
    await expect(compareView(page)).toBeVisible()
    await expect(compareView(page).getByRole('heading', { level: 1 })).toContainText(payload)
    await expect(changeList(page).locator('[data-change]')).toHaveText([`changed step validate_order: activity "${payload}" → "orders.validate"`])
    await expect(page.getByTestId('diff-editor')).toContainText('onerror')
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('img, script:not([type="module"])').count()).toBe(0)
  })

  test('malformed, are refused with a clear message, and the document and its autosave are untouched', async ({ page, context }) => {
    await openDesigner(page)
    const edited = EXAMPLE.replace('"orders.validate"', '"orders.validate_all"')
    await page.evaluate((text) => window.__caiDesigner.pasteText(text), edited)
    await expect.poll(() => storeText(page)).toBe(edited)
    await page.evaluate(() => window.__caiFiles!.flush())
    const before = await page.evaluate(() => window.__caiFiles!.state())

    // Opened on the page: refused, nothing changes.
    await page.goto('./#review=1&name=x.cai&z=eJzLSM3JyVcozy_KSQEAGgQEXQ')
    await expect(page.getByTestId('notices')).toContainText('This review link cannot be opened')
    expect(await storeText(page)).toBe(edited)
    expect(await comparison(page)).toBeNull()
    await page.evaluate(() => window.__caiFiles!.flush())
    const after = await page.evaluate(() => window.__caiFiles!.state())
    expect([after.documentId, after.revision, after.dirty]).toEqual([before.documentId, before.revision, before.dirty])

    // Loaded with the page: refused, the saved document comes back as it was.
    await page.reload()
    await expect(page.getByTestId('notices')).toContainText('This review link cannot be opened')
    await expect.poll(() => storeText(page)).toBe(edited)
    expect(await comparison(page)).toBeNull()
    expect(await page.evaluate(() => window.__caiFiles!.state().documentId)).toBe(before.documentId)

    // In a fresh browser: refused, and the page opens as usual.
    const { page: receiver } = await freshPage(context)
    await receiver.goto(`${new URL('./', page.url()).href}#review=1&name=x.cai&z=${'A'.repeat(41)}`)
    await expect(receiver.getByTestId('notices')).toContainText('This review link cannot be opened')
    await expect.poll(() => storeText(receiver)).toBe(EXAMPLE)
    expect(await comparison(receiver)).toBeNull()
    await receiver.context().close()
  })
})

test.describe('the Compare view of a 10,000-step workflow', () => {
  test.setTimeout(180_000)

  test('draws the part scrolled to and every change; the change chosen in the list is in view', async ({ page }) => {
    await openDesigner(page)
    const text = generateCaiFile({ steps: 10_000, jobs: false })
    await loadText(page, text)
    // Pasted, as a user would: typing 1.5 MB (Playwright's fill) takes minutes.
    await openChooser(page)
    const dialog = page.getByRole('dialog', { name: 'Compare the document with…' })
    await dialog.getByLabel('the before version (older)').check()
    await dialog.getByLabel('Text to compare with').evaluate((field, value) => {
      const area = field as HTMLTextAreaElement
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(area, value)
      area.dispatchEvent(new Event('input', { bubbles: true }))
    }, text.replace('step_05000 {', 'step_05000_b {'))
    await dialog.getByRole('button', { name: 'Compare with this text' }).click()
    await expect(compareView(page)).toBeVisible()
    // The next step still reads the old name: it changed too.
    await expect.poll(() => changeKinds(page), { timeout: 60_000 }).toEqual(['step-renamed', 'step-changed'])
    const after = compareView(page).locator('[data-testid="compare-picture"][data-side="after"]')
    const renamed = after.locator('[data-node="generated_0/step_05000_b"]')
    await expect(renamed).toHaveAttribute('data-mark', 'renamed')
    // A screen's worth and the change, not 12,000 nodes.
    expect(await after.locator('[data-node]').count()).toBeLessThan(500)

    await changeList(page).locator('[data-change]').first().click()
    await expect(renamed).toBeInViewport()
    // The steps around the change are drawn too.
    await expect(after.locator('[data-node="generated_0/step_04999"]')).toBeInViewport()

    await after.evaluate((frame) => frame.scrollTo({ top: frame.scrollHeight }))
    await expect(after.locator('[data-node="generated_0/@end"]')).toBeInViewport()
  })
})
