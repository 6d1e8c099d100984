/**
 * The document the page shows, as a file: opening it (file picker, drop,
 * examples, Recent, share links), saving it (back to its file, or as a
 * download), the unsaved-changes mark, share links, pictures, and the wiring
 * to the autosave. Opening never loses anything: the document shown before
 * stays in Recent, and the user is asked first when it has changes not saved
 * to a file.
 */
import { createStore } from 'zustand/vanilla'
import type { Autosaver } from '../persistence/autosave'
import { newDocumentId } from '../persistence/pointers'
import type { DocumentDraft, RecentEntry, SavedDocument } from '../persistence/records'
import type { Repository } from '../persistence/repository'
import { LONG_LINK_CHARS, makeShareLink, ShareEncodeError } from '../share/codec'
import type { RuntimeProfile } from '../runtime/profile'
import type { DesignerStore } from '../store/designer'
import { runtimeStore, scenarioMap } from '../store/runtime'
import { prepareText } from '../workers/load-text'
import { ask } from './dialog'
import { exportCanvasImage, NothingToExportError, type ImageKind } from './export-image'
import { canWriteFiles, download, pickFile, pickSaveTarget, writeFile, type PickedFile } from './file-access'
import { notify } from './notices'
import { baseNameOf, decodeFileBytes, encodeFileText, fileNameFor } from './text-file'

export interface FileState {
  /** The text as last opened, saved to a file or downloaded; null when unknown (a document restored with changes). */
  cleanText: string | null
  /** Its file began with a UTF-8 byte-order mark: written back on save. */
  bom: boolean
  /** The file it was opened from or saved to, where the browser gives one (Chromium). */
  fileHandle: FileSystemFileHandle | null
  recent: RecentEntry[]
  /** A view-only link is shown: no text pane, no editing, nothing saved. */
  viewOnly: boolean
}

export const files = createStore<FileState>()(() => ({ cleanText: null, bom: false, fileHandle: null, recent: [], viewOnly: false }))

/** A document arriving from outside: a file, an example, a link. */
export interface IncomingDocument {
  text: string
  name: string
  bom?: boolean
  fileHandle?: FileSystemFileHandle | null
  /** The workflow to show first. */
  workflow?: string
  /** Its dry-run scenarios by workflow name (a share link's). */
  scenarios?: Record<string, string>
  /** A share link's runtime profile: shown in this view only, never saved. */
  profile?: RuntimeProfile
}

interface Context {
  store: DesignerStore
  autosave: Autosaver
  repository: Repository | null
}

let context: Context | null = null

function page(): Context {
  if (!context) throw new Error('the document controller has not started')
  return context
}

export function connectDocuments(connected: Context): void {
  context = connected
}

/** The autosave's status, for the toolbar. */
export function autosaveStatus(): Autosaver['status'] {
  return page().autosave.status
}

/** Changed since it was last opened, saved to a file or downloaded. */
export function isDirty(): boolean {
  return !files.getState().viewOnly && files.getState().cleanText !== page().store.getState().text
}

/** The autosave's view of the page: everything needed to bring it back. */
export function snapshot(): DocumentDraft {
  const { store, autosave } = page()
  const state = store.getState()
  const file = files.getState()
  return {
    id: autosave.currentDocument.id,
    name: state.docName,
    text: state.text,
    selectedWorkflow: state.selectedWorkflow,
    cursorOffset: Math.min(state.cursorOffset, state.text.length),
    dirty: file.cleanText !== state.text,
    bom: file.bom,
    ...(file.fileHandle ? { fileHandle: file.fileHandle } : {}),
    ...savedScenarios(),
  }
}

/** The document's dry-run scenarios, for its saved record (none when there are none). */
function savedScenarios(): { scenarios?: Record<string, string> } {
  const scenarios = runtimeStore.getState().scenarios
  return Object.keys(scenarios).length > 0 ? { scenarios: { ...scenarios } } : {}
}

/**
 * The dry-run state that belongs to a document, put in place when it is
 * shown: its scenarios, and the runtime profile (a link's for a document
 * opened from a link, else the user's saved one).
 */
export function showRuntimeOf(document: { scenarios?: Record<string, string>; profile?: RuntimeProfile }): void {
  const runtime = runtimeStore.getState()
  runtime.replaceScenarios(scenarioMap(document.scenarios))
  if (document.profile) runtime.applyLinkProfile(document.profile)
  else runtime.restoreSavedProfile()
}

async function confirmReplacing(what: string): Promise<boolean> {
  if (!isDirty()) return true
  const current = page().store.getState().docName
  const answer = await ask({
    title: `Open ${what}?`,
    message: [
      `“${current}” has changes that are not saved to a file or downloaded.`,
      'It stays in Recent, so you can open it again from there.',
    ],
    actions: [
      { label: 'Open', value: true, primary: true },
      { label: 'Cancel', value: false },
    ],
  })
  return answer === true
}

/** Puts the cursor at `offset` (in the store and, once it is there, the editor) and shows `workflow` if it exists. */
export function placeCursor(store: DesignerStore, offset: number, workflow?: string | null): void {
  const state = store.getState()
  const at = Math.min(Math.max(0, offset), state.text.length)
  state.setCursor(at)
  state.revealSpan({ start: at, end: at }, false)
  const names = state.parsed.doc.items.flatMap((item) => (item.kind === 'workflow' ? [item.name] : []))
  const shown = workflow && names.includes(workflow) ? workflow : (store.getState().selectedWorkflow ?? names[0])
  if (shown) store.getState().selectWorkflow(shown)
}

/** Opens a document from outside as a new document; the current one stays in Recent. False if not opened. */
export async function openDocument(incoming: IncomingDocument, options: { ask?: boolean } = {}): Promise<boolean> {
  const { store, autosave } = page()
  if (options.ask !== false && !(await confirmReplacing(`“${incoming.name}”`))) return false
  const prepared = await prepareText(incoming.text, incoming.name)
  if (!prepared) return false
  await autosave.switchDocument({ id: newDocumentId(), revision: 0 }, () => {
    prepared.apply(store)
    store.getState().setDocName(incoming.name)
    placeCursor(store, 0, incoming.workflow)
    files.setState({ cleanText: incoming.text, bom: incoming.bom ?? false, fileHandle: incoming.fileHandle ?? null })
    showRuntimeOf(incoming)
  })
  void refreshRecent()
  return true
}

/** Opens a document from the Recent list, as it was left. */
export async function openRecent(id: string): Promise<void> {
  const { store, autosave, repository } = page()
  if (!repository || id === autosave.currentDocument.id) return
  const entry = files.getState().recent.find((each) => each.id === id)
  if (!(await confirmReplacing(entry ? `“${entry.name}”` : 'that document'))) return
  const { document, setAside } = await repository.load(id)
  if (setAside) notify('warning', `“${entry?.name ?? id}” could not be read (${setAside.reason}); it was set aside.`)
  if (!document) {
    notify('error', `“${entry?.name ?? id}” is no longer stored in this browser.`)
    void refreshRecent()
    return
  }
  const prepared = await prepareText(document.text, document.name)
  if (!prepared) return
  await autosave.switchDocument({ id: document.id, revision: document.revision }, () => {
    showSaved(store, document, prepared.apply)
    runtimeStore.getState().restoreSavedProfile()
  })
  void refreshRecent()
}

/** Shows a stored document exactly as it was saved: text, name, cursor, workflow, file, dry-run scenarios. */
export function showSaved(store: DesignerStore, document: SavedDocument, apply = (target: DesignerStore) => target.getState().setText(document.text, 'file')) {
  apply(store)
  runtimeStore.getState().replaceScenarios(scenarioMap(document.scenarios))
  store.getState().setDocName(document.name)
  placeCursor(store, document.cursorOffset, document.selectedWorkflow)
  files.setState({ cleanText: document.dirty ? null : document.text, bom: document.bom, fileHandle: document.fileHandle ?? null })
}

export async function refreshRecent(): Promise<void> {
  const { repository } = page()
  if (!repository) return
  try {
    const { entries, setAside } = await repository.recent()
    files.setState({ recent: entries })
    for (const note of setAside) notify('warning', `A saved document could not be read (${note.reason}); it was set aside.`)
  } catch {
    // The list stays as it was; the autosave reports storage problems.
  }
}

/** Opens a picked or dropped file. */
export async function openFile(file: PickedFile): Promise<boolean> {
  const decoded = decodeFileBytes(file.bytes, file.name)
  if (!decoded.ok) {
    notify('error', decoded.message)
    return false
  }
  return openDocument({ text: decoded.text, name: file.name, bom: decoded.bom, fileHandle: file.handle })
}

export async function openFromPicker(): Promise<void> {
  try {
    const file = await pickFile()
    if (file) await openFile(file)
  } catch (error) {
    notify('error', `The file could not be opened: ${reason(error)}.`)
  }
}

/** Save: back to the document's file where the browser allows it, else to a file the user picks, else as a download. */
export async function saveToFile(): Promise<void> {
  const { store } = page()
  const { fileHandle, bom } = files.getState()
  const { text, docName } = store.getState()
  if (!canWriteFiles()) return downloadDocument()
  try {
    const handle = fileHandle ?? (await pickSaveTarget(docName))
    if (!handle) return
    await writeFile(handle, encodeFileText(text, bom))
    if (handle !== fileHandle) store.getState().setDocName(handle.name)
    files.setState({ cleanText: text, fileHandle: handle })
    notify('info', `Saved to ${handle.name}.`)
  } catch (error) {
    notify('error', `Not saved to the file: ${reason(error)}. Download it instead, or try again.`)
  }
}

export function downloadDocument(): void {
  const { store } = page()
  const { text, docName } = store.getState()
  download(new Blob([encodeFileText(text, files.getState().bom)], { type: 'text/plain;charset=utf-8' }), fileNameFor(docName))
  files.setState({ cleanText: text })
}

/** The canvas shown now (the workflow, or the jobs board) as a picture download. */
export async function exportImage(kind: ImageKind): Promise<void> {
  const { store } = page()
  const { docName, selectedWorkflow, view, parsed, lastGood } = store.getState()
  const what = view.mode === 'jobs' ? 'jobs' : (selectedWorkflow ?? 'canvas')
  try {
    const picture = { items: parsed.doc.items, lastGood, selectedWorkflow, mode: view.mode, dataFlow: view.dataFlow }
    download(await exportCanvasImage(picture, kind), `${baseNameOf(docName)}-${fileNameFor(what).replace(/\.cai$/, '')}.${kind}`)
  } catch (error) {
    notify('error', error instanceof NothingToExportError ? error.message : `The picture could not be made: ${reason(error)}.`)
  }
}

/** Copies a link carrying the whole text (view-only: the picture alone, for documentation). */
export async function copyShareLink(viewOnly: boolean): Promise<void> {
  const { docName, text, selectedWorkflow, parsed } = page().store.getState()
  const { profile, scenarios } = runtimeStore.getState()
  // Only the scenarios of workflows in the text travel.
  const workflows = new Set(
    parsed.doc.items.flatMap((item) => (item.kind === 'workflow' || (item.kind === 'broken' && item.declaration === 'workflow') ? [item.name] : [])),
  )
  const shared = Object.fromEntries(Object.entries(scenarios).filter(([name]) => workflows.has(name)))
  let link: string
  try {
    link = makeShareLink(location.href, { text, name: docName, workflow: selectedWorkflow ?? undefined, viewOnly, profile, scenarios: shared })
  } catch (error) {
    if (error instanceof ShareEncodeError) await offerDownloadInstead(error.message)
    else notify('error', `The link could not be made: ${reason(error)}.`)
    return
  }
  const long = link.length > LONG_LINK_CHARS
  const what = viewOnly ? 'View-only link' : 'Share link'
  const warning = long ? ` It is ${link.length.toLocaleString('en')} characters long: some tools (chat, mail, issue trackers) cut long links, so check it arrives whole.` : ''
  try {
    await navigator.clipboard.writeText(link)
    notify(long ? 'warning' : 'info', `${what} copied.${warning}`)
  } catch {
    await ask({
      title: `Copy the ${what.toLowerCase()}`,
      message: [`The browser did not let the designer copy it: select the link below and copy it.${warning}`],
      detail: { label: what, text: link },
      actions: [{ label: 'Close', value: true, primary: true }],
    })
  }
}

/** No link can carry this document: says why, and offers the file instead. */
async function offerDownloadInstead(why: string): Promise<void> {
  const answer = await ask({
    title: 'No link for this document',
    message: [why, 'Download the .cai file and send it instead: it opens here with Open or by dropping it on the page.'],
    actions: [
      { label: 'Download', value: true, primary: true },
      { label: 'Close', value: false },
    ],
  })
  if (answer === true) downloadDocument()
}

/** After a fork (see ConflictBanner): goes on with this tab's own copy. */
export function keepThisVersion(): void {
  page().autosave.keepThis()
}

/** After a fork: shows the version the other tab saved; this tab's copy stays in Recent. */
export async function takeTheirs(): Promise<void> {
  const taken = await page().autosave.takeTheirs()
  if (!taken) notify('error', 'The other tab’s version could not be read.')
  void refreshRecent()
}

function reason(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotAllowedError') return 'the browser did not allow it'
  return error instanceof Error ? error.message : String(error)
}
