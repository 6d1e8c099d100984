/**
 * What the editor's hover shows, as markdown strings. Pure: the Monaco
 * provider only wraps these. Every piece of user text goes through
 * `codeSpan` or `escapeMarkdown`.
 */
import { describeCron, nextRuns, parseCron } from '../language/cron'
import { describeDuration } from '../language/duration'
import { allSteps } from '../language/locate'
import type { Step, Workflow } from '../language/model'
import { runZone, wallTime } from '../language/run-times'
import { codeSpan, escapeMarkdown } from './markdown'

/** A cron schedule in words and its next three runs, in the schedule's zone (UTC when it names none). */
export function scheduleHover(expression: string, now: Date): string {
  const lines = [`**Schedule** ${codeSpan(expression)}`, '', escapeMarkdown(describeCron(expression))]
  const parsed = parseCron(expression)
  if (!parsed.ok) return lines.join('\n')
  const zone = runZone(parsed.schedule.timezone)
  const runs = nextRuns(parsed.schedule, now, 3)
  lines.push('')
  if (runs.length === 0) {
    lines.push('It never runs: no date in the next five years matches.')
  } else {
    lines.push(`Next runs (${escapeMarkdown(zone)}):`, '', ...runs.map((run) => `- ${escapeMarkdown(wallTime(run, zone))}`))
  }
  return lines.join('\n')
}

export function durationHover(label: string, value: string): string {
  const words = describeDuration(value)
  const meaning = words === undefined ? 'Not a Go duration (for example `30s`, `5m`, `1h30m`).' : escapeMarkdown(words)
  return `**${escapeMarkdown(label)}** ${codeSpan(value)}\n\n${meaning}`
}

/** Where a referenced step stands: its activity, its place in the flow and its line. */
export function stepReferenceHover(workflow: Workflow, name: string, lineOf: (offset: number) => number): string {
  const steps = allSteps(workflow)
  const index = steps.findIndex((step) => step.name === name)
  if (index < 0) return `No step ${codeSpan(name)} in workflow ${codeSpan(workflow.name)}.`
  const step = steps[index]
  const activity = step.activity ? `activity ${codeSpan(step.activity.value)}` : 'no activity'
  const place = [`step ${index + 1} of ${steps.length} in workflow ${codeSpan(workflow.name)}`]
  if (inParallel(workflow, step)) place.push('runs in a parallel block')
  if (step.span) place.push(`line ${lineOf(step.span.start)}`)
  return `**Step** ${codeSpan(name)}: ${activity}\n\n${place.join(', ')}`
}

function inParallel(workflow: Workflow, step: Step): boolean {
  return workflow.steps.items.some((entry) => entry.kind === 'parallel' && entry.branches.includes(step))
}
