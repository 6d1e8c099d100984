import type { Span } from './model'

/** A `steps.NAME` reference inside an input value or condition. */
export interface StepReference {
  step: string
  /** Offsets of NAME within the string value (not the file). */
  nameStart: number
  nameEnd: number
}

const STEP_REFERENCE = /(?<![A-Za-z0-9_.])steps\.([A-Za-z_][A-Za-z0-9_]*)/g

/** Every `steps.X` reference in a value, in order. */
export function stepReferences(value: string): StepReference[] {
  const found: StepReference[] = []
  for (const match of value.matchAll(STEP_REFERENCE)) {
    const nameStart = match.index + 'steps.'.length
    found.push({ step: match[1], nameStart, nameEnd: nameStart + match[1].length })
  }
  return found
}

/** Rewrites every `steps.OLD` reference in a value to `steps.NEW`; returns the value and how many changed. */
export function renameStepReferences(value: string, from: string, to: string): { value: string; count: number } {
  let count = 0
  const result = value.replace(STEP_REFERENCE, (whole, name: string) => {
    if (name !== from) return whole
    count++
    return `steps.${to}`
  })
  return { value: result, count }
}

/**
 * The file span of a reference, given the span of the string token that holds
 * the value (including its opening quote).
 */
export function referenceSpan(valueSpan: Span, ref: StepReference): Span {
  return { start: valueSpan.start + 1 + ref.nameStart, end: valueSpan.start + 1 + ref.nameEnd }
}
