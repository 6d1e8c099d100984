/**
 * The comparison on screen (the Compare view): two versions of a text, their
 * parses, the semantic diff between them and the selected change. Beside the
 * designer's store, never in it: comparing changes nothing in the document,
 * its history or its autosave.
 */
import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import type { ParseResult } from '../language/model'
import { parse } from '../language/parse'
import { diffDocuments, type DocumentDiff } from '../review'
import { stepChange } from '../review/locate-change'

export interface CompareSide {
  text: string
  /** Where it came from: "with_workflows.cai (in the designer)", "pasted text", a file name. */
  label: string
  parsed: ParseResult
}

export interface Comparison {
  before: CompareSide
  after: CompareSide
  diff: DocumentDiff
  /** The document's name (a review link's name). */
  name: string
  /** Opened from a review link: nothing to go back to, nothing to edit. */
  readOnly: boolean
}

export interface CompareState {
  comparison: Comparison | null
  /** Index in `comparison.diff.changes`. */
  selected: number | null
  /** The picture shows the before version instead of the after one. */
  showBefore: boolean
  open(input: { before: { text: string; label: string }; after: { text: string; label: string }; name: string; readOnly?: boolean }): void
  close(): void
  select(index: number | null): void
  /** Selects the next (+1) or previous (-1) change, wrapping around. */
  step(direction: 1 | -1): void
  swap(): void
  setShowBefore(showBefore: boolean): void
}

const side = (input: { text: string; label: string }): CompareSide => ({ ...input, parsed: parse(input.text) })

function compared(before: CompareSide, after: CompareSide, name: string, readOnly: boolean): Comparison {
  const diff = diffDocuments({ text: before.text, parsed: before.parsed }, { text: after.text, parsed: after.parsed })
  return { before, after, diff, name, readOnly }
}

export function createCompareStore() {
  return createStore<CompareState>()((set, get) => ({
    comparison: null,
    selected: null,
    showBefore: false,
    open({ before, after, name, readOnly = false }) {
      set({ comparison: compared(side(before), side(after), name, readOnly), selected: null, showBefore: false })
    },
    close() {
      // A review link's page has nothing else to show.
      if (get().comparison?.readOnly) return
      set({ comparison: null, selected: null, showBefore: false })
    },
    select(index) {
      const count = get().comparison?.diff.changes.length ?? 0
      set({ selected: index !== null && index >= 0 && index < count ? index : null })
    },
    step(direction) {
      const count = get().comparison?.diff.changes.length ?? 0
      set({ selected: stepChange(count, get().selected, direction) })
    },
    swap() {
      const comparison = get().comparison
      if (!comparison) return
      set({ comparison: compared(comparison.after, comparison.before, comparison.name, comparison.readOnly), selected: null })
    },
    setShowBefore(showBefore) {
      set({ showBefore })
    },
  }))
}

export type CompareStore = ReturnType<typeof createCompareStore>

export const compareStore: CompareStore = createCompareStore()

export function useCompare<T>(selector: (state: CompareState) => T): T {
  return useStore(compareStore, selector)
}
