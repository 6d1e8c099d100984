/**
 * Start-up: open the database, bring in what closed tabs left unsaved
 * (backup.ts), and find the document to bring back: this tab's, else the
 * last one saved, else the newest in Recent. Whatever cannot be read is set
 * aside and reported; nothing here stops the page from starting (without
 * storage, or with storage that does not answer, the page starts with
 * autosave off).
 */
import { readBackups, removeBackup, pageStorage, type BackupStorage } from './backup'
import { rememberedDocuments } from './pointers'
import type { RecentEntry, SavedDocument } from './records'
import { NOT_ANSWERING, Repository, StorageUnavailableError, describeError, type Promoted, type RepositoryOptions, type SetAside } from './repository'
import { pageLocks, tabIsGone, type TabLocks } from './tab-locks'

export interface Restored {
  /** Null when there is no usable storage; `offReason` says why. */
  repository: Repository | null
  offReason?: string
  document?: SavedDocument
  recent: RecentEntry[]
  /** Stored values that could not be read and were set aside. */
  setAside: SetAside[]
  /** Edits of closed tabs brought in from their backups. */
  promoted: Promoted[]
}

export interface RestoreOptions extends RepositoryOptions {
  remembered?: string[]
  backups?: BackupStorage | null
  locks?: TabLocks | null
  /** Reading what is stored gives up after this long (storage that never answers). */
  readTimeoutMs?: number
}

export async function restore(options: RestoreOptions = {}): Promise<Restored> {
  let repository: Repository
  try {
    repository = await Repository.open(options)
  } catch (error) {
    return { repository: null, offReason: error instanceof StorageUnavailableError ? error.message : describeError(error), recent: [], setAside: [], promoted: [] }
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const notAnswering = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageUnavailableError(NOT_ANSWERING)), options.readTimeoutMs ?? 4000)
  })
  try {
    return await Promise.race([read(repository, options), notAnswering])
  } catch (error) {
    repository.close()
    return { repository: null, offReason: describeError(error), recent: [], setAside: [], promoted: [] }
  } finally {
    clearTimeout(timer)
  }
}

async function read(repository: Repository, options: RestoreOptions): Promise<Restored> {
  const setAside: SetAside[] = []
  const promoted = await promoteClosedTabs(repository, options.backups === undefined ? pageStorage() : options.backups, options.locks === undefined ? pageLocks() : options.locks, setAside)
  const { entries, setAside: unreadable } = await repository.recent()
  setAside.push(...unreadable)
  const candidates = new Set([...(options.remembered ?? rememberedDocuments()), ...entries.map((entry) => entry.id)])
  const recent = () => entries.filter((entry) => !setAside.some((note) => note.key === entry.id))
  for (const id of candidates) {
    const loaded = await repository.load(id)
    if (loaded.setAside) setAside.push(loaded.setAside)
    if (loaded.document) return { repository, document: loaded.document, recent: recent(), setAside, promoted }
  }
  return { repository, recent: recent(), setAside, promoted }
}

/** The name of a closed tab's edits kept beside a newer version another tab saved. */
export const closedTabCopyName = (name: string): string => `${name} (closed tab)`

/**
 * Brings into the database the backups of the tabs that are gone, oldest
 * first; the backups of tabs still open are left to them. With `tab`, only
 * that tab's, which the caller knows is gone: it holds that tab's lock (see
 * whenTabIsGone), and asking for the lock again would find it taken, since
 * Web Locks are not re-entrant. A backup that cannot be read is set aside in
 * the quarantine, like stored data.
 */
export async function promoteClosedTabs(repository: Repository, storage: BackupStorage | null, locks: TabLocks | null, setAside: SetAside[], tab?: string): Promise<Promoted[]> {
  const promoted: Promoted[] = []
  const found = readBackups(storage, tab).sort((a, b) => (a.backup?.ok ? a.backup.value.writtenAt : 0) - (b.backup?.ok ? b.backup.value.writtenAt : 0))
  for (const { tab: owner, id, backup, raw } of found) {
    if (!backup || (tab === undefined && !(await tabIsGone(locks, owner)))) continue
    if (backup.ok) {
      const outcome = await repository.promote(backup.value, closedTabCopyName)
      if (outcome.kind !== 'unchanged') promoted.push(outcome)
    } else {
      setAside.push(await repository.setAside('backup', `${owner}.${id}`, raw, backup.reason))
    }
    removeBackup(storage, owner, id)
  }
  return promoted
}
