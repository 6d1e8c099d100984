import type { CaiDocument } from '../model'

/**
 * What every operation returns. On success: the new document (the input is
 * never mutated; declarations the operation did not touch are the very same
 * objects), the names of the top-level declarations it changed, added or
 * removed, and an optional note for the user. On refusal: the reason, in plain
 * words. Operations never throw.
 */
export type OpResult =
  | { ok: true; doc: CaiDocument; changed: string[]; info?: string }
  | { ok: false; reason: string }

export type Refusal = Extract<OpResult, { ok: false }>

export function refuse(reason: string): Refusal {
  return { ok: false, reason }
}

/** Tells a refusal from a model node, numeral or lookup result (none of which has `ok: false`). */
export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false
}

export function done(doc: CaiDocument, changed: string[], info?: string): OpResult {
  return info === undefined ? { ok: true, doc, changed } : { ok: true, doc, changed, info }
}

export function unchanged(doc: CaiDocument): OpResult {
  return { ok: true, doc, changed: [] }
}
