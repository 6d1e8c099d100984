/** Words shown under a field about the value it holds. */
import type { ReactNode } from 'react'
import { describeDuration } from '../language/duration'
import { schedulePreview } from './summaries'

/** A valid cron expression in words with its next five runs; nothing for an invalid one. */
export function scheduleHint(expr: string): ReactNode {
  const preview = schedulePreview(expr, new Date())
  if (!preview) return undefined
  return (
    <>
      <p className="cai-inspector-schedule-words" data-testid="schedule-words">
        {preview.words}
      </p>
      {preview.runs.length === 0 ? (
        <p>It does not run in the next five years.</p>
      ) : (
        <>
          <p className="cai-inspector-runs-title">Next runs</p>
          <ol className="cai-inspector-schedule-runs" data-testid="schedule-runs">
            {preview.runs.map((run, index) => (
              <li key={index}>{run}</li>
            ))}
          </ol>
        </>
      )}
    </>
  )
}

/** A valid Go duration in words ("1 hour 30 minutes"). */
export function durationHint(value: string): ReactNode {
  return value === '' ? undefined : describeDuration(value)
}
