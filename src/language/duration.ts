/**
 * Go durations (`time.ParseDuration`), as CodeAI reads `timeout` and
 * `initial_interval`. The parser is a faithful port of Go's, so it accepts
 * exactly what Go accepts: `1.s` and `.5h` are valid, `0` alone needs no unit,
 * the micro sign may be written `µ` (U+00B5) or `μ` (U+03BC), units may repeat
 * (`1h1h`), and magnitudes above 2^63-1 ns are an overflow error.
 */

export type DurationResult = { ok: true; nanos: number } | { ok: false; error: string }

export const NANOS = {
  nanosecond: 1,
  microsecond: 1e3,
  millisecond: 1e6,
  second: 1e9,
  minute: 60e9,
  hour: 3600e9,
} as const

const UNIT_NANOS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n],
  ['\u03bcs', 1_000n],
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
])

export const DURATION_UNITS = 'ns, us, µs, ms, s, m, h'

const MAX_MAGNITUDE = 1n << 63n

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'
}

/** Parses a Go duration; the error says what is wrong in plain words. */
export function parseGoDuration(s: string): DurationResult {
  const quoted = JSON.stringify(s)
  const invalid = (why: string): DurationResult => ({ ok: false, error: `${quoted} is not a Go duration: ${why}` })
  let rest = s
  let negative = false
  if (rest[0] === '-' || rest[0] === '+') {
    negative = rest[0] === '-'
    rest = rest.slice(1)
  }
  if (rest === '0') return { ok: true, nanos: 0 }
  if (rest === '') {
    return invalid(s === '' ? 'it is empty (write e.g. "30s", "5m" or "1h30m")' : 'a sign must be followed by a number and a unit')
  }
  let total = 0n
  let i = 0
  while (i < rest.length) {
    if (!(rest[i] === '.' || isDigit(rest[i]))) {
      return invalid(`expected a number at ${JSON.stringify(rest.slice(i))} (write NUMBER UNIT pairs with no spaces, e.g. "1h30m")`)
    }
    // Integer part, with Go's overflow rule.
    const intStart = i
    let whole = 0n
    while (i < rest.length && isDigit(rest[i])) {
      whole = whole * 10n + BigInt(rest.charCodeAt(i) - 48)
      if (whole > MAX_MAGNITUDE) return invalid('the number is too large')
      i++
    }
    const hasWhole = i > intStart
    // Fraction: digits beyond what fits are ignored, as in Go.
    let fraction = 0n
    let scale = 1
    let hasFraction = false
    if (rest[i] === '.') {
      i++
      const fracStart = i
      let overflow = false
      while (i < rest.length && isDigit(rest[i])) {
        if (!overflow) {
          const next = fraction * 10n + BigInt(rest.charCodeAt(i) - 48)
          if (fraction > (MAX_MAGNITUDE - 1n) / 10n || next > MAX_MAGNITUDE) overflow = true
          else {
            fraction = next
            scale *= 10
          }
        }
        i++
      }
      hasFraction = i > fracStart
    }
    if (!hasWhole && !hasFraction) return invalid('a number needs at least one digit')
    const unitStart = i
    while (i < rest.length && !(rest[i] === '.' || isDigit(rest[i]))) i++
    const unitText = rest.slice(unitStart, i)
    if (unitText === '') {
      const number = rest.slice(intStart, i)
      if (rest[i] === '.') return invalid(`"${number}" is followed by another "." (a number has at most one decimal point)`)
      return invalid(`the number needs a unit, one of ${DURATION_UNITS} (e.g. "${number.replace(/\.$/, '')}s")`)
    }
    const unit = UNIT_NANOS.get(unitText)
    if (unit === undefined) return invalid(unknownUnitReason(unitText))
    let value = whole * unit
    if (whole > MAX_MAGNITUDE / unit) return invalid('the duration is too long')
    if (fraction > 0n) {
      // Go computes the fractional part in float64 (nanosecond-accurate up to hours).
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)))
      if (value > MAX_MAGNITUDE) return invalid('the duration is too long')
    }
    total += value
    if (total > MAX_MAGNITUDE) return invalid('the duration is too long')
  }
  if (!negative && total > MAX_MAGNITUDE - 1n) return invalid('the duration is too long')
  const nanos = Number(total)
  return { ok: true, nanos: negative ? -nanos : nanos }
}

function unknownUnitReason(unit: string): string {
  if (/^\s/.test(unit) || /\s$/.test(unit)) return `no spaces are allowed (units are ${DURATION_UNITS})`
  const alias = UNIT_ALIASES.get(unit.toLowerCase())
  if (alias === 'day') return `there is no day unit "${unit}" (use hours: 1d is 24h)`
  if (alias) return `unknown unit "${unit}" (write "${alias}"; units are ${DURATION_UNITS})`
  return `unknown unit "${unit}" (units are ${DURATION_UNITS})`
}

/** Common ways of writing a unit that Go does not accept, mapped to Go's unit ('day' has none). */
const UNIT_ALIASES: ReadonlyMap<string, string> = new Map([
  ['d', 'day'], ['day', 'day'], ['days', 'day'],
  ['hr', 'h'], ['hrs', 'h'], ['hour', 'h'], ['hours', 'h'],
  ['min', 'm'], ['mins', 'm'], ['minute', 'm'], ['minutes', 'm'],
  ['sec', 's'], ['secs', 's'], ['second', 's'], ['seconds', 's'],
  ['msec', 'ms'], ['msecs', 'ms'], ['millisecond', 'ms'], ['milliseconds', 'ms'],
])

/**
 * The obvious repair of an invalid duration, or undefined when there is none:
 * spaces removed, days turned into hours, spelled-out units shortened
 * (`1d` -> `24h`, `5 s` -> `5s`, `2 hours` -> `2h`, `1d12h` -> `36h`).
 */
export function repairDuration(s: string): string | undefined {
  if (parseGoDuration(s).ok) return undefined
  const compact = s.replace(/\s+/g, '')
  let usedDays = false
  let unknown = false
  const rewritten = compact.replace(/([a-zA-Z]+)/g, (unit: string) => {
    if (UNIT_NANOS.has(unit)) return unit
    const alias = UNIT_ALIASES.get(unit.toLowerCase())
    if (!alias) {
      unknown = true
      return unit
    }
    if (alias === 'day') {
      usedDays = true
      return 'D'
    }
    return alias
  })
  if (unknown) return undefined
  const hoursOnly = usedDays ? rewritten.replace(/([0-9]*\.?[0-9]*)D/g, (_whole, n: string) => (n === '' ? 'D' : `${Number(n) * 24}h`)) : rewritten
  const parsed = parseGoDuration(hoursOnly)
  if (!parsed.ok) return undefined
  // Keep the user's spelling when only spaces or unit names changed; normalise when days were folded into hours.
  return usedDays ? formatDuration(parsed.nanos) : hoursOnly
}

/**
 * A duration in Go syntax, like Go's Duration.String but without zero
 * components: `1m10s`, `1h`, `1h30m`, `1.5s`, `300ms`, `2µs`, `0s`, `-5s`.
 * Every result parses back with parseGoDuration.
 */
export function formatDuration(nanos: number): string {
  if (!Number.isFinite(nanos)) return nanos < 0 ? '-∞' : '∞'
  const rounded = Math.round(nanos)
  if (rounded === 0) return '0s'
  const sign = rounded < 0 ? '-' : ''
  const magnitude = Math.abs(rounded)
  if (magnitude < NANOS.microsecond) return `${sign}${magnitude}ns`
  if (magnitude < NANOS.millisecond) return `${sign}${decimal(magnitude, NANOS.microsecond)}µs`
  if (magnitude < NANOS.second) return `${sign}${decimal(magnitude, NANOS.millisecond)}ms`
  const hours = Math.floor(magnitude / NANOS.hour)
  const minutes = Math.floor((magnitude % NANOS.hour) / NANOS.minute)
  const secondsNanos = magnitude % NANOS.minute
  let text = sign
  if (hours > 0) text += `${hours}h`
  if (minutes > 0) text += `${minutes}m`
  if (secondsNanos > 0) text += `${decimal(secondsNanos, NANOS.second)}s`
  return text
}

/** `value / unit` (both whole nanoseconds, unit dividing 1e9) as a decimal, trailing zeros dropped. */
function decimal(value: number, unit: number): string {
  const whole = Math.floor(value / unit)
  const rest = value - whole * unit
  if (rest === 0) return String(whole)
  const digits = String(rest * (1e9 / unit)).padStart(9, '0').replace(/0+$/, '')
  return `${whole}.${digits}`
}

/** A valid Go duration in words ("1 hour 30 minutes"), or undefined when it is not valid. */
export function describeDuration(s: string): string | undefined {
  const parsed = parseGoDuration(s)
  return parsed.ok ? describeNanos(parsed.nanos) : undefined
}

/** Nanoseconds in words: "1 hour 30 minutes", "2.5 seconds", "300 milliseconds", "minus 5 seconds". */
export function describeNanos(nanos: number): string {
  if (!Number.isFinite(nanos)) return 'forever'
  const rounded = Math.round(nanos)
  if (rounded === 0) return '0 seconds'
  const prefix = rounded < 0 ? 'minus ' : ''
  const magnitude = Math.abs(rounded)
  if (magnitude < NANOS.microsecond) return prefix + plural(String(magnitude), 'nanosecond')
  if (magnitude < NANOS.millisecond) return prefix + plural(decimal(magnitude, NANOS.microsecond), 'microsecond')
  if (magnitude < NANOS.second) return prefix + plural(decimal(magnitude, NANOS.millisecond), 'millisecond')
  const hours = Math.floor(magnitude / NANOS.hour)
  const minutes = Math.floor((magnitude % NANOS.hour) / NANOS.minute)
  const secondsNanos = magnitude % NANOS.minute
  const parts: string[] = []
  if (hours > 0) parts.push(plural(String(hours), 'hour'))
  if (minutes > 0) parts.push(plural(String(minutes), 'minute'))
  if (secondsNanos > 0) parts.push(plural(decimal(secondsNanos, NANOS.second), 'second'))
  return prefix + parts.join(' ')
}

function plural(count: string, unit: string): string {
  return `${count} ${unit}${count === '1' ? '' : 's'}`
}
