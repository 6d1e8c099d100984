import { describe, expect, it } from 'vitest'
import { formatRun, runZone, wallTime } from './run-times'

const instant = new Date('2025-03-09T23:05:00Z')

describe('run times', () => {
  it('write weekday, date and 24-hour time with the zone', () => {
    expect(formatRun(instant)).toBe('Sun 2025-03-09 23:05 UTC')
    expect(formatRun(instant, 'Asia/Tokyo')).toBe('Mon 2025-03-10 08:05 Asia/Tokyo')
    expect(formatRun(new Date('2025-07-01T00:00:00Z'), 'America/New_York')).toBe('Mon 2025-06-30 20:00 America/New_York')
  })

  it('read TZ=Local and an empty zone as UTC, as a server does', () => {
    expect(formatRun(instant, 'Local')).toBe('Sun 2025-03-09 23:05 UTC')
    expect(formatRun(instant, '')).toBe('Sun 2025-03-09 23:05 UTC')
    expect(runZone('Local')).toBe('UTC')
    expect(runZone('Europe/Berlin')).toBe('Europe/Berlin')
  })

  it('give the wall clock alone for lists headed by their zone', () => {
    expect(wallTime(instant, 'Europe/Berlin')).toBe('Mon 2025-03-10 00:05')
  })
})
