/**
 * `codeai calendar FILE [--from ISO] [--days N] [--profile PROFILE.json]`:
 * every run of the file's jobs in a range (default: 7 days from now), by
 * queue, then the unserved queues and the minutes with more tasks due than
 * the worker runs at once.
 *
 * `run(args, io, now)` takes the arguments after `calendar` and returns the
 * exit code: 0, or 2 for bad usage, an unreadable file or a file with errors.
 */
import type { Job } from '../../language/model'
import { runZone, wallTime } from '../../language/run-times'
import { jobCalendar, runsInOrder } from '../../runtime/calendar'
import { EXIT_OK, parseArgs, UsageError, type Command } from '../command'
import type { CliIO } from '../io'
import { readDocument, readProfile } from '../runtime-args'

const MAX_DAYS = 366
const DAY = 86_400_000

export const command: Command = {
  name: 'calendar',
  usage: 'FILE',
  summary: 'Every run of the jobs of FILE in a range, by queue, with unserved queues and busy minutes.',
  options: [
    ['--from ISO', 'Start (a date or time, e.g. 2025-01-06 or 2025-01-06T09:00Z; default: now).'],
    ['--days N', `How many days, 1 to ${MAX_DAYS} (default: 7).`],
    ['--profile P.json', 'Runtime numbers other than CodeAI\'s defaults (served queues, concurrency).'],
  ],
  run: async (args, io) => printCalendar(args, io, new Date()),
}

/** The calendar from `now` unless --from is given. */
function printCalendar(args: readonly string[], io: CliIO, now: Date): number {
  const parsed = parseArgs('calendar', args, { values: ['--from', '--days', '--profile'] })
  if (parsed.operands.length !== 1) throw new UsageError(`'calendar' takes one FILE, got ${parsed.operands.length}`)
  const fromText = parsed.values.get('--from')
  const from = fromText === undefined ? now : new Date(fromText)
  if (Number.isNaN(from.getTime())) throw new UsageError(`--from must be an ISO date or time such as 2025-01-06 or 2025-01-06T09:00Z, not '${fromText}'`)
  const daysText = parsed.values.get('--days') ?? '7'
  const days = Number(daysText)
  if (!/^[0-9]+$/.test(daysText) || days < 1 || days > MAX_DAYS) throw new UsageError(`--days must be a whole number from 1 to ${MAX_DAYS}, not '${daysText}'`)
  const profile = readProfile(parsed.values.get('--profile'), io)
  const path = parsed.operands[0]
  const { doc } = readDocument(path, io)
  const jobs = doc.items.filter((item): item is Job => item.kind === 'job')
  const to = new Date(from.getTime() + days * DAY)
  const calendar = jobCalendar(jobs, from, to, profile)

  const out: string[] = [`${jobs.length} job${jobs.length === 1 ? '' : 's'}, ${calendar.runCount} runs from ${from.toISOString()} to ${to.toISOString()}`]
  for (const lane of calendar.queues) {
    const state = lane.served ? `served, weight ${lane.weight}` : 'NOT SERVED: its tasks are never processed'
    out.push('', `queue ${lane.name} (${state}): ${lane.runs} run${lane.runs === 1 ? '' : 's'}`)
    for (const run of runsInOrder(calendar, (entry) => entry.queue === lane.name)) out.push(`  ${wallTime(new Date(run.atMs), runZone(run.zone))} ${run.zone}  ${run.job}`)
  }
  if (calendar.unscheduled.length > 0) out.push('', `without a valid schedule (never run by the scheduler): ${calendar.unscheduled.join(', ')}`)
  if (calendar.unserved.length > 0) {
    out.push('', 'warnings:')
    for (const { job, queue } of calendar.unserved) {
      out.push(`  job ${job}: queue "${queue}" is not served (the worker serves ${profile.queues.map((q) => q.name).join(', ')}); put it on a served queue or add "${queue}" to the profile's queues`)
    }
  }
  if (calendar.collisions.length > 0) {
    out.push('', `minutes with more than ${profile.concurrency} tasks due at once (the worker's concurrency):`)
    for (const minute of calendar.collisions) out.push(`  ${wallTime(new Date(minute.minuteMs), 'UTC')} UTC  ${minute.total} tasks: ${minute.jobs.join(', ')}`)
  }
  io.stdout(out.join('\n') + '\n')
  return EXIT_OK
}
