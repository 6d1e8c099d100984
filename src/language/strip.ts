/** Source ranges carried by model nodes (and comments). */
const SPAN_KEYS = new Set(['span', 'valueSpan', 'nameSpan', 'keySpan'])

/** A deep copy without source ranges, to compare documents "ranges aside". */
export function stripSpans<T>(node: T): T {
  if (Array.isArray(node)) return node.map(stripSpans) as T
  if (node === null || typeof node !== 'object') return node
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (!SPAN_KEYS.has(key)) copy[key] = stripSpans(value)
  }
  return copy as T
}
