/**
 * The registry's keyboard shortcuts: those of the canvas (pressed on a node
 * or the canvas) and the page-wide undo and redo, which the text editor and
 * text fields leave to their own handling (the editor routes its undo keys to
 * the store itself).
 */
import { useEffect } from 'react'
import type { DesignerStore } from '../store/designer'
import { isTextEntry, matches, type KeyPress } from './keys'
import { tell } from './perform'
import { ACTIONS, type Action } from './registry'
import { readOnlyReason, type ActionTarget } from './targets'

const PAGE_WIDE = new Set(['undo', 'redo'])
/** Undo and redo act on the whole text, not on a node. */
const PAGE: ActionTarget = { kind: 'pane', board: 'workflow', workflow: null }

export type KeyOutcome = 'ran' | 'refused' | 'none'

/** The canvas actions bound to `press`. */
export function canvasActionsFor(press: KeyPress): Action[] {
  return ACTIONS.filter((action) => !PAGE_WIDE.has(action.id) && action.shortcuts.some((shortcut) => matches(shortcut, press)))
}

/**
 * Runs the canvas action bound to `press` on `target`: `ran`; `refused` when
 * the key is bound but does not apply (the key is then still the canvas's, so
 * an arrow key does not also scroll or move a node); `none` when unbound. On
 * a declaration with syntax errors the user is told why nothing happens.
 * `then` runs once the action is done (after a confirmation, if it asks one).
 */
export function runCanvasKey(store: DesignerStore, press: KeyPress, target: ActionTarget, then?: () => void): KeyOutcome {
  const bound = canvasActionsFor(press)
  if (bound.length === 0) return 'none'
  const state = store.getState()
  const readOnly = readOnlyReason(state.parsed.doc, target)
  const action = bound.find((candidate) => candidate.isEnabled(state, target))
  if (readOnly && bound.some((candidate) => candidate.id !== 'open' && !candidate.id.startsWith('select-'))) {
    tell(readOnly)
    return 'refused'
  }
  if (!action) return 'refused'
  void Promise.resolve(action.run(store, target)).then(then)
  return 'ran'
}

/** Undo and redo from anywhere on the page but the text editor and text fields. */
export function useGlobalShortcuts(store: DesignerStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextEntry(event.target)) return
      if (event.target instanceof Element && event.target.closest('dialog')) return
      const action = ACTIONS.find(
        (candidate) => PAGE_WIDE.has(candidate.id) && candidate.shortcuts.some((shortcut) => matches(shortcut, event)),
      )
      if (!action) return
      event.preventDefault()
      if (action.isEnabled(store.getState(), PAGE)) void action.run(store, PAGE)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store])
}
