/**
 * Which canvas node a diagnostic belongs to, by span containment: a step whose
 * span holds the diagnostic's span; else the parallel block holding it; else
 * the trigger; else the timeout or retry policy (shown on the end node); else
 * the workflow as a whole (shown on the trigger).
 */
import { entryIndexAt } from '../language/locate'
import type { Diagnostic, Parallel, Severity, Span, Step, StepItem, Workflow } from '../language/model'

export type DiagnosticTarget = Step | Parallel | 'trigger' | 'end'

export interface NodeDiagnostics {
  /** The most severe severity among the node's diagnostics. */
  severity: Severity
  /** One line per diagnostic, "severity: message", in text order. */
  title: string
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 }

function contains(outer: Span | undefined, inner: Span): boolean {
  return !!outer && inner.start >= outer.start && inner.end <= outer.end
}

function entryAt(items: readonly StepItem[], offset: number): StepItem | undefined {
  return items[entryIndexAt(items, offset)]
}

export function diagnosticTarget(workflow: Workflow, diagnostic: Diagnostic): DiagnosticTarget {
  const span = diagnostic.span
  const entry = entryAt(workflow.steps.items, span.start)
  if (entry && contains(entry.span, span)) {
    if (entry.kind === 'step') return entry
    return entry.branches.find((branch) => contains(branch.span, span)) ?? entry
  }
  if (contains(workflow.trigger.span, span)) return 'trigger'
  if (contains(workflow.timeout?.span, span) || contains(workflow.retry?.span, span)) return 'end'
  return 'trigger'
}

/** The diagnostics whose span lies within `span` (diagnostics sorted by start, as the store keeps them). */
export function diagnosticsWithin(diagnostics: readonly Diagnostic[], span: Span | undefined): Diagnostic[] {
  if (!span) return []
  return diagnostics.filter((diagnostic) => contains(span, diagnostic.span))
}

/**
 * The diagnostics inside any of `spans` (sorted by start, not overlapping, as
 * top-level items are): a binary search per diagnostic.
 */
export function diagnosticsWithinAny(diagnostics: readonly Diagnostic[], spans: readonly Span[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => {
    let lo = 0
    let hi = spans.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (spans[mid].end < diagnostic.span.start) lo = mid + 1
      else if (spans[mid].start > diagnostic.span.start) hi = mid - 1
      else return contains(spans[mid], diagnostic.span)
    }
    return false
  })
}

/** A value that changes exactly when what the canvas shows of these diagnostics changes. */
export function diagnosticsKey(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.severity}:${d.span.start}:${d.span.end}:${d.message}`).join('\n')
}

/** Adds one diagnostic to a node's marks. */
function mark(marks: NodeDiagnostics | undefined, diagnostic: Diagnostic): NodeDiagnostics {
  const line = `${diagnostic.severity}: ${diagnostic.message}`
  if (!marks) return { severity: diagnostic.severity, title: line }
  return {
    severity: RANK[diagnostic.severity] > RANK[marks.severity] ? diagnostic.severity : marks.severity,
    title: `${marks.title}\n${line}`,
  }
}

/** Groups a workflow's diagnostics by the node they belong to. */
export function mapDiagnostics(workflow: Workflow, diagnostics: readonly Diagnostic[]): Map<DiagnosticTarget, NodeDiagnostics> {
  const byTarget = new Map<DiagnosticTarget, NodeDiagnostics>()
  for (const diagnostic of diagnostics) {
    if (!contains(workflow.span, diagnostic.span)) continue
    const target = diagnosticTarget(workflow, diagnostic)
    byTarget.set(target, mark(byTarget.get(target), diagnostic))
  }
  return byTarget
}

/** One node's marks for all of these diagnostics (e.g. a job's); undefined when there are none. */
export function summarise(diagnostics: readonly Diagnostic[]): NodeDiagnostics | undefined {
  return diagnostics.reduce<NodeDiagnostics | undefined>(mark, undefined)
}
