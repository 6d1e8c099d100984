/**
 * One Monaco editor bound to the designer store. The model mirrors
 * `store.text`: the user's edits go to the store in the same task; other changes
 * (canvas, format, undo) come back as one minimal edit, so the cursor and
 * scroll stay put. A new document (a file opened) or a change of more than a
 * megabyte is not one edit, which Monaco makes slowly: a text up to a
 * megabyte replaces the model's whole, a bigger one goes in a slice of lines
 * per task, after the rest of the page has taken it in (see streamEdit).
 * Undo and redo are the store's, one history for the text and the canvas:
 * the page's key handler (src/actions) takes the undo keys before the editor
 * sees them. Also mirrors diagnostics as
 * markers, the cursor into the store, and the store's reveal requests into
 * a highlight with the caret at its start.
 */
import type { Diagnostic, Severity, Span, TextEdit } from '../language/model'
import type { DesignerStore, RevealRequest, TextOrigin } from '../store/designer'
import { DARK_THEME, LANGUAGE_ID, LIGHT_THEME, registerLanguage } from './language'
import { monaco } from './monaco'
import { bindModel, registerProviders } from './providers'
import { minimalEdit } from '../language/text-diff'
import { actionById, PAGE_TARGET } from '../actions/registry'

export type EditorTheme = 'light' | 'dark'
export type Editor = monaco.editor.IStandaloneCodeEditor

const MARKER_OWNER = 'cai'
const REVEAL_SOURCE = 'cai.reveal'
/** A change bigger than this (characters removed plus inserted) is not made as one edit; a text bigger than this is not set whole. */
const WHOLE_TEXT_ABOVE = 1024 * 1024
/** A huge change goes into the model about this much text (whole lines) per task. */
const STREAM_SLICE = 256 * 1024

/** Where the slice of `text` from `start` ends: after its last line break (or, in a very long line, not inside a surrogate pair). */
function sliceEnd(text: string, start: number): number {
  if (text.length - start <= STREAM_SLICE) return text.length
  const lineEnd = text.lastIndexOf('\n', start + STREAM_SLICE - 1) + 1
  if (lineEnd > start) return lineEnd
  const end = start + STREAM_SLICE
  const code = text.charCodeAt(end - 1)
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end
}

const SEVERITY: Record<Severity, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
}

/** The last reveal request handled per store, so a remounted editor does not replay an old one. */
const handledRevealSeq = new WeakMap<DesignerStore, number>()
let modelCount = 0

export const themeName = (theme: EditorTheme) => (theme === 'dark' ? DARK_THEME : LIGHT_THEME)

export interface EditorSession {
  editor: Editor
  dispose(): void
}

export function mountEditor(element: HTMLElement, store: DesignerStore, theme: EditorTheme): EditorSession {
  registerLanguage(monaco)
  registerProviders(monaco)

  const model = monaco.editor.createModel(store.getState().text, LANGUAGE_ID, monaco.Uri.parse(`inmemory://cai-designer/${++modelCount}.cai`))
  const editor = monaco.editor.create(element, {
    model,
    theme: themeName(theme),
    ariaLabel: 'CAI source',
    automaticLayout: true,
    minimap: { enabled: false },
    // The canonical layout indents with tabs.
    tabSize: 4,
    insertSpaces: false,
    detectIndentation: false,
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace",
    fontSize: 13,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    wordBasedSuggestions: 'off',
    quickSuggestions: { other: true, comments: false, strings: true },
    suggest: { showWords: false },
    folding: true,
    showFoldingControls: 'mouseover',
    renderLineHighlight: 'line',
  })
  bindModel(model, { store, format: () => void actionById('format').run(store, PAGE_TARGET) })

  let applyingStoreText = false
  const toRange = (span: Span) => monaco.Range.fromPositions(model.getPositionAt(span.start), model.getPositionAt(span.end))

  // Outside Monaco's own undo stack: the store's history records the store's changes.
  function fromStore(change: () => void) {
    applyingStoreText = true
    try {
      change()
    } finally {
      applyingStoreText = false
    }
  }

  /** Whether a huge change is on its way in (see streamEdit): meanwhile the model holds an older text. */
  let streaming = false
  /** Whether a file was opened while a huge change was on its way: the text that goes in next is a new document. */
  let newDocumentPending = false
  let streamTimer = 0

  function applyStoreText(text: string, origin: TextOrigin) {
    if (streaming) {
      // The store's latest text goes in once the huge change is in.
      newDocumentPending ||= origin === 'file'
      return
    }
    mirrorText(text, origin === 'file')
  }

  /** Makes the model's text the store's `text`: one minimal edit, the whole text at once, or a huge change in slices. */
  function mirrorText(text: string, newDocument: boolean) {
    if (newDocument && text.length > WHOLE_TEXT_ABOVE) {
      fromStore(() => setModelText(''))
      streamEdit(text, { span: { start: 0, end: 0 }, newText: text })
      return
    }
    if (newDocument) {
      replaceText(text, true)
      return
    }
    const edit = minimalEdit(model.getValue(), text)
    if (!edit) return
    if (edit.span.end - edit.span.start + edit.newText.length <= WHOLE_TEXT_ABOVE) {
      fromStore(() => model.applyEdits([{ range: toRange(edit.span), text: edit.newText }]))
    } else if (text.length <= WHOLE_TEXT_ABOVE) replaceText(text, false)
    else streamEdit(text, edit)
  }

  /** The whole text at once; a new document starts at its top, other changes keep the cursor and scroll. */
  function replaceText(text: string, newDocument: boolean) {
    if (text.length === model.getValueLength() && text === model.getValue()) return
    const view = newDocument ? null : editor.saveViewState()
    fromStore(() => {
      setModelText(text)
      if (view) editor.restoreViewState(view)
    })
  }

  /** As an edit would put it in: with the model's line breaks (LF), whatever the text's (the store keeps a file's CRLF). */
  function setModelText(text: string) {
    model.setValue(text)
    if (model.getEOL() !== '\n') model.setEOL(monaco.editor.EndOfLineSequence.LF)
  }

  /**
   * A huge change goes into the model a slice of lines per task, starting in
   * a task after the one in which the rest of the page takes the new text in:
   * Monaco's work grows with the lines an edit inserts (setting 5 MB whole
   * lays out all its lines in one task), and one task for them all would
   * hold the page up. Read-only meanwhile: typing would edit a text still on
   * its way. `text` is the store's text the change makes.
   */
  function streamEdit(text: string, edit: TextEdit) {
    streaming = true
    newDocumentPending = false
    editor.updateOptions({ readOnly: true })
    // The first slice replaces what the edit removes; each next one goes in after the one before.
    let range = toRange(edit.span)
    let written = 0
    const step = () => {
      const end = sliceEnd(edit.newText, written)
      fromStore(() => {
        const [inserted] = model.applyEdits([{ range, text: edit.newText.slice(written, end) }], true)
        const after = inserted.range.getEndPosition()
        range = monaco.Range.fromPositions(after, after)
      })
      written = end
      if (written < edit.newText.length) {
        streamTimer = window.setTimeout(step)
        return
      }
      streaming = false
      editor.updateOptions({ readOnly: false })
      const state = store.getState()
      if (state.text !== text || newDocumentPending) mirrorText(state.text, newDocumentPending)
      if (streaming) return
      showDiagnostics(state.diagnostics)
      reveal(state.reveal)
    }
    streamTimer = window.setTimeout(step)
  }

  let lastDiagnostics: Diagnostic[] | null = null
  function showDiagnostics(diagnostics: Diagnostic[]) {
    if (diagnostics === lastDiagnostics) return
    lastDiagnostics = diagnostics
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      diagnostics.map((diagnostic) => ({
        // A note that a block of the wider CodeAI language is kept as written is a hint: hover only, kept out of the overview ruler.
        severity: diagnostic.code === 'foreign-block' ? monaco.MarkerSeverity.Hint : SEVERITY[diagnostic.severity],
        message: diagnostic.message,
        code: diagnostic.code,
        source: 'cai',
        startLineNumber: diagnostic.start.line,
        startColumn: diagnostic.start.column,
        endLineNumber: diagnostic.end.line,
        endColumn: diagnostic.end.column,
      })),
    )
  }

  /**
   * A node chosen on the canvas, an outline entry or a problem: the caret goes
   * to the start of its text, scrolled into view, and the text is highlighted
   * by a decoration, never selected: a selection is replaced by the next key,
   * and a click on the canvas must never put a whole step one keystroke from
   * deletion. The highlight goes when the user edits or moves the caret out.
   */
  const highlight = editor.createDecorationsCollection()
  function reveal(request: RevealRequest | null) {
    if (!request || request.seq <= (handledRevealSeq.get(store) ?? 0)) return
    handledRevealSeq.set(store, request.seq)
    const range = toRange(request.span)
    const caret = range.getStartPosition()
    editor.setSelection(monaco.Selection.fromPositions(caret, caret), REVEAL_SOURCE)
    highlight.set(
      range.isEmpty()
        ? []
        : [{ range, options: { className: 'cai-revealed', linesDecorationsClassName: 'cai-revealed-lines' } }],
    )
    editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth)
    if (request.focus) editor.focus()
  }

  /** The highlight stays while the caret is in the highlighted text. */
  function keepHighlight(position: monaco.Position) {
    const ranges = highlight.getRanges()
    if (ranges.length > 0 && !ranges.some((range) => range.containsPosition(position))) highlight.clear()
  }

  const subscriptions = [
    model.onDidChangeContent(() => {
      if (applyingStoreText) return
      highlight.clear()
      textToStore()
    }),
    editor.onDidChangeCursorPosition((event) => {
      // Not the user: our reveal, or the cursor riding along with (or put back after) a change from the store.
      const ours = applyingStoreText || event.source === REVEAL_SOURCE || event.source === 'modelChange'
      const recovered = event.reason === monaco.editor.CursorChangeReason.ContentFlush || event.reason === monaco.editor.CursorChangeReason.RecoverFromMarkers
      if (ours || recovered) return
      keepHighlight(event.position)
      cursorToStore()
    }),
  ]

  /**
   * The user's edit reaches the store in a microtask, once Monaco has put the
   * caret after it: the text and the caret in one change, so the page renders
   * once for a keystroke (the caret's own change, a frame later, then finds
   * nothing new), and the edits of one command (a completion, a snippet) are
   * parsed once. Nothing else writes the store's text between an edit and
   * that microtask: the store's changes come from other tasks (clicks, keys
   * the page handles before the editor sees them).
   */
  let textPending = false
  function textToStore() {
    if (textPending) return
    textPending = true
    queueMicrotask(flushText)
  }
  function flushText() {
    if (!textPending) return
    textPending = false
    const position = editor.getPosition()
    store.getState().typeText(model.getValue(), position ? model.getOffsetAt(position) : store.getState().cursorOffset)
  }

  // Many cursor moves in one frame (typing fast, dragging a selection) reach the store once.
  let cursorFrame = 0
  function cursorToStore() {
    if (cursorFrame) return
    cursorFrame = requestAnimationFrame(() => {
      cursorFrame = 0
      const position = editor.getPosition()
      if (position) store.getState().setCursor(model.getOffsetAt(position))
    })
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.text !== previous.text && state.textOrigin !== 'editor') applyStoreText(state.text, state.textOrigin)
    // Diagnostics and reveals are of the store's text: with an older text in the model they wait for the new one.
    if (streaming) return
    showDiagnostics(state.diagnostics)
    if (state.reveal !== previous.reveal) reveal(state.reveal)
  })
  showDiagnostics(store.getState().diagnostics)
  // A node chosen on the canvas while the editor was still loading.
  reveal(store.getState().reveal)

  return {
    editor,
    dispose() {
      // An edit of this task is not lost with the editor.
      flushText()
      unsubscribe()
      cancelAnimationFrame(cursorFrame)
      clearTimeout(streamTimer)
      for (const subscription of subscriptions) subscription.dispose()
      editor.dispose()
      model.dispose()
    },
  }
}
