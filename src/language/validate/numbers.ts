/** Checks of the numerals in a `retry { }` block, as Go reads them (numbers.ts). */
import type { NumberProp, Retry, Span } from '../model'
import { floatValue, readInteger } from '../numbers'
import type { Reporter } from './reporter'

export function checkRetryNumbers(retry: Retry, ownerSpan: Span, owner: string, report: Reporter): void {
  if (retry.maxAttempts) checkMaxAttempts(retry.maxAttempts, retry.span ?? ownerSpan, owner, report)
  const multiplier = retry.backoffMultiplier
  if (multiplier && floatValue(multiplier.raw) === undefined) {
    report.error(
      'number-out-of-range',
      `${owner}: backoff_multiplier ${shortNumeral(multiplier.raw)} is beyond the largest float64 (about 1.8e308), which CodeAI rejects`,
      multiplier.valueSpan ?? multiplier.span ?? ownerSpan,
    )
  }
}

function checkMaxAttempts(prop: NumberProp, fallback: Span, owner: string, report: Reporter): void {
  const span = prop.valueSpan ?? prop.span ?? fallback
  const reading = readInteger(prop.raw)
  const write = (value: string) => prop.valueSpan && { title: `Write ${value}`, edits: [{ span: prop.valueSpan, newText: value }] }
  if (!reading.ok && reading.reason === 'octal-digit') {
    const decimal = prop.raw.replace(/^0+/, '')
    report.error(
      'number-invalid',
      `${owner}: max_attempts ${prop.raw} is not a number to CodeAI: a leading 0 makes Go read it as octal, where 8 and 9 are not digits; write ${decimal}`,
      span,
      write(decimal),
    )
  } else if (!reading.ok) {
    report.error(
      'number-out-of-range',
      `${owner}: max_attempts ${shortNumeral(prop.raw)} is above 9223372036854775807, the largest integer CodeAI reads`,
      span,
    )
  } else if (reading.octal) {
    const value = String(reading.value)
    report.warning(
      'number-octal',
      `${owner}: max_attempts ${prop.raw} is octal to CodeAI (a leading 0), so it means ${value}; write ${value}`,
      span,
      write(value),
    )
  }
}

/** A numeral short enough for a message. */
function shortNumeral(raw: string): string {
  return raw.length > 24 ? `${raw.slice(0, 12)}…${raw.slice(-6)} (${raw.replace('.', '').length} digits)` : raw
}
