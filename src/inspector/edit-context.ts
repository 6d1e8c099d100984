import { createContext, useContext } from 'react'
import type { CaiDocument } from '../language/model'
import type { OpResult } from '../language/operations'

export type Operation = (doc: CaiDocument) => OpResult

/** What every field of the inspector shares: whether it may write, and how. */
export interface EditContext {
  /** Why nothing may be written, or undefined when it may. */
  readOnly: string | undefined
  /**
   * Runs an operation as one undo step. `after` runs on success (e.g. to keep
   * a renamed node selected) before the result's note is shown.
   */
  run(operation: Operation, after?: (result: Extract<OpResult, { ok: true }>) => void): OpResult
}

export const EditContextValue = createContext<EditContext>({
  readOnly: 'Nothing to edit.',
  run: () => ({ ok: false, reason: 'Nothing to edit.' }),
})

export const useEdit = (): EditContext => useContext(EditContextValue)
