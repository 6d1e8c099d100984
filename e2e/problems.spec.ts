/**
 * The Problems panel (issue 12, item 4): errors first, then warnings, then
 * information; counts in the header; filters by severity and by declaration;
 * resizable from the keyboard.
 */
import { expect, test } from './fixtures'
import { loadText, openDesigner, problems, storeText } from './designer'

const SEVERITY_ORDER = ['error', 'warning', 'info']

/** The bundled example with a broken cron (an error) and an endpoint block (information) after its runtime warnings. */
async function openWithEveryKind(page: import('@playwright/test').Page): Promise<void> {
  await openDesigner(page)
  const text = (await storeText(page)).replace('trigger schedule "0 6 * * *"', 'trigger schedule "0 6 * *"')
  await loadText(page, `endpoint GET /health {\n    response Health status 200\n}\n\n${text}`)
}

const shownSeverities = (page: import('@playwright/test').Page) =>
  problems(page).locator('#cai-problems-list > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-severity')))

test('errors come first, then warnings, then information, whatever their order in the file', async ({ page }) => {
  await openWithEveryKind(page)
  const severities = await shownSeverities(page)
  expect(new Set(severities)).toEqual(new Set(SEVERITY_ORDER))
  const ranks = severities.map((severity) => SEVERITY_ORDER.indexOf(severity!))
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
})

test('the header counts each severity, and each count hides or shows its rows', async ({ page }) => {
  await openWithEveryKind(page)
  const counts = await page.evaluate(() => {
    const byKind: Record<string, number> = {}
    for (const d of window.__caiDesigner.getState().diagnostics) byKind[d.severity] = (byKind[d.severity] ?? 0) + 1
    return byKind
  })
  const filter = (severity: string) => problems(page).locator(`.cai-severity-filter[data-severity="${severity}"]`)
  await expect(filter('error')).toHaveText(new RegExp(`^\\s*${counts.error} errors?$`))
  await expect(filter('warning')).toHaveText(new RegExp(`^\\s*${counts.warning} warnings?$`))

  await filter('warning').click()
  await expect(filter('warning')).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(() => shownSeverities(page)).not.toContain('warning')
  expect(await shownSeverities(page)).toContain('error')
  await filter('warning').click()
  await expect.poll(() => shownSeverities(page)).toContain('warning')
})

test('the declaration filter shows one declaration’s problems', async ({ page }) => {
  await openWithEveryKind(page)
  const select = problems(page).getByLabel('Show the problems of')
  await select.selectOption({ label: 'job cleanup_sessions' })
  const rows = problems(page).locator('#cai-problems-list > li')
  await expect(rows.first()).toBeVisible()
  for (const text of await rows.allInnerTexts()) expect(text).toContain('cleanup_sessions')
  await select.selectOption({ label: 'All declarations' })
  await expect.poll(async () => (await rows.allInnerTexts()).some((text) => !text.includes('cleanup_sessions'))).toBe(true)
})

test('the panel resizes from its separator with the keyboard, within its limits', async ({ page }) => {
  await openWithEveryKind(page)
  const separator = page.getByRole('separator', { name: 'Resize the problems' })
  const area = page.locator('.cai-problems-area')
  const before = (await area.boundingBox())!.height
  await separator.focus()
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp')
  await expect.poll(async () => (await area.boundingBox())!.height).toBeGreaterThan(before)
  const valueNow = Number(await separator.getAttribute('aria-valuenow'))
  expect(valueNow).toBeGreaterThan(0)
})
