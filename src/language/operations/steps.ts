import { allSteps } from '../locate'
import { emptyBlockTrivia, type CaiDocument, type Comment, type Parallel, type Step, type Steps, type Workflow } from '../model'
import { stepReferences } from '../references'
import { inputKeyProblem, numberedName, freeName, stepNameProblem, valueProblem } from './names'
import { stripSpans } from '../strip'
import { prependComments, revise, step as newStep, unblankFirst, type NewStep } from './nodes'
import {
  locateStep,
  lookupWorkflow,
  positionProblem,
  replaceItems,
  stepAt,
  stepNames,
  updateWorkflow,
  withItems,
  withSteps,
  type FlowPosition,
  type StepLocation,
} from './paths'
import { done, isRefusal, refuse, unchanged, type OpResult } from './result'

/**
 * Adding, removing, duplicating and moving steps, and making and dissolving
 * parallel blocks. A step carries its own comments wherever it goes. A
 * parallel block that loses its last branch disappears, and its comments move
 * to the entry that follows it (or to the end of the `steps` block), so no
 * comment is lost by a move. Deleting a step deletes the step's own comments.
 */

/**
 * Adds a step at `position`. It gets the first free name `step_1`, `step_2`...
 * unless `init.name` is given, and activity PLACEHOLDER_ACTIVITY
 * (`todo.activity`) unless `init.activity` is given: CodeAI rejects a step
 * without an activity, and a visible to-do is what the user fills in next.
 */
export function addStep(doc: CaiDocument, position: FlowPosition, init: NewStep = {}): OpResult {
  return updateWorkflow(doc, position.workflow, (workflow) => {
    const problem = positionProblem(workflow, position) ?? newStepProblem(workflow, init)
    if (problem) return refuse(problem)
    const name = init.name ?? numberedName('step', stepNames(workflow))
    return withSteps(workflow, insertStep(workflow.steps, position, newStep(name, init)))
  })
}

/** Removes a step and its comments. Refuses to remove a workflow's only entry (CodeAI rejects empty `steps`). */
export function removeStep(doc: CaiDocument, workflowName: string, stepName: string): OpResult {
  let remaining = 0
  const result = updateWorkflow(doc, workflowName, (workflow) => {
    const location = locateStep(workflow, stepName)
    if (isRefusal(location)) return location
    const steps = detach(workflow.steps, location)
    if (steps.items.length === 0) {
      return refuse(`"${stepName}" is the only step of workflow ${workflowName}, and CodeAI rejects a workflow with no steps`)
    }
    const next = withSteps(workflow, steps)
    remaining = referencesTo(next, stepName)
    return next
  })
  if (!result.ok || remaining === 0) return result
  const [noun, verb] = remaining === 1 ? ['reference', 'remains'] : ['references', 'remain']
  return { ...result, info: `${remaining} ${noun} to steps.${stepName} ${verb} in workflow ${workflowName}` }
}

/**
 * Puts a copy of a step (comments included) right after it, in the same
 * sequence or parallel block, named `NAME_copy`, `NAME_copy_2`...
 */
export function duplicateStep(doc: CaiDocument, workflowName: string, stepName: string): OpResult {
  return updateWorkflow(doc, workflowName, (workflow) => {
    const location = locateStep(workflow, stepName)
    if (isRefusal(location)) return location
    const copy = revise(stripSpans(stepAt(workflow, location)), {
      name: freeName(`${stepName}_copy`, stepNames(workflow)),
    })
    const after =
      location.branch === undefined ? { index: location.index + 1 } : { index: location.index, branch: location.branch + 1 }
    return withSteps(workflow, insertStep(workflow.steps, after, copy))
  })
}

/**
 * Moves a step, with its comments, to `to`: within the sequence, into a
 * parallel block, out of one, or into another workflow (where its name must be
 * free). `to` is a gap counted in the document before the move; dropping a
 * step next to itself changes nothing.
 */
export function moveStep(doc: CaiDocument, workflowName: string, stepName: string, to: FlowPosition): OpResult {
  const source = lookupWorkflow(doc, workflowName)
  if (isRefusal(source)) return source
  const location = locateStep(source.item, stepName)
  if (isRefusal(location)) return location
  const step = stepAt(source.item, location)

  if (to.workflow === workflowName) {
    const problem = positionProblem(source.item, to)
    if (problem) return refuse(problem)
    if (isBesideItself(location, to)) return unchanged(doc)
    const taken = take(source.item.steps, location)
    let steps = insertStep(taken.steps, shiftedByTaking(to, location), step)
    if (taken.emptied) steps = dropParallel(steps, taken.emptied)
    return done(replaceItems(doc, new Map([[source.index, withSteps(source.item, steps)]])), [workflowName])
  }

  const target = lookupWorkflow(doc, to.workflow)
  if (isRefusal(target)) return target
  const problem = positionProblem(target.item, to) ?? stepNameProblem(target.item, stepName)
  if (problem) return refuse(problem)
  const remaining = detach(source.item.steps, location)
  if (remaining.items.length === 0) {
    return refuse(`"${stepName}" is the only step of workflow ${workflowName}, and CodeAI rejects a workflow with no steps`)
  }
  const items = new Map([
    [source.index, withSteps(source.item, remaining)],
    [target.index, withSteps(target.item, insertStep(target.item.steps, to, step))],
  ])
  return done(replaceItems(doc, items), [workflowName, to.workflow])
}

/**
 * Wraps adjacent steps of the sequence (given in any order) into a new
 * parallel block standing where the first of them stood. The steps keep their
 * comments; the block takes over the blank line before the first one.
 */
export function wrapInParallel(doc: CaiDocument, workflowName: string, stepNamesToWrap: string[]): OpResult {
  return updateWorkflow(doc, workflowName, (workflow) => {
    if (stepNamesToWrap.length === 0) return refuse('choose at least one step to put in a parallel block')
    const indices: number[] = []
    for (const name of new Set(stepNamesToWrap)) {
      const location = locateStep(workflow, name)
      if (isRefusal(location)) return location
      if (location.branch !== undefined) return refuse(`step "${name}" is already in a parallel block`)
      indices.push(location.index)
    }
    indices.sort((a, b) => a - b)
    const first = indices[0]
    const last = indices[indices.length - 1]
    if (last - first + 1 !== indices.length) return refuse('the steps to put in a parallel block must stand next to each other')
    const branches = workflow.steps.items.slice(first, last + 1) as Step[]
    const block: Parallel = {
      kind: 'parallel',
      ...emptyBlockTrivia(),
      blankBefore: branches[0].blankBefore,
      branches: [branches[0].blankBefore ? revise(branches[0], { blankBefore: false }) : branches[0], ...branches.slice(1)],
    }
    const items = [...workflow.steps.items.slice(0, first), block, ...workflow.steps.items.slice(last + 1)]
    return withSteps(workflow, withItems(workflow.steps, items))
  })
}

/**
 * Dissolves the parallel block at `steps.items[index]`: its branches take its
 * place in the sequence. The block's own comments stay where they stood: those
 * before its first branch go to the first branch, the others to the entry
 * after the block. Dissolving an empty block removes it.
 */
export function unwrapParallel(doc: CaiDocument, workflowName: string, index: number): OpResult {
  return updateWorkflow(doc, workflowName, (workflow) => {
    const block = workflow.steps.items[index]
    if (!Number.isInteger(index) || block?.kind !== 'parallel') {
      return refuse(`entry ${index} of workflow ${workflowName} is not a parallel block`)
    }
    if (block.branches.length === 0) {
      const steps = dropParallel(workflow.steps, block)
      if (steps.items.length === 0) {
        return refuse(`the parallel block is the only entry of workflow ${workflowName}, and CodeAI rejects a workflow with no steps`)
      }
      return withSteps(workflow, steps)
    }
    const [first, ...rest] = block.branches
    const before = [...block.leading, ...block.openTrailing]
    const head =
      before.length > 0 || first.blankBefore !== block.blankBefore
        ? revise(first, { leading: [...unblankFirst(before), ...first.leading], blankBefore: block.blankBefore })
        : first
    const branches = [head, ...rest]
    const items = [...workflow.steps.items.slice(0, index), ...branches, ...workflow.steps.items.slice(index + 1)]
    const after = [...block.inner, ...block.trailing]
    return withSteps(workflow, placeComments(withItems(workflow.steps, items), index + branches.length, after, false))
  })
}

/** Adds an empty parallel block at `position` (in the sequence: blocks do not nest). */
export function addParallel(doc: CaiDocument, position: FlowPosition): OpResult {
  if (position.branch !== undefined) return refuse('a parallel block cannot hold another parallel block')
  return updateWorkflow(doc, position.workflow, (workflow) => {
    const problem = positionProblem(workflow, position)
    if (problem) return refuse(problem)
    const block: Parallel = { kind: 'parallel', ...emptyBlockTrivia(), branches: [] }
    return withSteps(workflow, withItems(workflow.steps, insert(workflow.steps.items, position.index, block)))
  })
}

function newStepProblem(workflow: Workflow, init: NewStep): string | undefined {
  if (init.name !== undefined) {
    const problem = stepNameProblem(workflow, init.name)
    if (problem) return problem
  }
  const keys: string[] = []
  for (const entry of init.input ?? []) {
    const problem = inputKeyProblem(keys, entry.key) ?? valueProblem(entry.value)
    if (problem) return problem
    keys.push(entry.key)
  }
  const values = [init.activity, init.condition].filter((value) => value !== undefined)
  return values.map(valueProblem).find((problem) => problem !== undefined)
}

function insert<T>(list: readonly T[], index: number, value: T): T[] {
  return [...list.slice(0, index), value, ...list.slice(index)]
}

function without<T>(list: readonly T[], index: number): T[] {
  return [...list.slice(0, index), ...list.slice(index + 1)]
}

function insertStep(steps: Steps, position: { index: number; branch?: number }, step: Step): Steps {
  const { index, branch } = position
  if (branch === undefined) return withItems(steps, insert(steps.items, index, step))
  const block = steps.items[index] as Parallel
  const grown = revise(block, { branches: insert(block.branches, branch, step) })
  return withItems(steps, steps.items.map((entry, i) => (i === index ? grown : entry)))
}

/** Takes the step at `location` out; a parallel block it leaves empty is returned as `emptied`, still in place. */
function take(steps: Steps, location: StepLocation): { steps: Steps; emptied?: Parallel } {
  if (location.branch === undefined) return { steps: withItems(steps, without(steps.items, location.index)) }
  const block = steps.items[location.index] as Parallel
  const shrunk = revise(block, { branches: without(block.branches, location.branch) })
  const next = withItems(steps, steps.items.map((entry, i) => (i === location.index ? shrunk : entry)))
  return shrunk.branches.length === 0 ? { steps: next, emptied: shrunk } : { steps: next }
}

/** Takes the step at `location` out, dissolving a parallel block it leaves empty. */
function detach(steps: Steps, location: StepLocation): Steps {
  const taken = take(steps, location)
  return taken.emptied ? dropParallel(taken.steps, taken.emptied) : taken.steps
}

/** Removes parallel block `block` (by identity), moving its comments to what follows it. */
function dropParallel(steps: Steps, block: Parallel): Steps {
  const index = steps.items.indexOf(block)
  const comments = [...block.leading, ...block.openTrailing, ...block.inner, ...block.trailing]
  return placeComments(withItems(steps, without(steps.items, index)), index, comments, block.blankBefore)
}

/** Puts `comments` before `steps.items[index]`, or at the end of the block when there is no such entry. */
function placeComments(steps: Steps, index: number, comments: Comment[], blankBefore: boolean): Steps {
  if (comments.length === 0) return steps
  if (index >= steps.items.length) {
    const moved = comments.map((comment, i) => (i === 0 ? { ...comment, blankBefore } : comment))
    return revise(steps, { inner: [...moved, ...steps.inner] })
  }
  const items = steps.items.map((entry, i) => (i === index ? prependComments(entry, comments, blankBefore) : entry))
  return withItems(steps, items)
}

/** Whether gap `to` is right before or right after the step at `location`, in the same sequence or block. */
function isBesideItself(location: StepLocation, to: FlowPosition): boolean {
  if (location.branch === undefined) {
    return to.branch === undefined && (to.index === location.index || to.index === location.index + 1)
  }
  return to.index === location.index && (to.branch === location.branch || to.branch === location.branch + 1)
}

/** Gap `to` (counted before the move) counted once the step at `location` is taken out. */
function shiftedByTaking(to: FlowPosition, location: StepLocation): { index: number; branch?: number } {
  if (location.branch === undefined) {
    return { index: to.index > location.index ? to.index - 1 : to.index, branch: to.branch }
  }
  if (to.branch !== undefined && to.index === location.index && to.branch > location.branch) {
    return { index: to.index, branch: to.branch - 1 }
  }
  return to
}

function referencesTo(workflow: Workflow, stepName: string): number {
  return allSteps(workflow)
    .flatMap((step) => [...(step.input?.entries.map((entry) => entry.value) ?? []), ...(step.condition ? [step.condition.value] : [])])
    .flatMap(stepReferences)
    .filter((reference) => reference.step === stepName).length
}
