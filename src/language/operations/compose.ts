/**
 * Edits made of several document operations, run as one (so they are one
 * undo step): still pure, doc in, OpResult out. Each refuses as a whole
 * when any of its parts refuses.
 */
import { allSteps } from '../locate'
import type { CaiDocument, Workflow } from '../model'
import {
  addParallel,
  addStep,
  moveStep,
  numberedName,
  removeStep,
  unwrapParallel,
  wrapInParallel,
  type FlowPosition,
  type OpResult,
} from './index'
import { stepReferences } from '../references'
import { editableWorkflow, placeOfStep } from './places'

/** Where a dragged or new step lands: a gap of the flow, or beside a step of the sequence (the two then run in parallel). */
export type Landing =
  | { kind: 'flow'; position: FlowPosition }
  | { kind: 'beside'; workflow: string; step: string; side: 'before' | 'after' }

type Operation = (doc: CaiDocument) => OpResult

/** Runs operations one after the other; the changed names add up, the last note wins. */
export function chain(doc: CaiDocument, operations: Operation[]): OpResult {
  let current = doc
  const changed = new Set<string>()
  let info: string | undefined
  for (const operation of operations) {
    const result = operation(current)
    if (!result.ok) return result
    current = result.doc
    result.changed.forEach((name) => changed.add(name))
    info = result.info ?? info
  }
  const names = [...changed]
  return info === undefined ? { ok: true, doc: current, changed: names } : { ok: true, doc: current, changed: names, info }
}

function missingWorkflow(name: string): OpResult {
  return { ok: false, reason: `there is no workflow named "${name}" to edit` }
}

/** The name a new step of `workflow` gets: the first free `step_N`. */
export function newStepName(workflow: Workflow): string {
  return numberedName('step', allSteps(workflow).map((step) => step.name))
}

/** Puts step `stepName` of `workflowName` where `landing` says. */
export function dropStep(doc: CaiDocument, workflowName: string, stepName: string, landing: Landing): OpResult {
  if (landing.kind === 'flow') return moveStep(doc, workflowName, stepName, landing.position)
  if (landing.step === stepName) return { ok: false, reason: 'a step cannot run in parallel with itself' }
  const workflow = editableWorkflow(doc, workflowName)
  const other = workflow && placeOfStep(workflow, landing.step)
  if (!workflow || !other) return { ok: false, reason: `workflow ${workflowName} has no step named "${landing.step}"` }
  if (other.branch !== undefined) return { ok: false, reason: `step "${landing.step}" is already in a parallel block` }
  const gap = landing.side === 'before' ? other.index : other.index + 1
  return chain(doc, [
    (current) => moveStep(current, workflowName, stepName, { workflow: workflowName, index: gap }),
    (current) => wrapInParallel(current, workflowName, [landing.step, stepName]),
  ])
}

/** Adds a new step (`step_N`) where `landing` says. */
export function insertStep(doc: CaiDocument, workflowName: string, landing: Landing): OpResult {
  const workflow = editableWorkflow(doc, workflowName)
  if (!workflow) return missingWorkflow(workflowName)
  const name = newStepName(workflow)
  if (landing.kind === 'flow') return addStep(doc, landing.position, { name })
  const other = placeOfStep(workflow, landing.step)
  if (!other) return { ok: false, reason: `workflow ${workflowName} has no step named "${landing.step}"` }
  if (other.branch !== undefined) return { ok: false, reason: `step "${landing.step}" is already in a parallel block` }
  const gap = landing.side === 'before' ? other.index : other.index + 1
  return chain(doc, [
    (current) => addStep(current, { workflow: workflowName, index: gap }, { name }),
    (current) => wrapInParallel(current, workflowName, [landing.step, name]),
  ])
}

/** Adds an empty parallel block; beside a step, a block holding that step and a new one. */
export function insertParallel(doc: CaiDocument, workflowName: string, landing: Landing): OpResult {
  if (landing.kind === 'beside') return insertStep(doc, workflowName, landing)
  return addParallel(doc, landing.position)
}

/** Wraps a step of the sequence in a new parallel block, with the step after it when that is a step too. */
export function wrapWithNext(doc: CaiDocument, workflowName: string, stepName: string): OpResult {
  const workflow = editableWorkflow(doc, workflowName)
  if (!workflow) return missingWorkflow(workflowName)
  const place = placeOfStep(workflow, stepName)
  const next = place ? workflow.steps.items[place.index + 1] : undefined
  const names = next?.kind === 'step' && place?.branch === undefined ? [stepName, next.name] : [stepName]
  return wrapInParallel(doc, workflowName, names)
}

/** Moves a branch out of its parallel block, to right after the block (a block left empty disappears). */
export function moveOutOfParallel(doc: CaiDocument, workflowName: string, stepName: string): OpResult {
  const workflow = editableWorkflow(doc, workflowName)
  if (!workflow) return missingWorkflow(workflowName)
  const place = placeOfStep(workflow, stepName)
  if (!place) return { ok: false, reason: `workflow ${workflowName} has no step named "${stepName}"` }
  if (place.branch === undefined) return { ok: false, reason: `step "${stepName}" is not in a parallel block` }
  return moveStep(doc, workflowName, stepName, { workflow: workflowName, index: place.index + 1 })
}

/** Removes the parallel block at entry `index` with all its branches. */
export function removeParallel(doc: CaiDocument, workflowName: string, index: number): OpResult {
  const workflow = editableWorkflow(doc, workflowName)
  if (!workflow) return missingWorkflow(workflowName)
  const block = workflow.steps.items[index]
  if (block?.kind !== 'parallel') return { ok: false, reason: `entry ${index} of workflow ${workflowName} is not a parallel block` }
  if (workflow.steps.items.length === 1) {
    return { ok: false, reason: `the parallel block is the only entry of workflow ${workflowName}, and CodeAI rejects a workflow with no steps` }
  }
  // Removing the last branch removes the block; an empty block is dissolved.
  if (block.branches.length === 0) return unwrapParallel(doc, workflowName, index)
  return chain(
    doc,
    block.branches.map((branch) => (current: CaiDocument) => removeStep(current, workflowName, branch.name)),
  )
}

/** How many `steps.NAME` references other steps of the workflow make to each of `names`. */
export function referencesFromOthers(workflow: Workflow, names: readonly string[]): number {
  const targets = new Set(names)
  let count = 0
  for (const step of allSteps(workflow)) {
    if (targets.has(step.name)) continue
    const values = [...(step.input?.entries.map((entry) => entry.value) ?? []), ...(step.condition ? [step.condition.value] : [])]
    for (const value of values) count += stepReferences(value).filter((reference) => targets.has(reference.step)).length
  }
  return count
}
