/**
 * The palette: new steps, parallel blocks, workflows and jobs. Drag an item
 * onto the canvas to put it where it is dropped (the canvas handles the drop),
 * or press Enter (or click) to add it after the selected node, or at the end.
 * Its actions are the registry's `new-*` actions.
 */
import './palette.css'
import type { DragEvent } from 'react'
import { actionById } from '../actions/registry'
import type { NewKind } from '../actions/insert'
import { boardTarget } from '../actions/targets'
import { designerStore, useDesigner } from '../store/designer'
import { paletteMime } from './palette'

const NAMES: Record<NewKind, string> = { step: 'Step', parallel: 'Parallel', workflow: 'Workflow', job: 'Job' }

const HINTS: Record<NewKind, string> = {
  step: 'a step (drop it between steps, in a parallel block, beside a step or on an edge)',
  parallel: 'an empty parallel block',
  workflow: 'a workflow',
  job: 'a job (drop it on a queue lane of the jobs board)',
}

function PaletteItem({ kind, board, disabledReason }: { kind: NewKind; board: 'workflow' | 'jobs'; disabledReason?: string }) {
  const action = actionById(`new-${kind}`)
  const enabled = useDesigner((state) => !disabledReason && action.isEnabled(state, boardTarget(state, board)))
  const title = enabled
    ? `Add ${HINTS[kind]}: drag it onto the canvas, or press Enter to add it after the selected node`
    : (disabledReason ?? `There is no workflow shown to add ${HINTS[kind]} to`)

  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(paletteMime(kind), kind)
    event.dataTransfer.setData('text/plain', kind)
    event.dataTransfer.effectAllowed = 'copy'
  }
  const onClick = () => {
    const store = designerStore()
    void action.run(store, boardTarget(store.getState(), board))
  }

  return (
    <button
      type="button"
      className="cai-palette-item"
      data-kind={kind}
      draggable={enabled}
      disabled={!enabled}
      title={title}
      aria-label={`Add ${NAMES[kind].toLowerCase()}`}
      onDragStart={onDragStart}
      onClick={onClick}
    >
      <span aria-hidden="true">+</span> {NAMES[kind]}
    </button>
  )
}

interface PaletteProps {
  /** The workflow canvas offers every item; the jobs board, workflows and jobs. */
  board: 'workflow' | 'jobs'
  /** Why steps cannot be added now (the shown workflow has a syntax error). */
  readOnlyReason?: string
}

export function Palette({ board, readOnlyReason }: PaletteProps) {
  const kinds: NewKind[] = board === 'workflow' ? ['step', 'parallel', 'workflow', 'job'] : ['workflow', 'job']
  return (
    <div className="cai-palette" role="group" aria-label="Palette" data-testid="palette">
      {kinds.map((kind) => (
        <PaletteItem key={kind} kind={kind} board={board} disabledReason={kind === 'step' || kind === 'parallel' ? readOnlyReason : undefined} />
      ))}
    </div>
  )
}
