/**
 * A schedule's run times as the designer shows them everywhere (jobs board,
 * hover, inspector): `Mon 2025-01-06 09:00` on the wall clock of the
 * schedule's zone. Assembled from Intl's parts: locales differ in punctuation.
 */

/**
 * The zone runs are shown in: the schedule's TZ= zone; UTC when it names
 * none, or `Local` or the empty name (a server's local zone, read as UTC as
 * nextRuns does). Cron validation checks zones against the pinned tzdata
 * list, not Intl; nextRuns gives no runs for a zone Intl cannot compute
 * (`Factory`), so only zones Intl knows are ever formatted here.
 */
export function runZone(timezone: string | undefined): string {
  return timezone === undefined || timezone === '' || timezone === 'Local' ? 'UTC' : timezone
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(zone, formatter)
  }
  return formatter
}

/** `Mon 2025-01-06 09:00`: the wall-clock time in `zone` (an IANA name, as from runZone). */
export function wallTime(date: Date, zone: string): string {
  const parts: Record<string, string> = {}
  for (const part of formatterFor(zone).formatToParts(date)) parts[part.type] = part.value
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** `Mon 2025-01-06 09:00 UTC`: a run time with the zone it is read in (see runZone). */
export function formatRun(date: Date, timezone?: string): string {
  const zone = runZone(timezone)
  return `${wallTime(date, zone)} ${zone}`
}
