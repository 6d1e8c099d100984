import { test as base, expect, type Page } from '@playwright/test'
import { BASE_URL } from '../playwright.config'

const PAGE_ORIGIN = new URL(BASE_URL).origin

/** Schemes that never leave the page (the editor's workers may come from blob: or data: URLs). */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:'])

/**
 * `page` that fails the test if the page asks another origin for anything, logs
 * a console error, throws an uncaught error or violates its Content-Security-Policy:
 * the designer is offline and quiet.
 */
export const test = base.extend<{ page: Page; expectedErrors: RegExp | null }>({
  /** Console errors a test provokes on purpose (`test.use({ expectedErrors: /.../ })`). */
  expectedErrors: [null, { option: true }],
  page: async ({ page, expectedErrors }, use) => {
    const problems: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (!LOCAL_SCHEMES.has(url.protocol) && url.origin !== PAGE_ORIGIN) problems.push(`request to another origin: ${request.url()}`)
    })
    page.on('console', (message) => {
      if (message.type() !== 'error' || expectedErrors?.test(message.text())) return
      problems.push(`console error: ${message.text()} (${message.location().url})`)
    })
    page.on('pageerror', (error) => problems.push(`uncaught error: ${error.stack ?? error.message}`))
    // A CSP violation is never expected: it means something tried inline script, eval or another origin.
    await page.exposeFunction('__caiReportCspViolation', (violation: string) => problems.push(`CSP violation: ${violation}`))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __caiReportCspViolation(violation: string): void }).__caiReportCspViolation
        report(`${event.violatedDirective} ${event.blockedURI}`)
      })
    })
    await use(page)
    expect(problems, 'the page stays on its origin and logs no errors').toEqual([])
  },
})

export { expect }
