import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeCron, nextRuns, parseCron, type CronSchedule } from './cron'

function schedule(expr: string): CronSchedule {
  const parsed = parseCron(expr)
  if (!parsed.ok) throw new Error(`expected ${expr} to be valid: ${parsed.error}`)
  return parsed.schedule
}

function error(expr: string): { error: string; fix?: string } {
  const parsed = parseCron(expr)
  if (parsed.ok) throw new Error(`expected ${expr} to be invalid`)
  return parsed
}

const sorted = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b)
const range = (from: number, to: number, step = 1) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step)
const iso = (dates: Date[]) => dates.map((d) => d.toISOString().replace(':00.000Z', 'Z'))

describe('parseCron accepts robfig standard expressions', () => {
  it.each([
    '*/15 * * * *',
    '0 6 * * *',
    '0 2 * * SUN',
    '0 0 1 * *',
    '15 * * * *',
    '*/5 * * * *',
    '0 9 * * 1-5',
    '5/10 * * * *',
    '0 */30 * * *',
    '30 8 * * mon-fri',
    '0 0 1 jan,Jul *',
    '0 12 ? * ?',
    '1,2,3-5,10-20/5 * * * *',
    '59 23 31 12 6',
    '0 0 * * 0',
    '00 06 * * *',
    '  0   6 * *\t*  ',
    'TZ=Europe/Berlin 0 6 * * *',
    'CRON_TZ=America/New_York 30 8 * * *',
    'TZ=UTC 0 6 * * *',
    'TZ=America/Argentina/Buenos_Aires 0 6 * * *',
    'TZ=Etc/GMT+5 0 6 * * *',
    'TZ=US/Eastern 0 6 * * *',
  ])('%j', (expr) => {
    expect(parseCron(expr).ok).toBe(true)
  })

  it('expands each field to its allowed values', () => {
    const s = schedule('5/10 9-17/4 1,15 JAN-MAR mon-FRI')
    expect(sorted(s.minutes)).toEqual([5, 15, 25, 35, 45, 55])
    expect(sorted(s.hours)).toEqual([9, 13, 17])
    expect(sorted(s.daysOfMonth)).toEqual([1, 15])
    expect(sorted(s.months)).toEqual([1, 2, 3])
    expect(sorted(s.daysOfWeek)).toEqual([1, 2, 3, 4, 5])
    expect(s.fields).toEqual(['5/10', '9-17/4', '1,15', 'JAN-MAR', 'mon-FRI'])
  })

  it('reads * and ? as the whole range', () => {
    const s = schedule('* ? * * *')
    expect(sorted(s.minutes)).toEqual(range(0, 59))
    expect(sorted(s.hours)).toEqual(range(0, 23))
    expect(sorted(s.daysOfMonth)).toEqual(range(1, 31))
    expect(sorted(s.months)).toEqual(range(1, 12))
    expect(sorted(s.daysOfWeek)).toEqual(range(0, 6))
  })

  it('marks a day field as a star only for * or ? without a step above 1', () => {
    expect(schedule('0 0 * * 1')).toMatchObject({ domStar: true, dowStar: false })
    expect(schedule('0 0 1 * ?')).toMatchObject({ domStar: false, dowStar: true })
    expect(schedule('0 0 */1 * */2')).toMatchObject({ domStar: true, dowStar: false })
    expect(schedule('0 0 1-31 * 0-6')).toMatchObject({ domStar: false, dowStar: false })
    expect(schedule('0 0 5,* * 1')).toMatchObject({ domStar: true })
  })

  it('reads the time zone of a TZ= or CRON_TZ= prefix', () => {
    expect(schedule('TZ=Europe/Berlin 0 6 * * *').timezone).toBe('Europe/Berlin')
    expect(schedule('CRON_TZ=Asia/Tokyo 0 6 * * *').timezone).toBe('Asia/Tokyo')
    expect(schedule('0 6 * * *').timezone).toBeUndefined()
  })
})

describe('parseCron rejects what robfig (or the spec) rejects, saying what is right', () => {
  it.each([
    ['', 'it is empty; write five fields (minute hour day-of-month month day-of-week), e.g. "0 6 * * *"'],
    ['   ', 'it is empty'],
    ['0 0 6 * * *', 'it has 6 fields; a schedule has exactly five (minute hour day-of-month month day-of-week), with no seconds field'],
    ['0 6 * *', 'it has 4 fields'],
    ['@daily', 'descriptors such as @daily are not allowed; write the five fields instead: "0 0 * * *"'],
    ['@every 5m', '@every is not allowed'],
    ['@reboot', '"@reboot" is not a cron descriptor'],
    ['60 * * * *', 'minute must be 0-59 (60 is not allowed)'],
    ['* 24 * * *', 'hour must be 0-23 (24 is not allowed)'],
    ['* * 0 * *', 'day of month must be 1-31 (0 is not allowed)'],
    ['* * 32 * *', 'day of month must be 1-31 (32 is not allowed)'],
    ['* * * 13 *', 'month must be 1-12 or JAN-DEC (13 is not allowed)'],
    ['* * * 0 *', 'month must be 1-12 or JAN-DEC (0 is not allowed)'],
    ['* * * * 7', 'day of week must be 0-6 or SUN-SAT (7 is not allowed; use 0 for Sunday)'],
    ['* * * * 1-7', 'day of week must be 0-6 or SUN-SAT (7 is not allowed; use 0 for Sunday)'],
    ['5-1 * * * *', 'minute range "5-1" runs backwards; a range goes from low to high, e.g. "1-5"'],
    ['* * * * FRI-MON', 'day of week range "FRI-MON" runs backwards'],
    ['*/0 * * * *', 'minute step in "*/0" must be 1 or more'],
    ['*/x * * * *', 'minute step "x" in "*/x" must be a whole number'],
    ['* * * JANUARY *', 'month must be 1-12 or JAN-DEC ("JANUARY" is not a number or name)'],
    ['* MON * * *', 'hour must be 0-23 ("MON" is not a number)'],
    ['* * * * SUNDAY', 'day of week must be 0-6 or SUN-SAT ("SUNDAY" is not a number or name)'],
    ['L * * * *', 'minute must be 0-59 ("L" is not a number)'],
    ['* * 15W * *', '"15W" is not a number'],
    ['* * * * 5#2', '"5#2" is not a number'],
    ['-5 * * * *', 'minute must be 0-59 ("-5" is missing a number)'],
    ['1-2-3 * * * *', 'minute "1-2-3" has more than one "-"'],
    ['*/5/2 * * * *', 'minute "*/5/2" has more than one "/"'],
    ['TZ=Foo/Bar 0 6 * * *', 'unknown time zone "Foo/Bar" (use an IANA name such as "Europe/Berlin", "America/New_York" or "UTC")'],
    ['TZ=europe/berlin 0 6 * * *', 'unknown time zone "europe/berlin"'],
    ['TZ=+01:00 0 6 * * *', 'unknown time zone "+01:00"'],
    ['TZ=Europe/Berlin', 'a time zone prefix must be followed by a space and the five fields'],
    ['TZ=Europe/Berlin ', 'it is empty'],
    [' TZ=Europe/Berlin 0 6 * * *', 'it has 6 fields'],
  ])('%j', (expr, says) => {
    expect(error(expr).error).toContain(says)
  })

  it.each([
    ['@daily', '0 0 * * *'],
    ['@midnight', '0 0 * * *'],
    ['@hourly', '0 * * * *'],
    ['@weekly', '0 0 * * 0'],
    ['@monthly', '0 0 1 * *'],
    ['@yearly', '0 0 1 1 *'],
    ['@annually', '0 0 1 1 *'],
    ['TZ=Europe/Berlin @daily', 'TZ=Europe/Berlin 0 0 * * *'],
    ['0 30 6 * * *', '30 6 * * *'],
    ['0 6 * * 7', '0 6 * * 0'],
    ['0 6 * * 1,7', '0 6 * * 1,0'],
    ['0 6 * * 5-7', '0 6 * * 5-6,0'],
    ['0 6 * * 6-7', '0 6 * * 6,0'],
    ['0 0 6 * * 7', '0 6 * * 0'],
  ])('offers %j -> %j', (expr, fix) => {
    expect(error(expr).fix).toBe(fix)
    expect(parseCron(fix).ok).toBe(true)
  })

  it.each(['@every 5m', '*/10 * * * * *', '60 * * * *', '5-1 * * * *', '0 0 6 * * 8', ''])('offers no fix for %j', (expr) => {
    expect(error(expr).fix).toBeUndefined()
  })
})

describe('nextRuns follows robfig SpecSchedule.Next', () => {
  const friday = new Date('2024-03-01T10:00:00Z')

  it('runs daily at 06:00 UTC when there is no time zone', () => {
    expect(iso(nextRuns('0 6 * * *', friday, 3))).toEqual(['2024-03-02T06:00Z', '2024-03-03T06:00Z', '2024-03-04T06:00Z'])
  })

  it('runs strictly after `from`, at second 0', () => {
    expect(iso(nextRuns('0 6 * * *', new Date('2024-03-02T06:00:00Z'), 1))).toEqual(['2024-03-03T06:00Z'])
    expect(iso(nextRuns('0 6 * * *', new Date('2024-03-02T05:59:59.500Z'), 1))).toEqual(['2024-03-02T06:00Z'])
    expect(iso(nextRuns('*/15 * * * *', new Date('2024-03-01T10:07:30Z'), 3))).toEqual(['2024-03-01T10:15Z', '2024-03-01T10:30Z', '2024-03-01T10:45Z'])
  })

  it('runs on a day matching EITHER restricted day field', () => {
    // The 13th (a Wednesday) or any Friday.
    expect(iso(nextRuns('0 0 13 * 5', friday, 4))).toEqual(['2024-03-08T00:00Z', '2024-03-13T00:00Z', '2024-03-15T00:00Z', '2024-03-22T00:00Z'])
  })

  it('runs only on the restricted day field when the other is * or ?', () => {
    expect(iso(nextRuns('0 0 13 * *', friday, 2))).toEqual(['2024-03-13T00:00Z', '2024-04-13T00:00Z'])
    expect(iso(nextRuns('0 0 ? * 5', friday, 2))).toEqual(['2024-03-08T00:00Z', '2024-03-15T00:00Z'])
  })

  it('treats */2 in day of month as restricted, so the OR rule applies', () => {
    // Odd days (1, 3, 5...) or Mondays: Mon 4 March is even but matches by weekday.
    expect(iso(nextRuns('0 0 */2 * 1', friday, 3))).toEqual(['2024-03-03T00:00Z', '2024-03-04T00:00Z', '2024-03-05T00:00Z'])
  })

  it('handles weekday ranges, months and year ends', () => {
    expect(iso(nextRuns('0 9 * * 1-5', friday, 2))).toEqual(['2024-03-04T09:00Z', '2024-03-05T09:00Z'])
    expect(iso(nextRuns('0 2 * * SUN', friday, 2))).toEqual(['2024-03-03T02:00Z', '2024-03-10T02:00Z'])
    expect(iso(nextRuns('30 23 31 12 *', friday, 2))).toEqual(['2024-12-31T23:30Z', '2025-12-31T23:30Z'])
    expect(iso(nextRuns('0 0 1 * *', new Date('2024-12-15T00:00:00Z'), 2))).toEqual(['2025-01-01T00:00Z', '2025-02-01T00:00Z'])
  })

  it('finds 29 February in leap years only', () => {
    expect(iso(nextRuns('0 0 29 2 *', friday, 2))).toEqual(['2028-02-29T00:00Z', '2032-02-29T00:00Z'])
  })

  it('gives up after five years without a run, as robfig does', () => {
    expect(nextRuns('0 0 30 2 *', friday, 3)).toEqual([])
  })

  it('computes times in the TZ zone, skipping a run in a DST gap and repeating one in an overlap', () => {
    expect(iso(nextRuns('TZ=Europe/Berlin 0 6 * * *', friday, 1))).toEqual(['2024-03-02T05:00Z'])
    // 02:30 does not exist in Berlin on 31 March 2024.
    expect(iso(nextRuns('TZ=Europe/Berlin 30 2 * * *', new Date('2024-03-29T00:00:00Z'), 3))).toEqual([
      '2024-03-29T01:30Z',
      '2024-03-30T01:30Z',
      '2024-04-01T00:30Z',
    ])
    // 02:30 happens twice on 27 October 2024.
    expect(iso(nextRuns('CRON_TZ=Europe/Berlin 30 2 * * *', new Date('2024-10-26T12:00:00Z'), 3))).toEqual([
      '2024-10-27T00:30Z',
      '2024-10-27T01:30Z',
      '2024-10-28T01:30Z',
    ])
  })

  it('accepts a parsed schedule as well as text', () => {
    expect(nextRuns(schedule('15 * * * *'), friday, 2)).toEqual(nextRuns('15 * * * *', friday, 2))
  })

  it('gives nothing for an invalid expression, a count of 0 or an invalid date', () => {
    expect(nextRuns('* * * * 7', friday, 3)).toEqual([])
    expect(nextRuns('* * * * *', friday, 0)).toEqual([])
    expect(nextRuns('* * * * *', new Date(NaN), 3)).toEqual([])
  })
})

describe("robfig's reading, rule by rule (spec section 4, item 3)", () => {
  it('empty list items are dropped: 1,,2 is 1,2', () => {
    const s = schedule('1,,2 * * * *')
    expect(sorted(s.minutes)).toEqual([1, 2])
    expect(s.normalized[0]).toBe('1,2')
    expect(s.warnings).toEqual([])
    expect(describeCron('1,,2 6 * * *')).toBe(describeCron('1,2 6 * * *'))
    expect(describeCron(',5, 6 * * *')).toBe(describeCron('5 6 * * *'))
  })

  it('a field of only commas is valid, never fires, and is warned about', () => {
    const s = schedule(', 6 * * *')
    expect(s.minutes.size).toBe(0)
    expect(s.warnings).toEqual([{ code: 'cron-never-fires', message: 'minute "," holds no value, so the schedule never fires' }])
    expect(nextRuns(s, new Date(Date.UTC(2025, 0, 1)), 3)).toEqual([])
    expect(nextRuns(schedule('0 6 ,, * *'), new Date(Date.UTC(2025, 0, 1)), 3)).toEqual([])
    expect(describeCron('0 6 * ,,, *')).toBe('Never: the month field ",,," holds no value')
    // A comma-only day of month with a day of week that is no star: a day matches either field, so it still fires.
    expect(nextRuns(schedule('0 6 , * 1'), new Date(Date.UTC(2025, 0, 1)), 1)).toHaveLength(1)
  })

  it('numbers take a sign as strconv.Atoi does: +5 is 5, a negative step is an error', () => {
    expect(sorted(schedule('+5 * * * *').minutes)).toEqual([5])
    expect(sorted(schedule('1-+3 * * * *').minutes)).toEqual([1, 2, 3])
    expect(sorted(schedule('*/+30 * * * *').minutes)).toEqual([0, 30])
    expect(schedule('+5 * * * *').normalized[0]).toBe('5')
    expect(describeCron('+5 6 * * *')).toBe(describeCron('5 6 * * *'))
    expect(error('*/-5 * * * *').error).toBe('minute step "-5" in "*/-5" must be a whole number of 1 or more')
    expect(error('++5 * * * *').error).toContain('"++5" is not a number')
    expect(error('*/+ * * * *').error).toContain('must be a whole number')
  })

  it('* or ? followed by -... is *, with a warning that the rest is ignored', () => {
    const s = schedule('*-5 * * * *')
    expect(sorted(s.minutes)).toEqual(range(0, 59))
    expect(s.normalized[0]).toBe('*')
    expect(s.warnings).toEqual([{ code: 'cron-ignored-text', message: 'minute "*-5": robfig ignores "-5" after "*", so it reads "*"' }])
    expect(schedule('0 0 ?-x/2 * *').normalized[2]).toBe('*/2')
    expect(describeCron('0 6 *-3 * *')).toBe(describeCron('0 6 * * *'))
    expect(error('5-* * * * *').error).toBe('minute "5-*" mixes "*" into a range; write "*" alone or a range N-M')
  })

  it('a step or number beyond Go int64 is an error; up to it, valid', () => {
    expect(error('*/99999999999999999999 * * * *').error).toBe('minute step "99999999999999999999" in "*/99999999999999999999" is too large: a number above 9223372036854775807 is an error')
    expect(error('99999999999999999999 * * * *').error).toBe('minute must be 0-59 (99999999999999999999 is too large: a number above 9223372036854775807 is an error)')
    expect(sorted(schedule('*/9223372036854775807 * * * *').minutes)).toEqual([0])
    expect(error('*/9223372036854775808 * * * *').error).toContain('too large')
  })

  it('fields are split on Go white space: U+0085 and U+00A0 separate, U+FEFF does not', () => {
    expect(schedule('0\u00856\u00a0*\u3000*\v*').normalized).toEqual(['0', '6', '*', '*', '*'])
    expect(parseCron('\u00a00 6 * * *\u0085').ok).toBe(true)
    expect(error('0 6 * *\ufeff*').error).toBe('it has 4 fields; a schedule has exactly five (minute hour day-of-month month day-of-week)')
    expect(error('\ufeff0 6 * * *').error).toContain('"\ufeff0" is not a number')
  })

  it('names are lowered rune by rune as Go does: FRİ is fri', () => {
    expect(sorted(schedule('0 6 * * FRİ').daysOfWeek)).toEqual([5])
    expect(sorted(schedule('0 6 * * MON-FRİ').daysOfWeek)).toEqual([1, 2, 3, 4, 5])
    expect(describeCron('0 6 * * FRİ')).toBe('At 06:00 AM, only on Friday')
    // The Kelvin sign lowers to k, which no name holds; a dotless ı is no i.
    expect(error('0 6 * * frı').error).toContain('"frı" is not a number or name')
  })

  it('TZ= zones are checked against the pinned IANA database, in exact case', () => {
    for (const zone of ['Europe/Paris', 'US/Pacific', 'Etc/GMT+5', 'EST5EDT', 'Factory', 'GB-Eire', 'UTC', 'Local', '']) {
      expect(parseCron(`TZ=${zone} 0 6 * * *`).ok, zone).toBe(true)
      expect(parseCron(`CRON_TZ=${zone} 0 6 * * *`).ok, zone).toBe(true)
    }
    for (const zone of ['europe/paris', 'Europe/Pariss', 'posix/Europe/Paris', 'UTC+1', 'Etc/Unknown', 'utc', 'local', '../etc/passwd']) {
      expect(error(`TZ=${zone} 0 6 * * *`).error, zone).toBe(`unknown time zone "${zone}" (use an IANA name such as "Europe/Berlin", "America/New_York" or "UTC")`)
    }
    // The zone runs to the first ASCII space: a tab does not end it.
    expect(error('TZ=UTC\t0 6 * * *').error).toContain('unknown time zone "UTC\t0"')
    expect(error('TZ=UTC').error).toContain('must be followed by a space')
  })

  it('a zone Go knows and the browser does not (Factory) is valid, with no run times rather than a crash', () => {
    expect(nextRuns('TZ=Factory 0 6 * * *', new Date(Date.UTC(2025, 0, 1)), 3)).toEqual([])
    expect(describeCron('TZ=Factory 0 6 * * *')).toBe('At 06:00 AM (Factory time)')
  })

  it('the pinned zone list is tzdata 2025b, zones and links', async () => {
    const { TZDATA_VERSION, TZDATA_NAMES } = await import('./tzdata/names')
    expect(TZDATA_VERSION).toBe('2025b')
    expect(TZDATA_NAMES).toContain('America/Los_Angeles')
    expect(TZDATA_NAMES).toContain('US/Pacific')
    expect(TZDATA_NAMES).not.toContain('posixrules')
  })

  it('UTC, Local and the empty zone run in UTC', () => {
    const from = new Date(Date.UTC(2025, 0, 1))
    for (const zone of ['UTC', 'Local', '']) expect(iso(nextRuns(`TZ=${zone} 0 6 * * *`, from, 1))).toEqual(['2025-01-01T06:00Z'])
  })
})

describe('describeCron', () => {
  it.each([
    ['0 6 * * *', 'At 06:00 AM'],
    ['*/15 * * * *', 'Every 15 minutes'],
    ['0 2 * * SUN', 'At 02:00 AM, only on Sunday'],
    ['0 2 * * 0', 'At 02:00 AM, only on Sunday'],
    ['0 2 * * sun', 'At 02:00 AM, only on Sunday'],
    ['0 0 1 * *', 'At 12:00 AM, on day 1 of the month'],
    ['15 * * * *', 'At 15 minutes past the hour'],
    ['0 9 * * 1-5', 'At 09:00 AM, Monday through Friday'],
    ['5/10 * * * *', 'Every 10 minutes, starting at 5 minutes past the hour'],
    ['0 0 1 * 1', 'At 12:00 AM, on day 1 of the month, and on Monday'],
    ['TZ=Europe/Berlin 0 6 * * *', 'At 06:00 AM (Europe/Berlin time)'],
  ])('%j is %j', (expr, words) => {
    expect(describeCron(expr)).toBe(words)
  })

  it('describes ? in any field as *, as robfig reads it', () => {
    expect(describeCron('? ? * * ?')).toBe(describeCron('* * * * *'))
  })

  it('describes a step that yields one value as that value', () => {
    expect(describeCron('0 0 * * 5/2')).toBe('At 12:00 AM, only on Friday')
    expect(describeCron('*/100 6 * * *')).toBe(describeCron('0 6 * * *'))
  })

  it('never throws: an invalid expression gets a plain explanation', () => {
    expect(describeCron('* * * * 7')).toBe('Invalid schedule: day of week must be 0-6 or SUN-SAT (7 is not allowed; use 0 for Sunday)')
    expect(describeCron('')).toMatch(/^Invalid schedule: it is empty/)
    expect(describeCron('@daily')).toMatch(/^Invalid schedule: descriptors/)
  })
})

describe('properties over generated expressions', () => {
  type Bounds = [min: number, max: number, names?: readonly string[]]
  const FIELD_BOUNDS: Bounds[] = [
    [0, 59],
    [0, 23],
    [1, 31],
    [1, 12, ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']],
    [0, 6, ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']],
  ]
  const item = ([min, max, names]: Bounds) => {
    const value = fc.integer({ min, max })
    const written = names ? fc.oneof(value.map(String), value.map((v) => names[v - min])) : value.map(String)
    const range = fc.tuple(value, value).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`)
    const step = fc.integer({ min: 1, max: max + 5 })
    // robfig's lax shapes: a `+` sign, `*-anything`, names in any case (İ lowers to i).
    const lax = fc.oneof(
      value.map((v) => `+${v}`),
      fc.tuple(fc.constantFrom('*', '?'), fc.constantFrom('-5', '-', '-x-y')).map(([s, rest]) => s + rest),
      ...(names ? [value.map((v) => names[v - min].toLowerCase()), value.map((v) => names[v - min].replace('I', 'İ'))] : []),
    )
    return fc.oneof(
      fc.constantFrom('*', '?'),
      lax,
      written,
      range,
      fc.tuple(fc.constantFrom('*', '?'), step).map(([s, n]) => `${s}/${n}`),
      fc.tuple(value, step).map(([v, n]) => `${v}/${n}`),
      fc.tuple(range, step).map(([r, n]) => `${r}/${n}`),
    )
  }
  // Items joined by one comma or more (robfig drops empty items); fields separated by any of Go's white space.
  const separator = fc.constantFrom(',', ',', ',,')
  const space = fc.constantFrom(' ', ' ', '\t', '  ', '\u00a0', '\u0085', '\u3000', '\f')
  const expression = fc
    .tuple(
      ...FIELD_BOUNDS.map((bounds) =>
        fc.tuple(fc.array(item(bounds), { minLength: 1, maxLength: 3 }), separator).map(([items, comma]) => items.join(comma)),
      ),
      fc.array(space, { minLength: 4, maxLength: 4 }),
    )
    .map(([a, b, c, d, e, spaces]) => [a, b, c, d, e].map((field, i) => (i === 0 ? field : spaces[i - 1] + field)).join(''))

  it('every generated robfig expression parses, and cronstrue describes it', () => {
    fc.assert(
      fc.property(expression, (expr) => {
        expect(parseCron(expr).ok).toBe(true)
        const words = describeCron(expr)
        expect(words).not.toMatch(/^(Invalid schedule|On the schedule)/)
        // What robfig ignores or drops is not described: the words are those of its reading.
        expect(words).toBe(describeCron(schedule(expr).normalized.join(' ')))
      }),
      { numRuns: 300 },
    )
  })

  it('every next run matches the schedule and comes later than the one before', () => {
    fc.assert(
      fc.property(expression, fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (expr, start) => {
        const s = schedule(expr)
        const runs = nextRuns(s, new Date(start), 3)
        let previous = start
        for (const run of runs) {
          expect(run.getTime()).toBeGreaterThan(previous)
          expect(run.getUTCSeconds()).toBe(0)
          expect(s.minutes.has(run.getUTCMinutes()) && s.hours.has(run.getUTCHours()) && s.months.has(run.getUTCMonth() + 1)).toBe(true)
          const dom = s.daysOfMonth.has(run.getUTCDate())
          const dow = s.daysOfWeek.has(run.getUTCDay())
          expect(s.domStar || s.dowStar ? dom && dow : dom || dow).toBe(true)
          previous = run.getTime()
        }
      }),
      { numRuns: 200 },
    )
  })
})
