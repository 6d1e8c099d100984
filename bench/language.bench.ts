/**
 * Language benchmark (`npm run bench`): parse, validate and print time for
 * generated files of 100, 1,000 and 10,000 steps, each ONE workflow (the
 * worst case for per-workflow checks) plus one job; see generate.ts for the
 * mix of sequential, parallel and conditional steps. Reports medians after
 * warm-up. Target: 10,000 steps under 150 ms in total (issue 11), and 10x the steps
 * costing at most 12x the time.
 *
 * Then many declarations: 20,000 small workflows (one step each) with and
 * without blank lines, parse + validate, median and p95. Target: the two
 * within 20 % of each other (a scan per declaration to the next blank line
 * of the file once made the file without blank lines quadratic).
 */
import { availableParallelism, loadavg } from 'node:os'
import { parse } from '../src/language/parse'
import { print } from '../src/language/print'
import { validate } from '../src/language/validate'
import { generateCaiFile } from './generate'

const SIZES = [100, 1_000, 10_000]
const TARGET_TOTAL_MS = 150
const TARGET_GROWTH = 12
const MANY_DECLARATIONS = 20_000
const TARGET_SHAPE_RATIO = 1.2

interface Timing {
  steps: number
  bytes: number
  parse: number
  validate: number
  print: number
  total: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function measure(steps: number): Timing {
  const text = generateCaiFile({ steps })
  const first = parse(text)
  if (first.diagnostics.some((d) => d.severity === 'error')) throw new Error(`generated ${steps}-step file has syntax errors`)
  if (validate(first.doc, text).some((d) => d.severity === 'error')) throw new Error(`generated ${steps}-step file is invalid`)
  if (print(first.doc) !== text) throw new Error(`generated ${steps}-step file does not print back unchanged`)

  // Small files run fast and noisy: give them more runs.
  const runs = steps >= 10_000 ? 9 : steps >= 1_000 ? 21 : 51
  const warmup = Math.max(3, runs >> 1)
  const times = { parse: [] as number[], validate: [] as number[], print: [] as number[], total: [] as number[] }
  for (let run = 0; run < warmup + runs; run++) {
    const t0 = performance.now()
    const { doc } = parse(text)
    const t1 = performance.now()
    validate(doc, text)
    const t2 = performance.now()
    print(doc)
    const t3 = performance.now()
    if (run < warmup) continue
    times.parse.push(t1 - t0)
    times.validate.push(t2 - t1)
    times.print.push(t3 - t2)
    times.total.push(t3 - t0)
  }
  return {
    steps,
    bytes: Buffer.byteLength(text),
    parse: median(times.parse),
    validate: median(times.validate),
    print: median(times.print),
    total: median(times.total),
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Parse + validate of MANY_DECLARATIONS one-step workflows: median and p95 in ms. */
function measureMany(blankLines: boolean): { bytes: number; median: number; p95: number } {
  const text = generateCaiFile({ steps: MANY_DECLARATIONS, workflows: MANY_DECLARATIONS, jobs: false, blankLines })
  const first = parse(text)
  if (first.diagnostics.length > 0 || validate(first.doc, text).length > 0) throw new Error('generated many-declaration file is not clean')
  const runs = 9
  const times: number[] = []
  for (let run = 0; run < 2 + runs; run++) {
    const t0 = performance.now()
    validate(parse(text).doc, text)
    if (run >= 2) times.push(performance.now() - t0)
  }
  return { bytes: Buffer.byteLength(text), median: median(times), p95: percentile(times, 95) }
}

function ms(value: number): string {
  return value.toFixed(2).padStart(9)
}

function mbPerSecond(bytes: number, milliseconds: number): string {
  return (bytes / 1e6 / (milliseconds / 1000)).toFixed(1).padStart(7)
}

const results = SIZES.map(measure)

const header = `${'steps'.padStart(7)} ${'size KB'.padStart(8)} | ${'parse ms'.padStart(9)} ${'MB/s'.padStart(7)} | ${'valid. ms'.padStart(9)} ${'MB/s'.padStart(7)} | ${'print ms'.padStart(9)} ${'MB/s'.padStart(7)} | ${'total ms'.padStart(9)} ${'MB/s'.padStart(7)}`
console.log(`Language benchmark (Node ${process.version}; medians after warm-up; one workflow per file)`)
const [load] = loadavg()
const cores = availableParallelism()
if (load > cores) console.log(`warning: load average ${load.toFixed(1)} on ${cores} cores: other processes compete, timings are inflated`)
console.log('')
console.log(header)
console.log('-'.repeat(header.length))
for (const r of results) {
  console.log(
    `${r.steps.toLocaleString('en-US').padStart(7)} ${(r.bytes / 1024).toFixed(0).padStart(8)} | ` +
      `${ms(r.parse)} ${mbPerSecond(r.bytes, r.parse)} | ` +
      `${ms(r.validate)} ${mbPerSecond(r.bytes, r.validate)} | ` +
      `${ms(r.print)} ${mbPerSecond(r.bytes, r.print)} | ` +
      `${ms(r.total)} ${mbPerSecond(r.bytes, r.total)}`,
  )
}

const [, thousand, tenThousand] = results
const growth = tenThousand.total / thousand.total
const totalOk = tenThousand.total < TARGET_TOTAL_MS
const growthOk = growth <= TARGET_GROWTH
const phaseGrowth = (['parse', 'validate', 'print'] as const)
  .map((phase) => `${phase} ${(tenThousand[phase] / thousand[phase]).toFixed(1)}x`)
  .join(', ')
console.log('')
console.log(`10,000 steps total: ${tenThousand.total.toFixed(1)} ms (target < ${TARGET_TOTAL_MS} ms): ${totalOk ? 'OK' : 'MISSED'}`)
console.log(`growth 1,000 -> 10,000 steps: ${growth.toFixed(1)}x (target <= ${TARGET_GROWTH}x): ${growthOk ? 'OK' : 'MISSED'} (${phaseGrowth})`)

const spaced = measureMany(true)
const dense = measureMany(false)
const ratio = Math.max(spaced.median, dense.median) / Math.min(spaced.median, dense.median)
const shapeOk = ratio <= TARGET_SHAPE_RATIO
console.log('')
console.log(`${MANY_DECLARATIONS.toLocaleString('en-US')} one-step workflows, parse + validate (median / p95 of 9 runs):`)
console.log(`  with blank lines:    ${(spaced.bytes / 1024).toFixed(0).padStart(6)} KB  ${spaced.median.toFixed(1).padStart(8)} ms / ${spaced.p95.toFixed(1)} ms`)
console.log(`  without blank lines: ${(dense.bytes / 1024).toFixed(0).padStart(6)} KB  ${dense.median.toFixed(1).padStart(8)} ms / ${dense.p95.toFixed(1)} ms`)
console.log(`  ratio of medians ${ratio.toFixed(2)} (target <= ${TARGET_SHAPE_RATIO}): ${shapeOk ? 'OK' : 'MISSED'}`)
process.exitCode = totalOk && growthOk && shapeOk ? 0 : 1
