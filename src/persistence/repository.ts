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
import type { Backup } from './backup'
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

/** What became of a closing tab's backup (see backup.ts). */
export type Promotion =
  /** Nothing to do: the stored document already holds it (or it was promoted before). */
  | { kind: 'unchanged' }
  /** Saved as the document's next revision: nobody else saved it since. */
  | { kind: 'applied'; document: SavedDocument }
  /** Another tab saved the document since: the backup became a document of its own. */
  | { kind: 'copied'; document: SavedDocument; original: string }

/** A backup that changed what is stored. */
export type Promoted = Exclude<Promotion, { kind: 'unchanged' }>

export interface RepositoryOptions {
  indexedDB?: IDBFactory
  name?: string
  now?: () => number
  /** Opening that has not answered after this long is given up (some private modes never answer). */
  openTimeoutMs?: number
}

export class StorageUnavailableError extends Error {}

/** The words for storage that neither succeeds nor fails. */
export const NOT_ANSWERING = 'the browser storage is not answering'

export class Repository {
  /** Why the connection closed under this page (another tab deleted or upgraded the database, site data cleared). */
  private closedBecause: string | undefined
  private reopening: Promise<void> | undefined

  private constructor(
    private db: IDBDatabase,
    private readonly options: RepositoryOptions,
    private readonly now: () => number,
  ) {
    this.watch(db)
  }

  static async open(options: RepositoryOptions = {}): Promise<Repository> {
    return new Repository(await openDatabase(options), options, options.now ?? Date.now)
  }

  close(): void {
    this.closedBecause = 'the page closed its storage'
    this.db.close()
  }

  /** Follows the connection: when another tab deletes or upgrades the database, lets it (closing), and remembers why. */
  private watch(db: IDBDatabase): void {
    db.onversionchange = (event) => {
      this.closedBecause =
        event.newVersion === null
          ? 'another tab deleted the designer’s stored data'
          : 'another tab opened a newer version of the designer, which changed the stored data'
      db.close()
    }
    db.onclose = () => {
      this.closedBecause ??= 'the browser closed the storage (was the site’s data cleared?)'
    }
  }

  /**
   * A transaction on the connection; after the connection was closed under
   * this page, reconnects once (a deleted database is made anew, empty) or
   * fails with the true reason.
   */
  private async transaction(stores: string | string[], mode: IDBTransactionMode): Promise<IDBTransaction> {
    if (this.closedBecause === undefined) {
      try {
        return this.db.transaction(stores, mode)
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error
        this.closedBecause = 'the browser closed the storage'
      }
    }
    const why = this.closedBecause
    this.reopening ??= openDatabase(this.options).then(
      (db) => {
        this.db = db
        this.closedBecause = undefined
        this.watch(db)
      },
      (error) => {
        throw new StorageUnavailableError(`${why}; reconnecting failed: ${describeError(error)}`)
      },
    ).finally(() => {
      this.reopening = undefined
    })
    await this.reopening
    return this.db.transaction(stores, mode)
  }

  /** The Recent list, newest first. Entries that cannot be read are set aside and reported. */
  async recent(): Promise<{ entries: RecentEntry[]; setAside: SetAside[] }> {
    const tx = await this.transaction([RECENT, QUARANTINE], 'readwrite')
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
    const tx = await this.transaction([DOCUMENTS, RECENT, QUARANTINE], 'readwrite')
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
    const tx = await this.transaction([DOCUMENTS, RECENT, QUARANTINE], 'readwrite')
    let conflict: RecentEntry | undefined
    const saved = await inTransaction(tx, async () => {
      const newer = await this.newerThan(tx, draft.id, baseRevision)
      if (newer) {
        conflict = newer
        tx.abort()
        return undefined
      }
      return this.write(tx, { ...draft, format: STORAGE_FORMAT, revision: baseRevision + 1, savedAt: this.now() })
    }).catch((error) => {
      if (conflict) return undefined // our own abort
      throw error
    })
    return saved ? { kind: 'saved', document: saved } : { kind: 'conflict', theirs: conflict! }
  }

  /**
   * The stored revision of `id` if it is newer than `baseRevision`, within
   * `tx`. The Recent entry answers (it is small); only when it claims a newer
   * revision is the document itself read, and an entry ahead of its document
   * (which no save makes) is set aside rather than blocking every save.
   */
  private async newerThan(tx: IDBTransaction, id: string, baseRevision: number): Promise<RecentEntry | undefined> {
    const recent = tx.objectStore(RECENT)
    const storedEntry = await done(recent.get(id))
    const checked = storedEntry === undefined ? undefined : readRecentEntry(storedEntry)
    if (checked && !checked.ok) this.quarantine(tx, RECENT, id, storedEntry, checked.reason)
    if (!checked?.ok || checked.value.revision <= baseRevision) return undefined
    const stored = await done(tx.objectStore(DOCUMENTS).get(id))
    const document = stored === undefined ? undefined : readDocument(stored)
    if (document?.ok && document.value.revision > baseRevision) return entryOf(document.value)
    if (document?.ok) {
      this.quarantine(tx, RECENT, id, storedEntry, `its revision ${checked.value.revision} is ahead of its document’s (${document.value.revision})`)
    }
    return undefined
  }

  /** Writes `document` and its Recent entry within `tx`, keeping the Recent list to its limit. */
  private async write(tx: IDBTransaction, document: SavedDocument): Promise<SavedDocument> {
    const recent = tx.objectStore(RECENT)
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
  }

  /**
   * Brings a closing tab's backup into the database, in one transaction (so
   * two pages promoting the same backup do it once): as the document's next
   * revision when nobody else saved it since the backup's base (or only that
   * tab did), else as a document of its own, `copyName`, beside the other
   * tab's. The stored document's file handle is kept.
   */
  async promote(backup: Backup, copyName: (name: string) => string): Promise<Promotion> {
    const tx = await this.transaction([DOCUMENTS, RECENT, QUARANTINE], 'readwrite')
    const copyId = `${backup.id.slice(0, 24)}-${backup.tab}-${Math.trunc(backup.writtenAt).toString(36)}`
    return inTransaction(tx, async (): Promise<Promotion> => {
      const documents = tx.objectStore(DOCUMENTS)
      const [value, copied] = await Promise.all([done(documents.get(backup.id)), done(documents.getKey(copyId))])
      const read = value === undefined ? undefined : readDocument(value)
      const stored = read?.ok ? read.value : undefined
      const sameScenarios = JSON.stringify(stored?.scenarios ?? {}) === JSON.stringify(backup.scenarios ?? {})
      if (copied !== undefined || (stored && stored.text === backup.text && stored.name === backup.name && sameScenarios)) return { kind: 'unchanged' }
      if (read && !read.ok) this.quarantine(tx, DOCUMENTS, backup.id, value, read.reason)
      const fields = {
        format: STORAGE_FORMAT,
        text: backup.text,
        selectedWorkflow: backup.selectedWorkflow,
        cursorOffset: backup.cursorOffset,
        dirty: backup.dirty,
        bom: backup.bom,
        savedAt: this.now(),
        writer: backup.tab,
        ...(backup.scenarios ? { scenarios: backup.scenarios } : {}),
      } as const
      const newer = await this.newerThan(tx, backup.id, backup.baseRevision)
      if (!newer || stored?.writer === backup.tab) {
        const revision = Math.max(backup.baseRevision, stored?.revision ?? 0) + 1
        const document: SavedDocument = { ...(stored?.fileHandle ? { fileHandle: stored.fileHandle } : {}), ...fields, id: backup.id, name: backup.name, revision }
        return { kind: 'applied', document: await this.write(tx, document) }
      }
      const document: SavedDocument = { ...fields, id: copyId, name: copyName(backup.name), revision: 1 }
      return { kind: 'copied', document: await this.write(tx, document), original: backup.name }
    })
  }

  /** Sets aside a value found outside the database (a damaged backup), so it is kept and reported like the others. */
  async setAside(store: string, key: string, value: unknown, reason: string): Promise<SetAside> {
    const tx = await this.transaction(QUARANTINE, 'readwrite')
    const record: QuarantineRecord = { store, key, reason, quarantinedAt: this.now(), value }
    return inTransaction(tx, async () => {
      tx.objectStore(QUARANTINE).add(record)
      return { key, reason }
    })
  }

  async quarantined(): Promise<QuarantineRecord[]> {
    const tx = await this.transaction(QUARANTINE, 'readonly')
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

/** Opens (and on first use creates) the database; one that neither opens nor fails within the time limit is not answering. */
async function openDatabase(options: RepositoryOptions): Promise<IDBDatabase> {
  const factory = options.indexedDB ?? globalThis.indexedDB
  if (!factory) throw new StorageUnavailableError('this browser offers no IndexedDB storage')
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    const request = factory.open(options.name ?? DATABASE_NAME, SCHEMA_VERSION)
    request.onupgradeneeded = () => {
      const upgrading = request.result
      for (const name of [DOCUMENTS, RECENT]) {
        if (!upgrading.objectStoreNames.contains(name)) upgrading.createObjectStore(name, { keyPath: 'id' })
      }
      if (!upgrading.objectStoreNames.contains(QUARANTINE)) upgrading.createObjectStore(QUARANTINE, { autoIncrement: true })
    }
    const opened = done(request)
    const answered = await Promise.race([
      opened,
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.openTimeoutMs ?? 4000))),
    ])
    if (answered === 'timeout') {
      // Should it answer after all, the connection is not left open.
      void opened.then((late) => late.close(), () => undefined)
      throw new StorageUnavailableError(NOT_ANSWERING)
    }
    return answered
  } catch (error) {
    // Storage disabled (private modes, policies), or a database from a newer schema.
    throw error instanceof StorageUnavailableError ? error : new StorageUnavailableError(describeError(error))
  } finally {
    clearTimeout(timer)
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
  if (error instanceof StorageUnavailableError) return error.message
  if (error instanceof DOMException || error instanceof Error) {
    if (error.name === 'QuotaExceededError') return 'the browser storage is full'
    if (error.name === 'VersionError') return 'the stored data was written by a newer version of the designer'
    if (error.name === 'InvalidStateError' || error.name === 'SecurityError') return 'the browser does not allow storage here'
    return error.message || error.name
  }
  return String(error)
}
