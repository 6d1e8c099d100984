/**
 * Putting a whole new text into the store (opening a file, a link, a big
 * paste) without blocking the page. A small text is set as it is; a big one
 * is parsed in the worker while `loading` says so, then adopted in one short
 * step, so the outline and problems list appear as soon as the parse is done.
 * Afterwards the store's incremental parser is primed with the text a slice
 * at a time in idle moments, so the first edit re-parses one declaration, not
 * the whole file.
 */
import { createStore } from 'zustand/vanilla'
import type { CaiDocument } from '../language/model'
import type { DesignerStore, TextOrigin } from '../store/designer'
import { parseInWorker } from './parse-client'

/** Texts longer than this (UTF-16 code units) are parsed in the worker. */
export const WORKER_THRESHOLD = 256 * 1024
/** About this much new text is parsed per priming step (~20-40 ms). */
const PRIME_SLICE = 192 * 1024

export interface Loading {
  /** What is being parsed, for the "Parsing…" indicator; null when nothing is. */
  label: string | null
}

export const loading = createStore<Loading>()(() => ({ label: null }))

let generation = 0

/** A text ready to go into the store: `apply` puts it there in one short step. */
export interface PreparedText {
  text: string
  apply(store: DesignerStore, origin?: TextOrigin): void
}

/**
 * Gets `text` ready for the store: a small one as it is (the store parses it
 * on apply), a big one parsed in the worker first. Resolves with null when a
 * later call replaced this one before it was ready.
 */
export async function prepareText(text: string, label: string): Promise<PreparedText | null> {
  const mine = ++generation
  if (text.length <= WORKER_THRESHOLD) {
    return { text, apply: (store, origin = 'file') => store.getState().setText(text, origin) }
  }
  loading.setState({ label })
  try {
    const derived = await parseInWorker(text)
    if (mine !== generation) return null
    return {
      text,
      apply(store, origin = 'file') {
        store.getState().adoptText(text, derived, origin)
        void primeInSlices(store, text, derived.parsed.doc)
      },
    }
  } catch {
    // No worker (blocked, or it failed): the store parses on apply, slower but still right.
    return mine === generation ? { text, apply: (store, origin = 'file') => store.getState().setText(text, origin) } : null
  } finally {
    if (mine === generation) loading.setState({ label: null })
  }
}

/** The text's prefixes ending after whole declarations, about PRIME_SLICE apart, then the text itself. */
export function primePrefixes(text: string, doc: CaiDocument, slice = PRIME_SLICE): string[] {
  const prefixes: string[] = []
  let last = 0
  for (const item of doc.items) {
    const end = item.span?.end
    if (end !== undefined && end - last >= slice) {
      prefixes.push(text.slice(0, end))
      last = end
    }
  }
  if (last < text.length || prefixes.length === 0) prefixes.push(text)
  return prefixes
}

async function primeInSlices(store: DesignerStore, text: string, doc: CaiDocument): Promise<void> {
  for (const prefix of primePrefixes(text, doc)) {
    await idle()
    // The user edited (their edit parsed the whole text already) or another text came: stop.
    if (store.getState().text !== text) return
    store.getState().primeParser(prefix)
  }
}

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 500 })
    else setTimeout(resolve, 0)
  })
}
