/**
 * Review benchmark (`npm run bench:review`):
 * - the semantic diff of two versions of a generated 1,000-step workflow
 *   (a step renamed with its references, one moved, three changed, one
 *   removed, one added), on parsed documents and including both parses;
 *   target: under 50 ms;
 * - `codeai render` of the bundled example to an SVG file, as a process,
 *   Node's start included, through bin/codeai (which runs the bundle that
 *   `npm run build:cli` writes to dist-cli/); target: under 1 s.
 * Prints median and p95. Timings depend on the machine's load: say so with them.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from '../src/language/parse'
import { diffDocuments } from '../src/review'
import { generateCaiFile } from './generate'

const DIFF_TARGET_MS = 50
const RENDER_TARGET_MS = 1000
const EXAMPLE = 'examples/09-workflows/with_workflows.cai'

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`

/** Wall time, and this process's CPU time (what the work costs when other processes take turns on the cores). */
function time(runs: number, work: () => void): { median: number; p95: number; cpuMedian: number } {
  const samples: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const cpuStarted = process.cpuUsage()
    work()
    const used = process.cpuUsage(cpuStarted)
    samples.push(performance.now() - started)
    cpu.push((used.user + used.system) / 1000)
  }
  return { median: percentile(samples, 50), p95: percentile(samples, 95), cpuMedian: percentile(cpu, 50) }
}

/** The second version: realistic edits spread over the file. */
function edited(text: string): string {
  const names = [...text.matchAll(/^\s+(\w+) \{\n\s+activity/gm)].map((m) => m[1])
  const [renamed, moved, removed] = [names[100], names[500], names[900]]
  let after = text.replace(new RegExp(`\\b${renamed}\\b`, 'g'), `${renamed}_v2`)
  // Move: cut the step's block and put it near the start.
  const block = new RegExp(`\\n(\\s+)${moved} \\{[\\s\\S]*?\\n\\1\\}`).exec(after)!
  after = after.replace(block[0], '')
  const anchor = new RegExp(`\\n(\\s+)${names[3]} \\{`).exec(after)!
  after = after.replace(anchor[0], `${block[0]}${anchor[0]}`)
  // Remove one step, change three activities, add one step.
  const gone = new RegExp(`\\n(\\s+)${removed} \\{[\\s\\S]*?\\n\\1\\}`).exec(after)!
  after = after.replace(gone[0], `\n${gone[1]}added_step {\n${gone[1]}\tactivity "svc.added"\n${gone[1]}}`)
  for (const name of [names[200], names[300], names[400]]) {
    after = after.replace(new RegExp(`(\\n\\s+${name} \\{\\n\\s+activity ")[^"]*`), '$1svc.changed')
  }
  return after
}

async function main() {
  console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (timings vary with load)\n`)

  const before = generateCaiFile({ steps: 1_000 })
  const after = edited(before)
  const parsedBefore = parse(before)
  const parsedAfter = parse(after)
  const diff = diffDocuments({ text: before, parsed: parsedBefore }, { text: after, parsed: parsedAfter })
  const kinds = diff.changes.map((c) => c.kind).join(', ')
  console.log(`diff of two 1,000-step versions: ${diff.changes.length} changes (${kinds})`)
  for (let i = 0; i < 5; i++) diffDocuments({ text: before, parsed: parsedBefore }, { text: after, parsed: parsedAfter })
  const parsedOnly = time(30, () => diffDocuments({ text: before, parsed: parsedBefore }, { text: after, parsed: parsedAfter }))
  const withParse = time(15, () => diffDocuments(before, after))
  console.log(`  parsed documents: median ${ms(parsedOnly.median)}, p95 ${ms(parsedOnly.p95)}, CPU median ${ms(parsedOnly.cpuMedian)} (target < ${DIFF_TARGET_MS} ms: ${parsedOnly.p95 < DIFF_TARGET_MS ? 'met' : 'NOT met'})`)
  console.log(`  texts, parse included: median ${ms(withParse.median)}, p95 ${ms(withParse.p95)}\n`)

  const dir = mkdtempSync(join(tmpdir(), 'cai-bench-'))
  const out = join(dir, 'out.svg')
  const render = (runs: number) => time(runs, () => execFileSync('bin/codeai', ['render', EXAMPLE, '-o', out], { stdio: 'ignore' }))
  render(2)
  const timed = render(15)
  console.log(`codeai render of the bundled example (${readFileSync(out).length} bytes of SVG), Node's start included:`)
  console.log(`  bin/codeai: median ${ms(timed.median)}, p95 ${ms(timed.p95)} (target < ${RENDER_TARGET_MS} ms: ${timed.p95 < RENDER_TARGET_MS ? 'met' : 'NOT met'})`)
}

void main()
