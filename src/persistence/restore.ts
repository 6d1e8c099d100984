/**
 * Start-up: open the database and find the document to bring back: this
 * tab's, else the last one saved, else the newest in Recent. Whatever cannot
 * be read is set aside and reported; nothing here stops the page from
 * starting (without storage, the page starts with autosave off).
 */
import { rememberedDocuments } from './pointers'
import type { RecentEntry, SavedDocument } from './records'
import { Repository, StorageUnavailableError, describeError, type RepositoryOptions, type SetAside } from './repository'

export interface Restored {
  /** Null when there is no usable storage; `offReason` says why. */
  repository: Repository | null
  offReason?: string
  document?: SavedDocument
  recent: RecentEntry[]
  /** Stored values that could not be read and were set aside. */
  setAside: SetAside[]
}

export async function restore(options: RepositoryOptions & { remembered?: string[] } = {}): Promise<Restored> {
  let repository: Repository
  try {
    repository = await Repository.open(options)
  } catch (error) {
    return { repository: null, offReason: error instanceof StorageUnavailableError ? error.message : describeError(error), recent: [], setAside: [] }
  }
  try {
    const { entries, setAside } = await repository.recent()
    const candidates = new Set([...(options.remembered ?? rememberedDocuments()), ...entries.map((entry) => entry.id)])
    for (const id of candidates) {
      const loaded = await repository.load(id)
      if (loaded.setAside) setAside.push(loaded.setAside)
      if (loaded.document) {
        return { repository, document: loaded.document, recent: entries.filter((entry) => !setAside.some((note) => note.key === entry.id)), setAside }
      }
    }
    return { repository, recent: entries.filter((entry) => !setAside.some((note) => note.key === entry.id)), setAside }
  } catch (error) {
    repository.close()
    return { repository: null, offReason: describeError(error), recent: [], setAside: [] }
  }
}
