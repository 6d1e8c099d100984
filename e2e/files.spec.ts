import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { canvas, editorText, flowNode, openDesigner, storeText } from './designer'

/** A file with everything that must survive byte for byte: a BOM, CRLF, tabs, non-ASCII text, no final newline. */
const ORDERS_TEXT =
  '// Bestellungen – 注文 😀\r\nworkflow orders {\r\n\ttrigger event "order.created"\r\n\r\n\tsteps {\r\n\t\tcheck_stock {\r\n\t\t\tactivity "inventory.check" // ✓\r\n\t\t}\r\n\t}\r\n}'
const ORDERS_BYTES = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ORDERS_TEXT, 'utf8')])
const MINIMAL = readFileSync(new URL('../examples/01-basics/minimal.cai', import.meta.url), 'utf8')

const saveState = (page: Page) => page.getByTestId('save-state')
const unsavedMark = (page: Page) => page.getByTestId('unsaved-mark')
const dialog = (page: Page) => page.getByRole('dialog')

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path()
  return readFileSync(path)
}

/** Takes the File System Access API away, as in Firefox and Safari: open uses <input type=file>, save downloads. */
async function withoutFileSystemAccess(page: Page) {
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker
  })
}

/**
 * Stands in for Chromium's file pickers (a test cannot click a native dialog):
 * "the user picks" a file holding `bytes`; what is written back is kept in
 * window.__written.
 */
async function withPickedFile(page: Page, name: string, bytes: Buffer) {
  await page.addInitScript(
    ({ name, data }) => {
      const written: number[][] = []
      ;(window as unknown as { __written: number[][] }).__written = written
      let content = new Uint8Array(data)
      const handle = {
        kind: 'file',
        name,
        getFile: async () => new File([content], name, { type: 'text/plain' }),
        queryPermission: async () => 'granted',
        requestPermission: async () => 'granted',
        createWritable: async () => {
          const parts: Uint8Array[] = []
          return {
            write: async (chunk: Uint8Array) => void parts.push(new Uint8Array(chunk)),
            close: async () => {
              content = new Uint8Array(parts.reduce<number[]>((all, part) => [...all, ...part], []))
              written.push([...content])
            },
            abort: async () => undefined,
          }
        },
      }
      Object.assign(window, {
        showOpenFilePicker: async () => [handle],
        showSaveFilePicker: async () => handle,
      })
    },
    { name, data: [...bytes] },
  )
}

async function openByInput(page: Page, name: string, bytes: Buffer) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: bytes })
}

async function openExample(page: Page, name: string) {
  await page.getByRole('button', { name: 'Examples' }).click()
  await page.getByRole('menuitem', { name }).first().click()
}

async function typeInEditor(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
}

test.describe('opening files', () => {
  test('opens a file chosen in the file picker, exactly as it is', async ({ page }) => {
    await withoutFileSystemAccess(page)
    await openDesigner(page)
    await openByInput(page, 'orders.cai', ORDERS_BYTES)
    await expect.poll(() => storeText(page)).toBe(ORDERS_TEXT)
    await expect(page.getByRole('banner')).toContainText('orders.cai')
    await expect(flowNode(page, 'orders/check_stock')).toBeVisible()
    // The text pane shows line breaks as Monaco keeps them (LF); the store, which is saved, keeps the file's CRLF.
    await expect.poll(() => editorText(page)).toBe(ORDERS_TEXT.replace(/\r\n/g, '\n'))
    await expect(unsavedMark(page)).toHaveCount(0)
  })

  test('opens a file dropped on the page', async ({ page }) => {
    await openDesigner(page)
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer()
      data.items.add(new File([text], 'dropped.cai', { type: 'text/plain' }))
      return data
    }, MINIMAL)
    await canvas(page).dispatchEvent('dragenter', { dataTransfer: transfer })
    await expect(page.getByText('Drop a .cai file to open it')).toBeVisible()
    await canvas(page).dispatchEvent('drop', { dataTransfer: transfer })
    await expect.poll(() => storeText(page)).toBe(MINIMAL)
    await expect(page.getByRole('banner')).toContainText('dropped.cai')
    await expect(page.getByText('Drop a .cai file to open it')).toHaveCount(0)
  })

  test('opens the bundled examples from the Examples menu', async ({ page }) => {
    await openDesigner(page)
    await page.getByRole('button', { name: 'Examples' }).click()
    const menu = page.getByRole('menu')
    await expect(menu.getByRole('group', { name: '01-basics' }).getByRole('menuitem', { name: 'minimal.cai' })).toBeVisible()
    await expect(menu.getByRole('group', { name: 'invalid' }).getByRole('menuitem')).not.toHaveCount(0)
    // The keyboard works too: Escape closes and gives focus back.
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Examples' })).toBeFocused()
    await openExample(page, 'minimal.cai')
    await expect.poll(() => storeText(page)).toBe(MINIMAL)
    await expect(flowNode(page, 'say_hello/greet')).toBeVisible()
  })

  test('refuses a file that is not UTF-8 text, and changes nothing', async ({ page }) => {
    await withoutFileSystemAccess(page)
    await openDesigner(page)
    const before = await storeText(page)
    await openByInput(page, 'latin1.cai', Buffer.from([0x6a, 0x6f, 0x62, 0x20, 0xe9, 0xff]))
    await expect(page.getByRole('alert').filter({ hasText: 'latin1.cai is not UTF-8 text' })).toBeVisible()
    expect(await storeText(page)).toBe(before)
    await expect(page.getByRole('banner')).toContainText('with_workflows.cai')
  })

  test('asks before opening over unsaved changes, and keeps the old document in Recent', async ({ page }) => {
    await openDesigner(page)
    await typeInEditor(page, '\n// my unsaved note')
    await expect(unsavedMark(page)).toBeVisible()
    const edited = await storeText(page)

    await openExample(page, 'minimal.cai')
    await expect(dialog(page)).toBeVisible()
    await expect(dialog(page)).toContainText('has changes that are not saved to a file')
    await dialog(page).getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog(page)).toHaveCount(0)
    expect(await storeText(page)).toBe(edited)

    await openExample(page, 'minimal.cai')
    await dialog(page).getByRole('button', { name: 'Open' }).click()
    await expect.poll(() => storeText(page)).toBe(MINIMAL)

    // The edited document is one click away, exactly as it was left.
    await page.getByRole('button', { name: 'Recent' }).click()
    await page.getByRole('menuitem', { name: 'with_workflows.cai' }).click()
    await expect.poll(() => storeText(page)).toBe(edited)
    await expect(unsavedMark(page)).toBeVisible()
  })
})

test.describe('saving and downloading', () => {
  test('Download saves the text under the document’s name, byte for byte', async ({ page }) => {
    await withoutFileSystemAccess(page)
    await openDesigner(page)
    await openByInput(page, 'orders.cai', ORDERS_BYTES)
    await expect.poll(() => storeText(page)).toBe(ORDERS_TEXT)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download' }).click()
    expect((await download).suggestedFilename()).toBe('orders.cai')
    expect((await downloaded(await download)).equals(ORDERS_BYTES)).toBe(true)
  })

  test('Save writes back to the opened file (File System Access API), byte for byte', async ({ page }) => {
    await withPickedFile(page, 'orders.cai', ORDERS_BYTES)
    await openDesigner(page)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await expect.poll(() => storeText(page)).toBe(ORDERS_TEXT)
    // This stand-in handle cannot be stored (a real one can): the autosave keeps the rest.
    await expect(saveState(page)).toHaveText('Saved in browser')

    // Unchanged: the same bytes go back.
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { __written: number[][] }).__written.length)).toBe(1)
    const first = await page.evaluate(() => (window as unknown as { __written: number[][] }).__written[0])
    expect(Buffer.from(first).equals(ORDERS_BYTES)).toBe(true)

    // Edited, saved with Ctrl+S: the edit, and the byte-order mark kept.
    await typeInEditor(page, '\r\n// saved')
    await expect(unsavedMark(page)).toBeVisible()
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.evaluate(() => (window as unknown as { __written: number[][] }).__written.length)).toBe(2)
    const second = Buffer.from(await page.evaluate(() => (window as unknown as { __written: number[][] }).__written[1]))
    expect(second.equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(await storeText(page), 'utf8')]))).toBe(true)
    expect(second.toString('utf8')).toContain('// saved')
    await expect(unsavedMark(page)).toHaveCount(0)
    await expect(page.getByRole('status').filter({ hasText: 'Saved to orders.cai' })).toBeVisible()
  })

  test('Save falls back to a download where the browser cannot write files', async ({ page }) => {
    await withoutFileSystemAccess(page)
    await openDesigner(page)
    await typeInEditor(page, '\n// downloaded')
    await expect(unsavedMark(page)).toBeVisible()
    const download = page.waitForEvent('download')
    await page.keyboard.press('Control+s')
    expect((await download).suggestedFilename()).toBe('with_workflows.cai')
    expect((await downloaded(await download)).toString('utf8')).toBe(await storeText(page))
    await expect(unsavedMark(page)).toHaveCount(0)
  })

  test('shows the document name and an unsaved-changes mark in the toolbar', async ({ page }) => {
    await openDesigner(page)
    await expect(page.getByRole('banner')).toContainText('with_workflows.cai')
    await expect(unsavedMark(page)).toHaveCount(0)
    await expect(saveState(page)).toHaveText('Saved in browser')
    await typeInEditor(page, '\n// x')
    await expect(unsavedMark(page)).toBeVisible()
    await expect(unsavedMark(page)).toHaveAttribute('title', 'Changes not saved to a file or downloaded')
  })
})

test.describe('pictures of the canvas', () => {
  async function exportPicture(page: Page, kind: 'SVG' | 'PNG') {
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByRole('menuitem', { name: `Export ${kind}` }).click()
    return download
  }

  /** The colour of a PNG's top-left pixel, decoded by the browser. */
  async function cornerColour(page: Page, png: Buffer) {
    return page.evaluate(async (data) => {
      const image = new Image()
      image.src = `data:image/png;base64,${data}`
      await image.decode()
      const drawing = document.createElement('canvas')
      drawing.width = image.width
      drawing.height = image.height
      const context = drawing.getContext('2d')!
      context.drawImage(image, 0, 0)
      const [r, g, b] = context.getImageData(2, 2, 1, 1).data
      return { r, g, b, width: image.width, height: image.height }
    }, png.toString('base64'))
  }

  test('exports the current workflow as SVG, with its nodes and edges', async ({ page }) => {
    await openDesigner(page)
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toBeVisible()
    const download = await exportPicture(page, 'SVG')
    expect(download.suggestedFilename()).toBe('with_workflows-order_fulfillment.svg')
    const svg = (await downloaded(download)).toString('utf8')
    expect(svg.startsWith('<svg')).toBe(true)
    test.info().annotations.push({ type: 'svg size', description: `${svg.length} characters` })
    expect(svg.length).toBeLessThan(1_500_000)
    expect(svg).toContain('validate_order')
    expect(svg).toContain('send_confirmation')
    expect(svg).not.toContain('daily_sales_report')
    // Vector shapes drawn from the graph (see export.spec.ts), one mark per edge.
    expect(svg.match(/data-edge="/g)?.length ?? 0).toBeGreaterThan(3)
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number)
    expect(width).toBeGreaterThan(200)
    expect(height).toBeGreaterThan(200)
  })

  test('exports PNG in the colours shown, light or dark', async ({ page }) => {
    await openDesigner(page)
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toBeVisible()
    await page.evaluate(() => window.__caiDesigner.getState().setView({ theme: 'light' }))
    const light = await downloaded(await exportPicture(page, 'PNG'))
    expect(light.subarray(1, 4).toString('ascii')).toBe('PNG')
    const lightCorner = await cornerColour(page, light)
    expect(lightCorner.width).toBeGreaterThan(200)
    expect(lightCorner.r + lightCorner.g + lightCorner.b).toBeGreaterThan(600)

    await page.evaluate(() => window.__caiDesigner.getState().setView({ theme: 'dark' }))
    const dark = await downloaded(await exportPicture(page, 'PNG'))
    const darkCorner = await cornerColour(page, dark)
    expect(darkCorner.r + darkCorner.g + darkCorner.b).toBeLessThan(150)
    // Not blank: the nodes are drawn.
    expect(dark.length).toBeGreaterThan(5_000)
  })
})
