import { defineConfig } from '@playwright/test'

/** The built page (dist/) is served from a sub-path, as a static host would. */
export const PORT = Number(process.env.CAI_E2E_PORT ?? 4179)
export const BASE_PATH = '/cai-designer/'
export const BASE_URL = `http://127.0.0.1:${PORT}${BASE_PATH}`

/** Debian's Chromium, headless and quiet: it never reaches the network by itself. */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // Two cores, two browsers: each test has its own page, so tests run independently.
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: true,
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    viewport: { width: 1400, height: 900 },
    trace: 'off',
  },
  webServer: {
    command: `node e2e/serve.mjs --port ${PORT} --base ${BASE_PATH}`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 10_000,
  },
})
