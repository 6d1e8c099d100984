/**
 * Running an edit against the store, and telling the user what came of it,
 * the same way for the canvas, the palette and the inspector: a refusal is
 * never silent (it becomes a transient notice, read out by screen readers),
 * nor is an operation's note (e.g. references left dangling).
 */
import type { CaiDocument } from '../language/model'
import type { OpResult } from '../language/operations'
import type { DesignerStore } from '../store/designer'
import { services } from './services'

export function tell(text: string): void {
  services().tell(text)
}

export const sentence = (text: string): string => {
  const capital = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}

export interface PerformOptions {
  /** What the edit is, in the undo history: "move step charge". */
  name?: string
  /** Given the new document, the node to select (the text cursor stays where it was). */
  select?: (doc: CaiDocument) => string | null | undefined
  /** Runs on success before the note is told (e.g. to keep a renamed node selected). */
  after?: (result: Extract<OpResult, { ok: true }>) => void
}

/** Runs `operation` through the store (one undo step) and reports a refusal or note. `options` may be just `select`. */
export function perform(
  store: DesignerStore,
  operation: (doc: CaiDocument) => OpResult,
  given: PerformOptions | PerformOptions['select'] = {},
): OpResult {
  const options = typeof given === 'function' ? { select: given } : given
  const result = store.getState().runOperation(operation, options.name)
  if (!result.ok) {
    tell(`Cannot do that: ${sentence(result.reason)}`)
    return result
  }
  options.after?.(result)
  if (result.info) tell(sentence(result.info))
  const id = options.select?.(result.doc)
  // The text cursor stays where it was: the selection follows the canvas, not the text.
  if (id !== undefined) store.getState().selectNode(id, { reveal: false })
  return result
}
