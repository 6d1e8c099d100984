/**
 * Where a change of a review is: the node it marks on the picture of the
 * after (or before) version, and the text it stands for in that version, so a
 * view can select both. Also the change list's groups. Pure.
 */
import { allSteps, findJob, findWorkflow } from '../language/locate'
import type { CaiDocument, Span } from '../language/model'
import { jobNodeId, stepNodeId, triggerNodeId } from '../diagram/ids'
import type { Change, DocumentDiff } from './changes'
import { changeGroup, describeChange } from './describe'

export type Side = 'before' | 'after'

export interface ChangeLocation {
  /** The version it is seen in: the after one, except for what is gone (seen in the before one). */
  side: Side
  /** Its node on that version's picture, if it has one. */
  nodeId?: string
  /** Its text in that version. */
  span?: Span
}

/** The node id of a change in each version (a renamed step has its old name before, its new one after). */
export function changeNodeIds(change: Change): { before?: string; after?: string } {
  switch (change.kind) {
    case 'step-added':
      return { after: stepNodeId(change.workflow, change.step) }
    case 'step-removed':
      return { before: stepNodeId(change.workflow, change.step) }
    case 'step-changed':
    case 'step-moved':
      return { before: stepNodeId(change.workflow, change.step), after: stepNodeId(change.workflow, change.step) }
    case 'step-renamed':
      return { before: stepNodeId(change.workflow, change.from), after: stepNodeId(change.workflow, change.to) }
    case 'workflow-changed':
      return { before: triggerNodeId(change.workflow), after: triggerNodeId(change.workflow) }
    case 'job-changed':
      return { before: jobNodeId(change.job), after: jobNodeId(change.job) }
    case 'job-added':
      return { after: jobNodeId(change.job) }
    case 'job-removed':
      return { before: jobNodeId(change.job) }
    default:
      return {}
  }
}

const REMOVED: ReadonlySet<Change['kind']> = new Set(['step-removed', 'workflow-removed', 'job-removed', 'block-removed'])

/** The text span of a change's declaration or step in `doc`, the version of `side`. */
function spanIn(doc: CaiDocument, change: Change, side: Side): Span | undefined {
  if ('workflow' in change) {
    const workflow = findWorkflow(doc, change.workflow)
    if (!workflow) return undefined
    const step = change.kind === 'step-renamed' ? (side === 'before' ? change.from : change.to) : 'step' in change ? change.step : undefined
    if (step === undefined) return workflow.span
    return allSteps(workflow).find((candidate) => candidate.name === step)?.span ?? workflow.span
  }
  if ('job' in change) return findJob(doc, change.job)?.span
  if (change.kind === 'not-comparable') {
    const item = doc.items.find((candidate) => candidate.kind === 'broken' && candidate.declaration === change.declaration && candidate.name === change.name)
    return item?.span
  }
  return undefined
}

/** Where to show `change`: the version it is seen in, its node there and its text. */
export function locateChange(change: Change, docs: { before: CaiDocument; after: CaiDocument }): ChangeLocation {
  const side: Side = REMOVED.has(change.kind) ? 'before' : 'after'
  const ids = changeNodeIds(change)
  const nodeId = side === 'before' ? ids.before : ids.after
  return { side, ...(nodeId ? { nodeId } : {}), ...withSpan(spanIn(docs[side], change, side)) }
}

const withSpan = (span: Span | undefined) => (span ? { span } : {})

/** The change at `index` whose node is `nodeId` on the `side` picture, if any: the first such change. */
export function changeOfNode(diff: DocumentDiff, side: Side, nodeId: string): number | undefined {
  const index = diff.changes.findIndex((change) => changeNodeIds(change)[side] === nodeId)
  return index < 0 ? undefined : index
}

export interface ChangeGroup {
  heading: string
  /** The changes under it, with their index in `diff.changes` and their words. */
  entries: Array<{ index: number; words: string; kind: Change['kind'] }>
}

/** The change list: changes grouped by workflow, job or block, in the diff's order. */
export function changeGroups(diff: DocumentDiff): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>()
  diff.changes.forEach((change, index) => {
    const heading = changeGroup(change)
    const group = groups.get(heading) ?? { heading, entries: [] }
    group.entries.push({ index, words: describeChange(change), kind: change.kind })
    groups.set(heading, group)
  })
  return [...groups.values()]
}

/** The next (+1) or previous (-1) change from `current` (none selected: the first or the last), wrapping around. */
export function stepChange(count: number, current: number | null, direction: 1 | -1): number | null {
  if (count === 0) return null
  if (current === null || current < 0 || current >= count) return direction === 1 ? 0 : count - 1
  return (current + direction + count) % count
}
