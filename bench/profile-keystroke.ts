/**
 * Where a keystroke's main-thread time goes, by module: types into the page
 * (a step renamed back and forth, as `npm run bench:ui` does) under V8's
 * sampling profiler (CDP `Profiler`), maps each sample to its source file
 * through the build's source maps and prints the self time per keystroke by
 * area (language core, canvas, React, React Flow, Monaco, ...), the
 * busiest source files and functions, and our own functions by total time
 * (with what they call: which component or handler a keystroke's time is spent under).
 *
 * Needs a build with source maps, not minified (names stay readable):
 *   npx vite build --outDir /tmp/cai-profile --minify false --sourcemap
 *   npx tsx bench/profile-keystroke.ts --dist /tmp/cai-profile [--steps 1000] [--keystrokes 40] [--warmup 4]
 * `--steps 0` (the default) types in the bundled example. With `--pan`, profiles
 * a 2.5 s drag of the picture instead of typing (totals, not per keystroke);
 * with `--zoom`, 2.5 s of wheel zooming out and in (as bench:ui's zoom).
 */
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js'
import { chromium } from 'playwright-core'
import { startServer } from '../e2e/serve.mjs'
import { BASE_PATH, CHROMIUM_LAUNCH_OPTIONS } from '../playwright.config'
import { generateCaiFile } from './generate'

const argv = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(name)
  return at >= 0 ? argv[at + 1] : fallback
}
const DIST = option('--dist', join(import.meta.dirname, '..', 'dist'))
const STEPS = Number(option('--steps', '0'))
const PAN = argv.includes('--pan')
const ZOOM = argv.includes('--zoom')
const KEYSTROKES = PAN || ZOOM ? 1 : Number(option('--keystrokes', '40'))
const WARMUP = Number(option('--warmup', '4'))
const PORT = Number(process.env.CAI_BENCH_PORT ?? 4189)

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const consumers = new Map<string, SourceMapConsumer | null>()
function consumerFor(url: string): SourceMapConsumer | null {
  if (consumers.has(url)) return consumers.get(url)!
  const file = url.slice(url.indexOf('/assets/') + 1)
  const mapPath = join(DIST, `${file}.map`)
  const consumer = file && existsSync(mapPath) ? new SourceMapConsumer(JSON.parse(readFileSync(mapPath, 'utf8')) as RawSourceMap) : null
  consumers.set(url, consumer)
  return consumer
}

/** The source file a frame's code comes from (its path from the repository root), or a V8 pseudo-frame's name. */
function sourceOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName || '(anonymous)'
  const consumer = consumerFor(frame.url)
  if (!consumer) return frame.url.replace(/^.*\/assets\//, 'assets/')
  const original = consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber })
  if (!original.source) return frame.url.replace(/^.*\/assets\//, 'assets/')
  return original.source.replace(/^.*node_modules\//, 'node_modules/').replace(/^(?!node_modules\/).*?\/?(src\/)/, '$1')
}

/** The area a source file belongs to. */
function areaOf(source: string): string {
  if (source.startsWith('(')) {
    if (source === '(garbage collector)') return 'garbage collection'
    // V8's "(program)": native code outside JavaScript (the browser's input, style, layout, paint).
    return source === '(program)' ? 'browser (native: input, style, layout, paint)' : `V8 ${source}`
  }
  // Native functions called from JavaScript (DOM methods): the DOM.
  if (!source.includes('/')) return 'DOM calls from JavaScript'
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1]
  if (pkg) {
    if (pkg === 'react-dom' || pkg === 'react' || pkg === 'scheduler') return 'React'
    if (pkg.startsWith('@xyflow') || pkg.startsWith('d3-')) return 'React Flow'
    if (pkg === 'monaco-editor') return 'Monaco (editor)'
    return `package ${pkg}`
  }
  const folder = /^src\/([^/]+)\//.exec(source)?.[1]
  if (folder === 'language') {
    if (/validate|references|semantic/.test(source)) return 'language: validate'
    if (/parse|declaration|lexer|ll1|generated|splitter|tokens/.test(source)) return 'language: parse'
    return 'language: other'
  }
  if (folder) return `src/${folder}`
  return source
}

async function main() {
  const server = await startServer({ root: DIST, port: PORT, base: BASE_PATH })
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS)
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
    const page = await context.newPage()
    await page.goto(`http://127.0.0.1:${PORT}${BASE_PATH}`)
    await page.locator('.monaco-editor').waitFor()
    if (STEPS > 0) await page.evaluate((text) => window.__caiDesigner.setText(text), generateCaiFile({ steps: STEPS }))
    await page.waitForFunction(() => window.__caiDesigner.getEditorText() === window.__caiDesigner.getText(), undefined, { timeout: 120_000 })
    const [workflow, step] = STEPS > 0 ? ['generated_0', 'step_00000'] : ['order_fulfillment', 'check_inventory']
    await page.evaluate((name) => window.__caiDesigner.getState().selectWorkflow(name), workflow)
    const nodeId = `${workflow}/${step}`
    await page.locator(`.react-flow__node[data-id="${nodeId}"]`).waitFor()
    const end = await page.evaluate(
      ([workflowName, stepName]) => {
        const item = window.__caiDesigner.getState().parsed.doc.items.find((i) => i.kind === 'workflow' && i.name === workflowName)
        if (item?.kind !== 'workflow') return null
        const steps = item.steps.items.flatMap((entry) => (entry.kind === 'step' ? [entry] : entry.branches))
        return steps.find((candidate) => candidate.name === stepName)?.nameSpan?.end ?? null
      },
      [workflow, step] as const,
    )
    if (end === null) throw new Error(`no step ${nodeId}`)
    await page.evaluate((offset) => window.__caiDesigner.setEditorSelection({ start: offset, end: offset }), end)
    const shows = (id: string) =>
      page.waitForFunction((expected) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(expected)}"]`) !== null, id)
    // Warm up, then profile.
    for (let n = 0; n < WARMUP; n += 2) {
      await page.keyboard.press('x')
      await shows(`${nodeId}x`)
      await page.keyboard.press('Backspace')
      await shows(nodeId)
    }
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    const box = (await page.locator('[data-testid="canvas"] .react-flow__pane').boundingBox())!
    const x = Math.round(box.x + 40)
    const y = Math.round(box.y + box.height / 2)
    if (PAN) await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', buttons: 1, clickCount: 1 })
    await cdp.send('Profiler.start')
    if (PAN || ZOOM) {
      // A drag up and down on the empty canvas, or the wheel out and in (40 notches each way), an event every 8 ms for 2.5 s (as bench:ui's).
      const sent: Promise<unknown>[] = []
      const start = Date.now()
      for (let n = 0; Date.now() - start < 2500; n++) {
        const phase = n % 120
        const dy = phase < 60 ? -5 * phase : -5 * (120 - phase)
        const event = ZOOM
          ? { type: 'mouseWheel' as const, x, y, deltaX: 0, deltaY: n % 80 < 40 ? 40 : -40 }
          : { type: 'mouseMoved' as const, x, y: y + dy, button: 'left' as const, buttons: 1 }
        sent.push(cdp.send('Input.dispatchMouseEvent', event))
        await new Promise((resolve) => setTimeout(resolve, 8))
      }
      await Promise.all(sent)
    } else {
      for (let n = 0; n < KEYSTROKES / 2; n++) {
        await page.keyboard.press('x')
        await shows(`${nodeId}x`)
        await page.keyboard.press('Backspace')
        await shows(nodeId)
      }
    }
    // Let the last keystroke's frame and effects finish.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))))
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile }

    const byId = new Map(profile.nodes.map((node) => [node.id, node]))
    const perArea = new Map<string, number>()
    const perFile = new Map<string, number>()
    const perFunction = new Map<string, number>()
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i])!
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
      const source = sourceOf(node.callFrame)
      if (source === '(idle)') continue
      const area = areaOf(source)
      perArea.set(area, (perArea.get(area) ?? 0) + ms)
      perFile.set(source, (perFile.get(source) ?? 0) + ms)
      const fn = `${node.callFrame.functionName || '(anonymous)'} (${source.replace(/^.*\//, '')})`
      perFunction.set(fn, (perFunction.get(fn) ?? 0) + ms)
    }
    // Inclusive time of our own functions (src/): a sample counts once for each function on its stack.
    const parentOf = new Map<number, number>()
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
    const inclusive = new Map<string, number>()
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
      const seen = new Set<string>()
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parentOf.get(id)) {
        const node = byId.get(id)!
        const source = sourceOf(node.callFrame)
        if (!source.startsWith('src/')) continue
        const fn = `${node.callFrame.functionName || '(anonymous)'} (${source.replace(/^src\//, '')})`
        if (seen.has(fn)) continue
        seen.add(fn)
        inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms)
      }
    }
    const total = [...perArea.values()].reduce((sum, value) => sum + value, 0)
    const keys = KEYSTROKES
    const what = PAN ? 'during a 2.5 s drag (pan)' : ZOOM ? 'during 2.5 s of wheel zooming' : `per keystroke (${keys} keystrokes)`
    console.log(`Main-thread self time ${what}, ${STEPS > 0 ? `${STEPS} steps` : 'bundled example'}, sampled every 0.1 ms: ${(total / keys).toFixed(1)} ms\n`)
    for (const [area, value] of [...perArea].sort((a, b) => b[1] - a[1])) {
      console.log(`${area.padEnd(32)} ${(value / keys).toFixed(2).padStart(8)} ms`)
    }
    console.log('\nBusiest source files\n')
    for (const [file, value] of [...perFile].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.FILES ?? 15))) {
      console.log(`${file.padEnd(72)} ${(value / keys).toFixed(2).padStart(8)} ms`)
    }
    console.log('\nBusiest functions (self time)\n')
    for (const [fn, value] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
      console.log(`${fn.padEnd(72)} ${(value / keys).toFixed(2).padStart(8)} ms`)
    }
    console.log('\nOur functions by total time (themselves and what they call)\n')
    for (const [fn, value] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30))) {
      console.log(`${fn.padEnd(72)} ${(value / keys).toFixed(2).padStart(8)} ms`)
    }
  } finally {
    await browser.close()
    server.close()
  }
}

await main()
