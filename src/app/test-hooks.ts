/**
 * `window.__caiDesigner`: a small, stable window onto the page's own state for
 * the end-to-end tests and the UI benchmark. Installed always: it only reads and
 * writes what the user can already see and change.
 */
import { getEditorInstance } from '../editor/index'
import type { DesignerState, DesignerStore } from '../store/designer'
import type { Span } from '../language/model'
import type { Trace } from '../runtime/trace'
import { runtimeStore } from '../store/runtime'
import { compareStore } from '../store/compare'
import type { DocumentDiff } from '../review'

export interface CaiDesignerHooks {
  /** The store's text (the truth). */
  getText(): string
  /** Replace the whole text, as opening a file would. */
  setText(text: string): void
  /** Replace the whole text as one paste into the editor would: an edit of this document, not another document. */
  pasteText(text: string): void
  getState(): DesignerState
  /** The text the Monaco editor shows; null until the editor has loaded. */
  getEditorText(): string | null
  /** The editor's selection as text offsets; null until the editor has loaded. */
  getEditorSelection(): Span | null
  /** The text highlighted by the last reveal (a node chosen on the canvas, a problem); null when none. */
  getEditorHighlight(): Span | null
  /** Selects a span in the editor, as the user would by dragging, and focuses it. */
  setEditorSelection(span: Span): void
  /** How many marks the editor draws in its overview ruler (beside the scrollbar); null until loaded. */
  getEditorRulerMarks(): number | null
  /** The viewport point (CSS pixels) of a text offset in the editor, after scrolling it into view; null until loaded. */
  getEditorPoint(offset: number): { x: number; y: number } | null
  /** The dry run on screen as JSON (null when the Dry run view is closed). */
  dryRun(): Trace | null
  /** The comparison on screen as JSON (null when the Compare view is closed). */
  diff(): ComparisonJson | null
}

export interface ComparisonJson {
  name: string
  readOnly: boolean
  before: { label: string; text: string }
  after: { label: string; text: string }
  diff: DocumentDiff
  /** Index of the selected change in `diff.changes`. */
  selected: number | null
  showBefore: boolean
}

declare global {
  interface Window {
    __caiDesigner: CaiDesignerHooks
  }
}

export function installTestHooks(store: DesignerStore): void {
  // The editor loads lazily: until it has, its hooks answer null.
  const editor = getEditorInstance
  window.__caiDesigner = {
    getText: () => store.getState().text,
    setText: (text) => store.getState().setText(text, 'file'),
    pasteText: (text) => store.getState().setText(text, 'paste'),
    getState: () => store.getState(),
    dryRun: () => runtimeStore.getState().dryRunTrace,
    diff() {
      const { comparison, selected, showBefore } = compareStore.getState()
      if (!comparison) return null
      const { name, readOnly, before, after, diff } = comparison
      // Through JSON: plain data, nothing of the page's objects.
      return JSON.parse(
        JSON.stringify({ name, readOnly, before: { label: before.label, text: before.text }, after: { label: after.label, text: after.text }, diff, selected, showBefore }),
      ) as ComparisonJson
    },
    getEditorText: () => editor()?.getValue() ?? null,
    getEditorSelection() {
      const instance = editor()
      const model = instance?.getModel()
      const selection = instance?.getSelection()
      if (!model || !selection) return null
      return { start: model.getOffsetAt(selection.getStartPosition()), end: model.getOffsetAt(selection.getEndPosition()) }
    },
    getEditorHighlight() {
      const model = editor()?.getModel()
      const range = model?.getAllDecorations().find((decoration) => decoration.options.className === 'cai-revealed')?.range
      if (!model || !range) return null
      return { start: model.getOffsetAt(range.getStartPosition()), end: model.getOffsetAt(range.getEndPosition()) }
    },
    setEditorSelection(span) {
      const instance = editor()
      const model = instance?.getModel()
      if (!instance || !model) return
      const start = model.getPositionAt(span.start)
      const end = model.getPositionAt(span.end)
      instance.setSelection({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column })
      instance.focus()
    },
    getEditorRulerMarks() {
      const model = editor()?.getModel()
      return model ? model.getAllDecorations().filter((decoration) => decoration.options.overviewRuler).length : null
    },
    getEditorPoint(offset) {
      const instance = editor()
      const model = instance?.getModel()
      const node = instance?.getDomNode()
      if (!instance || !model || !node) return null
      const position = model.getPositionAt(offset)
      instance.revealPositionInCenterIfOutsideViewport(position)
      const visible = instance.getScrolledVisiblePosition(position)
      if (!visible) return null
      const box = node.getBoundingClientRect()
      return { x: box.left + visible.left + 1, y: box.top + visible.top + visible.height / 2 }
    },
  }
}
