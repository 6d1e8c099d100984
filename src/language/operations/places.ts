/**
 * Finding what an edit may change: a declaration that is there exactly once
 * and parsed (a broken or duplicated one is edited in the text only), and
 * where a step stands in its workflow.
 */
import type { CaiDocument, Job, Parallel, Step, Workflow } from '../model'

export function editableWorkflow(doc: CaiDocument, name: string | null): Workflow | undefined {
  if (name === null) return undefined
  const matches = doc.items.filter(
    (item) => (item.kind === 'workflow' || (item.kind === 'broken' && item.declaration === 'workflow')) && item.name === name,
  )
  return matches.length === 1 && matches[0].kind === 'workflow' ? matches[0] : undefined
}

export function editableJob(doc: CaiDocument, name: string): Job | undefined {
  const matches = doc.items.filter(
    (item) => (item.kind === 'job' || (item.kind === 'broken' && item.declaration === 'job')) && item.name === name,
  )
  return matches.length === 1 && matches[0].kind === 'job' ? matches[0] : undefined
}

/** Where a step stands in its workflow: the entry index, and the branch when it is in a parallel block. */
export interface StepPlace {
  step: Step
  index: number
  branch?: number
  block?: Parallel
}

/**
 * Each parsed workflow's steps by name, built once per workflow object (the
 * model is never changed after the parse, and an unchanged declaration keeps
 * its object): the command layer asks for a step's place once per action on
 * every render, which was a scan of the whole workflow each time. Null marks
 * a name used by more than one step.
 */
const placesByWorkflow = new WeakMap<Workflow, Map<string, StepPlace | null>>()

function placesOf(workflow: Workflow): Map<string, StepPlace | null> {
  let places = placesByWorkflow.get(workflow)
  if (places) return places
  places = new Map()
  const add = (name: string, place: StepPlace) => places!.set(name, places!.has(name) ? null : place)
  workflow.steps.items.forEach((entry, index) => {
    if (entry.kind === 'step') add(entry.name, { step: entry, index })
    else entry.branches.forEach((step, branch) => add(step.name, { step, index, branch, block: entry }))
  })
  placesByWorkflow.set(workflow, places)
  return places
}

/** Where the step named `name` stands; undefined when there is no such step or more than one. */
export function placeOfStep(workflow: Workflow, name: string): StepPlace | undefined {
  return placesOf(workflow).get(name) ?? undefined
}
