/**
 * A big paste into the text pane: parsed in the worker like a big file, then
 * put in as one edit (the editor would otherwise hand it to the store, which
 * parses on the main thread).
 */
import { tell } from '../actions/perform'
import type { DesignerStore } from '../store/designer'
import { prepareText, WORKER_THRESHOLD } from '../workers/load-text'
import type { Editor } from './session'

/** Listens to pastes into `editor`; returns the function that stops listening. */
export function handleBigPastes(editor: Editor, element: HTMLElement, store: DesignerStore): () => void {
  const onPaste = (event: ClipboardEvent) => {
    const pasted = event.clipboardData?.getData('text/plain') ?? ''
    const model = editor.getModel()
    const selection = editor.getSelection()
    if (pasted.length <= WORKER_THRESHOLD || !model || !selection) return
    event.preventDefault()
    event.stopPropagation()
    const before = store.getState().text
    const start = model.getOffsetAt(selection.getStartPosition())
    const end = model.getOffsetAt(selection.getEndPosition())
    const after = before.slice(0, start) + pasted + before.slice(end)
    void prepareText(after, 'pasted text').then((prepared) => {
      if (!prepared) return
      if (store.getState().text !== before) {
        tell('The text changed while the paste was being read; paste again.')
        return
      }
      prepared.apply(store, 'paste')
      const caret = start + pasted.length
      store.getState().revealSpan({ start: caret, end: caret }, true)
    })
  }
  element.addEventListener('paste', onPaste, true)
  return () => element.removeEventListener('paste', onPaste, true)
}
