/**
 * A review drawn on either version's picture: on the after version, what was
 * added, changed, moved and renamed, and the ghosts of removed steps; on the
 * before version, what was removed, changed, moved away and renamed. Pure.
 */
import { stepNodeId, triggerNodeId } from '../diagram/ids'
import type { Change, DocumentDiff, Place } from './changes'
import { describePlace } from './describe'

export type PictureMarkState = 'added' | 'changed' | 'moved' | 'renamed' | 'removed'

export interface PictureMark {
  state: PictureMarkState
  /** Short words drawn by the node: "was charge", "moved from step 2", "changed: activity". */
  note: string
  /** Index of the change in `diff.changes` (the first, when several mark the node). */
  change: number
}

export interface Ghost {
  workflow: string
  step: string
  /** The node id it had in the before version. */
  beforeId: string
  place: Place
  change: number
}

/** Which colour wins when a node carries several changes. */
const STRENGTH: Record<PictureMarkState, number> = { removed: 4, changed: 3, added: 2, moved: 1, renamed: 0 }

export function pictureMarks(diff: DocumentDiff, side: 'before' | 'after'): Map<string, PictureMark> {
  const marks = new Map<string, PictureMark>()
  const mark = (id: string, state: PictureMarkState, note: string, change: number) => {
    const previous = marks.get(id)
    if (!previous) return void marks.set(id, { state, note, change })
    marks.set(id, { state: STRENGTH[state] > STRENGTH[previous.state] ? state : previous.state, note: `${previous.note}; ${note}`, change: previous.change })
  }
  diff.changes.forEach((change: Change, index) => {
    switch (change.kind) {
      case 'step-added':
        if (side === 'after') mark(stepNodeId(change.workflow, change.step), 'added', 'added', index)
        break
      case 'step-removed':
        if (side === 'before') mark(stepNodeId(change.workflow, change.step), 'removed', 'removed', index)
        break
      case 'step-changed':
        mark(stepNodeId(change.workflow, change.step), 'changed', `changed: ${change.fields.map((f) => f.field).join(', ')}`, index)
        break
      case 'step-moved':
        mark(
          stepNodeId(change.workflow, change.step),
          'moved',
          side === 'after' ? `moved from ${describePlace(change.from)}` : `moved to ${describePlace(change.to)}`,
          index,
        )
        break
      case 'step-renamed':
        if (side === 'after') mark(stepNodeId(change.workflow, change.to), 'renamed', `was ${change.from}`, index)
        else mark(stepNodeId(change.workflow, change.from), 'renamed', `renamed to ${change.to}`, index)
        break
      case 'workflow-changed':
        mark(triggerNodeId(change.workflow), 'changed', `changed: ${change.fields.map((f) => f.field).join(', ')}`, index)
        break
      default:
        break
    }
  })
  return marks
}

/** The steps the after version no longer has, to draw as ghosts where they stood. */
export function ghosts(diff: DocumentDiff): Ghost[] {
  const found: Ghost[] = []
  diff.changes.forEach((change, index) => {
    if (change.kind === 'step-removed') {
      found.push({ workflow: change.workflow, step: change.step, beforeId: stepNodeId(change.workflow, change.step), place: change.place, change: index })
    }
  })
  return found
}
