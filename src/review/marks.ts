/** A review drawn on the after version's picture: node marks and, per workflow, the notes for what is gone. */
import { stepNodeId, triggerNodeId } from '../diagram/ids'
import type { NodeMark } from '../diagram/svg'
import type { DocumentDiff } from './changes'
import { describePlace } from './describe'

export interface ReviewMarks {
  marks: Map<string, NodeMark>
  notes: Map<string, string[]>
}

export function reviewMarks(diff: DocumentDiff): ReviewMarks {
  const marks = new Map<string, NodeMark>()
  const notes = new Map<string, string[]>()
  const note = (workflow: string, text: string) => notes.set(workflow, [...(notes.get(workflow) ?? []), text])
  // A node can be renamed, moved and changed at once: the notes add up, the colour of the strongest wins.
  const mark = (id: string, state: NodeMark['state'], text: string) => {
    const previous = marks.get(id)
    const strongest = previous?.state === 'changed' || state === 'changed' ? 'changed' : previous?.state === 'added' ? 'added' : state
    marks.set(id, { state: strongest, note: previous?.note ? `${previous.note}; ${text}` : text })
  }
  for (const change of diff.changes) {
    switch (change.kind) {
      case 'step-added':
        mark(stepNodeId(change.workflow, change.step), 'added', 'added')
        break
      case 'step-changed':
        mark(stepNodeId(change.workflow, change.step), 'changed', `changed: ${change.fields.map((f) => f.field).join(', ')}`)
        break
      case 'step-moved':
        mark(stepNodeId(change.workflow, change.step), 'moved', `moved from ${describePlace(change.from)}`)
        break
      case 'step-renamed':
        mark(stepNodeId(change.workflow, change.to), 'renamed', `was ${change.from}`)
        break
      case 'step-removed':
        note(change.workflow, `Removed: step ${change.step} (was ${describePlace(change.place)})`)
        break
      case 'workflow-changed':
        mark(triggerNodeId(change.workflow), 'changed', `changed: ${change.fields.map((f) => f.field).join(', ')}`)
        break
      default:
        break
    }
  }
  return { marks, notes }
}
