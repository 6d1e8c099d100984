/**
 * Structural sharing between two derivations of the graph: an element equal to
 * the one it replaces keeps the old object, so React Flow skips it and the
 * memoised node components do not render again. An unchanged list is returned
 * as the old list itself.
 */
import type { CanvasEdge, CanvasNode } from './flow-elements'

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

/**
 * Whether a rebuilt node equals the one it replaces, on every field the graph
 * sets (see fixedNode; `style`, `measured`, `focusable` follow from these).
 * Field by field: this runs for each of a thousand nodes after each keystroke.
 */
export function sameNode(a: CanvasNode, b: CanvasNode): boolean {
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.className === b.className &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.handles === b.handles &&
    a.parentId === b.parentId &&
    a.selected === b.selected &&
    a.selectable === b.selectable &&
    a.ariaLabel === b.ariaLabel &&
    a.domAttributes?.title === b.domAttributes?.title &&
    plainEqual(a.data, b.data)
  )
}

/** Whether a rebuilt edge equals the one it replaces, on every field the graph sets. */
export function sameEdge(a: CanvasEdge, b: CanvasEdge): boolean {
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.className === b.className &&
    a.markerEnd === b.markerEnd &&
    plainEqual(a.data, b.data)
  )
}

export function reuseUnchanged<T extends { id: string }>(
  previous: readonly T[],
  next: readonly T[],
  same: (a: T, b: T) => boolean = plainEqual,
): readonly T[] {
  // Most elements keep their place; the map is built only when one moved.
  let byId: Map<string, T> | undefined
  const find = (id: string, index: number): T | undefined => {
    if (previous[index]?.id === id) return previous[index]
    byId ??= new Map(previous.map((element) => [element.id, element]))
    return byId.get(id)
  }
  let changed = previous.length !== next.length
  const result = next.map((element, index) => {
    const old = find(element.id, index)
    if (old !== undefined && same(old, element)) {
      if (previous[index] !== old) changed = true
      return old
    }
    changed = true
    return element
  })
  return changed ? result : previous
}
