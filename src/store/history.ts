import { minimalEdit } from '../language/text-diff'

/**
 * One undo history for the text, whichever pane changed it. Each entry is a
 * single replacement (`removed` at `start` became `inserted`), so a 5 MB file
 * costs the size of its edits, not of its copies.
 */
export interface HistoryEntry {
  start: number
  removed: string
  inserted: string
  /** Who made the change: a burst of typing merges; anything else is its own step. */
  origin: string
  /** What the change was, for the user ("move step charge"): the undo button says "Undo: move step charge". */
  name: string
  /** Cursor offset before the change, restored by undo. */
  cursorBefore: number
  at: number
}

export interface History {
  past: HistoryEntry[]
  future: HistoryEntry[]
}

export const EMPTY_HISTORY: History = { past: [], future: [] }

/** Typing pauses longer than this start a new undo step, as text editors group it. */
export const TYPING_GROUP_MS = 1000
const MAX_ENTRIES = 500

function apply(text: string, entry: HistoryEntry, direction: 'undo' | 'redo'): string {
  const [from, to] = direction === 'undo' ? [entry.inserted, entry.removed] : [entry.removed, entry.inserted]
  return text.slice(0, entry.start) + to + text.slice(entry.start + from.length)
}

/** What a change is called when whoever made it gave no name. */
const ORIGIN_NAMES: Record<string, string> = {
  editor: 'typing',
  canvas: 'canvas edit',
  format: 'format document',
  paste: 'paste',
}

export const nameOfOrigin = (origin: string): string => ORIGIN_NAMES[origin] ?? 'edit'

/**
 * Records the change from `before` to `after`, called `name`. Typing merges
 * into the previous step while it continues without a long pause; other
 * origins (a format among them) never merge, nor does typing into them.
 */
export function record(
  history: History,
  before: string,
  after: string,
  origin: string,
  cursorBefore: number,
  now: number,
  name = nameOfOrigin(origin),
): History {
  const last = history.past[history.past.length - 1]
  const mergeable = origin === 'editor' && last?.origin === 'editor' && now - last.at < TYPING_GROUP_MS
  if (mergeable) {
    const original = apply(before, last, 'undo')
    const edit = minimalEdit(original, after)
    const past = history.past.slice(0, -1)
    if (!edit) return { past, future: [] }
    const merged: HistoryEntry = {
      start: edit.span.start,
      removed: original.slice(edit.span.start, edit.span.end),
      inserted: edit.newText,
      origin,
      name: last.name,
      cursorBefore: last.cursorBefore,
      at: now,
    }
    return { past: [...past, merged], future: [] }
  }
  const edit = minimalEdit(before, after)
  if (!edit) return history
  const entry: HistoryEntry = {
    start: edit.span.start,
    removed: before.slice(edit.span.start, edit.span.end),
    inserted: edit.newText,
    origin,
    name,
    cursorBefore,
    at: now,
  }
  return { past: [...history.past, entry].slice(-MAX_ENTRIES), future: [] }
}

/** Undoes the last step: the new text and history, or null when there is nothing to undo. */
export function undo(history: History, text: string): { text: string; history: History; entry: HistoryEntry } | null {
  const entry = history.past[history.past.length - 1]
  if (!entry) return null
  return {
    text: apply(text, entry, 'undo'),
    history: { past: history.past.slice(0, -1), future: [...history.future, entry] },
    entry,
  }
}

export function redo(history: History, text: string): { text: string; history: History; entry: HistoryEntry } | null {
  const entry = history.future[history.future.length - 1]
  if (!entry) return null
  return {
    text: apply(text, entry, 'redo'),
    // A redone entry must not merge with typing that follows.
    history: { past: [...history.past, { ...entry, at: -Infinity }], future: history.future.slice(0, -1) },
    entry,
  }
}
