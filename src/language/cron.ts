/**
 * Cron schedules as CodeAI reads them: robfig/cron v3's standard parser,
 * limited by the spec to the five fields minute, hour, day of month, month,
 * day of week (no seconds field, no `@` descriptors), with an optional
 * `TZ=Zone ` or `CRON_TZ=Zone ` prefix. This follows robfig's code rule by
 * rule (spec section 4, item 3), not a tidier grammar:
 * - fields are split on Go's unicode.IsSpace (U+0085 and U+00A0 separate,
 *   U+FEFF does not: not JavaScript's `\s`);
 * - empty list items are dropped (`1,,2` is `1,2`); a field of only commas
 *   matches nothing, so the schedule never fires (valid, with a warning);
 * - `*` or `?` followed by `-...` is `*` (valid, with a warning);
 * - numbers are read by Go's strconv.Atoi (a sign, `+5` is 5; beyond int64
 *   an error); names are lowered rune by rune as Go's strings.ToLower does.
 *
 * A time zone is accepted when Go's `time.LoadLocation` would load it: `UTC`,
 * `Local` or the empty name, or a zone or link name of the IANA time zone
 * database in exact case, checked against the pinned list in tzdata/names.ts
 * (not the browser's Intl data, which differs from Go's in both directions).
 */
import cronstrue from 'cronstrue'
import { TZDATA_NAMES } from './tzdata/names'

export interface CronSchedule {
  minutes: ReadonlySet<number>
  hours: ReadonlySet<number>
  daysOfMonth: ReadonlySet<number>
  /** 1-12 */
  months: ReadonlySet<number>
  /** 0-6, 0 = Sunday */
  daysOfWeek: ReadonlySet<number>
  /**
   * robfig's "star bit": the day field was written `*` or `?` (without a step
   * above 1). When either day field is a star a day must match both fields;
   * when neither is, a day matches if either field matches.
   */
  domStar: boolean
  dowStar: boolean
  /** The zone named by a `TZ=`/`CRON_TZ=` prefix, if any. */
  timezone?: string
  /** The five fields as written, without the prefix. */
  fields: readonly string[]
  /** The five fields as robfig reads them: empty items dropped, `*-5` as `*`, numbers in decimal, names as numbers. */
  normalized: readonly string[]
  /** What robfig accepts but almost certainly is a mistake (a field that matches nothing, an ignored `-...`). */
  warnings: readonly CronWarning[]
}

export interface CronWarning {
  code: 'cron-never-fires' | 'cron-ignored-text'
  message: string
}

export type CronResult =
  | { ok: true; schedule: CronSchedule }
  | {
      ok: false
      /** What is wrong and what would be right, without the expression itself. */
      error: string
      /** The whole expression repaired, prefix included, when the repair is obvious. */
      fix?: string
    }

interface FieldSpec {
  label: string
  min: number
  max: number
  names?: readonly string[]
  /** The allowed values in words, e.g. "0-6 or SUN-SAT". */
  allowed: string
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

const FIELDS: readonly FieldSpec[] = [
  { label: 'minute', min: 0, max: 59, allowed: '0-59' },
  { label: 'hour', min: 0, max: 23, allowed: '0-23' },
  { label: 'day of month', min: 1, max: 31, allowed: '1-31' },
  { label: 'month', min: 1, max: 12, names: MONTH_NAMES, allowed: '1-12 or JAN-DEC' },
  { label: 'day of week', min: 0, max: 6, names: DAY_NAMES, allowed: '0-6 or SUN-SAT' },
]

/** robfig's descriptors and the five fields each stands for. */
export const CRON_DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
}

const FIELD_ORDER = 'minute hour day-of-month month day-of-week'

// ---------------------------------------------------------------------------
// Go's reading of text

/** Go's unicode.IsSpace: JavaScript's `\s` without U+FEFF, with U+0085. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

/** Go's strings.Fields. */
function goFields(text: string): string[] {
  return text.split(GO_SPACE).filter((field) => field !== '')
}

/** Go's strings.TrimSpace. */
function trimGoSpaceEnds(text: string): string {
  return text.replace(LEADING_GO_SPACE, '').replace(TRAILING_GO_SPACE, '')
}

const LEADING_GO_SPACE = new RegExp(`^${GO_SPACE.source}`)
const TRAILING_GO_SPACE = new RegExp(`${GO_SPACE.source}$`)

/** Go's strings.ToLower: each rune by its simple lower-case mapping (`İ` is `i`, never `i̇`). */
function goToLower(text: string): string {
  let lowered = ''
  for (const rune of text) {
    if (rune === '\u0130') lowered += 'i'
    else {
      const lower = rune.toLowerCase()
      lowered += [...lower].length === 1 ? lower : rune
    }
  }
  return lowered
}

const INT64_MAX = 9223372036854775807n
const INT64_MIN = -9223372036854775808n

/** Go's strconv.Atoi on a 64-bit machine: an optional sign, then decimal digits; undefined when it fails. */
function goAtoi(text: string): { value: number; big: bigint } | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined
  const big = BigInt(text)
  if (big > INT64_MAX || big < INT64_MIN) return undefined
  return { value: Number(big), big }
}

// ---------------------------------------------------------------------------
// Parsing

type Attempt = { ok: true; schedule: CronSchedule } | { ok: false; error: string; repaired?: string }

export function parseCron(expr: string): CronResult {
  const first = parseOnce(expr)
  if (first.ok) return first
  // A repair may uncover the next problem (`0 0 6 * * 7`); follow a short chain of obvious repairs.
  let candidate = first.repaired
  for (let round = 0; candidate !== undefined && round < 3; round++) {
    const next = parseOnce(candidate)
    if (next.ok) return { ok: false, error: first.error, fix: candidate }
    candidate = next.repaired
  }
  return { ok: false, error: first.error }
}

function parseOnce(expr: string): Attempt {
  let spec = expr
  let prefix = ''
  let timezone: string | undefined
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    // robfig takes the zone up to the first ASCII space (a tab does not end it), and crashes when there is none.
    const space = spec.indexOf(' ')
    if (space < 0) return { ok: false, error: 'a time zone prefix must be followed by a space and the five fields, e.g. "TZ=Europe/Berlin 0 6 * * *"' }
    timezone = spec.slice(spec.indexOf('=') + 1, space)
    if (!isLoadableTimeZone(timezone)) {
      return { ok: false, error: `unknown time zone "${timezone}" (use an IANA name such as "Europe/Berlin", "America/New_York" or "UTC")` }
    }
    prefix = spec.slice(0, space + 1)
    spec = trimGoSpaceEnds(spec.slice(space))
  }
  const fields = goFields(spec)
  if (fields.length === 0) {
    return { ok: false, error: `it is empty; write five fields (${FIELD_ORDER}), e.g. "0 6 * * *"` }
  }
  if (fields[0].startsWith('@')) return descriptorError(trimGoSpaceEnds(spec), prefix)
  if (fields.length !== 5) return fieldCountError(fields, prefix)

  const sets: Set<number>[] = []
  const stars: boolean[] = []
  const normalized: string[] = []
  const warnings: CronWarning[] = []
  for (let index = 0; index < 5; index++) {
    const parsed = parseField(fields[index], FIELDS[index])
    if (typeof parsed === 'string') {
      const repairedField = index === 4 ? repairDayOfWeek(fields[index]) : undefined
      const repaired = repairedField === undefined ? undefined : prefix + fields.map((f, i) => (i === index ? repairedField : f)).join(' ')
      return { ok: false, error: parsed, repaired }
    }
    sets.push(parsed.values)
    stars.push(parsed.star)
    normalized.push(parsed.normalized)
    warnings.push(...parsed.warnings)
  }
  return {
    ok: true,
    schedule: {
      minutes: sets[0],
      hours: sets[1],
      daysOfMonth: sets[2],
      months: sets[3],
      daysOfWeek: sets[4],
      domStar: stars[2],
      dowStar: stars[4],
      timezone,
      fields,
      normalized,
      warnings,
    },
  }
}

function descriptorError(spec: string, prefix: string): Attempt {
  const word = goFields(spec)[0]
  const expansion = CRON_DESCRIPTORS[spec]
  if (expansion !== undefined) {
    return {
      ok: false,
      error: `descriptors such as ${word} are not allowed; write the five fields instead: "${expansion}"`,
      repaired: prefix + expansion,
    }
  }
  if (word === '@every') {
    return {
      ok: false,
      error: `@every is not allowed; write five fields (${FIELD_ORDER}), e.g. "*/5 * * * *" for every 5 minutes`,
    }
  }
  return { ok: false, error: `"${word}" is not a cron descriptor, and descriptors are not allowed anyway; write five fields (${FIELD_ORDER}), e.g. "0 6 * * *"` }
}

function fieldCountError(fields: string[], prefix: string): Attempt {
  const count = fields.length
  const counted = `it has ${count} field${count === 1 ? '' : 's'}; a schedule has exactly five (${FIELD_ORDER})`
  if (count === 6) {
    return {
      ok: false,
      error: `${counted}, with no seconds field`,
      // A leading `0` is a seconds field (Quartz or cron-with-seconds style): dropping it keeps the meaning.
      repaired: fields[0] === '0' ? prefix + fields.slice(1).join(' ') : undefined,
    }
  }
  return { ok: false, error: counted }
}

interface ParsedField {
  values: Set<number>
  star: boolean
  normalized: string
  warnings: CronWarning[]
}

/** A field's values, star bit and robfig's reading of it, or an error message. Empty list items are dropped, as robfig's strings.FieldsFunc does. */
function parseField(field: string, spec: FieldSpec): ParsedField | string {
  const values = new Set<number>()
  let star = false
  const items: string[] = []
  const warnings: CronWarning[] = []
  for (const item of field.split(',')) {
    if (item === '') continue
    const parsed = parseItem(item, spec)
    if (typeof parsed === 'string') return parsed
    for (let value = parsed.start; value <= parsed.end; value += parsed.step) values.add(value)
    star ||= parsed.star
    items.push(parsed.normalized)
    if (parsed.ignored !== undefined) {
      const message = `${spec.label} "${item}": robfig ignores "${parsed.ignored}" after "${item[0]}", so it reads "${parsed.normalized}"`
      warnings.push({ code: 'cron-ignored-text', message })
    }
  }
  if (items.length === 0) warnings.push({ code: 'cron-never-fires', message: `${spec.label} "${field}" holds no value, so the schedule never fires` })
  // A field that matches nothing is written for the describer as an impossible but readable value; nextRuns sees the empty set.
  return { values, star, normalized: items.join(','), warnings }
}

interface ParsedItem {
  start: number
  end: number
  step: number
  star: boolean
  /** robfig's reading in plain numbers: `*`, `*\/5`, `3`, `1-5`, `3/10`, `1-5/2`. */
  normalized: string
  /** The text after `*-` or `?-` that robfig ignores. */
  ignored?: string
}

/** One list item, as robfig's getRange reads it. */
function parseItem(item: string, spec: FieldSpec): ParsedItem | string {
  const mustBe = (why: string) => `${spec.label} must be ${spec.allowed} (${why})`
  const slashParts = item.split('/')
  const [range, stepText] = slashParts
  const rangeParts = range.split('-')
  let start: number
  let end: number
  let star = false
  let ignored: string | undefined
  if (rangeParts[0] === '*' || rangeParts[0] === '?') {
    start = spec.min
    end = spec.max
    star = true
    if (rangeParts.length > 1) ignored = range.slice(1)
  } else {
    if (rangeParts.length > 2) return `${spec.label} "${item}" has more than one "-"; a range is N-M, e.g. "1-5"`
    const numbers: number[] = []
    for (const part of rangeParts) {
      if (part === '*' || part === '?') return `${spec.label} "${item}" mixes "*" into a range; write "*" alone or a range N-M`
      if (part === '') return `${spec.label} must be ${spec.allowed} ("${item}" is missing a number)`
      const value = parseValue(part, spec)
      if (typeof value === 'string') return value
      numbers.push(value)
    }
    start = numbers[0]
    end = numbers.length === 2 ? numbers[1] : start
  }
  let step = 1
  if (slashParts.length > 2) return `${spec.label} "${item}" has more than one "/"; write RANGE/STEP, e.g. "*/15"`
  if (stepText !== undefined) {
    const parsed = goAtoi(stepText)
    if (parsed === undefined) {
      return /^[+-]?[0-9]+$/.test(stepText)
        ? `${spec.label} step "${stepText}" in "${item}" is too large: a number above 9223372036854775807 is an error`
        : `${spec.label} step "${stepText}" in "${item}" must be a whole number of 1 or more`
    }
    if (parsed.value < 0) return `${spec.label} step "${stepText}" in "${item}" must be a whole number of 1 or more`
    step = parsed.value
    // "N/STEP" runs from N to the field's maximum.
    if (rangeParts.length === 1) end = spec.max
    if (step > 1) star = false
  }
  const dayOfWeekHint = spec.label === 'day of week' ? '; use 0 for Sunday' : ''
  if (start < spec.min || start > spec.max) return mustBe(`${rangeParts[0]} is not allowed${start === 7 ? dayOfWeekHint : ''}`)
  if (end > spec.max) return mustBe(`${rangeParts[1] ?? end} is not allowed${end === 7 ? dayOfWeekHint : ''}`)
  if (start > end) {
    return `${spec.label} range "${range}" runs backwards; a range goes from low to high, e.g. "${rangeParts[1]}-${rangeParts[0]}"`
  }
  if (step === 0) return `${spec.label} step in "${item}" must be 1 or more`
  const written = rangeParts[0] === '*' || rangeParts[0] === '?' ? '*' : rangeParts.length === 2 ? `${start}-${end}` : String(start)
  const normalized = stepText === undefined ? written : `${written}/${step}`
  return { start, end, step, star, normalized, ...(ignored !== undefined && { ignored }) }
}

/** A number (Go's strconv.Atoi, not negative) or, in the month and day-of-week fields, a name; else the error. */
function parseValue(text: string, spec: FieldSpec): number | string {
  const index = spec.names?.indexOf(goToLower(text)) ?? -1
  if (index >= 0) return spec.names === MONTH_NAMES ? index + 1 : index
  const mustBe = (why: string) => `${spec.label} must be ${spec.allowed} (${why})`
  const parsed = goAtoi(text)
  if (parsed === undefined) {
    return /^[+-]?[0-9]+$/.test(text)
      ? mustBe(`${text} is too large: a number above 9223372036854775807 is an error`)
      : mustBe(`"${text}" is not a ${spec.names ? 'number or name' : 'number'}`)
  }
  if (parsed.value < 0) return mustBe(`${text} is negative`)
  return parsed.value
}

/** Day of week 7 (Sunday in some crons) becomes 0: `7` -> `0`, `5-7` -> `5-6,0`. */
function repairDayOfWeek(field: string): string | undefined {
  let changed = false
  const items = field.split(',').map((item) => {
    if (item === '7') {
      changed = true
      return '0'
    }
    const range = /^([0-6])-7$/.exec(item)
    if (!range) return item
    changed = true
    return range[1] === '6' ? '6,0' : `${range[1]}-6,0`
  })
  return changed ? items.join(',') : undefined
}

// ---------------------------------------------------------------------------
// Time zones

const TZDATA = new Set(TZDATA_NAMES)

/** Go's time.LoadLocation: `UTC`, `Local`, the empty name, or a name of the pinned time zone database, in exact case. */
export function isLoadableTimeZone(name: string): boolean {
  return name === '' || name === 'UTC' || name === 'Local' || TZDATA.has(name)
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  weekday: number
}

/** Go's time.Time operations that robfig's Next uses, in one zone. */
interface Zone {
  wall(ms: number): WallClock
  /** Go's time.Date: normalises overflowing fields; in a DST gap or overlap picks the offset as Go does. */
  date(year: number, month: number, day: number, hour: number, minute: number, second: number): number
}

const UTC_ZONE: Zone = {
  wall(ms) {
    const d = new Date(ms)
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      weekday: d.getUTCDay(),
    }
  },
  date: (year, month, day, hour, minute, second) => Date.UTC(year, month - 1, day, hour, minute, second),
}

const zones = new Map<string, Zone | undefined>()

/** The zone's clock, or undefined when the browser's Intl data lacks a zone Go knows (then no run times can be shown). */
function zoneNamed(name: string | undefined): Zone | undefined {
  if (name === undefined || name === '' || name === 'UTC' || name === 'Local') return UTC_ZONE
  if (!zones.has(name)) {
    let zone: Zone | undefined
    try {
      zone = intlZone(name)
    } catch {
      zone = undefined
    }
    zones.set(name, zone)
  }
  return zones.get(name)
}

function intlZone(timeZone: string): Zone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  const wall = (ms: number): WallClock => {
    const parts: Record<string, number> = {}
    for (const part of format.formatToParts(ms)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value)
    }
    const { year, month, day, hour, minute, second } = parts
    return { year, month, day, hour, minute, second, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() }
  }
  const offsetAt = (ms: number): number => {
    const w = wall(ms)
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000
  }
  return {
    wall,
    date(year, month, day, hour, minute, second) {
      const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
      return asUtc - offsetAt(asUtc - offsetAt(asUtc))
    },
  }
}

// ---------------------------------------------------------------------------
// Next runs

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const LATEST_START = 8.64e15 - 10 * 366 * 24 * HOUR

/**
 * The next `count` run times strictly after `from`, as robfig's
 * SpecSchedule.Next computes them: in the schedule's TZ zone when it has one,
 * otherwise in UTC (robfig uses the server's local zone, which the designer
 * cannot know). DST gaps skip a run and overlaps may repeat one, as in robfig.
 * Returns fewer dates when no run exists within five years (e.g. `0 0 30 2 *`),
 * and none for an invalid expression.
 */
export function nextRuns(expr: string | CronSchedule, from: Date, count: number): Date[] {
  let schedule: CronSchedule
  if (typeof expr === 'string') {
    const parsed = parseCron(expr)
    if (!parsed.ok) return []
    schedule = parsed.schedule
  } else {
    schedule = expr
  }
  const zone = zoneNamed(schedule.timezone)
  const runs: Date[] = []
  if (!zone || neverFires(schedule)) return runs
  let at = from.getTime()
  // Beyond this, five years of searching would leave the range of JavaScript dates.
  if (!(Math.abs(at) < LATEST_START)) return runs
  while (runs.length < count) {
    const next = nextAfter(schedule, zone, at)
    if (next === undefined) break
    runs.push(new Date(next))
    at = next
  }
  return runs
}

/** A field that matches nothing (`,`), or day fields that can never both or either match: no run ever. */
export function neverFires(schedule: CronSchedule): boolean {
  if (schedule.minutes.size === 0 || schedule.hours.size === 0 || schedule.months.size === 0) return true
  const noDom = schedule.daysOfMonth.size === 0
  const noDow = schedule.daysOfWeek.size === 0
  return schedule.domStar || schedule.dowStar ? noDom || noDow : noDom && noDow
}

function dayMatches(schedule: CronSchedule, w: WallClock): boolean {
  const domMatch = schedule.daysOfMonth.has(w.day)
  const dowMatch = schedule.daysOfWeek.has(w.weekday)
  if (schedule.domStar || schedule.dowStar) return domMatch && dowMatch
  return domMatch || dowMatch
}

/** A port of robfig/cron v3 SpecSchedule.Next (seconds field fixed at 0). */
function nextAfter(schedule: CronSchedule, zone: Zone, fromMs: number): number | undefined {
  // Start at the next whole second.
  let t = Math.floor(fromMs / SECOND) * SECOND + SECOND
  let added = false
  const yearLimit = zone.wall(t).year + 5

  wrap: for (;;) {
    let w = zone.wall(t)
    if (w.year > yearLimit) return undefined

    while (!schedule.months.has(w.month)) {
      if (!added) {
        added = true
        t = zone.date(w.year, w.month, 1, 0, 0, 0)
        w = zone.wall(t)
      }
      t = zone.date(w.year, w.month + 1, w.day, w.hour, w.minute, w.second)
      w = zone.wall(t)
      if (w.month === 1) continue wrap
    }

    while (!dayMatches(schedule, w)) {
      if (!added) {
        added = true
        t = zone.date(w.year, w.month, w.day, 0, 0, 0)
        w = zone.wall(t)
      }
      t = zone.date(w.year, w.month, w.day + 1, w.hour, w.minute, w.second)
      w = zone.wall(t)
      // A DST change can move midnight: step back to it.
      if (w.hour !== 0) {
        t += w.hour > 12 ? (24 - w.hour) * HOUR : -w.hour * HOUR
        w = zone.wall(t)
      }
      if (w.day === 1) continue wrap
    }

    while (!schedule.hours.has(w.hour)) {
      if (!added) {
        added = true
        t = zone.date(w.year, w.month, w.day, w.hour, 0, 0)
      }
      t += HOUR
      w = zone.wall(t)
      if (w.hour === 0) continue wrap
    }

    while (!schedule.minutes.has(w.minute)) {
      if (!added) {
        added = true
        t -= mod(t, MINUTE)
      }
      t += MINUTE
      w = zone.wall(t)
      if (w.minute === 0) continue wrap
    }

    while (w.second !== 0) {
      if (!added) {
        added = true
        t -= mod(t, SECOND)
      }
      t += SECOND
      w = zone.wall(t)
      if (w.second === 0) continue wrap
    }
    return t
  }
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b
}

// ---------------------------------------------------------------------------
// In words

/**
 * The schedule in words, e.g. "At 06:00 AM" or "At 06:00 AM, only on Sunday
 * (Europe/Berlin time)", from robfig's reading of the fields (what it
 * ignores is not described). Never throws: an invalid expression gives
 * "Invalid schedule: <why>".
 */
export function describeCron(expr: string): string {
  const parsed = parseCron(expr)
  if (!parsed.ok) return `Invalid schedule: ${parsed.error}`
  const { schedule } = parsed
  const zone = schedule.timezone ? ` (${schedule.timezone} time)` : ''
  const empty = schedule.normalized.findIndex((field) => field === '')
  if (empty >= 0) return `Never: the ${FIELDS[empty].label} field "${schedule.fields[empty]}" holds no value`
  const forCronstrue = schedule.normalized.map((field, index) => describableField(field, FIELDS[index])).join(' ')
  try {
    return cronstrue.toString(forCronstrue, { throwExceptionOnParseError: true, dayOfWeekStartIndexZero: true }) + zone
  } catch {
    return `On the schedule "${schedule.normalized.join(' ')}"${zone}`
  }
}

/** Rewrites a normalized field so that cronstrue reads it as robfig does: a stepped item that yields one value (`*\/100`, `5/2` in day of week) is that value. */
function describableField(field: string, spec: FieldSpec): string {
  return field
    .split(',')
    .map((item) => {
      if (!item.includes('/')) return item
      const parsed = parseItem(item, spec)
      if (typeof parsed === 'string' || parsed.start + parsed.step <= parsed.end) return item
      return String(parsed.start)
    })
    .join(',')
}
