/**
 * The Jobs calendar: a day or a week of the file's job runs, one lane per
 * queue, each run a mark at its time (hover names the job and its next runs),
 * minutes with more tasks due than the worker runs at once marked, and queues
 * the worker does not serve highlighted with the fix.
 */
import { useMemo, useState } from 'react'
import type { Job } from '../language/model'
import { formatRun } from '../language/run-times'
import { jobCalendar } from '../runtime/calendar'
import { useDesigner } from '../store/designer'
import { useRuntime } from '../store/runtime'
import { LinkProfileNote } from './LinkProfileNote'
import { ProfileDialog } from './ProfileDialog'
import './dryrun.css'

const DAY = 86_400_000
const LABEL = 150
const PLOT = 760
const LANE = 44

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY
}

export function JobsCalendar() {
  const doc = useDesigner((state) => state.parsed.doc)
  const profile = useRuntime((state) => state.profile)
  const [days, setDays] = useState<1 | 7>(7)
  const [fromMs, setFrom] = useState(() => startOfUtcDay(Date.now()))
  const [profileOpen, setProfileOpen] = useState(false)
  const jobs = useMemo(() => doc.items.filter((item): item is Job => item.kind === 'job'), [doc])
  const calendar = useMemo(() => jobCalendar(jobs, new Date(fromMs), new Date(fromMs + days * DAY), profile), [jobs, fromMs, days, profile])
  const x = (ms: number) => LABEL + ((ms - fromMs) / (days * DAY)) * PLOT
  const height = 24 + calendar.queues.length * LANE
  const served = profile.queues.map((q) => q.name).join(', ')

  return (
    <section className="cai-calendar" data-testid="jobs-calendar" aria-label="Jobs calendar">
      <header className="cai-dryrun-head">
        <h2>Jobs calendar</h2>
        <div className="cai-dryrun-actions" role="group" aria-label="Range">
          <button type="button" aria-pressed={days === 1} onClick={() => setDays(1)}>
            Day
          </button>
          <button type="button" aria-pressed={days === 7} onClick={() => setDays(7)}>
            Week
          </button>
          <button type="button" onClick={() => setFrom(fromMs - days * DAY)}>
            Earlier
          </button>
          <button type="button" onClick={() => setFrom(fromMs + days * DAY)}>
            Later
          </button>
          <span className="cai-muted">{`${new Date(fromMs).toISOString().slice(0, 10)}, ${days === 1 ? 'one day' : 'one week'} (UTC): ${calendar.runCount} runs`}</span>
          <button type="button" onClick={() => setProfileOpen(true)}>
            Runtime profile…
          </button>
        </div>
        <LinkProfileNote />
      </header>
      <ul className="cai-calendar-warnings" data-testid="calendar-warnings">
        {calendar.unserved.map(({ job, queue }) => (
          <li key={job} className="cai-calendar-unserved" data-job={job}>
            {`${job}: queue "${queue}" is not served (the worker serves ${served || 'no queue'}), so its tasks are never processed. Put the job on a served queue, or add "${queue}" to the runtime profile's queues.`}
          </li>
        ))}
        {calendar.collisions.length > 0 && (
          <li className="cai-calendar-collision">{`${calendar.collisions.length} minute${calendar.collisions.length === 1 ? '' : 's'} with more than ${profile.concurrency} tasks due at once (the worker's concurrency): marked in red.`}</li>
        )}
      </ul>
      <svg className="cai-calendar-chart" viewBox={`0 0 ${LABEL + PLOT + 10} ${height}`} width={LABEL + PLOT + 10} height={height} role="img" aria-label={`Job runs by queue: ${calendar.runCount} runs`}>
        {Array.from({ length: days === 1 ? 5 : 8 }, (_, k) => {
          const at = fromMs + (k * (days * DAY)) / (days === 1 ? 4 : 7)
          return (
            <g key={k} className="cai-timeline-tick">
              <line x1={x(at)} x2={x(at)} y1={14} y2={height} />
              <text x={x(at)} y={11} textAnchor="middle">
                {days === 1 ? new Date(at).toISOString().slice(11, 16) : new Date(at).toUTCString().slice(0, 3)}
              </text>
            </g>
          )
        })}
        {calendar.collisions.map((minute) => (
          <rect key={minute.minuteMs} className="cai-calendar-busy" x={x(minute.minuteMs) - 1} y={16} width={3} height={height - 16}>
            <title>{`${formatRun(new Date(minute.minuteMs))}: ${minute.total} tasks due (${minute.jobs.join(', ')})`}</title>
          </rect>
        ))}
        {calendar.queues.map((lane, row) => {
          const y = 18 + row * LANE
          const entries = calendar.jobs.filter((entry) => entry.queue === lane.name)
          return (
            <g key={lane.name} className={lane.served ? 'cai-calendar-lane' : 'cai-calendar-lane cai-calendar-lane-unserved'} data-queue={lane.name} data-served={lane.served}>
              <rect className="cai-calendar-lane-bg" x={0} y={y} width={LABEL + PLOT} height={LANE - 4} />
              <text x={6} y={y + 16}>
                {lane.name}
              </text>
              <text x={6} y={y + 32} className="cai-calendar-lane-note">
                {lane.served ? `weight ${lane.weight}, ${lane.runs} runs` : 'not served'}
              </text>
              {entries.map((entry, k) => (
                <g key={entry.job} data-job={entry.job}>
                  {entry.runs.map((at) => (
                    <rect key={at} className="cai-calendar-run" x={x(at) - 1} y={y + 4 + (k % 4) * 8} width={2} height={7}>
                      <title>{`${entry.job} at ${formatRun(new Date(at), entry.zone)}; next: ${entry.runs.filter((t) => t > at).slice(0, 3).map((t) => formatRun(new Date(t), entry.zone)).join(', ') || 'none in range'}`}</title>
                    </rect>
                  ))}
                </g>
              ))}
            </g>
          )
        })}
      </svg>
      {profileOpen && <ProfileDialog onClose={() => setProfileOpen(false)} />}
    </section>
  )
}
