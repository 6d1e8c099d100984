import { describe, expect, it } from 'vitest'
import { describeDuration, describeNanos, formatDuration, parseGoDuration, repairDuration } from './duration'

const S = 1e9
const nanos = (text: string) => {
  const parsed = parseGoDuration(text)
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to be valid: ${parsed.error}`)
  return parsed.nanos
}
const error = (text: string) => {
  const parsed = parseGoDuration(text)
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to be invalid`)
  return parsed.error
}

describe('parseGoDuration accepts what Go time.ParseDuration accepts', () => {
  it.each([
    ['1h30m', 5400 * S],
    ['1.5h', 5400 * S],
    ['300ms', 0.3 * S],
    ['0', 0],
    ['-0', 0],
    ['+0', 0],
    ['0s', 0],
    ['-5s', -5 * S],
    ['+5s', 5 * S],
    ['.5h', 1800 * S],
    ['1.s', 1 * S],
    ['2h45m30.5s', 9930.5 * S],
    ['1µs', 1000],
    ['1μs', 1000],
    ['1us', 1000],
    ['15ns', 15],
    ['1h1h', 7200 * S],
    ['1m.5s', 60.5 * S],
    ['100000h', 100000 * 3600 * S],
    ['0.000000001s', 1],
    ['1.0000000001s', 1 * S],
  ])('%j is %d ns', (text, expected) => {
    expect(nanos(text)).toBe(expected)
  })

  it('accepts the largest magnitudes Go accepts and no more', () => {
    expect(parseGoDuration('9223372036854775807ns').ok).toBe(true)
    expect(parseGoDuration('-9223372036854775808ns').ok).toBe(true)
    expect(error('9223372036854775808ns')).toContain('too long')
    expect(error('2562048h')).toContain('too long')
  })
})

describe('parseGoDuration rejects, saying what is wrong', () => {
  it.each([
    ['1d', '"1d" is not a Go duration: there is no day unit "d" (use hours: 1d is 24h)'],
    ['10', '"10" is not a Go duration: the number needs a unit, one of ns, us, µs, ms, s, m, h (e.g. "10s")'],
    ['1h10', 'the number needs a unit, one of ns, us, µs, ms, s, m, h (e.g. "10s")'],
    ['5 s', 'no spaces are allowed'],
    [' 5s', 'expected a number at " 5s"'],
    ['', '"" is not a Go duration: it is empty'],
    ['h', 'expected a number at "h"'],
    ['1hh', 'unknown unit "hh" (units are ns, us, µs, ms, s, m, h)'],
    ['1H', 'unknown unit "H"'],
    ['5min', 'unknown unit "min" (write "m"'],
    ['-', 'a sign must be followed by a number and a unit'],
    ['.s', 'a number needs at least one digit'],
    ['.', 'a number needs at least one digit'],
    ['1..5s', '"1." is followed by another "." (a number has at most one decimal point)'],
    ['1.', 'the number needs a unit, one of ns, us, µs, ms, s, m, h (e.g. "1s")'],
    ['00', 'needs a unit'],
    ['--5s', 'expected a number at "-5s"'],
    ['1e3s', 'unknown unit "e"'],
  ])('%j', (text, says) => {
    expect(error(text)).toContain(says)
  })
})

describe('repairDuration', () => {
  it.each([
    ['1d', '24h'],
    ['1.5d', '36h'],
    ['1d12h', '36h'],
    ['2 days', '48h'],
    ['5 s', '5s'],
    ['1h 30m', '1h30m'],
    ['2 hours', '2h'],
    ['30min', '30m'],
    ['10 sec', '10s'],
  ])('%j -> %j', (text, repaired) => {
    expect(repairDuration(text)).toBe(repaired)
    expect(parseGoDuration(repaired).ok).toBe(true)
  })

  it.each(['10', '', 'h', '1hh', '5M', 'soon', '30m'])('has no repair for %j', (text) => {
    expect(repairDuration(text)).toBeUndefined()
  })
})

describe('formatDuration', () => {
  it.each([
    [70 * S, '1m10s'],
    [3600 * S, '1h'],
    [5400 * S, '1h30m'],
    [3605 * S, '1h5s'],
    [1.5 * S, '1.5s'],
    [0.3 * S, '300ms'],
    [1500, '1.5µs'],
    [15, '15ns'],
    [0, '0s'],
    [-5 * S, '-5s'],
    [9930.5 * S, '2h45m30.5s'],
    [90 * 3600 * S, '90h'],
  ])('%d ns is %j', (value, text) => {
    expect(formatDuration(value)).toBe(text)
    expect(nanos(text)).toBe(value)
  })
})

describe('describeDuration', () => {
  it.each([
    ['1h30m', '1 hour 30 minutes'],
    ['1.5h', '1 hour 30 minutes'],
    ['2h45m30.5s', '2 hours 45 minutes 30.5 seconds'],
    ['1s', '1 second'],
    ['300ms', '300 milliseconds'],
    ['1µs', '1 microsecond'],
    ['2ns', '2 nanoseconds'],
    ['0', '0 seconds'],
    ['-5s', 'minus 5 seconds'],
    ['48h', '48 hours'],
  ])('%j is %j', (text, words) => {
    expect(describeDuration(text)).toBe(words)
  })

  it('is undefined for an invalid duration', () => {
    expect(describeDuration('1d')).toBeUndefined()
  })

  it('describes nanoseconds directly', () => {
    expect(describeNanos(61 * S)).toBe('1 minute 1 second')
  })
})
