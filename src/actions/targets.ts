/**
 * What an action acts on: a canvas node (by its ref, see src/store/node-ids.ts)
 * or the canvas pane itself. Helpers find the model objects behind a target in
 * the store's current document, and tell whether its declaration can be
 * edited (a declaration with syntax errors cannot).
 */
import type { CaiDocument, Workflow } from '../language/model'
import type { FlowPosition } from '../language/operations'
import { editableJob, editableWorkflow, placeOfStep, type StepPlace } from '../language/operations/places'

export { editableJob, editableWorkflow, placeOfStep, type StepPlace }
import type { DesignerState } from '../store/designer'
import { endNodeId, jobNodeId, parallelNodeId, parseNodeId, stepNodeId, triggerNodeId, type NodeRef } from '../store/node-ids'

/** The canvas pane: the workflow picture (of `workflow`) or the jobs board. */
export interface PaneTarget {
  kind: 'pane'
  board: 'workflow' | 'jobs'
  workflow: string | null
}

export type ActionTarget = NodeRef | PaneTarget

/** The target for a node id; a duplicate name's `~2` id stands for nothing an operation can address. */
export function targetOfNode(id: string): NodeRef | undefined {
  const ref = parseNodeId(id)
  if (!ref) return undefined
  if (ref.kind === 'step' && ref.step.includes('~')) return undefined
  if (ref.kind === 'job' && ref.job.includes('~')) return undefined
  return ref
}

/** The pane of a board (by default, of the one the user is looking at). */
export function paneTarget(state: DesignerState, board: PaneTarget['board'] = state.view.mode): PaneTarget {
  return board === 'jobs'
    ? { kind: 'pane', board: 'jobs', workflow: null }
    : { kind: 'pane', board: 'workflow', workflow: state.selectedWorkflow }
}

/** What actions on a board act on: the selected node when the board shows it, else the board's pane. */
export function boardTarget(state: DesignerState, board: PaneTarget['board']): ActionTarget {
  const ref = state.selectedNodeId ? targetOfNode(state.selectedNodeId) : undefined
  if (!ref) return paneTarget(state, board)
  const shown = board === 'jobs' ? ref.kind === 'job' : ref.kind !== 'job' && ref.workflow === state.selectedWorkflow
  return shown ? ref : paneTarget(state, board)
}

/** The workflow a target belongs to, by name (null for jobs and the jobs board). */
function workflowNameOf(target: ActionTarget): string | null {
  if (target.kind === 'job') return null
  return target.workflow
}

/** The parsed workflow `name`, if there is exactly one and it has no syntax errors. */
/** Why the declaration a target belongs to cannot be edited from the canvas, or undefined. */
export function readOnlyReason(doc: CaiDocument, target: ActionTarget): string | undefined {
  const [kind, name] = target.kind === 'job' ? (['job', target.job] as const) : (['workflow', workflowNameOf(target)] as const)
  if (name === null) return undefined
  const broken = doc.items.some((item) => item.kind === 'broken' && item.declaration === kind && item.name === name)
  return broken ? `${kind === 'job' ? 'Job' : 'Workflow'} ${name} has a syntax error: fix the syntax error first.` : undefined
}

/** The entry index of the `ordinal`-th parallel block (the number in its node id). */
export function parallelEntryIndex(workflow: Workflow, ordinal: number): number | undefined {
  let seen = 0
  for (const [index, entry] of workflow.steps.items.entries()) {
    if (entry.kind !== 'parallel') continue
    if (seen === ordinal) return index
    seen++
  }
  return undefined
}

/** The parallel ordinal (node id number) of the block at entry `index`. */
export function parallelOrdinal(workflow: Workflow, index: number): number {
  return workflow.steps.items.slice(0, index).filter((entry) => entry.kind === 'parallel').length
}

/**
 * Where a new step goes relative to a target: right before or after a step
 * (in its sequence or parallel block), before or after a parallel block, after
 * the trigger, before the end. Undefined when the target has no such place.
 */
export function positionBeside(workflow: Workflow, target: ActionTarget, side: 'before' | 'after'): FlowPosition | undefined {
  const at = (index: number, branch?: number): FlowPosition =>
    branch === undefined ? { workflow: workflow.name, index } : { workflow: workflow.name, index, branch }
  const shift = side === 'after' ? 1 : 0
  switch (target.kind) {
    case 'step': {
      const place = placeOfStep(workflow, target.step)
      if (!place) return undefined
      return place.branch === undefined ? at(place.index + shift) : at(place.index, place.branch + shift)
    }
    case 'parallel': {
      const index = parallelEntryIndex(workflow, target.index)
      return index === undefined ? undefined : at(index + shift)
    }
    case 'trigger':
      return side === 'after' ? at(0) : undefined
    case 'end':
      return side === 'before' ? at(workflow.steps.items.length) : undefined
    case 'pane':
      return at(workflow.steps.items.length)
    case 'job':
      return undefined
  }
}

/** The node id a node target stands for (null for the pane). */
export function nodeIdOf(target: ActionTarget): string | null {
  switch (target.kind) {
    case 'step':
      return stepNodeId(target.workflow, target.step)
    case 'trigger':
      return triggerNodeId(target.workflow)
    case 'end':
      return endNodeId(target.workflow)
    case 'parallel':
      return parallelNodeId(target.workflow, target.index)
    case 'job':
      return jobNodeId(target.job)
    case 'pane':
      return null
  }
}
