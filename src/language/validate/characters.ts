/**
 * Control characters inside strings (issue 14): CodeAI's lexer takes any
 * character but `"` in a string, so `activity "svc.do<U+0000>it"` is valid;
 * but the character is invisible, and XML (SVG exports) cannot hold most of
 * them. The designer warns: C0 controls other than tab, line feed and
 * carriage return, DEL, and C1 controls.
 */
import type { Job, Span, Step, StringProp, Workflow } from '../model'
import type { Reporter } from './reporter'

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

interface Held {
  value: string
  valueSpan?: Span
  span?: Span
}

/** Calls `visit` with every string value a declaration holds, in text order (no list: 40,000 of them at 10,000 steps). */
function eachString(item: Workflow | Job, visit: (held: Held) => void): void {
  const add = (prop: Held | undefined) => {
    if (prop && prop.value !== undefined) visit(prop)
  }
  if (item.kind === 'workflow') {
    if (item.trigger.value !== undefined) add(item.trigger as Held)
    add(item.timeout)
    const addStep = (step: Step) => {
      add(step.activity)
      if (step.input) for (const input of step.input.entries) add(input)
      add(step.condition)
    }
    for (const entry of item.steps.items) {
      if (entry.kind === 'parallel') entry.branches.forEach(addStep)
      else addStep(entry)
    }
  } else {
    add(item.schedule)
    add(item.task)
    add(item.queue)
  }
  add(item.retry?.initialInterval as StringProp | undefined)
}

/** A code point as messages write it: U+0000. */
function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

export function checkControlCharacters(item: Workflow | Job, ownerSpan: Span, owner: string, report: Reporter): void {
  eachString(item, (held) => {
    // Most strings hold none: one test each.
    const match = CONTROL.exec(held.value)
    if (!match) return
    const others = (held.value.match(CONTROLS)?.length ?? 1) - 1
    const more = others > 0 ? ` (and ${others} more)` : ''
    const at = held.valueSpan ? held.valueSpan.start + 1 + match.index : undefined
    const span = at === undefined ? (held.span ?? ownerSpan) : { start: at, end: at + 1 }
    const cleaned = held.value.replace(CONTROLS, '')
    report.warning(
      'string-control-character',
      `${owner}: a string holds the control character ${codePoint(match[0])}${more}; CodeAI accepts it, but it is invisible and cannot be exported to SVG; remove it`,
      span,
      held.valueSpan && { title: 'Remove the control characters', edits: [{ span: held.valueSpan, newText: `"${cleaned}"` }] },
    )
  })
}
