/**
 * Numerals as CodeAI's Go code reads them (spec section 1): `max_attempts`
 * with strconv.ParseInt(s, 0, 64), where a leading 0 makes the numeral octal
 * (`010` is 8, `08` an error) and a value above 2^63-1 is an error;
 * `backoff_multiplier` with strconv.ParseFloat(s, 64), where a value beyond
 * the largest float64 is an error. The model keeps the numeral as written
 * (`raw`); these give its value.
 */

const INT64_MAX = 9223372036854775807n

export type IntegerReading =
  | { ok: true; value: bigint; octal: boolean }
  | { ok: false; reason: 'octal-digit' | 'out-of-range' }

/** An integer numeral (digits only, as the lexer allows) read by Go's strconv.ParseInt(s, 0, 64). */
export function readInteger(raw: string): IntegerReading {
  const octal = raw.length > 1 && raw.startsWith('0')
  if (octal && /[89]/.test(raw)) return { ok: false, reason: 'octal-digit' }
  const value = BigInt(octal ? `0o${raw.slice(1)}` : raw)
  if (value > INT64_MAX) return { ok: false, reason: 'out-of-range' }
  return { ok: true, value, octal }
}

/**
 * A `max_attempts` numeral's value as CodeAI uses it (`010` is 8), as a
 * JavaScript number (exact up to 2^53, then the nearest double); undefined
 * when CodeAI rejects the numeral.
 */
export function integerValue(raw: string): number | undefined {
  const reading = readInteger(raw)
  return reading.ok ? Number(reading.value) : undefined
}

/** A float numeral read by Go's strconv.ParseFloat(s, 64): undefined when it overflows float64 (an error). */
export function floatValue(raw: string): number | undefined {
  const value = Number(raw)
  return Number.isFinite(value) ? value : undefined
}
