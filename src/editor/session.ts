/**
 * One Monaco editor bound to the designer store. The model mirrors
 * `store.text`: the user's edits go to the store at once; other changes
 * (canvas, format, file open, undo) come back as one minimal edit, so the
 * cursor and scroll stay put. Undo and redo are the store's, one history for
 * the text and the canvas, so the editor's own undo keys are routed there. Also mirrors diagnostics as markers, the cursor
 * into the store, and the store's reveal requests into the selection.
 */
import type { Diagnostic, Severity, Span } from '../language/model'
import type { DesignerStore, RevealRequest } from '../store/designer'
import { DARK_THEME, LANGUAGE_ID, LIGHT_THEME, registerLanguage } from './language'
import { monaco } from './monaco'
import { bindModel, registerProviders } from './providers'
import { minimalEdit } from '../language/text-diff'

export type EditorTheme = 'light' | 'dark'
export type Editor = monaco.editor.IStandaloneCodeEditor

const MARKER_OWNER = 'cai'
const REVEAL_SOURCE = 'cai.reveal'

const SEVERITY: Record<Severity, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
}

/** The last reveal request handled per store, so a remounted editor does not replay an old one. */
const handledRevealSeq = new WeakMap<DesignerStore, number>()
let modelCount = 0

export const themeName = (theme: EditorTheme) => (theme === 'dark' ? DARK_THEME : LIGHT_THEME)

let keybindingsRegistered = false

function registerKeybindings() {
  if (keybindingsRegistered) return
  keybindingsRegistered = true
  // Format Document on Shift+Alt+F everywhere (Monaco's default on Linux is Ctrl+Shift+I).
  monaco.editor.addKeybindingRule({
    keybinding: monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF,
    command: 'editor.action.formatDocument',
    when: 'editorTextFocus && !editorReadonly',
  })
}

export interface EditorSession {
  editor: Editor
  dispose(): void
}

export function mountEditor(element: HTMLElement, store: DesignerStore, theme: EditorTheme): EditorSession {
  registerLanguage(monaco)
  registerProviders(monaco)
  registerKeybindings()

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
  bindModel(model, {
    store,
    showMessage(message) {
      const position = editor.getPosition()
      const messages = editor.getContribution<MessageController>('editor.contrib.messageController')
      if (position) messages?.showMessage(message, position)
    },
  })

  let applyingStoreText = false
  const toRange = (span: Span) => monaco.Range.fromPositions(model.getPositionAt(span.start), model.getPositionAt(span.end))

  function applyStoreText(text: string) {
    const edit = minimalEdit(model.getValue(), text)
    if (!edit) return
    applyingStoreText = true
    try {
      // Outside Monaco's own undo stack: the store's history records it.
      model.applyEdits([{ range: toRange(edit.span), text: edit.newText }])
    } finally {
      applyingStoreText = false
    }
  }

  let lastDiagnostics: Diagnostic[] | null = null
  function showDiagnostics(diagnostics: Diagnostic[]) {
    if (diagnostics === lastDiagnostics) return
    lastDiagnostics = diagnostics
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      diagnostics.map((diagnostic) => ({
        severity: SEVERITY[diagnostic.severity],
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

  function reveal(request: RevealRequest | null) {
    if (!request || request.seq <= (handledRevealSeq.get(store) ?? 0)) return
    handledRevealSeq.set(store, request.seq)
    const range = toRange(request.span)
    // The caret at the start: a long block is revealed from its first line.
    const selection = new monaco.Selection(range.endLineNumber, range.endColumn, range.startLineNumber, range.startColumn)
    editor.setSelection(selection, REVEAL_SOURCE)
    editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth)
    if (request.focus) editor.focus()
  }

  const { KeyMod, KeyCode } = monaco
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, () => store.getState().undo())
  editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, () => store.getState().redo())
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyY, () => store.getState().redo())

  const subscriptions = [
    model.onDidChangeContent(() => {
      if (!applyingStoreText) store.getState().setText(model.getValue(), 'editor')
    }),
    editor.onDidChangeCursorPosition((event) => {
      // Not the user: our reveal, or the cursor riding along with an edit from the store.
      const ours = event.source === REVEAL_SOURCE || event.source === 'modelChange'
      const recovered = event.reason === monaco.editor.CursorChangeReason.ContentFlush || event.reason === monaco.editor.CursorChangeReason.RecoverFromMarkers
      if (!ours && !recovered) cursorToStore()
    }),
  ]

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
    if (state.text !== previous.text && state.textOrigin !== 'editor') applyStoreText(state.text)
    showDiagnostics(state.diagnostics)
    if (state.reveal !== previous.reveal) reveal(state.reveal)
  })
  showDiagnostics(store.getState().diagnostics)
  // A node chosen on the canvas while the editor was still loading.
  reveal(store.getState().reveal)

  return {
    editor,
    dispose() {
      unsubscribe()
      cancelAnimationFrame(cursorFrame)
      for (const subscription of subscriptions) subscription.dispose()
      editor.dispose()
      model.dispose()
    },
  }
}

interface MessageController extends monaco.editor.IEditorContribution {
  showMessage(message: string, position: monaco.IPosition): void
}
