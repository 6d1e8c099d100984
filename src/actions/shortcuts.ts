/**
 * The one key handler: a key press anywhere on the page runs the registry
 * action bound to it where it was pressed (see `Action.keysIn`). The canvas
 * passes its presses in with their target (the focused node, else the
 * selection); every other press comes from the window, before the text
 * editor or a field sees it.
 */
import { useEffect } from 'react'
import type { DesignerStore } from '../store/designer'
import { isTextEntry, matches, type KeyPress } from './keys'
import { tell } from './perform'
import { ACTIONS, PAGE_TARGET, type Action, type KeyPlace } from './registry'
import { readOnlyReason, type ActionTarget } from './targets'

export type KeyOutcome = 'ran' | 'refused' | 'none'

/** The actions bound to `press` where it happened. */
export function actionsFor(press: KeyPress, place: KeyPlace): Action[] {
  return ACTIONS.filter((action) => action.keysIn.includes(place) && action.shortcuts.some((shortcut) => matches(shortcut, press)))
}

/** Node actions that only look around (they change nothing, so they work on a broken declaration too). */
const READS_ONLY = (action: Action) => action.id === 'open' || action.id.startsWith('select-') || action.id === 'canvas-search'

/**
 * Runs the action bound to `press` at `place` on `target`: `ran`; `refused`
 * when the key is bound but does not apply (the key is then still handled, so
 * an arrow key does not also scroll or move a node); `none` when unbound. On
 * a declaration with syntax errors the user is told why nothing happens.
 * `then` runs once the action is done (after a confirmation, if it asks one).
 */
export function runKey(store: DesignerStore, press: KeyPress, place: KeyPlace, target: ActionTarget = PAGE_TARGET, then?: () => void): KeyOutcome {
  const bound = actionsFor(press, place)
  if (bound.length === 0) return 'none'
  const state = store.getState()
  const readOnly = place === 'canvas' ? readOnlyReason(state.parsed.doc, target) : undefined
  if (readOnly && bound.some((candidate) => candidate.group === 'Canvas' && !READS_ONLY(candidate))) {
    tell(readOnly)
    return 'refused'
  }
  const action = bound.find((candidate) => candidate.isEnabled(state, candidate.group === 'Canvas' ? target : PAGE_TARGET))
  if (!action) return 'refused'
  void Promise.resolve(action.run(store, action.group === 'Canvas' ? target : PAGE_TARGET)).then(then)
  return 'ran'
}

/** Where a key press from the window happened. The canvas passes its own presses in (with their node). */
export function placeOf(element: EventTarget | null): Exclude<KeyPlace, 'canvas'> | null {
  if (!(element instanceof Element)) return 'page'
  if (element.closest('dialog, [role="dialog"], [role="menu"]')) return null
  if (element.closest('.monaco-editor')) return 'editor'
  return isTextEntry(element) ? 'field' : 'page'
}

/** The page-wide half of the key handler: every press not on a canvas node's own keys. */
export function useGlobalShortcuts(store: DesignerStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      // On the canvas, its own handler runs the node actions with their node; page actions run from here.
      const place = placeOf(event.target)
      if (place === null) return
      const outcome = runKey(store, event, place)
      if (outcome === 'none') return
      event.preventDefault()
      event.stopPropagation()
    }
    // Capturing: before the text editor's own bindings (its undo would otherwise bypass the one history).
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [store])
}
