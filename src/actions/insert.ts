/**
 * Adding new things from the palette: a step, a parallel block, a workflow or
 * a job, either after a target (keyboard, click) or where one is dropped.
 * New names are the first free `step_N`, `workflow_N`, `job_N`. The new node
 * is selected; the text cursor stays where it was.
 */
import type { CaiDocument, TopItem } from '../language/model'
import { addJob, addWorkflow, setJobField, type FlowPosition, type OpResult } from '../language/operations'
import type { DesignerStore } from '../store/designer'
import { jobNodeId, parallelNodeId, stepNodeId, triggerNodeId } from '../store/node-ids'
import { chain, insertParallel, insertStep, newStepName, type Landing } from '../language/operations/compose'
import { perform } from './perform'
import { editableWorkflow, parallelOrdinal, positionBeside, type ActionTarget } from './targets'

export type NewKind = 'step' | 'parallel' | 'workflow' | 'job'

/** Where a palette item goes when it is not dropped: after `target`, or at the end of the shown workflow. */
export function positionAfter(doc: CaiDocument, kind: 'step' | 'parallel', target: ActionTarget): FlowPosition | undefined {
  const workflow = editableWorkflow(doc, target.kind === 'job' ? null : target.workflow)
  if (!workflow) return undefined
  const position = positionBeside(workflow, target, 'after') ?? positionBeside(workflow, target, 'before')
  if (!position || kind === 'step' || position.branch === undefined) return position
  // Parallel blocks do not nest: a new block goes after the block holding the branch.
  return { workflow: workflow.name, index: position.index + 1 }
}

/** Adds a step or parallel block at `landing` in workflow `workflowName`, and selects it. */
export function insertInFlow(store: DesignerStore, kind: 'step' | 'parallel', workflowName: string, landing: Landing): OpResult {
  const workflow = editableWorkflow(store.getState().parsed.doc, workflowName)
  const name = workflow ? newStepName(workflow) : ''
  if (kind === 'step' || landing.kind === 'beside') {
    return perform(store, (doc) => insertStep(doc, workflowName, landing), { name: `add step ${name}`, select: () => stepNodeId(workflowName, name) })
  }
  const index = landing.position.index
  return perform(store, (doc) => insertParallel(doc, workflowName, landing), {
    name: 'add parallel block',
    select: (doc) => {
      const after = editableWorkflow(doc, workflowName)
      return after && parallelNodeId(workflowName, parallelOrdinal(after, index))
    },
  })
}

/** Where a new declaration of `kind` goes: after the target's own declaration, else after the last of its kind, else at the end. */
function declarationSlot(doc: CaiDocument, kind: 'workflow' | 'job', near: string | null): number {
  const isKind = (item: TopItem) => item.kind === kind || (item.kind === 'broken' && item.declaration === kind)
  const own = near === null ? -1 : doc.items.findIndex((item) => isKind(item) && 'name' in item && item.name === near)
  if (own >= 0) return own + 1
  const last = doc.items.findLastIndex(isKind)
  return last >= 0 ? last + 1 : doc.items.length
}

function nameAdded(before: CaiDocument, after: CaiDocument, kind: 'workflow' | 'job'): string | undefined {
  const names = new Set(before.items.flatMap((item) => (item.kind === kind ? [item.name] : [])))
  return after.items.find((item): item is Extract<TopItem, { kind: typeof kind }> => item.kind === kind && !names.has(item.name))?.name
}

/** Adds a workflow (one placeholder step) after the shown one, shows it and selects its trigger. */
export function insertWorkflow(store: DesignerStore, near: string | null): OpResult {
  const before = store.getState().parsed.doc
  const result = perform(store, (doc) => addWorkflow(doc, { at: declarationSlot(doc, 'workflow', near) }), { name: 'add workflow' })
  const name = result.ok ? nameAdded(before, result.doc, 'workflow') : undefined
  if (name) {
    store.getState().selectWorkflow(name)
    store.getState().selectNode(triggerNodeId(name), { reveal: false })
  }
  return result
}

/**
 * Adds a job after `near` (or after the last job), in `queue` when given, and
 * shows it on the jobs board. A job naming no queue runs on `default`, so a
 * new job dropped on the `default` lane gets no `queue` line.
 */
export function insertJob(store: DesignerStore, near: string | null, queue?: string): OpResult {
  const before = store.getState().parsed.doc
  const result = perform(store, (doc) => {
    const add = (current: CaiDocument) => addJob(current, { at: declarationSlot(current, 'job', near) })
    if (queue === undefined || queue === 'default') return add(doc)
    return chain(doc, [add, (current) => setJobField(current, nameAdded(doc, current, 'job')!, 'queue', queue)])
  }, { name: 'add job' })
  const name = result.ok ? nameAdded(before, result.doc, 'job') : undefined
  if (name) {
    store.getState().setView({ mode: 'jobs' })
    store.getState().selectNode(jobNodeId(name), { reveal: false })
  }
  return result
}

/** The palette's keyboard and click path: a new `kind` after `target`, or at the end. */
export function insertAfter(store: DesignerStore, kind: NewKind, target: ActionTarget): OpResult | undefined {
  const doc = store.getState().parsed.doc
  if (kind === 'workflow') return insertWorkflow(store, target.kind === 'job' ? null : target.workflow)
  if (kind === 'job') return insertJob(store, target.kind === 'job' ? target.job : null)
  const position = positionAfter(doc, kind, target)
  if (position) return insertInFlow(store, kind, position.workflow, { kind: 'flow', position })
  // Nothing to add a step to yet: a new workflow (it holds one step).
  if (kind === 'step' && startsWorkflow(target)) return insertWorkflow(store, null)
  return undefined
}

/** Whether a step added at `target` starts a workflow: the workflow canvas shows none. */
export function startsWorkflow(target: ActionTarget): boolean {
  return target.kind === 'pane' && target.board === 'workflow' && target.workflow === null
}
