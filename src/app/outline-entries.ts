import type { CaiDocument, Diagnostic, Span, TopItem } from '../language/model'

export type OutlineKind = 'workflow' | 'job' | 'other'

export interface OutlineEntry {
  kind: OutlineKind
  /** The declared name; for a foreign block, its keyword. */
  name: string
  /** A declaration with syntax errors, shown greyed. */
  broken: boolean
  span?: Span
  errors: number
  warnings: number
}

function countIn(span: Span | undefined, diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  if (!span) return 0
  let count = 0
  for (const d of diagnostics) if (d.severity === severity && d.span.start >= span.start && d.span.end <= span.end) count++
  return count
}

function entryOf(item: TopItem): Omit<OutlineEntry, 'errors' | 'warnings'> {
  switch (item.kind) {
    case 'workflow':
    case 'job':
      return { kind: item.kind, name: item.name, broken: false, span: item.span }
    case 'broken':
      return { kind: item.declaration, name: item.name ?? `(unnamed ${item.declaration})`, broken: true, span: item.span }
    case 'foreign':
      return { kind: 'other', name: item.keyword, broken: false, span: item.span }
  }
}

/** One entry per top-level item, in file order, with the errors and warnings whose span lies within it. */
export function outlineEntries(doc: CaiDocument, diagnostics: readonly Diagnostic[]): OutlineEntry[] {
  return doc.items.map((item) => {
    const entry = entryOf(item)
    return { ...entry, errors: countIn(entry.span, diagnostics, 'error'), warnings: countIn(entry.span, diagnostics, 'warning') }
  })
}
