/**
 * `codeai simulate FILE --workflow NAME [--scenario s.json] [--profile p.json] [--json]`:
 * a dry run of one workflow by CodeAI's runtime rules, printed as a table
 * (step, attempt, start, end, outcome) and a summary, or as the trace JSON.
 *
 * `run(args, io)` takes the arguments after `simulate` and returns the exit
 * code: 0 the workflow completes within its timeout, 1 it fails or times out,
 * 2 bad usage, an unreadable file or a file with errors.
 */
import { formatDuration, NANOS } from '../../language/duration'
import type { Workflow } from '../../language/model'
import { scenarioFromJson, defaultScenario } from '../../runtime/scenario'
import { simulateWorkflow } from '../../runtime/simulate'
import type { Trace } from '../../runtime/trace'
import { EXIT_OK, EXIT_PROBLEMS, FileError, parseArgs, UsageError, type Command } from '../command'
import { readDocument, readJson, readProfile, table } from '../runtime-args'

export const command: Command = {
  name: 'simulate',
  usage: 'FILE --workflow NAME',
  summary: 'Dry-run one workflow by CodeAI\'s runtime rules: a table of attempts and a summary; exit 1 when it fails or times out.',
  options: [
    ['--workflow NAME', 'The workflow to run (required).'],
    ['--scenario S.json', 'Sample input, step behaviours and durations (see examples/scenarios/).'],
    ['--profile P.json', 'Runtime numbers other than CodeAI\'s defaults.'],
    ['--json', 'Print the whole trace as JSON.'],
  ],
  async run(args, io) {
    const parsed = parseArgs('simulate', args, { values: ['--workflow', '--scenario', '--profile'], flags: ['--json'] })
    if (parsed.operands.length !== 1) throw new UsageError(`'simulate' takes one FILE, got ${parsed.operands.length}`)
    const name = parsed.values.get('--workflow')
    const path = parsed.operands[0]
    const { doc } = readDocument(path, io)
    const workflows = doc.items.filter((item): item is Workflow => item.kind === 'workflow')
    if (name === undefined) throw new UsageError(`needs --workflow NAME; ${path} has: ${workflows.map((w) => w.name).join(', ') || 'no workflow'}`)
    const workflow = workflows.find((w) => w.name === name)
    if (!workflow) throw new UsageError(`no workflow "${name}" in ${path}; it has: ${workflows.map((w) => w.name).join(', ') || 'no workflow'}`)
    const profile = readProfile(parsed.values.get('--profile'), io)
    const scenarioPath = parsed.values.get('--scenario')
    let scenario = defaultScenario()
    if (scenarioPath !== undefined) {
      const result = scenarioFromJson(readJson(scenarioPath, 'scenario', io))
      if (!result.ok) throw new FileError(`${scenarioPath}: ${result.errors.join('; ')}`)
      scenario = result.scenario
    }
    const trace = simulateWorkflow(workflow, scenario, profile)
    io.stdout(parsed.flags.has('--json') ? JSON.stringify(trace, null, 2) + '\n' : formatTrace(trace))
    return trace.outcome.kind === 'completed' ? EXIT_OK : EXIT_PROBLEMS
  },
}

function time(ms: number): string {
  return formatDuration(ms * NANOS.millisecond)
}

/** The trace as a table, one row per attempt (and per wait), then the summary. */
export function formatTrace(trace: Trace): string {
  const rows: string[][] = [['step', 'attempt', 'start', 'end', 'outcome']]
  for (const step of trace.steps) {
    const label = step.parallel ? `${step.name} (parallel)` : step.name
    if (step.attempts.length === 0) {
      const at = step.startMs === undefined ? '-' : time(step.startMs)
      rows.push([label, '-', at, at, step.reason ? `${step.outcome}: ${step.reason}` : step.outcome])
      continue
    }
    step.attempts.forEach((attempt, k) => {
      const wait = step.waits.find((w) => w.beforeAttempt === attempt.number)
      if (wait) rows.push(['', '', time(wait.startMs), time(wait.endMs), `wait before attempt ${attempt.number}`])
      const last = k === step.attempts.length - 1
      const outcome = last && step.outcome !== 'ran' ? `${attempt.result}; step ${step.outcome}${step.reason ? `: ${step.reason}` : ''}` : attempt.result
      rows.push([k === 0 ? label : '', String(attempt.number), time(attempt.startMs), time(attempt.endMs), outcome])
    })
    const trailing = step.waits.find((w) => w.beforeAttempt > step.attempts.length)
    if (trailing) rows.push(['', '', time(trailing.startMs), time(trailing.endMs), `wait before attempt ${trailing.beforeAttempt}, cut: ${step.reason ?? step.outcome}`])
    if (step.omittedAttempts) rows.push(['', '…', '', '', `${step.omittedAttempts} more attempts not listed`])
  }
  const reading = trace.conditions === 'codeai-today' ? 'as CodeAI runs it today (every condition true)' : 'as written (conditions evaluated on the scenario)'
  const header = `workflow ${trace.workflow}: timeout ${time(trace.timeoutMs)}${trace.timeoutSource === 'profile' ? ' (none set)' : ''}, conditions read ${reading}\n\n`
  return header + table(rows) + `\n${trace.workflow}: ${trace.summary}\n`
}
