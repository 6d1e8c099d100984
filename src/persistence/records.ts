/**
 * What the designer keeps in the browser, and the checks every stored value
 * passes before it is used. Stored data may come from an older or newer
 * version of the designer, or be damaged: `read*` never throw, they say what
 * is wrong, and the caller sets the value aside (see repository.ts).
 */

/** The format of every record written by this version. */
export const STORAGE_FORMAT = 1
/** How many documents the Recent list keeps. */
export const RECENT_LIMIT = 10

/** A document as the autosave writes it: everything needed to bring the page back. */
export interface SavedDocument {
  format: typeof STORAGE_FORMAT
  id: string
  name: string
  /** The text exactly as it was, byte for byte. */
  text: string
  selectedWorkflow: string | null
  cursorOffset: number
  /** Increases by one with every save, from any tab: a tab never writes over a newer revision. */
  revision: number
  /** When it was last saved (ms since the epoch). */
  savedAt: number
  /** Changed since it was last opened from, saved to or downloaded as a file. */
  dirty: boolean
  /** The file it came from started with a UTF-8 byte order mark, written back on save. */
  bom: boolean
  /** The file it was opened from or saved to (File System Access API, Chromium only). */
  fileHandle?: FileSystemFileHandle
  /** The tab (one page load) that saved this revision: its own closing backup may replace it. */
  writer?: string
  /** The dry run's scenario text per workflow name, as typed (it may be invalid JSON): kept with the document. */
  scenarios?: Record<string, string>
}

/** A document before the repository gives it its revision and time. */
export type DocumentDraft = Omit<SavedDocument, 'format' | 'revision' | 'savedAt'>

/** One line of the Recent list: kept apart from the texts, so listing never reads them. */
export interface RecentEntry {
  format: typeof STORAGE_FORMAT
  id: string
  name: string
  savedAt: number
  revision: number
  /** The text's length in UTF-16 code units. */
  length: number
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string }

type Shape = Record<string, 'string' | 'number' | 'boolean' | 'string|null' | 'string?' | 'object?'>

const DOCUMENT_SHAPE: Shape = {
  id: 'string',
  name: 'string',
  text: 'string',
  selectedWorkflow: 'string|null',
  cursorOffset: 'number',
  revision: 'number',
  savedAt: 'number',
  dirty: 'boolean',
  bom: 'boolean',
  fileHandle: 'object?',
  writer: 'string?',
}

const RECENT_SHAPE: Shape = { id: 'string', name: 'string', savedAt: 'number', revision: 'number', length: 'number' }

export function readDocument(value: unknown): Checked<SavedDocument> {
  const checked = readShape<SavedDocument>(value, DOCUMENT_SHAPE)
  if (!checked.ok) return checked
  const { cursorOffset, text } = checked.value
  if (!Number.isInteger(cursorOffset) || cursorOffset < 0 || cursorOffset > text.length) {
    return { ok: false, reason: 'its cursor position is outside its text' }
  }
  if (checked.value.scenarios !== undefined && readScenarios(checked.value.scenarios) === undefined) {
    // Damaged scenarios are dropped; the document itself is fine.
    const { scenarios: _, ...withoutScenarios } = checked.value
    return readDocument(withoutScenarios)
  }
  if (checked.value.fileHandle !== undefined && !isFileHandle(checked.value.fileHandle)) {
    // Something that only looks like a handle (damage, another program): the document is fine, the file link is not.
    const { fileHandle: _, ...withoutHandle } = checked.value
    return { ok: true, value: withoutHandle }
  }
  return checked
}

/** The most scenarios a document keeps, and the longest scenario text (characters). */
export const MAX_SCENARIOS = 1000
export const MAX_SCENARIO_CHARS = 1_000_000

/** Scenario texts by workflow name, or undefined when `value` is not that (damaged, or absurdly large). */
export function readScenarios(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const entries = Object.entries(value)
  if (entries.length > MAX_SCENARIOS) return undefined
  for (const [, text] of entries) if (typeof text !== 'string' || text.length > MAX_SCENARIO_CHARS) return undefined
  // A plain object without a prototype: a workflow named "__proto__" is just a name.
  return Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(entries))
}

/** A real handle to a file, as only the browser makes them: a plain object with the same fields is not one. */
export function isFileHandle(value: unknown): value is FileSystemFileHandle {
  return typeof FileSystemFileHandle === 'function' && value instanceof FileSystemFileHandle
}

export function readRecentEntry(value: unknown): Checked<RecentEntry> {
  return readShape<RecentEntry>(value, RECENT_SHAPE)
}

function readShape<T>(value: unknown, shape: Shape): Checked<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'it is not a record' }
  const record = value as Record<string, unknown>
  const format = record.format
  if (typeof format !== 'number') return { ok: false, reason: 'it has no format version' }
  if (format > STORAGE_FORMAT) return { ok: false, reason: `it was saved by a newer version of the designer (format ${format})` }
  if (format < STORAGE_FORMAT) return { ok: false, reason: `it was saved by an older version of the designer (format ${format})` }
  for (const [key, type] of Object.entries(shape)) {
    const field = record[key]
    const fits =
      type === 'string|null'
        ? field === null || typeof field === 'string'
        : type === 'object?'
          ? field === undefined || (typeof field === 'object' && field !== null)
          : type === 'string?'
            ? field === undefined || typeof field === 'string'
          : typeof field === type && (type !== 'number' || Number.isFinite(field))
    if (!fits) return { ok: false, reason: `its "${key}" is missing or damaged` }
  }
  return { ok: true, value: value as T }
}
