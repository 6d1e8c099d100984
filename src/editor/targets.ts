/**
 * What stands under the cursor for the hover and go-to-definition: a
 * schedule, a duration or a `steps.X` reference. Pure: no Monaco.
 */
import { allSteps } from '../language/locate'
import type { CaiDocument, Retry, Span, StringProp, Workflow } from '../language/model'
import { referenceSpan, stepReferences } from '../language/references'

export type Target =
  | { kind: 'schedule'; value: string; span: Span }
  | { kind: 'duration'; label: string; value: string; span: Span }
  | { kind: 'step-reference'; workflow: Workflow; step: string; span: Span }

const inside = (span: Span | undefined, offset: number): span is Span => !!span && offset >= span.start && offset < span.end

/** The schedule, duration or step reference under the cursor, if any. */
export function targetAt(doc: CaiDocument, offset: number): Target | undefined {
  const item = doc.items.find((candidate) => candidate.span && offset >= candidate.span.start && offset <= candidate.span.end)
  if (item?.kind === 'job') {
    if (item.schedule && inside(item.schedule.valueSpan, offset)) {
      return { kind: 'schedule', value: item.schedule.value, span: item.schedule.valueSpan }
    }
    return retryIntervalAt(item.retry, offset)
  }
  if (item?.kind !== 'workflow') return undefined
  const { trigger, timeout } = item
  if (trigger.type === 'schedule' && trigger.value !== undefined && inside(trigger.valueSpan, offset)) {
    return { kind: 'schedule', value: trigger.value, span: trigger.valueSpan }
  }
  if (timeout && inside(timeout.valueSpan, offset)) return { kind: 'duration', label: 'Timeout', value: timeout.value, span: timeout.valueSpan }
  const interval = retryIntervalAt(item.retry, offset)
  if (interval) return interval
  for (const step of allSteps(item)) {
    const values: StringProp[] = [...(step.input?.entries ?? []), ...(step.condition ? [step.condition] : [])]
    for (const value of values) {
      if (!inside(value.valueSpan, offset)) continue
      for (const ref of stepReferences(value.value)) {
        const name = referenceSpan(value.valueSpan, ref)
        // The whole `steps.NAME` answers, not only NAME.
        const span = { start: name.start - 'steps.'.length, end: name.end }
        if (offset >= span.start && offset <= span.end) return { kind: 'step-reference', workflow: item, step: ref.step, span }
      }
    }
  }
  return undefined
}

function retryIntervalAt(retry: Retry | undefined, offset: number): Target | undefined {
  const interval = retry?.initialInterval
  if (!interval || !inside(interval.valueSpan, offset)) return undefined
  return { kind: 'duration', label: 'Initial retry interval', value: interval.value, span: interval.valueSpan }
}
