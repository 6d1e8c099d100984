/**
 * Export SVG / PNG: a vector picture drawn from the graph and layout (no HTML
 * inside), with every edge and label of the canvas, in the page's colours,
 * that parses as XML and rasterises whatever characters the document holds.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { canvas, flowNode, loadText, openDesigner } from './designer'

async function exported(page: Page, kind: 'SVG' | 'PNG'): Promise<Buffer> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByRole('menuitem', { name: `Export ${kind}` }).click()
  return readFileSync(await (await download).path())
}

/** The SVG as the browser's XML parser reads it. */
function inspect(page: Page, svg: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
    return {
      root: doc.documentElement.nodeName,
      parseErrors: doc.getElementsByTagName('parsererror').length,
      foreignObjects: doc.getElementsByTagName('foreignObject').length,
      nodes: [...doc.querySelectorAll('[data-node]')].map((element) => element.getAttribute('data-node')),
      edges: [...doc.querySelectorAll('[data-edge]')].map((element) => element.getAttribute('data-edge')),
      texts: [...doc.querySelectorAll('text')].map((element) => element.textContent),
      background: doc.querySelector('svg > rect')?.getAttribute('fill'),
    }
  }, svg)
}

/** PNG width and height from its header. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('Export SVG draws the shown workflow as vector shapes: every node, edge and label of the canvas', async ({ page }) => {
  await openDesigner(page)
  await page.evaluate(() => window.__caiDesigner.getState().selectWorkflow('order_fulfillment'))
  await expect(flowNode(page, 'order_fulfillment/process_payment')).toBeVisible()
  const canvasNodes = await canvas(page).locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')))
  const canvasEdges = await canvas(page).locator('.react-flow__edge').count()

  const picture = await inspect(page, (await exported(page, 'SVG')).toString('utf8'))
  expect(picture).toMatchObject({ root: 'svg', parseErrors: 0, foreignObjects: 0 })
  expect(picture.nodes.sort()).toEqual(canvasNodes.sort())
  expect(picture.edges).toHaveLength(canvasEdges)
  expect(picture.texts).toContain('skip')
  expect(picture.texts).toContain('process_payment: if steps.check_inventory.output.all_available == true')
})

test('exports parse and rasterise when strings hold control characters and lone surrogates', async ({ page }) => {
  await openDesigner(page)
  const nasty = '\u0000\u0001\u001b\uFFFF\uD800<b>&'
  await loadText(
    page,
    `workflow w {\n  trigger event "e${nasty}"\n  steps {\n    a {\n      activity "svc.do${nasty}it"\n      if "x${nasty}"\n    }\n  }\n}\n`,
  )
  await expect(flowNode(page, 'w/a')).toBeVisible()

  const picture = await inspect(page, (await exported(page, 'SVG')).toString('utf8'))
  expect(picture).toMatchObject({ root: 'svg', parseErrors: 0 })
  expect(picture.texts.some((text) => text?.includes('svc.do\u2400\u2401\u241b\uFFFD\uFFFD<b>&it'))).toBe(true)

  const size = pngSize(await exported(page, 'PNG'))
  expect(size.width).toBeGreaterThan(200)
  expect(size.height).toBeGreaterThan(200)
  await expect(page.getByText('could not be made')).toHaveCount(0)
})

test('exports take the colours of the theme shown', async ({ page }) => {
  await openDesigner(page)
  await page.evaluate(() => window.__caiDesigner.getState().setView({ theme: 'dark' }))
  const dark = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cai-bg').trim())
  expect(dark).not.toBe('#ffffff')
  const picture = await inspect(page, (await exported(page, 'SVG')).toString('utf8'))
  expect(picture.background).toBe(dark)
})

test('the jobs board exports with a card per job', async ({ page }) => {
  await openDesigner(page)
  await page.getByRole('button', { name: 'Jobs', exact: true }).click()
  await expect(page.getByTestId('jobs').locator('.react-flow__node.cai-node-job').first()).toBeVisible()
  const jobs = await page.evaluate(() =>
    window.__caiDesigner.getState().parsed.doc.items.flatMap((item) => (item.kind === 'job' ? [`@job/${item.name}`] : [])),
  )
  const picture = await inspect(page, (await exported(page, 'SVG')).toString('utf8'))
  expect(picture.parseErrors).toBe(0)
  expect(picture.nodes.sort()).toEqual(jobs.sort())
  expect(pngSize(await exported(page, 'PNG')).width).toBeGreaterThan(0)
})
