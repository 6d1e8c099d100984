/** The toolbar's Undo and Redo buttons: the registry's actions, enabled by the store's one history. */
import { designerStore, useDesigner } from '../store/designer'
import { ariaShortcut, shortcutLabel } from './keys'
import { actionById } from './registry'
import type { ActionTarget } from './targets'

const PAGE: ActionTarget = { kind: 'pane', board: 'workflow', workflow: null }
const GLYPHS = { undo: '↶', redo: '↷' } as const

function HistoryButton({ id }: { id: 'undo' | 'redo' }) {
  const action = actionById(id)
  const enabled = useDesigner((state) => action.isEnabled(state, PAGE))
  const keys = action.shortcuts.map((shortcut) => shortcutLabel(shortcut)).join(' or ')
  return (
    <button
      type="button"
      aria-label={action.label}
      title={`${action.label} (${keys})`}
      aria-keyshortcuts={action.shortcuts.map((shortcut) => ariaShortcut(shortcut)).join(' ')}
      disabled={!enabled}
      onClick={() => void action.run(designerStore(), PAGE)}
    >
      <span aria-hidden="true">{GLYPHS[id]}</span>
    </button>
  )
}

export function HistoryButtons() {
  return (
    <>
      <HistoryButton id="undo" />
      <HistoryButton id="redo" />
    </>
  )
}
