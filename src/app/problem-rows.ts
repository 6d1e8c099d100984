/**
 * What the Problems panel lists: errors, then warnings, then information,
 * each in file order; filtered by severity and by declaration; the notes that
 * other CodeAI blocks are kept as written gathered into one row.
 */
import type { CaiDocument, Diagnostic, Severity, Span } from '../language/model'

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

/** The note on each block of the wider CodeAI language: one row for all of them. */
export const OTHER_BLOCK_CODE = 'foreign-block'

export type ProblemRow = { kind: 'problem'; diagnostic: Diagnostic } | { kind: 'other-blocks'; diagnostics: Diagnostic[] }

/** A declaration the list can be limited to: `workflow:NAME`, `job:NAME`, or every other block. */
export interface DeclarationChoice {
  value: string
  label: string
  spans: Span[]
}

export const OTHER_BLOCKS = 'other'

/** The declarations of `doc`, in file order, for the filter: each workflow and job, then the other blocks together. */
export function declarationChoices(doc: CaiDocument): DeclarationChoice[] {
  const choices = new Map<string, DeclarationChoice>()
  const others: Span[] = []
  for (const item of doc.items) {
    if (!item.span) continue
    if (item.kind === 'foreign') {
      others.push(item.span)
      continue
    }
    const kind = item.kind === 'broken' ? item.declaration : item.kind
    if (item.name === undefined) continue
    const value = `${kind}:${item.name}`
    // Two declarations with one name (itself an error) are one choice.
    const existing = choices.get(value)
    if (existing) existing.spans.push(item.span)
    else choices.set(value, { value, label: `${kind} ${item.name}`, spans: [item.span] })
  }
  const list = [...choices.values()]
  if (others.length > 0) list.push({ value: OTHER_BLOCKS, label: 'other CodeAI blocks', spans: others })
  return list
}

const within = (span: Span, spans: readonly Span[]) => spans.some((outer) => span.start >= outer.start && span.end <= outer.end)

export interface ProblemFilter {
  severities: ReadonlySet<Severity>
  /** The spans of the chosen declaration; all when absent. */
  spans?: readonly Span[]
}

/** The rows to show, most severe first, each severity in file order. */
export function problemRows(diagnostics: readonly Diagnostic[], filter: ProblemFilter): ProblemRow[] {
  const rows: ProblemRow[] = []
  for (const severity of SEVERITIES) {
    if (!filter.severities.has(severity)) continue
    const otherBlocks: Diagnostic[] = []
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity !== severity || (filter.spans && !within(diagnostic.span, filter.spans))) continue
      if (diagnostic.code === OTHER_BLOCK_CODE) {
        if (otherBlocks.length === 0) rows.push({ kind: 'other-blocks', diagnostics: otherBlocks })
        otherBlocks.push(diagnostic)
      } else rows.push({ kind: 'problem', diagnostic })
    }
  }
  return rows
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const diagnostic of diagnostics) counts[diagnostic.severity]++
  return counts
}

/** "2 errors", "1 warning", "24 info". */
export function severityCount(severity: Severity, count: number): string {
  return severity === 'info' ? `${count} info` : `${count} ${severity}${count === 1 ? '' : 's'}`
}
