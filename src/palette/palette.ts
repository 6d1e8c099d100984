/**
 * The palette's drag data. The kind travels in the drag's type (not only in
 * its data), because while dragging over the canvas the browser shows a drop
 * target the types but not the data.
 */
import type { NewKind } from '../actions/insert'

const MIME_PREFIX = 'application/x-cai-new-'

export const paletteMime = (kind: NewKind) => `${MIME_PREFIX}${kind}`

/** The palette item a drag carries, if it carries one. */
export function draggedKind(types: readonly string[]): NewKind | null {
  for (const type of types) {
    if (!type.startsWith(MIME_PREFIX)) continue
    const kind = type.slice(MIME_PREFIX.length)
    if (kind === 'step' || kind === 'parallel' || kind === 'workflow' || kind === 'job') return kind
  }
  return null
}
