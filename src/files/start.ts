/**
 * Page start-up for files, links and autosave. `prepareStart` runs before the
 * store exists: it reads the link in the URL fragment and the saved state,
 * and says which text the page starts with. `start` then wires everything to
 * the store: autosave, page events (unload, visibility, fragment changes),
 * the file commands of the action registry, and the messages about what was
 * found.
 *
 * A view-only link shows its picture and nothing else: no autosave, nothing
 * stored, nothing asked. An editable link opens as a new document after the
 * saved one is back, so the local work stays in Recent.
 */
import { Autosaver, type AutosaveInspection } from '../persistence/autosave'
import { registerForkCompare } from '../persistence/fork-compare'
import { newDocumentId } from '../persistence/pointers'
import { restore, type Restored } from '../persistence/restore'
import { decodeShareFragment, type DecodeResult, type SharedDocument } from '../share/codec'
import { decodeReviewFragment, type ReviewPair } from '../share/review-link'
import { compareStore } from '../store/compare'
import type { DesignerStore } from '../store/designer'
import { runtimeStore, takeLegacyScenarios } from '../store/runtime'
import { provideServices } from '../actions/services'
import { prepareText, WORKER_THRESHOLD } from '../workers/load-text'
import { ask } from './dialog'
import {
  connectDocuments,
  copyShareLink,
  downloadDocument,
  exportImage,
  files,
  isDirty,
  openDocument,
  openFromPicker,
  placeCursor,
  refreshRecent,
  saveToFile,
  showRuntimeOf,
  showSaved,
  snapshot,
} from './documents'
import { notify } from './notices'

/** The name a new document starts with. */
export const NEW_DOCUMENT_NAME = 'untitled.cai'

export interface Start {
  /** The text and name to create the store with. */
  text: string
  name: string
  viewOnly: boolean
  /** Wires files, links and autosave to the page's store. */
  start(store: DesignerStore): void
}

export async function prepareStart(fallback: { text: string; name: string }): Promise<Start> {
  // The command layer tells and asks through the page's notices and dialogs.
  provideServices({ tell: (text) => notify('info', text), ask })
  const review = decodeReviewFragment(location.hash)
  if (review.kind === 'review') return reviewStart(review.review)
  const link: DecodeResult = review.kind === 'refused' ? { kind: 'refused', reason: 'corrupted', message: review.message } : decodeShareFragment(location.hash)
  if (link.kind === 'document' && link.document.viewOnly) return viewOnlyStart(link)
  const restored = await restore()
  const saved = restored.document
  // A big saved text is parsed in the worker after start-up, not while the page starts.
  const big = !!saved && saved.text.length > WORKER_THRESHOLD
  return {
    text: saved && !big ? saved.text : saved ? '' : fallback.text,
    name: saved?.name ?? fallback.name,
    viewOnly: false,
    start: (store) => startEditing(store, restored, fallback, link, big),
  }
}

function viewOnlyStart(link: OpenedLink): Start {
  const shared = link.document
  files.setState({ viewOnly: true })
  return {
    text: shared.text,
    name: shared.name,
    viewOnly: true,
    start(store) {
      store.getState().setView({ editorVisible: false, canvasVisible: true })
      placeCursor(store, 0, shared.workflow)
      // Nothing is stored for a view-only link: its scenarios and profile last as long as the page.
      showRuntimeOf(shared)
      tellAboutRun(link)
    },
  }
}

type OpenedLink = Extract<DecodeResult, { kind: 'document' }>

/** What the user should know about a link's dry-run part: what was refused, and a profile of its own. */
function tellAboutRun(link: OpenedLink): void {
  for (const notice of link.notices ?? []) notify('warning', notice)
  if (link.document.profile) notify('info', LINK_PROFILE_NOTICE)
}

export const LINK_PROFILE_NOTICE =
  'This link carries its own runtime profile: the dry run, the jobs calendar and the runtime warnings use it in this view only. Your saved settings are unchanged.'

/**
 * A review link: its comparison, read-only, and nothing else. Like a
 * view-only link, nothing is read from or written to the browser's storage:
 * the user's document and its autosave are never touched.
 */
function reviewStart(review: ReviewPair): Start {
  compareStore.getState().open({
    before: { text: review.before, label: review.beforeLabel },
    after: { text: review.after, label: review.afterLabel },
    name: review.name,
    readOnly: true,
  })
  return {
    text: review.after,
    name: review.name,
    viewOnly: true,
    // Another link put in the address: the page it makes is a new one.
    start: () => window.addEventListener('hashchange', () => location.reload()),
  }
}

function startEditing(store: DesignerStore, restored: Restored, fallback: { text: string }, link: DecodeResult, big: boolean) {
  const saved = restored.document
  const autosave = new Autosaver(
    restored.repository,
    saved ? { id: saved.id, revision: saved.revision } : { id: newDocumentId(), revision: 0 },
    {
      snapshot,
      onSaved: () => void refreshRecent(),
      show: (document) => showSaved(store, document),
      rename: (name) => store.getState().setDocName(name),
      tell: notify,
      promoted: restored.promoted,
    },
    restored.offReason,
  )
  connectDocuments({ store, autosave, repository: restored.repository })
  files.setState({ recent: restored.recent, cleanText: saved ? null : fallback.text })

  // Scenarios an older version kept for every document at once go with the document restored first.
  const legacy = saved && !saved.scenarios ? takeLegacyScenarios() : undefined
  const adoptLegacy = () => legacy && runtimeStore.getState().replaceScenarios(legacy)

  const follow = () => {
    store.subscribe((state, previous) => {
      if (
        state.text !== previous.text ||
        state.docName !== previous.docName ||
        state.selectedWorkflow !== previous.selectedWorkflow ||
        state.cursorOffset !== previous.cursorOffset
      ) {
        autosave.changed()
      }
    })
    files.subscribe((state, previous) => {
      if (state.cleanText !== previous.cleanText || state.fileHandle !== previous.fileHandle || state.bom !== previous.bom) autosave.changed()
    })
    // The dry-run scenarios are saved with the document.
    runtimeStore.subscribe((state, previous) => {
      if (state.scenarios !== previous.scenarios) autosave.changed()
    })
    if (legacy) autosave.changed()
    if (link.kind === 'document') void openLink(link)
  }

  if (saved && big) {
    // Followed only once the text is in: an autosave of the empty placeholder must never replace it.
    void prepareText(saved.text, saved.name).then((prepared) => {
      if (prepared) showSaved(store, saved, prepared.apply)
      adoptLegacy()
      follow()
    })
  } else {
    if (saved) showSaved(store, saved, () => undefined)
    adoptLegacy()
    follow()
  }

  listenToPage(autosave)
  provideServices({
    files: {
      // A new document asks first over unsaved changes; what was open stays in Recent.
      newDocument: () => openDocument({ text: '', name: NEW_DOCUMENT_NAME }),
      open: openFromPicker,
      save: saveToFile,
      download: downloadDocument,
      exportImage,
      copyShareLink,
    },
  })
  if (restored.offReason) notify('warning', `Autosave is off: ${restored.offReason}. Download your work to keep it.`)
  for (const note of restored.setAside) {
    notify('warning', `A saved document could not be read (${note.reason}). It was set aside, not deleted.`)
  }
  if (link.kind === 'refused') notify('error', link.message)
  installFileHooks(autosave)
  offerForkCompare(store, restored)
}

/**
 * Opens an editable share link as a new document (asking first over unsaved
 * changes), with its scenarios and, for this view only, its runtime profile;
 * then clears it from the address.
 */
async function openLink(link: OpenedLink): Promise<void> {
  const shared: SharedDocument = link.document
  const opened = await openDocument({ text: shared.text, name: shared.name, workflow: shared.workflow, scenarios: shared.scenarios, profile: shared.profile })
  // Opened or declined, the link has been dealt with: a reload must not open it again.
  history.replaceState(history.state, '', location.href.split('#')[0])
  if (!opened) return
  notify('info', `Opened the shared document “${shared.name}”. What you had open before is in Recent.`)
  tellAboutRun(link)
}

function listenToPage(autosave: Autosaver) {
  autosave.listenToPage(isDirty)
  window.addEventListener('hashchange', () => {
    // A review link opens its own read-only page.
    const review = decodeReviewFragment(location.hash)
    if (review.kind === 'review') return location.reload()
    if (review.kind === 'refused') return notify('error', review.message)
    const link = decodeShareFragment(location.hash)
    if (link.kind === 'refused') notify('error', link.message)
    else if (link.kind === 'document' && link.document.viewOnly) location.reload()
    else if (link.kind === 'document') void openLink(link)
  })
}

/** What the end-to-end tests read about files and saving. */
export interface CaiFilesHooks {
  state(): { dirty: boolean; documentId: string; revision: number; autosave: string; message?: string; viewOnly: boolean } & AutosaveInspection
  flush(): Promise<void>
  /** Timed saves wait while held: makes two tabs disagree on purpose in tests. */
  holdTimedSaves(held: boolean): void
}

declare global {
  interface Window {
    __caiFiles?: CaiFilesHooks
  }
}

/** After a fork, the banner's Compare shows the other tab's version beside this tab's text, in the Compare view. */
function offerForkCompare(store: DesignerStore, restored: Restored): void {
  const repository = restored.repository
  if (!repository) return
  registerForkCompare((fork) => {
    void repository.load(fork.theirs.id).then(
      ({ document }) => {
        if (!document) {
          notify('warning', `The other tab’s version of “${fork.theirs.name}” could not be read, so there is nothing to compare with.`)
          return
        }
        compareStore.getState().open({
          before: { text: document.text, label: `${document.name} (saved by the other tab)` },
          after: { text: store.getState().text, label: `${store.getState().docName} (this tab)` },
          name: store.getState().docName,
        })
      },
      () => notify('warning', 'The other tab’s version could not be read from the browser’s storage.'),
    )
  })
}

function installFileHooks(autosave: Autosaver) {
  window.__caiFiles = {
    state: () => {
      const { state, message } = autosave.status.getState()
      const { id, revision } = autosave.currentDocument
      return { dirty: isDirty(), documentId: id, revision, autosave: state, message, viewOnly: files.getState().viewOnly, ...autosave.inspect() }
    },
    flush: () => autosave.flush(),
    holdTimedSaves: (held) => autosave.holdTimedSaves(held),
  }
}
