/**
 * UI benchmark (`npm run bench:ui`): the built page (dist/) in Debian's
 * Chromium, served from a sub-path by e2e/serve.mjs. Measures, in the page:
 * - keystroke to canvas updated: from the keydown event to the canvas DOM
 *   showing the edit (a step renamed: its node id changes; seen by a
 *   MutationObserver), and on to the end of the frame that paints it, for the
 *   default example and for a generated workflow of 1,000 steps;
 * - navigation to the first painted canvas node, and to the editor being ready;
 * - navigation to a review link's first compare picture (the bundled example
 *   against e2e/fixtures/with_workflows.reviewed.cai), and to its diff editor;
 * and, from dist/assets, the JavaScript shipped per chunk, gzipped.
 * Reports medians and p95 (targets apply to the p95); exits with status 1 when
 * a target is missed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startServer } from '../e2e/serve.mjs'
import { BASE_PATH, CHROMIUM_LAUNCH_OPTIONS } from '../playwright.config'
import { generateCaiFile } from './generate'
import { encodeReviewFragment } from '../src/share/review-link'

const PORT = 4189
const PAGE_URL = `http://127.0.0.1:${PORT}${BASE_PATH}`
const DIST = join(import.meta.dirname, '..', 'dist')
const STARTUP_RUNS = 9
const KEYSTROKES = 40
const KEYSTROKES_LARGE = 20
const TARGETS = { keystrokeExample: 50, keystrokeLarge: 250, firstCanvas: 1500, firstComparePicture: 1500 }
const ROOT = join(import.meta.dirname, '..')

interface Summary {
  median: number
  p95: number
  runs: number
}

function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  // Nearest-rank percentile.
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]
  return { median, p95, runs: sorted.length }
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in a
 * `__name(...)` helper; functions this file sends into the page need it there too.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn'

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.addInitScript({ content: KEEP_NAMES_SHIM })
  return context
}

/** In the page, before any script: note when a canvas node is first visible and when the editor is first present. */
function recordStartup() {
  const marks: { canvas?: number; editor?: number } = {}
  ;(window as unknown as { __caiStartup: typeof marks }).__caiStartup = marks
  const check = (now: number) => {
    const node = document.querySelector('.react-flow__node')
    if (marks.canvas === undefined && node && getComputedStyle(node).visibility !== 'hidden') marks.canvas = now
    if (marks.editor === undefined && document.querySelector('.monaco-editor')) marks.editor = now
    if (marks.canvas === undefined || marks.editor === undefined) requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

async function measureStartup(browser: Browser): Promise<{ canvas: Summary; editor: Summary }> {
  const canvas: number[] = []
  const editor: number[] = []
  for (let run = 0; run < STARTUP_RUNS; run++) {
    // A fresh context each run: nothing cached, as on a first visit.
    const context = await newContext(browser)
    await context.addInitScript(recordStartup)
    const page = await context.newPage()
    await page.goto(PAGE_URL)
    const marks = await page.waitForFunction(() => {
      const recorded = (window as unknown as { __caiStartup: { canvas?: number; editor?: number } }).__caiStartup
      return recorded.canvas !== undefined && recorded.editor !== undefined && recorded
    })
    const { canvas: canvasAt, editor: editorAt } = (await marks.jsonValue()) as { canvas: number; editor: number }
    canvas.push(canvasAt)
    editor.push(editorAt)
    await context.close()
  }
  return { canvas: summarise(canvas), editor: summarise(editor) }
}

/** In the page, before any script: note when the Compare view's picture first shows a node, and when its diff editor is present. */
function recordReview() {
  const marks: { picture?: number; diff?: number } = {}
  ;(window as unknown as { __caiReview: typeof marks }).__caiReview = marks
  const check = (now: number) => {
    if (marks.picture === undefined && document.querySelector('[data-testid="compare-picture"] [data-node]')) marks.picture = now
    if (marks.diff === undefined && document.querySelector('[data-testid="diff-editor"] .monaco-diff-editor')) marks.diff = now
    if (marks.picture === undefined || marks.diff === undefined) requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

/** A review link's page, opened fresh each run: navigation to the first compare picture and to the diff editor. */
async function measureReview(browser: Browser): Promise<{ picture: Summary; diff: Summary; linkLength: number }> {
  const before = readFileSync(join(ROOT, 'examples/09-workflows/with_workflows.cai'), 'utf8')
  const after = readFileSync(join(ROOT, 'e2e/fixtures/with_workflows.reviewed.cai'), 'utf8')
  const link = `${PAGE_URL}${encodeReviewFragment({ before, after, beforeLabel: 'main', afterLabel: 'pull request', name: 'with_workflows.cai' })}`
  const picture: number[] = []
  const diff: number[] = []
  for (let run = 0; run < STARTUP_RUNS; run++) {
    const context = await newContext(browser)
    await context.addInitScript(recordReview)
    const page = await context.newPage()
    await page.goto(link)
    const marks = await page.waitForFunction(() => {
      const recorded = (window as unknown as { __caiReview: { picture?: number; diff?: number } }).__caiReview
      return recorded.picture !== undefined && recorded.diff !== undefined && recorded
    })
    const recorded = (await marks.jsonValue()) as { picture: number; diff: number }
    picture.push(recorded.picture)
    diff.push(recorded.diff)
    await context.close()
  }
  return { picture: summarise(picture), diff: summarise(diff), linkLength: link.length }
}

interface KeystrokeTiming {
  /** Keydown to the canvas DOM showing the edit. */
  dom: number
  /** Keydown to just after the frame that paints it (rAF, then a message: runs after that frame). */
  painted: number
}

/** In the page: times the next keydown until a node with id `expectedId` is in the canvas, and painted. */
function armKeystroke(expectedId: string): void {
  const bench = window as unknown as { __caiKeystroke: Promise<KeystrokeTiming> }
  bench.__caiKeystroke = new Promise((resolve) => {
    const root = document.querySelector('[data-testid="canvas"]')!
    let keyAt: number | undefined
    const present = () => root.querySelector(`.react-flow__node[data-id="${CSS.escape(expectedId)}"]`) !== null
    const observer = new MutationObserver(() => {
      if (keyAt === undefined || !present()) return
      observer.disconnect()
      const dom = performance.now() - keyAt
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve({ dom, painted: performance.now() - keyAt! })
        channel.port2.postMessage(null)
      })
    })
    window.addEventListener(
      'keydown',
      (event) => {
        keyAt = event.timeStamp
        observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-id'] })
      },
      { capture: true, once: true },
    )
  })
}

async function keystroke(page: Page, key: string, expectedId: string): Promise<KeystrokeTiming> {
  await page.evaluate(armKeystroke, expectedId)
  await page.keyboard.press(key)
  return page.evaluate(() => (window as unknown as { __caiKeystroke: Promise<KeystrokeTiming> }).__caiKeystroke)
}

/** Renames a step back and forth (append "x", Backspace), timing each keystroke until the canvas shows it. */
async function measureKeystrokes(page: Page, workflow: string, step: string, count: number): Promise<{ dom: Summary; painted: Summary }> {
  await page.evaluate((name) => window.__caiDesigner.getState().selectWorkflow(name), workflow)
  const nodeId = `${workflow}/${step}`
  await page.locator(`.react-flow__node[data-id="${nodeId}"]`).waitFor()
  const nameSpan = await page.evaluate(
    ([workflowName, stepName]) => {
      const item = window.__caiDesigner.getState().parsed.doc.items.find((i) => i.kind === 'workflow' && i.name === workflowName)
      if (item?.kind !== 'workflow') return null
      const steps = item.steps.items.flatMap((entry) => (entry.kind === 'step' ? [entry] : entry.branches))
      return steps.find((candidate) => candidate.name === stepName)?.nameSpan ?? null
    },
    [workflow, step] as const,
  )
  if (!nameSpan) throw new Error(`no step ${nodeId}`)
  // Select the name in the editor (focusing it), then put the cursor at its end.
  await page.evaluate((span) => window.__caiDesigner.getState().revealSpan(span, true), nameSpan)
  await page.waitForFunction(() => document.querySelector('.monaco-editor.focused') !== null)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Escape')

  const times: KeystrokeTiming[] = []
  for (let n = 0; n < count + 2; n++) {
    const typed = await keystroke(page, 'x', `${nodeId}x`)
    const erased = await keystroke(page, 'Backspace', nodeId)
    // The first rounds warm up the code paths.
    if (n >= 2) times.push(typed, erased)
  }
  return { dom: summarise(times.map((t) => t.dom)), painted: summarise(times.map((t) => t.painted)) }
}

async function openPage(browser: Browser, text?: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage()
  await page.goto(PAGE_URL)
  await page.locator('.monaco-editor').waitFor()
  if (text !== undefined) await page.evaluate((value) => window.__caiDesigner.setText(value), text)
  await page.waitForFunction(() => window.__caiDesigner.getEditorText() === window.__caiDesigner.getText())
  return page
}

interface ChunkSize {
  file: string
  initial: boolean
  bytes: number
  gzip: number
}

function chunkSizes(): ChunkSize[] {
  const assets = join(DIST, 'assets')
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  // The entry script and its modulepreloads load with the page; everything else on demand.
  const initial = new Set([...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+\.js)"/g)].map((match) => match[1]))
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(join(assets, file))
      return { file, initial: initial.has(file), bytes: content.length, gzip: gzipSync(content).length }
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number) => `${value.toFixed(1)} ms`

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('dist/ is missing: run `npm run build` first.')
    process.exit(1)
  }
  const server = await startServer({ root: DIST, port: PORT, base: BASE_PATH })
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS)
  try {
    const startup = await measureStartup(browser)
    const review = await measureReview(browser)

    const examplePage = await openPage(browser)
    const example = await measureKeystrokes(examplePage, 'order_fulfillment', 'check_inventory', KEYSTROKES)
    await examplePage.context().close()

    const largePage = await openPage(browser, generateCaiFile({ steps: 1_000 }))
    const large = await measureKeystrokes(largePage, 'generated_0', 'step_00000', KEYSTROKES_LARGE)
    await largePage.context().close()

    const version = browser.version()
    console.log(`UI benchmark (Chromium ${version}, built page at ${PAGE_URL})\n`)
    const widths = [50, 6, 10, 10, 10, 6]
    console.log(row(['measure', 'runs', 'median', 'p95', 'target', ''], widths))
    // Targets apply to the p95.
    const results: [string, Summary, number | undefined][] = [
      ['keystroke → canvas DOM updated, example', example.dom, TARGETS.keystrokeExample],
      ['keystroke → canvas painted, example', example.painted, undefined],
      ['keystroke → canvas DOM updated, 1,000 steps', large.dom, TARGETS.keystrokeLarge],
      ['keystroke → canvas painted, 1,000 steps', large.painted, undefined],
      ['navigation → first canvas node painted', startup.canvas, TARGETS.firstCanvas],
      ['navigation → editor ready', startup.editor, undefined],
      [`review link (${review.linkLength} chars) → first compare picture`, review.picture, TARGETS.firstComparePicture],
      ['review link → diff editor ready', review.diff, undefined],
    ]
    let missed = 0
    for (const [name, summary, target] of results) {
      const ok = target === undefined || summary.p95 < target
      if (!ok) missed++
      const targetText = target === undefined ? '' : `p95 < ${target}`
      console.log(row([name, String(summary.runs), ms(summary.median), ms(summary.p95), targetText, target === undefined ? '' : ok ? 'ok' : 'MISSED'], widths))
    }

    const chunks = chunkSizes()
    console.log('\nJavaScript shipped (dist/assets, gzip level 6)\n')
    const chunkWidths = [48, 8, 10, 10]
    console.log(row(['chunk', 'loads', 'raw', 'gzip'], chunkWidths))
    for (const chunk of chunks) console.log(row([chunk.file, chunk.initial ? 'page' : 'lazy', kb(chunk.bytes), kb(chunk.gzip)], chunkWidths))
    const total = (filter: (chunk: ChunkSize) => boolean) => chunks.filter(filter).reduce((sum, chunk) => sum + chunk.gzip, 0)
    console.log(row(['total with the page', '', '', kb(total((chunk) => chunk.initial))], chunkWidths))
    console.log(row(['total', '', '', kb(total(() => true))], chunkWidths))
    if (missed > 0) {
      console.log(`\n${missed} target(s) missed.`)
      process.exitCode = 1
    }
  } finally {
    await browser.close()
    server.close()
  }
}

await main()
