/**
 * The edit a closing tab has not saved yet. IndexedDB cannot be relied on
 * while a page unloads (its requests need callbacks that never run), while
 * localStorage writes synchronously: so when the page is hidden or left, the
 * autosave writes the open document here, one key per tab, and the next page
 * to start (or a tab still open, once this one is gone) promotes it into
 * IndexedDB (repository.ts `promote`). Written on hide and leave only, never
 * per keystroke; removed once a regular save holds everything it held.
 *
 * Storage may be disabled or full: every access is allowed to fail.
 */
import { readScenarios, STORAGE_FORMAT, type Checked, type DocumentDraft } from './records'

const PREFIX = 'cai-designer.backup.'
/** `<tab>.<document id>`: a tab may leave backups of several documents (one it moved away from without saving). */
const KEY_PATTERN = /^([a-z0-9]{1,24})\.([A-Za-z0-9-]{1,64})$/

/** What a tab had on screen when it was hidden or left, and the stored revision it was based on. */
export interface Backup {
  format: typeof STORAGE_FORMAT
  /** The tab (one page load) that wrote it. */
  tab: string
  id: string
  name: string
  text: string
  selectedWorkflow: string | null
  cursorOffset: number
  dirty: boolean
  bom: boolean
  /** The revision of the document this tab had loaded or last saved. */
  baseRevision: number
  writtenAt: number
  /** The document's dry-run scenarios (see SavedDocument). */
  scenarios?: Record<string, string>
}

/** Where backups are kept: localStorage in the page, a stand-in in tests. */
export type BackupStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

export function pageStorage(): BackupStorage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

export const backupKey = (tab: string, id: string): string => `${PREFIX}${tab}.${id}`

/** The tab and document a storage key belongs to, if it is a backup's key. */
export function backupOfKey(key: string | null): { tab: string; id: string } | undefined {
  if (!key?.startsWith(PREFIX)) return undefined
  const match = KEY_PATTERN.exec(key.slice(PREFIX.length))
  return match ? { tab: match[1], id: match[2] } : undefined
}

/** Writes this tab's backup synchronously; false if the storage refused it (disabled, full). */
export function writeBackup(storage: BackupStorage | null, tab: string, draft: DocumentDraft, baseRevision: number, now = Date.now()): boolean {
  if (!storage) return false
  const backup: Backup = {
    format: STORAGE_FORMAT,
    tab,
    id: draft.id,
    name: draft.name,
    text: draft.text,
    selectedWorkflow: draft.selectedWorkflow,
    cursorOffset: draft.cursorOffset,
    dirty: draft.dirty,
    bom: draft.bom,
    baseRevision,
    writtenAt: now,
    ...(draft.scenarios && Object.keys(draft.scenarios).length > 0 ? { scenarios: draft.scenarios } : {}),
  }
  try {
    storage.setItem(backupKey(tab, draft.id), JSON.stringify(backup))
    return true
  } catch {
    return false
  }
}

export function removeBackup(storage: BackupStorage | null, tab: string, id: string): void {
  try {
    storage?.removeItem(backupKey(tab, id))
  } catch {
    // Disabled storage: there is nothing to remove either.
  }
}

export interface FoundBackup {
  tab: string
  id: string
  /** Null when it was removed meanwhile (another page promoted it). */
  backup: Checked<Backup> | null
  raw: string | null
}

/** The backups in storage (of `tab` only, if given); one that cannot be read is reported with its raw value, to be set aside. */
export function readBackups(storage: BackupStorage | null, tab?: string): FoundBackup[] {
  if (!storage) return []
  const keys: { tab: string; id: string }[] = []
  try {
    for (let index = 0; index < storage.length; index++) {
      const key = backupOfKey(storage.key(index))
      if (key && (tab === undefined || key.tab === tab)) keys.push(key)
    }
    return keys.map((key) => {
      const raw = storage.getItem(backupKey(key.tab, key.id))
      return { ...key, backup: raw === null ? null : parseBackup(raw, key.tab, key.id), raw }
    })
  } catch {
    // Storage disabled while reading: nothing to promote.
    return []
  }
}

export function parseBackup(raw: string, tab: string, id: string): Checked<Backup> {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return { ok: false, reason: 'it is not readable data' }
  }
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'it is not a record' }
  const backup = value as Record<string, unknown> & { text: unknown }
  if (backup.format !== STORAGE_FORMAT) return { ok: false, reason: `it has another format (${String(backup.format)})` }
  const fits =
    backup.tab === tab &&
    backup.id === id &&
    typeof backup.name === 'string' &&
    typeof backup.text === 'string' &&
    (backup.selectedWorkflow === null || typeof backup.selectedWorkflow === 'string') &&
    Number.isInteger(backup.cursorOffset) &&
    (backup.cursorOffset as number) >= 0 &&
    (backup.cursorOffset as number) <= backup.text.length &&
    typeof backup.dirty === 'boolean' &&
    typeof backup.bom === 'boolean' &&
    Number.isInteger(backup.baseRevision) &&
    (backup.baseRevision as number) >= 0 &&
    Number.isFinite(backup.writtenAt)
  if (!fits) return { ok: false, reason: 'it is damaged' }
  if (backup.scenarios === undefined) return { ok: true, value: value as Backup }
  // Damaged scenarios are dropped: the text is what matters.
  const scenarios = readScenarios(backup.scenarios)
  const { scenarios: _, ...rest } = backup
  return { ok: true, value: (scenarios ? { ...rest, scenarios } : rest) as unknown as Backup }
}
