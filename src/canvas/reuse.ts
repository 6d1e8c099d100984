/**
 * Structural sharing between two derivations of the graph: an element equal to
 * the one it replaces keeps the old object, so React Flow skips it and the
 * memoised node components do not render again. An unchanged list is returned
 * as the old list itself.
 */

/**
 * Deep equality for the plain data the graph is made of (objects, arrays,
 * primitives). Runs on every element after each edit, so it allocates nothing.
 */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!plainEqual(a[i], b[i])) return false
    return true
  }
  const aRecord = a as Record<string, unknown>
  const bRecord = b as Record<string, unknown>
  let keys = 0
  for (const key in aRecord) {
    if (!(key in bRecord) || !plainEqual(aRecord[key], bRecord[key])) return false
    keys++
  }
  for (const key in bRecord) if (key) keys--
  return keys === 0
}

export function reuseUnchanged<T extends { id: string }>(previous: readonly T[], next: readonly T[]): readonly T[] {
  const byId = new Map(previous.map((element) => [element.id, element]))
  let changed = previous.length !== next.length
  const result = next.map((element, index) => {
    const old = byId.get(element.id)
    if (old !== undefined && plainEqual(old, element)) {
      if (previous[index] !== old) changed = true
      return old
    }
    changed = true
    return element
  })
  return changed ? result : previous
}
