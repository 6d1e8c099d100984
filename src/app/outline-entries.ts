import { diagnosticsWithinSorted } from '../language/diagnostics-within'
import type { CaiDocument, Diagnostic, Span, TopItem } from '../language/model'

export type OutlineKind = 'workflow' | 'job' | 'other'

export interface OutlineEntry {
  kind: OutlineKind
  /** The declared name; for another CodeAI block, its heading (`endpoint GET /orders/{id}`, `entity Order`). */
  name: string
  /** A declaration with syntax errors, shown greyed. */
  broken: boolean
  span?: Span
  errors: number
  warnings: number
}

/** The longest heading shown; a longer one ends in an ellipsis. */
const HEADING_MAX = 60
/** Annotations before a block: `@auth("admin")`, `@deprecated`. */
const ANNOTATIONS = /^(?:\s*@[A-Za-z_][\w.]*(?:\s*\([^)\n]*\))?)*\s*/
/** A word of a heading: a quoted string (kept whole) or a run of non-space characters. */
const HEADING_WORD = /"(?:[^"\\\n]|\\.)*"?|\S+/g

/**
 * How a block of the wider CodeAI language is named: its first line without
 * annotations, up to the block's `{`, a parameter list or an `=`:
 * `endpoint GET "/orders/:id"`, `entity Order`, `function greet`, `var x`.
 */
export function blockHeading(text: string): string {
  const line = text.replace(ANNOTATIONS, '').split('\n', 1)[0]
  const words: string[] = []
  for (const [word] of line.matchAll(HEADING_WORD)) {
    if (word.startsWith('"')) {
      words.push(word)
      continue
    }
    // The block's own brace, a parameter list, an assignment or a comment ends the heading.
    const end = word.search(/^\{|\(|=|\/\/|\/\*|\{$/)
    if (end > 0) words.push(word.slice(0, end))
    if (end >= 0) break
    words.push(word)
  }
  const heading = words.join(' ')
  return heading.length > HEADING_MAX ? `${heading.slice(0, HEADING_MAX - 1)}…` : heading
}

function entryOf(item: TopItem): Omit<OutlineEntry, 'errors' | 'warnings'> {
  switch (item.kind) {
    case 'workflow':
    case 'job':
      return { kind: item.kind, name: item.name, broken: false, span: item.span }
    case 'broken':
      return { kind: item.declaration, name: item.name ?? `(unnamed ${item.declaration})`, broken: true, span: item.span }
    case 'foreign':
      return { kind: 'other', name: blockHeading(item.text) || item.keyword || item.text.trim().slice(0, 1), broken: false, span: item.span }
  }
}

/** One entry per top-level item, in file order, with the errors and warnings whose span lies within it. */
export function outlineEntries(doc: CaiDocument, diagnostics: readonly Diagnostic[]): OutlineEntry[] {
  // Sorted once by start, so each declaration's count is a search, not a scan of every diagnostic.
  const sorted = [...diagnostics].sort((a, b) => a.span.start - b.span.start)
  return doc.items.map((item) => {
    const entry = entryOf(item)
    const within = diagnosticsWithinSorted(sorted, entry.span)
    return {
      ...entry,
      errors: within.filter((d) => d.severity === 'error').length,
      warnings: within.filter((d) => d.severity === 'warning').length,
    }
  })
}
