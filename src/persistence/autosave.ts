/**
 * Autosave: every change reaches IndexedDB within `maxDelayMs` (sooner when
 * the user pauses), and at once when the page is hidden or left. A page that
 * is going away cannot wait for IndexedDB, so then the open document is also
 * written synchronously to a backup (backup.ts) that the next page, or a tab
 * still open once this one is gone, promotes into IndexedDB. Its status is a
 * small store the toolbar shows: whenever what is on screen is not what is
 * stored, the status says so.
 *
 * Several tabs: each save is compare-and-set on the document's revision
 * (repository.ts), and announced on a BroadcastChannel. A tab with nothing
 * unsaved follows the other tab's newer revision. A tab with edits of its own
 * that cannot save because the other saved a newer revision keeps its text
 * as a document of its own ("name (other tab)", in Recent) and says so; the
 * user can then take the other version or keep this one. Nothing is dropped.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import { pageStorage, readBackups, removeBackup, writeBackup, backupOfKey, type BackupStorage } from './backup'
import { newDocumentId, rememberDocument } from './pointers'
import type { DocumentDraft, RecentEntry, SavedDocument } from './records'
import { NOT_ANSWERING, describeError, entryOf, type Promoted, type Repository, type SetAside } from './repository'
import { promoteClosedTabs } from './restore'
import { holdTabLock, pageLocks, whenTabIsGone, type TabLocks } from './tab-locks'

export type AutosaveState =
  | 'saved' // everything is in the browser
  | 'pending' // changes wait for the next save
  | 'saving'
  | 'failed' // the last save failed or is not answering; the next change tries again
  | 'off' // no storage at all

/** This tab's text was kept as a document of its own because another tab saved a newer version of the original. */
export interface Fork {
  /** This tab's copy, shown now. */
  mine: RecentEntry
  /** The original document, as the other tab saved it. */
  theirs: RecentEntry
}

export interface AutosaveStatus {
  state: AutosaveState
  /** Why saving failed or is off. */
  message?: string
  /** Set after a fork, until the user chooses (see `takeTheirs`, `keepThis`). */
  fork?: Fork
}

export const CHANNEL_NAME = 'cai-designer'
/** The words shown when a save neither succeeds nor fails. */
export const NOT_ANSWERING_MESSAGE = 'storage is not answering'

export interface SavedMessage {
  type: 'saved'
  tab: string
  entry: RecentEntry
}

export type Tell = (kind: 'info' | 'warning', text: string) => void

export interface AutosaveOptions {
  /** The document as it is now; called when a save starts. */
  snapshot: () => DocumentDraft
  /** Wait this long after the last change... */
  delayMs?: number
  /** ...but never longer than this after the first unsaved one. */
  maxDelayMs?: number
  /** A save that has neither succeeded nor failed after this long is reported as not answering. */
  stallMs?: number
  /** To hear the other tabs; null for none. Defaults to a BroadcastChannel where there is one. */
  channel?: BroadcastChannel | null
  /** Where the closing backup goes; defaults to localStorage. */
  backups?: BackupStorage | null
  /** Which tabs are open; defaults to the Web Locks API. */
  locks?: TabLocks | null
  /** Called after every save, e.g. to refresh the Recent list. */
  onSaved?: (document: SavedDocument) => void
  /** Puts a stored document in the page (not counted as a change): another tab's newer text, or the version the user takes. */
  show?: (document: SavedDocument) => void
  /** Renames the document in the page (not counted as a change): this tab's text kept as its own document. */
  rename?: (name: string) => void
  /** Tells the user something that happened without them asking. */
  tell?: Tell
  /** What the start-up brought in from closed tabs (restore.ts), to be told. */
  promoted?: Promoted[]
}

/** The name of this tab's text kept beside the newer version another tab saved. */
export const otherTabCopyName = (name: string): string => `${name.replace(/ \(other tab\)$/, '')} (other tab)`

/** What the tests (and only they) read about the autosave. */
export interface AutosaveInspection {
  tab: string
  /** Writes started (saves, forks), to poll instead of sleeping. */
  attempts: number
  /** Writes that completed. */
  completed: number
  /** Writes that failed (not those still waiting for an answer). */
  failures: number
  /** Backups of this tab's documents now in storage. */
  backups: number
}

export class Autosaver {
  readonly status: StoreApi<AutosaveStatus>
  readonly tab = Math.random().toString(36).slice(2, 12) || 'tab'
  private documentId: string
  private revision: number
  private readonly delayMs: number
  private readonly maxDelayMs: number
  private readonly stallMs: number
  private readonly channel: BroadcastChannel | null
  private readonly backups: BackupStorage | null
  private readonly locks: TabLocks | null
  private readonly releaseLock: () => void
  private readonly stopWatching = new AbortController()
  private readonly watchedTabs = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private firstPendingAt: number | undefined
  /** Counts changes; `savedChanges` is the count the last save included. */
  private changes = 0
  private savedChanges = 0
  private saving: Promise<void> | undefined
  /** A write that has not answered within `stallMs`: no other is started until it does. */
  private stalled: Promise<void> | undefined
  /** Another tab saved a newer revision of this document while this tab has edits: the next write keeps them as a copy. */
  private mustFork = false
  /**
   * The text and name stored at `revision`, as far as this tab knows: when
   * another tab saves a newer revision with the same text and name (it only
   * moved its cursor), this tab's edits still apply on top of it, and no copy
   * is needed.
   */
  private base: { text: string; name: string } | undefined
  /** The backups this tab wrote, by document id, with the change count each holds. */
  private readonly backedUp = new Map<string, number>()
  private quiet = 0
  /** Timed saves wait while held (the test hook's way to make two tabs disagree on purpose). */
  private held = false
  private attempts = 0
  private completed = 0
  private failures = 0

  constructor(
    private readonly repository: Repository | null,
    document: { id: string; revision: number },
    private readonly options: AutosaveOptions,
    offReason = 'browser storage is not available',
  ) {
    this.documentId = document.id
    this.revision = document.revision
    this.delayMs = options.delayMs ?? 300
    this.maxDelayMs = options.maxDelayMs ?? 1000
    this.stallMs = options.stallMs ?? 4000
    this.backups = options.backups !== undefined ? options.backups : pageStorage()
    this.locks = options.locks !== undefined ? options.locks : pageLocks()
    this.releaseLock = holdTabLock(this.locks, this.tab)
    this.status = createStore<AutosaveStatus>()(() =>
      repository
        ? { state: document.revision > 0 ? 'saved' : 'pending' }
        : // Storage that does not answer is a failure to save, not a browser without storage.
          { state: offReason === NOT_ANSWERING ? 'failed' : 'off', message: offReason === NOT_ANSWERING ? NOT_ANSWERING_MESSAGE : offReason },
    )
    this.channel =
      options.channel !== undefined ? options.channel : typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null
    if (this.channel) this.channel.onmessage = (event: MessageEvent<SavedMessage>) => void this.heard(event.data)
    for (const promotion of options.promoted ?? []) this.tellPromoted(promotion, true)
    if (repository) {
      rememberDocument(document.id)
      if (document.revision === 0) this.changed()
      // Tabs still open with a backup (hidden ones): promoted once they close.
      for (const { tab } of readBackups(this.backups)) this.watchTab(tab)
    }
  }

  get currentDocument(): { id: string; revision: number } {
    return { id: this.documentId, revision: this.revision }
  }

  /** The document changed: save it soon. */
  changed(): void {
    if (this.quiet > 0) return
    this.changes++
    this.schedule()
  }

  /** Changes made inside `apply` are not changes of the document (e.g. showing what was just loaded). */
  withoutSaving(apply: () => void): void {
    this.quiet++
    try {
      apply()
    } finally {
      this.quiet--
    }
  }

  /** Edits on screen that are not stored anywhere yet and may not be: leaving the page should warn. */
  hasUnsavedWork(): boolean {
    const { state } = this.status.getState()
    return this.changes !== this.savedChanges && (state === 'failed' || state === 'off')
  }

  inspect(): AutosaveInspection {
    return { tab: this.tab, attempts: this.attempts, completed: this.completed, failures: this.failures, backups: this.backedUp.size }
  }

  /** Holds the timed saves (saving on leaving, on switching and for a fork still happens), or lets them go. */
  holdTimedSaves(held: boolean): void {
    this.held = held
    if (!held && this.unsaved()) this.schedule()
  }

  /** Saves what is pending now; resolves when it is saved, or the save failed or is not answering. */
  async flush(): Promise<void> {
    for (let attempt = 0; attempt < 3 && this.canSave() && !this.stalled && (this.saving || this.unsaved()); attempt++) {
      await (this.saving ?? this.save())
    }
  }

  /**
   * The page is being hidden or left (visibilitychange, pagehide,
   * beforeunload): writes what is not saved yet to the backup at once,
   * synchronously, then saves it as usual, which may or may not finish
   * before the page is gone.
   */
  leaving(): void {
    if (!this.unsaved()) return
    const draft = this.options.snapshot()
    if (writeBackup(this.backups, this.tab, draft, this.revision)) this.backedUp.set(draft.id, this.changes)
    void this.flush()
  }

  /**
   * Listens to the page: saves and backs up when it is hidden or left, warns
   * before leaving while `unsavedWork` (or this autosave) says work would be
   * lost, and brings in the backups other tabs leave when they close.
   */
  listenToPage(unsavedWork: () => boolean): void {
    window.addEventListener('beforeunload', (event) => {
      this.leaving()
      if (unsavedWork() || this.hasUnsavedWork()) event.preventDefault()
    })
    window.addEventListener('pagehide', () => this.leaving())
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.leaving()
    })
    window.addEventListener('storage', (event) => {
      const key = backupOfKey(event.key)
      if (key && key.tab !== this.tab && event.newValue !== null) this.watchTab(key.tab)
    })
  }

  /**
   * Moves to another document: saves what is pending of the current one (kept
   * as a copy if another tab saved a newer version meanwhile), then, in one
   * synchronous step, runs `update` (which puts the other document in the
   * page; not counted as a change) and follows the other document from then
   * on. One just loaded has its stored revision; a new one has revision 0 and
   * is saved at once.
   */
  async switchDocument(next: { id: string; revision: number }, update: () => void): Promise<void> {
    await this.flush()
    if (this.unsaved()) {
      // Not saved (storage failing): the backup keeps it, promoted at the next start.
      const draft = this.options.snapshot()
      if (writeBackup(this.backups, this.tab, draft, this.revision)) this.backedUp.set(draft.id, this.changes)
    }
    this.cancelTimer()
    this.withoutSaving(update)
    this.documentId = next.id
    this.revision = next.revision
    this.savedChanges = this.changes
    this.mustFork = false
    this.base = next.revision > 0 ? this.options.snapshot() : undefined
    const { state, message } = this.status.getState()
    if (!this.repository) return
    rememberDocument(next.id)
    if (next.revision > 0) {
      this.setStatus(state === 'failed' && message === NOT_ANSWERING_MESSAGE && this.stalled ? { state, message } : { state: 'saved' })
    } else {
      this.changes++
      this.setStatus({ state: 'pending' })
      await this.save()
    }
  }

  /** After a fork: shows the other tab's version of the original document (`show`); this tab's copy stays in Recent. */
  async takeTheirs(): Promise<boolean> {
    const fork = this.status.getState().fork
    if (!this.repository || !fork || !this.options.show) return false
    const { document } = await this.repository.load(fork.theirs.id)
    if (!document) return false
    await this.switchDocument({ id: document.id, revision: document.revision }, () => this.options.show!(document))
    return true
  }

  /** After a fork: goes on with this tab's copy, as it is. */
  keepThis(): void {
    const { fork: _, ...rest } = this.status.getState()
    this.setStatus(rest)
  }

  dispose(): void {
    this.cancelTimer()
    this.channel?.close()
    this.stopWatching.abort()
    this.releaseLock()
  }

  private unsaved(): boolean {
    return this.changes !== this.savedChanges || this.mustFork
  }

  private schedule(): void {
    const { state } = this.status.getState()
    if (state === 'off' || !this.repository) return
    if (state !== 'failed') this.setStatus({ ...this.status.getState(), state: 'pending' })
    const now = Date.now()
    this.firstPendingAt ??= now
    clearTimeout(this.timer)
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPendingAt + this.maxDelayMs - now))
    if (this.held) return
    this.timer = setTimeout(() => void this.save(), wait)
  }

  private cancelTimer(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.firstPendingAt = undefined
  }

  private canSave(): boolean {
    return !!this.repository && this.status.getState().state !== 'off'
  }

  /** Starts a write, unless one is running; resolves when it ends, or when it has not answered within `stallMs`. */
  private save(): Promise<void> {
    this.cancelTimer()
    if (this.saving) return this.saving
    if (!this.canSave()) return Promise.resolve()
    if (this.stalled) {
      this.setStatus({ ...this.status.getState(), state: 'failed', message: NOT_ANSWERING_MESSAGE })
      return Promise.resolve()
    }
    this.attempts++
    const writing = this.mustFork ? this.fork() : this.write(true)
    let timer: ReturnType<typeof setTimeout> | undefined
    const answered = writing.then(() => 'answered' as const)
    const notAnswering = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), this.stallMs)))
    this.saving = Promise.race([answered, notAnswering]).then((outcome) => {
      clearTimeout(timer)
      this.saving = undefined
      if (outcome === 'stalled') {
        this.stalled = writing
        this.setStatus({ ...this.status.getState(), state: 'failed', message: NOT_ANSWERING_MESSAGE })
        void writing.finally(() => {
          // It answered after all: go on saving.
          this.stalled = undefined
          if (this.unsaved()) this.schedule()
        })
      } else if (this.unsaved() && this.status.getState().state === 'pending') {
        // Changes made while writing: another round.
        this.schedule()
      }
    })
    return this.saving
  }

  private async write(retry: boolean): Promise<void> {
    const upTo = this.changes
    const draft = { ...this.options.snapshot(), writer: this.tab }
    const { state, fork } = this.status.getState()
    if (state !== 'failed') this.setStatus({ state: 'saving', fork })
    try {
      const outcome = await this.repository!.save(draft, this.revision)
      // Moved to another document meanwhile: this outcome is no longer ours to show.
      if (draft.id !== this.documentId) return
      if (outcome.kind === 'conflict') {
        const { document } = await this.repository!.load(outcome.theirs.id)
        if (draft.id !== this.documentId) return
        if (document && ((document.text === draft.text && document.name === draft.name) || this.isBase(document))) {
          // The other tab saved the same, or only moved its cursor: nothing of theirs would be overwritten.
          this.revision = Math.max(this.revision, document.revision)
          if (retry) return await this.write(false)
        }
        this.mustFork = true
        return await this.fork()
      }
      this.saved(outcome.document, upTo)
    } catch (error) {
      this.failures++
      if (draft.id === this.documentId) this.setStatus({ state: 'failed', message: describeError(error), fork: this.status.getState().fork })
    }
  }

  /** This tab's edits cannot go into the document (another tab saved a newer revision): kept as a document of their own. */
  private async fork(): Promise<void> {
    const upTo = this.changes
    const draft = this.options.snapshot()
    const originalId = this.documentId
    const original = { id: draft.id, name: draft.name }
    const copy = { ...draft, id: newDocumentId(), name: otherTabCopyName(draft.name), writer: this.tab }
    this.setStatus({ state: 'saving' })
    try {
      const outcome = await this.repository!.save(copy, 0)
      if (outcome.kind !== 'saved' || originalId !== this.documentId) return
      const { document: theirs } = await this.repository!.load(original.id)
      this.mustFork = false
      this.documentId = copy.id
      this.revision = 0
      this.withoutSaving(() => this.options.rename?.(copy.name))
      const backedUp = this.backedUp.get(original.id)
      if (backedUp !== undefined && backedUp <= upTo) this.dropBackup(original.id)
      this.saved(outcome.document, upTo)
      this.setStatus({
        ...this.status.getState(),
        fork: { mine: entryOf(outcome.document), theirs: theirs ? entryOf(theirs) : { ...entryOf(outcome.document), id: original.id, name: original.name } },
      })
    } catch (error) {
      this.failures++
      if (originalId === this.documentId) {
        this.setStatus({ state: 'failed', message: `another tab saved a newer version, and this tab’s text could not be kept as a copy: ${describeError(error)}` })
      }
    }
  }

  /** A write of this tab's document, up to change `upTo`, is stored. */
  private saved(document: SavedDocument, upTo: number): void {
    this.completed++
    this.revision = document.revision
    this.base = { text: document.text, name: document.name }
    this.savedChanges = upTo
    rememberDocument(document.id)
    this.channel?.postMessage({ type: 'saved', tab: this.tab, entry: entryOf(document) } satisfies SavedMessage)
    const backedUp = this.backedUp.get(document.id)
    if (backedUp !== undefined && backedUp <= upTo) this.dropBackup(document.id)
    this.setStatus({ state: this.changes === upTo ? 'saved' : 'pending', fork: this.status.getState().fork })
    this.options.onSaved?.(document)
  }

  private dropBackup(id: string): void {
    removeBackup(this.backups, this.tab, id)
    this.backedUp.delete(id)
  }

  /** Another tab saved: follow it when this tab has nothing unsaved, keep this tab's edits as a copy when it has. */
  private async heard(message: SavedMessage): Promise<void> {
    if (message?.type !== 'saved' || message.tab === this.tab) return
    await this.newerElsewhere(message.entry)
  }

  private async newerElsewhere(theirs: RecentEntry): Promise<void> {
    if (!this.repository || theirs.id !== this.documentId || theirs.revision <= this.revision) return
    const changesBefore = this.changes
    const hadEdits = this.unsaved() || !!this.saving
    const { document } = await this.repository.load(theirs.id)
    if (!document || document.id !== this.documentId || document.revision <= this.revision) return
    if (hadEdits || this.changes !== changesBefore || this.saving) {
      if (this.isBase(document) && !this.mustFork) {
        // The other tab saved the text this tab's edits start from: they apply on top of its revision.
        // A write in flight meets the conflict and retries (see write).
        if (!this.saving) this.revision = document.revision
        return
      }
      // Edits based on an older revision (typed before or while it was read).
      this.mustFork = true
      if (!this.saving) await this.save()
      return
    }
    const { text, name } = this.options.snapshot()
    if ((document.text !== text || document.name !== name) && this.options.show) {
      this.withoutSaving(() => this.options.show!(document))
    } else if (document.text !== text || document.name !== name) {
      return
    }
    this.revision = document.revision
    this.base = { text: document.text, name: document.name }
    this.savedChanges = this.changes
    this.setStatus({ state: 'saved', fork: this.status.getState().fork })
  }

  private isBase(document: { text: string; name: string }): boolean {
    return this.base !== undefined && document.text === this.base.text && document.name === this.base.name
  }

  /** Waits for another tab with a backup to close, then brings its backup in (unless another page did first). */
  private watchTab(tab: string): void {
    if (this.watchedTabs.has(tab) || !this.repository || !this.locks) return
    this.watchedTabs.add(tab)
    whenTabIsGone(this.locks, tab, this.stopWatching.signal, async () => {
      this.watchedTabs.delete(tab)
      const setAside: SetAside[] = []
      try {
        const promoted = await promoteClosedTabs(this.repository!, this.backups, this.locks, setAside, tab)
        for (const promotion of promoted) {
          this.channel?.postMessage({ type: 'saved', tab: this.tab, entry: entryOf(promotion.document) } satisfies SavedMessage)
          this.tellPromoted(promotion, false)
          await this.newerElsewhere(entryOf(promotion.document))
        }
        for (const note of setAside) this.options.tell?.('warning', `A closed tab’s unsaved edits could not be read (${note.reason}). They were set aside, not deleted.`)
        if (promoted.length > 0) this.options.onSaved?.(promoted[promoted.length - 1].document)
      } catch (error) {
        this.options.tell?.('warning', `A closed tab’s unsaved edits could not be stored yet (${describeError(error)}); they are kept for the next start.`)
      }
    })
  }

  private tellPromoted(promotion: Promoted, atStart: boolean): void {
    const { document } = promotion
    if (promotion.kind === 'applied') {
      // A warning, not information: it stays until dismissed, so it is not missed while a slow page loads.
      this.options.tell?.('warning', atStart ? 'Restored the edits from when this tab closed.' : `Saved the edits a closing tab left in “${document.name}”.`)
    } else {
      this.options.tell?.(
        'warning',
        `A tab closed with edits to “${promotion.original}” after another tab saved a newer version: its edits are kept as “${document.name}” in Recent.`,
      )
    }
  }

  private setStatus(status: AutosaveStatus): void {
    if (status.fork === undefined) delete status.fork
    if (status.message === undefined) delete status.message
    this.status.setState(status, true)
  }
}
