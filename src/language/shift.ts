/** Moving parsed nodes: what an edit before them does to their spans. */
import type { Comment, Input, InputEntry, Span, Step, StepItem, StringProp } from './model'

function isSpanKey(key: string): boolean {
  return key === 'span' || key === 'valueSpan' || key === 'nameSpan' || key === 'keySpan'
}

/** A deep copy with every span moved by `delta` (empty arrays, holding no span, are shared: the data is immutable). */
export function shifted<T>(value: T, delta: number): T {
  if (delta === 0 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    if (value.length === 0) return value
    const copy = new Array(value.length)
    for (let i = 0; i < value.length; i++) copy[i] = shifted(value[i], delta)
    return copy as T
  }
  const source = value as Record<string, unknown>
  const copy: Record<string, unknown> = {}
  for (const key in source) {
    const field = source[key]
    if (field === null || typeof field !== 'object') copy[key] = field
    else if (isSpanKey(key)) copy[key] = { start: (field as Span).start + delta, end: (field as Span).end + delta }
    else copy[key] = shifted(field, delta)
  }
  return copy as T
}

/*
 * The same for the steps after an edit, written out by node kind: an edit in
 * the middle of a 10,000-step workflow moves 5,000 steps. Literals of the
 * parser's own shapes (build.ts) copy them several times faster than the
 * generic walk above, or than spreads.
 */

const movedSpan = (span: Span, delta: number): Span => ({ start: span.start + delta, end: span.end + delta })

function movedComments(comments: Comment[], delta: number): Comment[] {
  return comments.length === 0 ? comments : comments.map((comment) => ({ ...comment, span: movedSpan(comment.span!, delta) }))
}

function movedProp(prop: StringProp, delta: number): StringProp {
  return {
    leading: movedComments(prop.leading, delta),
    trailing: movedComments(prop.trailing, delta),
    blankBefore: prop.blankBefore,
    value: prop.value,
    span: movedSpan(prop.span!, delta),
    valueSpan: movedSpan(prop.valueSpan!, delta),
  }
}

function movedEntry(entry: InputEntry, delta: number): InputEntry {
  return {
    leading: movedComments(entry.leading, delta),
    trailing: movedComments(entry.trailing, delta),
    blankBefore: entry.blankBefore,
    key: entry.key,
    value: entry.value,
    span: movedSpan(entry.span!, delta),
    keySpan: movedSpan(entry.keySpan!, delta),
    valueSpan: movedSpan(entry.valueSpan!, delta),
  }
}

function movedInput(input: Input, delta: number): Input {
  return {
    kind: 'input',
    leading: movedComments(input.leading, delta),
    trailing: movedComments(input.trailing, delta),
    blankBefore: input.blankBefore,
    openTrailing: movedComments(input.openTrailing, delta),
    inner: movedComments(input.inner, delta),
    entries: input.entries.map((entry) => movedEntry(entry, delta)),
    span: movedSpan(input.span!, delta),
  }
}

function movedStep(step: Step, delta: number): Step {
  const copy: Step = {
    kind: 'step',
    leading: movedComments(step.leading, delta),
    trailing: movedComments(step.trailing, delta),
    blankBefore: step.blankBefore,
    openTrailing: movedComments(step.openTrailing, delta),
    inner: movedComments(step.inner, delta),
    name: step.name,
    span: movedSpan(step.span!, delta),
    nameSpan: movedSpan(step.nameSpan!, delta),
  }
  if (step.activity) copy.activity = movedProp(step.activity, delta)
  if (step.input) copy.input = movedInput(step.input, delta)
  if (step.condition) copy.condition = movedProp(step.condition, delta)
  return copy
}

/** A parsed step or parallel block moved by `delta`: `shifted`, faster. */
export function movedStepItem(item: StepItem, delta: number): StepItem {
  if (delta === 0) return item
  if (item.kind === 'step') return movedStep(item, delta)
  return {
    kind: 'parallel',
    leading: movedComments(item.leading, delta),
    trailing: movedComments(item.trailing, delta),
    blankBefore: item.blankBefore,
    openTrailing: movedComments(item.openTrailing, delta),
    inner: movedComments(item.inner, delta),
    branches: item.branches.map((branch) => movedStep(branch, delta)),
    span: movedSpan(item.span!, delta),
  }
}
