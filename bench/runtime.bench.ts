/**
 * Runtime model benchmark (`npm run bench:runtime`): a dry run of a
 * 1,000-step workflow (sequential steps and parallel blocks, a retry policy,
 * every fifth step failing twice before it succeeds) and a week's calendar
 * of 1,000 jobs with mixed schedules. Prints median and p95 after warm-up.
 * Targets: dry run < 20 ms, calendar < 100 ms.
 */
import { availableParallelism, loadavg } from 'node:os'
import { parse } from '../src/language/parse'
import type { Job, Workflow } from '../src/language/model'
import { jobCalendar } from '../src/runtime/calendar'
import { CODEAI_PROFILE } from '../src/runtime/profile'
import { scenarioFromJson } from '../src/runtime/scenario'
import { simulateWorkflow } from '../src/runtime/simulate'

function workflowText(steps: number): string {
  const lines = ['workflow big {', '\ttrigger manual', '\ttimeout "24h"', '\tsteps {']
  for (let k = 0; k < steps; ) {
    if (k % 10 === 5 && k + 3 <= steps) {
      lines.push('\t\tparallel {')
      for (let b = 0; b < 3; b++, k++) lines.push(`\t\t\ts${k} {`, `\t\t\t\tactivity "do.s${k}"`, '\t\t\t}')
      lines.push('\t\t}')
    } else {
      lines.push(`\t\ts${k} {`, `\t\t\tactivity "do.s${k}"`, '\t\t}')
      k++
    }
  }
  lines.push('\t}', '\tretry {', '\t\tmax_attempts 5', '\t\tinitial_interval "2s"', '\t\tbackoff_multiplier 2.0', '\t}', '}')
  return lines.join('\n') + '\n'
}

const SCHEDULES = ['*/5 * * * *', '0 * * * *', '*/30 * * * *', '15 2 * * *', '0 2 * * 0', '0 9 * * 1-5', 'CRON_TZ=Europe/Paris 0 6 * * *', '0 0 1 * *']
const QUEUES = ['critical', 'default', 'low', 'low_priority']

function jobsText(count: number): string {
  return Array.from(
    { length: count },
    (_, k) => `job j${k} {\n\tschedule "${SCHEDULES[k % SCHEDULES.length]}"\n\ttask "t.j${k}"\n\tqueue "${QUEUES[k % QUEUES.length]}"\n}\n`,
  ).join('')
}

function stats(label: string, runs: number, body: () => void, target: number): void {
  for (let k = 0; k < 5; k++) body()
  const times: number[] = []
  for (let k = 0; k < runs; k++) {
    const start = performance.now()
    body()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[times.length >> 1]
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]
  const verdict = p95 < target ? 'met' : 'NOT met'
  console.log(`${label.padEnd(48)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   target < ${target} ms (${verdict})`)
}

const workflow = parse(workflowText(1000)).doc.items[0] as Workflow
const failing: Record<string, { failures: number }> = {}
for (let k = 0; k < 1000; k += 5) failing[`s${k}`] = { failures: 2 }
const scenario = scenarioFromJson({ steps: failing })
if (!scenario.ok) throw new Error(scenario.errors.join('; '))
const jobs = parse(jobsText(1000)).doc.items.filter((item): item is Job => item.kind === 'job')
const from = new Date('2025-01-06T00:00:00Z')
const to = new Date('2025-01-13T00:00:00Z')

console.log(`Node ${process.version}, ${availableParallelism()} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')} (a shared machine: numbers are noisy)`)
const trace = simulateWorkflow(workflow, scenario.scenario, CODEAI_PROFILE)
console.log(`dry run: ${trace.steps.length} steps, ${trace.steps.reduce((n, s) => n + s.attempts.length, 0)} attempts, ${trace.summary.slice(0, 60)}...`)
stats('dry run, 1,000 steps with retries', 200, () => simulateWorkflow(workflow, scenario.scenario, CODEAI_PROFILE), 20)
const calendar = jobCalendar(jobs, from, to, CODEAI_PROFILE)
console.log(`calendar: ${jobs.length} jobs, ${calendar.runCount} runs, ${calendar.collisions.length} busy minutes, ${calendar.unserved.length} unserved`)
stats("a week's calendar, 1,000 jobs", 30, () => jobCalendar(jobs, from, to, CODEAI_PROFILE), 100)
