/**
 * Where a view that compares two documents plugs in: after a fork (see
 * autosave.ts), the banner offers "Compare" once a view has registered here.
 * Kept below the views so the banner and the compare view need not import
 * each other.
 */
import { createStore } from 'zustand/vanilla'
import type { Fork } from './autosave'

export type CompareFork = (fork: Fork) => void

export const forkCompare = createStore<{ open: CompareFork | null }>()(() => ({ open: null }))

/** Registers the view that compares this tab's copy with the other tab's version; returns how to unregister it. */
export function registerForkCompare(open: CompareFork): () => void {
  forkCompare.setState({ open })
  return () => {
    if (forkCompare.getState().open === open) forkCompare.setState({ open: null })
  }
}
