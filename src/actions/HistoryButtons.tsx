/** The toolbar's Undo and Redo buttons: the registry's actions, named after the step they would undo or redo. */
import { useDesigner } from '../store/designer'
import { ActionButton } from './ActionButton'
import { historyLabel } from './registry'

const GLYPHS = { undo: '↶', redo: '↷' } as const

function HistoryButton({ id }: { id: 'undo' | 'redo' }) {
  const label = useDesigner((state) => historyLabel(state, id))
  return (
    <ActionButton id={id} label={label}>
      <span aria-hidden="true">{GLYPHS[id]}</span>
    </ActionButton>
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
