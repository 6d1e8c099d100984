/**
 * Autosave: every change reaches IndexedDB within `maxDelayMs` (sooner when
 * the user pauses), at once on `flush()` (the page calls it when it is
 * hidden), and in one go on `leaving()` (beforeunload, pagehide: when no
 * callback may run any more). Its status is a small store the toolbar shows.
 *
 * Several tabs: each save is compare-and-set on the document's revision
 * (repository.ts), and announced on a BroadcastChannel. When another tab
 * saved a newer revision with a different text, this tab stops saving that
 * document (status `conflict`) until the user chooses: take theirs, or keep
 * this tab's text as a new document. A newer revision with the same text is
 * simply adopted: nothing would be overwritten.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import { rememberDocument } from './pointers'
import type { DocumentDraft, RecentEntry, SavedDocument } from './records'
import { describeError, entryOf, type Repository } from './repository'

export type AutosaveState =
  | 'saved' // everything is in the browser
  | 'pending' // changes wait for the next save
  | 'saving'
  | 'failed' // the last save failed; the next change tries again
  | 'conflict' // another tab saved a newer revision: not saving until the user chooses
  | 'off' // no storage at all

export interface AutosaveStatus {
  state: AutosaveState
  /** Why saving failed or is off. */
  message?: string
  /** The newer revision another tab saved (state `conflict`). */
  theirs?: RecentEntry
}

export const CHANNEL_NAME = 'cai-designer'

export interface SavedMessage {
  type: 'saved'
  tab: string
  entry: RecentEntry
}

export interface AutosaveOptions {
  /** The document as it is now; called when a save starts. */
  snapshot: () => DocumentDraft
  /** Wait this long after the last change... */
  delayMs?: number
  /** ...but never longer than this after the first unsaved one. */
  maxDelayMs?: number
  /** To hear the other tabs; null for none. Defaults to a BroadcastChannel where there is one. */
  channel?: BroadcastChannel | null
  /** Called after every save, e.g. to refresh the Recent list. */
  onSaved?: (document: SavedDocument) => void
}

type Newer = 'adopted' | 'conflict' | 'gone'

export class Autosaver {
  readonly status: StoreApi<AutosaveStatus>
  private documentId: string
  private revision: number
  private readonly tab = Math.random().toString(36).slice(2)
  private readonly delayMs: number
  private readonly maxDelayMs: number
  private readonly channel: BroadcastChannel | null
  private timer: ReturnType<typeof setTimeout> | undefined
  private firstPendingAt: number | undefined
  /** Counts changes; `savedChanges` is the count the last save included. */
  private changes = 0
  private savedChanges = 0
  private saving: Promise<void> | undefined
  private quiet = 0

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
    this.status = createStore<AutosaveStatus>()(() =>
      repository ? { state: document.revision > 0 ? 'saved' : 'pending' } : { state: 'off', message: offReason },
    )
    this.channel =
      options.channel !== undefined ? options.channel : typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null
    if (this.channel) this.channel.onmessage = (event: MessageEvent<SavedMessage>) => void this.heard(event.data)
    if (repository) {
      rememberDocument(document.id)
      if (document.revision === 0) this.changed()
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

  /** Saves what is pending now; resolves when it is saved, or the save failed. */
  async flush(): Promise<void> {
    for (let attempt = 0; attempt < 3 && this.canSave() && (this.saving || this.changes !== this.savedChanges); attempt++) {
      await (this.saving ?? this.save())
    }
  }

  /**
   * The page may be going away (beforeunload, pagehide): write what is not
   * saved yet in one transaction that needs no callback, since none may run
   * any more. Not compare-and-set, so only done when no other tab announced
   * a newer revision; counted as saved, so a page that stays (the user
   * cancelled leaving) goes on from the revision it wrote.
   */
  leaving(): void {
    if (!this.canSave() || this.changes === this.savedChanges) return
    const draft = this.options.snapshot()
    try {
      const document = this.repository!.saveNow(draft, this.revision)
      this.revision = document.revision
      this.savedChanges = this.changes
      this.cancelTimer()
      this.channel?.postMessage({ type: 'saved', tab: this.tab, entry: entryOf(document) } satisfies SavedMessage)
      this.setStatus({ state: 'saved' })
    } catch {
      // Nothing more can be done while the page unloads; the last regular save stands.
    }
  }

  /**
   * Moves to another document: saves what is pending of the current one, then,
   * in one synchronous step, runs `update` (which puts the other document in
   * the page; not counted as a change) and follows the other document from
   * then on. One just loaded has its stored revision; a new one has revision
   * 0 and is saved at once.
   */
  async switchDocument(next: { id: string; revision: number }, update: () => void): Promise<void> {
    await this.flush()
    this.cancelTimer()
    this.withoutSaving(update)
    this.documentId = next.id
    this.revision = next.revision
    this.savedChanges = this.changes
    if (!this.repository) return
    rememberDocument(next.id)
    if (next.revision > 0) {
      this.setStatus({ state: 'saved' })
    } else {
      this.changes++
      this.setStatus({ state: 'pending' })
      await this.save()
    }
  }

  /** After a conflict: shows the other tab's newer document (`show`, not counted as a change) and saves on top of it. */
  async takeTheirs(show: (document: SavedDocument) => void): Promise<boolean> {
    if (!this.repository) return false
    const { document } = await this.repository.load(this.documentId)
    if (!document) return false
    this.cancelTimer()
    this.withoutSaving(() => show(document))
    this.revision = document.revision
    this.savedChanges = this.changes
    this.setStatus({ state: 'saved' })
    return true
  }

  /** After a conflict: this tab's text becomes a new document under `newId`; the other tab's stays as it is. */
  async keepMineAsNew(newId: string): Promise<void> {
    this.setStatus({ state: 'pending' })
    await this.switchDocument({ id: newId, revision: 0 }, () => undefined)
  }

  dispose(): void {
    this.cancelTimer()
    this.channel?.close()
  }

  private schedule(): void {
    const { state } = this.status.getState()
    if (state === 'conflict' || state === 'off') return
    if (state !== 'failed') this.setStatus({ state: 'pending' })
    const now = Date.now()
    this.firstPendingAt ??= now
    clearTimeout(this.timer)
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPendingAt + this.maxDelayMs - now))
    this.timer = setTimeout(() => void this.save(), wait)
  }

  private cancelTimer(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.firstPendingAt = undefined
  }

  private canSave(): boolean {
    const { state } = this.status.getState()
    return !!this.repository && state !== 'conflict' && state !== 'off'
  }

  private save(): Promise<void> {
    this.cancelTimer()
    if (this.saving) return this.saving
    if (!this.canSave()) return Promise.resolve()
    this.saving = this.write(true).finally(() => {
      this.saving = undefined
      // Changes made while writing: another round.
      if (this.changes !== this.savedChanges && this.status.getState().state === 'pending') this.schedule()
    })
    return this.saving
  }

  private async write(retry: boolean): Promise<void> {
    const upTo = this.changes
    const draft = this.options.snapshot()
    if (this.status.getState().state !== 'failed') this.setStatus({ state: 'saving' })
    try {
      const outcome = await this.repository!.save(draft, this.revision)
      // Moved to another document meanwhile: this outcome is no longer ours to show.
      if (draft.id !== this.documentId) return
      if (outcome.kind === 'conflict') {
        const newer = await this.newerElsewhere(outcome.theirs, draft.text, draft.name)
        if (newer === 'adopted' && retry) return await this.write(false)
        if (newer !== 'conflict') this.setStatus({ state: 'failed', message: 'another tab is saving this document at the same time' })
        return
      }
      this.revision = outcome.document.revision
      this.savedChanges = upTo
      rememberDocument(draft.id)
      this.channel?.postMessage({ type: 'saved', tab: this.tab, entry: entryOf(outcome.document) } satisfies SavedMessage)
      this.setStatus({ state: this.changes === upTo ? 'saved' : 'pending' })
      this.options.onSaved?.(outcome.document)
    } catch (error) {
      if (draft.id === this.documentId) this.setStatus({ state: 'failed', message: describeError(error) })
    }
  }

  private async heard(message: SavedMessage): Promise<void> {
    if (message?.type !== 'saved' || message.tab === this.tab || !this.repository) return
    const theirs = message.entry
    if (theirs.id !== this.documentId || theirs.revision <= this.revision) return
    const { text, name } = this.options.snapshot()
    await this.newerElsewhere(theirs, text, name)
  }

  /** Another tab saved `theirs`: adopt its revision if it holds what this tab holds, else stop saving and ask. */
  private async newerElsewhere(theirs: RecentEntry, text: string, name: string): Promise<Newer> {
    const { document } = await this.repository!.load(theirs.id)
    if (!document || document.id !== this.documentId || document.revision <= this.revision) return 'gone'
    if (document.text === text && document.name === name) {
      this.revision = document.revision
      return 'adopted'
    }
    this.cancelTimer()
    this.setStatus({ state: 'conflict', theirs: entryOf(document) })
    return 'conflict'
  }

  private setStatus(status: AutosaveStatus): void {
    this.status.setState(status, true)
  }
}
