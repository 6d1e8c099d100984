/**
 * What a file without workflows or jobs holds, in words, for the empty canvas:
 * "This file has no workflows or jobs: 12 endpoints, 3 entities, 1 config
 * block, kept as written."
 */
import type { CaiDocument } from '../language/model'

/** Names that read better than the bare keyword: [one, many]. */
const NOUNS: Record<string, readonly [string, string]> = {
  config: ['config block', 'config blocks'],
  var: ['variable', 'variables'],
  on: ['event handler', 'event handlers'],
  auth: ['auth provider', 'auth providers'],
  middleware: ['middleware', 'middleware'],
  '': ['unrecognised block', 'unrecognised blocks'],
}

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`
  return `${word}s`
}

export function countOf(keyword: string, count: number): string {
  const [one, many] = NOUNS[keyword] ?? [keyword, plural(keyword)]
  return `${count} ${count === 1 ? one : many}`
}

/** Whether the document declares a workflow or job (parsed or broken). */
export const hasDeclarations = (doc: CaiDocument): boolean => doc.items.some((item) => item.kind !== 'foreign')

/** The sentence for a file that declares no workflow or job; null when it declares one. */
export function contentsSummary(doc: CaiDocument): string | null {
  if (hasDeclarations(doc)) return null
  const counts = new Map<string, number>()
  for (const item of doc.items) if (item.kind === 'foreign') counts.set(item.keyword, (counts.get(item.keyword) ?? 0) + 1)
  if (counts.size === 0) return 'This file has no workflows or jobs yet.'
  // Most numerous first; ties in the order the file has them (a Map keeps insertion order, the sort is stable).
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([keyword, count]) => countOf(keyword, count))
  return `This file has no workflows or jobs: ${parts.join(', ')}, kept as written.`
}
