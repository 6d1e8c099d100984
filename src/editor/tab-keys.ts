/**
 * Tab in the text pane indents, as in any code editor; Monaco's convention
 * lets the keyboard out: Ctrl+M (Ctrl+Shift+M on macOS) switches Tab to
 * moving the focus, and Esc then Tab leaves the editor once. The hint says so
 * whenever the editor gets the focus from the keyboard.
 */
import { monaco } from './monaco'
import type { Editor } from './session'

/** Elements the Tab key stops at, in document order. */
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** Moves the focus to the first tabbable element after (or before) `from`, outside it. */
function focusBeyond(from: HTMLElement, backwards: boolean): void {
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => !from.contains(element) && element.offsetParent !== null,
  )
  const after = all.filter((element) => from.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)
  const before = all.filter((element) => from.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING)
  const next = backwards ? before[before.length - 1] : after[0]
  next?.focus()
}

export interface TabKeys {
  dispose(): void
}

/**
 * Wires Esc-then-Tab on `container` (capturing, before Monaco's own Tab) and
 * calls `onHint` with the hint to show (or null) as the focus comes and goes.
 */
export function handleTabKeys(editor: Editor, container: HTMLElement, onHint: (hint: string | null) => void): TabKeys {
  let escaped = false
  let keyboard = false
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      escaped = true
      return
    }
    if (event.key === 'Tab' && escaped && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault()
      event.stopPropagation()
      escaped = false
      focusBeyond(container, event.shiftKey)
      return
    }
    escaped = false
  }
  // Whether the focus came from the keyboard: a Tab or F6 pressed just before, not a click.
  const onWindowKey = (event: KeyboardEvent) => {
    keyboard = event.key === 'Tab' || event.key === 'F6'
  }
  const onPointer = () => {
    keyboard = false
  }
  container.addEventListener('keydown', onKeyDown, true)
  window.addEventListener('keydown', onWindowKey, true)
  window.addEventListener('pointerdown', onPointer, true)
  const hint = () =>
    editor.getOption(monaco.editor.EditorOption.tabFocusMode)
      ? 'Tab moves the focus (Ctrl+M: Tab indents). Alt+F1: keyboard help.'
      : 'Tab indents. Esc then Tab leaves the text; Ctrl+M: Tab moves the focus. Alt+F1: keyboard help.'
  const subscriptions = [
    editor.onDidFocusEditorText(() => onHint(keyboard ? hint() : null)),
    editor.onDidBlurEditorText(() => onHint(null)),
    editor.onDidChangeConfiguration((event) => {
      if (event.hasChanged(monaco.editor.EditorOption.tabFocusMode) && editor.hasTextFocus()) onHint(hint())
    }),
  ]
  return {
    dispose() {
      container.removeEventListener('keydown', onKeyDown, true)
      window.removeEventListener('keydown', onWindowKey, true)
      window.removeEventListener('pointerdown', onPointer, true)
      for (const subscription of subscriptions) subscription.dispose()
    },
  }
}
