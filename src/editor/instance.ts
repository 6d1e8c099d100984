import type { Editor } from './session'

let current: Editor | null = null

/** The mounted Monaco editor, for the page's test hooks; null before the editor has loaded. */
export function getEditorInstance(): Editor | null {
  return current
}

export function setEditorInstance(editor: Editor | null): void {
  current = editor
}
