/**
 * The designer's IndexedDB database: documents (one record per document, the
 * whole text), the Recent list (small entries, so listing never reads texts)
 * and the quarantine (stored values that could not be read: older or newer
 * formats, damage; kept, never deleted, and reported).
 *
 * Saving is compare-and-set: in one transaction the stored revision is read
 * and the document written only if no other tab saved a newer revision since
 * this tab's. IndexedDB runs overlapping read-write transactions one after
 * the other, across tabs too, so two tabs cannot both win.
 */
import {
  RECENT_LIMIT,
  STORAGE_FORMAT,
  readDocument,
  readRecentEntry,
  type DocumentDraft,
  type RecentEntry,
  type SavedDocument,
} from './records'

export const DATABASE_NAME = 'cai-designer'
/** The database's schema version. Record formats change through `STORAGE_FORMAT`, not here. */
const SCHEMA_VERSION = 1
const DOCUMENTS = 'documents'
const RECENT = 'recent'
const QUARANTINE = 'quarantine'

/** A stored value that was set aside. */
export interface QuarantineRecord {
  store: string
  key: string
  reason: string
  quarantinedAt: number
  value: unknown
}

/** What the user is told about a value that was set aside. */
export interface SetAside {
  key: string
  reason: string
}

export type SaveOutcome =
  | { kind: 'saved'; document: SavedDocument }
  /** Another tab saved a newer revision: nothing was written. */
  | { kind: 'conflict'; theirs: RecentEntry }

export interface RepositoryOptions {
  indexedDB?: IDBFactory
  name?: string
  now?: () => number
}

export class StorageUnavailableError extends Error {}

export class Repository {
  private constructor(
    private readonly db: IDBDatabase,
    private readonly now: () => number,
  ) {}

  static async open(options: RepositoryOptions = {}): Promise<Repository> {
    const factory = options.indexedDB ?? globalThis.indexedDB
    if (!factory) throw new StorageUnavailableError('this browser offers no IndexedDB storage')
    let db: IDBDatabase
    try {
      const request = factory.open(options.name ?? DATABASE_NAME, SCHEMA_VERSION)
      request.onupgradeneeded = () => {
        const upgrading = request.result
        for (const name of [DOCUMENTS, RECENT]) {
          if (!upgrading.objectStoreNames.contains(name)) upgrading.createObjectStore(name, { keyPath: 'id' })
        }
        if (!upgrading.objectStoreNames.contains(QUARANTINE)) upgrading.createObjectStore(QUARANTINE, { autoIncrement: true })
      }
      db = await done(request)
    } catch (error) {
      // Storage disabled (private modes, policies), or a database from a newer schema.
      throw new StorageUnavailableError(describeError(error))
    }
    // Another tab's newer version wants the database: let it have it.
    db.onversionchange = () => db.close()
    return new Repository(db, options.now ?? Date.now)
  }

  close(): void {
    this.db.close()
  }

  /** The Recent list, newest first. Entries that cannot be read are set aside and reported. */
  async recent(): Promise<{ entries: RecentEntry[]; setAside: SetAside[] }> {
    const tx = this.db.transaction([RECENT, QUARANTINE], 'readwrite')
    return inTransaction(tx, async () => {
      const store = tx.objectStore(RECENT)
      const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())])
      const entries: RecentEntry[] = []
      const setAside: SetAside[] = []
      keys.forEach((key, index) => {
        const checked = readRecentEntry(values[index])
        if (checked.ok) entries.push(checked.value)
        else setAside.push(this.quarantine(tx, RECENT, key, values[index], checked.reason))
      })
      return { entries: entries.sort((a, b) => b.savedAt - a.savedAt), setAside }
    })
  }

  /** A document by id; one that cannot be read is set aside (with its Recent entry) and reported instead. */
  async load(id: string): Promise<{ document?: SavedDocument; setAside?: SetAside }> {
    const tx = this.db.transaction([DOCUMENTS, RECENT, QUARANTINE], 'readwrite')
    return inTransaction(tx, async () => {
      const value = await done(tx.objectStore(DOCUMENTS).get(id))
      if (value === undefined) return {}
      const checked = readDocument(value)
      if (checked.ok) return { document: checked.value }
      tx.objectStore(RECENT).delete(id)
      return { setAside: this.quarantine(tx, DOCUMENTS, id, value, checked.reason) }
    })
  }

  /**
   * Writes a document as revision `baseRevision + 1`, unless another tab
   * saved a revision newer than `baseRevision` (then nothing is written).
   * Keeps the Recent list to its limit, dropping the oldest other documents.
   */
  async save(draft: DocumentDraft, baseRevision: number): Promise<SaveOutcome> {
    const tx = this.db.transaction([DOCUMENTS, RECENT, QUARANTINE], 'readwrite')
    let conflict: RecentEntry | undefined
    const saved = await inTransaction(tx, async () => {
      const recent = tx.objectStore(RECENT)
      const storedEntry = await done(recent.get(draft.id))
      const checked = storedEntry === undefined ? undefined : readRecentEntry(storedEntry)
      if (checked?.ok && checked.value.revision > baseRevision) {
        conflict = checked.value
        tx.abort()
        return undefined
      }
      if (checked && !checked.ok) this.quarantine(tx, RECENT, draft.id, storedEntry, checked.reason)
      const document: SavedDocument = { ...draft, format: STORAGE_FORMAT, revision: baseRevision + 1, savedAt: this.now() }
      putDocument(tx, document)
      recent.put(entryOf(document))
      const others = (await done(recent.getAll()))
        .map((value) => readRecentEntry(value))
        .flatMap((read) => (read.ok && read.value.id !== document.id ? [read.value] : []))
        .sort((a, b) => b.savedAt - a.savedAt)
      for (const old of others.slice(RECENT_LIMIT - 1)) {
        recent.delete(old.id)
        tx.objectStore(DOCUMENTS).delete(old.id)
      }
      return document
    }).catch((error) => {
      if (conflict) return undefined // our own abort
      throw error
    })
    return saved ? { kind: 'saved', document: saved } : { kind: 'conflict', theirs: conflict! }
  }

  /**
   * Writes a document as revision `baseRevision + 1` without reading first,
   * and commits at once: for the moment the page may be going away, when no
   * callback may run any more. Not compare-and-set: use `save` whenever the
   * page lives on. Returns what it writes.
   */
  saveNow(draft: DocumentDraft, baseRevision: number): SavedDocument {
    const tx = this.db.transaction([DOCUMENTS, RECENT], 'readwrite')
    const document: SavedDocument = { ...draft, format: STORAGE_FORMAT, revision: baseRevision + 1, savedAt: this.now() }
    putDocument(tx, document)
    tx.objectStore(RECENT).put(entryOf(document))
    tx.commit?.()
    return document
  }

  async quarantined(): Promise<QuarantineRecord[]> {
    const tx = this.db.transaction(QUARANTINE, 'readonly')
    return inTransaction(tx, async () => (await done(tx.objectStore(QUARANTINE).getAll())) as QuarantineRecord[])
  }

  /** Moves a stored value into the quarantine, within `tx`. */
  private quarantine(tx: IDBTransaction, store: string, key: IDBValidKey, value: unknown, reason: string): SetAside {
    const record: QuarantineRecord = { store, key: String(key), reason, quarantinedAt: this.now(), value }
    tx.objectStore(QUARANTINE).add(record)
    tx.objectStore(store).delete(key)
    return { key: String(key), reason }
  }
}

/** Stores a document; a file handle the browser cannot store (DataCloneError) is left out rather than failing the save. */
function putDocument(tx: IDBTransaction, document: SavedDocument): void {
  const documents = tx.objectStore(DOCUMENTS)
  try {
    documents.put(document)
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'DataCloneError') || !document.fileHandle) throw error
    const { fileHandle: _, ...withoutHandle } = document
    documents.put(withoutHandle)
  }
}

export function entryOf(document: SavedDocument): RecentEntry {
  return {
    format: document.format,
    id: document.id,
    name: document.name,
    savedAt: document.savedAt,
    revision: document.revision,
    length: document.text.length,
  }
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

/**
 * Runs `body` in `tx` and resolves once the transaction has committed. A failed
 * transaction rejects with its own error (e.g. QuotaExceededError, often only
 * known at commit), not with the AbortError its pending requests got.
 */
async function inTransaction<T>(tx: IDBTransaction, body: () => Promise<T>): Promise<T> {
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'))
  })
  // Settled below in every path; this only keeps an early abort from being reported as unhandled.
  committed.catch(() => undefined)
  let result: T
  try {
    result = await body()
  } catch (error) {
    await committed
    throw error
  }
  await committed
  return result
}

export function describeError(error: unknown): string {
  if (error instanceof DOMException || error instanceof Error) {
    if (error.name === 'QuotaExceededError') return 'the browser storage is full'
    if (error.name === 'VersionError') return 'the stored data was written by a newer version of the designer'
    if (error.name === 'InvalidStateError' || error.name === 'SecurityError') return 'the browser does not allow storage here'
    return error.message || error.name
  }
  return String(error)
}
