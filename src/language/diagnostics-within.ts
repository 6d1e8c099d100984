import type { Diagnostic, Span } from './model'

/**
 * The diagnostics lying within `span`, from diagnostics sorted by the start
 * of their spans: a binary search and a scan of those that start inside, so
 * asking once per declaration stays linear over a file.
 */
export function diagnosticsWithinSorted(sorted: readonly Diagnostic[], span: Span | undefined): Diagnostic[] {
  if (!span) return []
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid].span.start < span.start) lo = mid + 1
    else hi = mid
  }
  const found: Diagnostic[] = []
  for (let i = lo; i < sorted.length && sorted[i].span.start <= span.end; i++) {
    if (sorted[i].span.end <= span.end) found.push(sorted[i])
  }
  return found
}
