/**
 * CLI start-up benchmark (`npm run bench:cli`): wall time of
 * `codeai validate examples/09-workflows/with_workflows.cai`, Node's start
 * included, run as a user runs it, three ways:
 * - bin/codeai: the shell wrapper (its staleness check) and the bundle;
 * - the bundle alone: `node dist-cli/codeai.mjs`;
 * - the TypeScript source through tsx, as bin/codeai ran it before the bundle.
 * Each is run a few times to warm the file cache, then RUNS times in turn.
 * Reports median and p95; target: bin/codeai median under 150 ms (exit
 * status 1 when missed). On a shared machine wall times move with its load,
 * which is printed alongside, so the mean CPU time (user + system, read from
 * /proc on Linux) of each run is printed too: it moves much less.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const RUNS = Number(process.env.CLI_BENCH_RUNS ?? 20)
const WARM_UP = 3
const TARGET_MS = 150
const ARGS = ['validate', 'examples/09-workflows/with_workflows.cai']

const variants = [
  { name: 'bin/codeai (bundle)', command: 'bin/codeai', args: ARGS },
  { name: 'node dist-cli/codeai.mjs', command: process.execPath, args: ['dist-cli/codeai.mjs', ...ARGS] },
  {
    name: 'tsx src/cli/main.ts (before)',
    command: process.execPath,
    args: ['--import', './node_modules/tsx/dist/loader.mjs', 'src/cli/main.ts', ...ARGS],
  },
]

function runOnce({ command, args }) {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0 || result.stdout !== '3 workflows, 7 jobs: 0 errors, 0 warnings\n') {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  }
  return ms
}

/** CPU seconds used by waited-for children so far (Linux), or undefined. */
function childrenCpuSeconds() {
  if (!existsSync('/proc/self/stat')) return undefined
  const stat = readFileSync('/proc/self/stat', 'utf8')
  // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (100 a second).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[13]) + Number(fields[14])) / 100
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const samples = new Map(variants.map((variant) => [variant, []]))
const cpu = new Map(variants.map((variant) => [variant, 0]))
for (const variant of variants) for (let i = 0; i < WARM_UP; i++) runOnce(variant)
// Interleaved, so a burst of load on the machine hits every variant alike.
for (let i = 0; i < RUNS; i++) {
  for (const variant of variants) {
    const before = childrenCpuSeconds()
    samples.get(variant).push(runOnce(variant))
    const after = childrenCpuSeconds()
    if (before !== undefined) cpu.set(variant, cpu.get(variant) + after - before)
  }
}

const load = loadavg().map((n) => n.toFixed(2)).join(' ')
console.log(`CLI benchmark (Node ${process.version}; ${availableParallelism()} cores, load ${load}; ${RUNS} runs each)`)
console.log(`codeai ${ARGS.join(' ')}`)
let missed = false
for (const variant of variants) {
  const sorted = [...samples.get(variant)].sort((a, b) => a - b)
  const median = percentile(sorted, 50)
  const p95 = percentile(sorted, 95)
  const gated = variant === variants[0]
  if (gated && median >= TARGET_MS) missed = true
  const verdict = gated ? (median < TARGET_MS ? `  (target median < ${TARGET_MS} ms: met)` : `  (target median < ${TARGET_MS} ms: MISSED)`) : ''
  const cpuMs = childrenCpuSeconds() === undefined ? '' : `   CPU ${((cpu.get(variant) / RUNS) * 1000).toFixed(0).padStart(4)} ms`
  console.log(`  ${variant.name.padEnd(30)} median ${median.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms${cpuMs}${verdict}`)
}
process.exitCode = missed ? 1 : 0
