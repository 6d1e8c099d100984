/**
 * A job card's schedule in words and its next runs, computed when the card is
 * drawn (the board draws only the cards in view) and cached per schedule text
 * (see `scheduleSummary`); the runs move on every minute.
 */
import { useMinute } from './hooks'
import { scheduleSummary } from './jobs'

export function ScheduleLines({ schedule, titled }: { schedule: string | undefined; titled: boolean }) {
  const minute = useMinute()
  const { words, runs } = scheduleSummary(schedule, minute)
  return (
    <>
      <div className="cai-card-line cai-schedule-words" title={titled ? words : undefined}>
        {words}
      </div>
      {runs.length > 0 && (
        <ol className="cai-next-runs" aria-label="Next runs">
          {runs.map((run) => (
            <li key={run}>{run}</li>
          ))}
        </ol>
      )}
    </>
  )
}
