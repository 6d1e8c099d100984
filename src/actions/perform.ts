/**
 * Running a canvas edit against the store, and telling the user what came of
 * it: a refusal is never silent (it becomes a transient notice, read out by
 * screen readers), nor is an operation's note (e.g. references left dangling).
 */
import type { CaiDocument } from '../language/model'
import type { OpResult } from '../language/operations'
import { notify } from '../files/notices'
import type { DesignerStore } from '../store/designer'

/** The user's side of an edit: where messages go. Replaced in unit tests. */
export interface Feedback {
  tell(text: string): void
}

let feedback: Feedback = { tell: (text) => notify('info', text) }

/** Sends messages elsewhere (unit tests collect them); returns the previous feedback. */
export function setFeedback(next: Feedback): Feedback {
  const previous = feedback
  feedback = next
  return previous
}

export function tell(text: string): void {
  feedback.tell(text)
}

const sentence = (text: string) => {
  const capital = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}

/**
 * Runs `operation` through the store (one undo step) and reports a refusal or
 * note. On success, `select` (given the new document) names the node to select.
 */
export function perform(
  store: DesignerStore,
  operation: (doc: CaiDocument) => OpResult,
  select?: (doc: CaiDocument) => string | null | undefined,
): OpResult {
  const result = store.getState().runOperation(operation)
  if (!result.ok) {
    tell(`Cannot do that: ${sentence(result.reason)}`)
    return result
  }
  if (result.info) tell(sentence(result.info))
  const id = select?.(result.doc)
  // The text cursor stays where it was: the selection follows the canvas, not the text.
  if (id !== undefined) store.getState().selectNode(id, { reveal: false })
  return result
}
