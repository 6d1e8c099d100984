import { allSteps } from '../locate'
import type { CaiDocument, Job, Parallel, Step, StepItem, Steps, TopItem, Workflow } from '../model'
import { done, isRefusal, refuse, unchanged, type OpResult, type Refusal } from './result'
import { revise } from './nodes'

/**
 * Addressing. Workflows and jobs are addressed by name, steps by workflow name
 * and step name. An operation refuses when a name is ambiguous (two workflows,
 * or two steps of one workflow, with that name: CodeAI rejects such a file
 * anyway) rather than guess which one is meant.
 */

/**
 * A place in a workflow's flow where a step or parallel block goes: a gap
 * between entries, counted in the document as it is BEFORE the operation.
 * - without `branch`: the gap before `steps.items[index]` of the workflow
 *   (`index === items.length` is the end of the sequence);
 * - with `branch`: `steps.items[index]` is a parallel block, and the gap is
 *   before its `branches[branch]` (`branch === branches.length` is its end).
 */
export interface FlowPosition {
  workflow: string
  index: number
  branch?: number
}

/** Where a step stands: `steps.items[index]`, or with `branch`, `steps.items[index].branches[branch]`. */
export interface StepLocation {
  index: number
  branch?: number
}

export type DeclarationKind = 'workflow' | 'job'

interface Found<T> {
  index: number
  item: T
}

/** The declaration named `name`; a broken one only when `allowBroken` (removal and reordering need no structure). */
export function lookupDeclaration(
  doc: CaiDocument,
  kind: DeclarationKind,
  name: string,
  allowBroken = false,
): Found<TopItem> | Refusal {
  const matches: Found<TopItem>[] = []
  doc.items.forEach((item, index) => {
    const isKind = item.kind === kind || (item.kind === 'broken' && item.declaration === kind)
    if (isKind && 'name' in item && item.name === name) matches.push({ index, item })
  })
  if (matches.length === 0) return refuse(`there is no ${kind} named "${name}"`)
  if (matches.length > 1) return refuse(`there are ${matches.length} ${kind}s named "${name}"; rename one in the text first`)
  if (matches[0].item.kind === 'broken' && !allowBroken) {
    return refuse(`${kind} ${name} has syntax errors; fix them in the text first`)
  }
  return matches[0]
}

export function lookupWorkflow(doc: CaiDocument, name: string): Found<Workflow> | Refusal {
  return lookupDeclaration(doc, 'workflow', name) as Found<Workflow> | Refusal
}

function lookupJob(doc: CaiDocument, name: string): Found<Job> | Refusal {
  return lookupDeclaration(doc, 'job', name) as Found<Job> | Refusal
}

/** Names of every workflow (or job) in the document, broken ones included. */
export function declarationNames(doc: CaiDocument, kind: DeclarationKind): string[] {
  return doc.items.flatMap((item) =>
    (item.kind === kind || (item.kind === 'broken' && item.declaration === kind)) && item.name !== undefined
      ? [item.name]
      : [],
  )
}

export function stepNames(workflow: Workflow): string[] {
  return allSteps(workflow).map((step) => step.name)
}

export function locateStep(workflow: Workflow, name: string): StepLocation | Refusal {
  const found: StepLocation[] = []
  workflow.steps.items.forEach((entry, index) => {
    if (entry.kind === 'step') {
      if (entry.name === name) found.push({ index })
    } else {
      entry.branches.forEach((branch, b) => {
        if (branch.name === name) found.push({ index, branch: b })
      })
    }
  })
  if (found.length === 0) return refuse(`workflow ${workflow.name} has no step named "${name}"`)
  if (found.length > 1) {
    return refuse(`there are ${found.length} steps named "${name}" in workflow ${workflow.name}; rename one in the text first`)
  }
  return found[0]
}

export function stepAt(workflow: Workflow, location: StepLocation): Step {
  const entry = workflow.steps.items[location.index]
  return location.branch === undefined ? (entry as Step) : (entry as Parallel).branches[location.branch]
}

/** Why `position` is not a gap of `workflow`'s flow, or undefined. */
export function positionProblem(workflow: Workflow, position: FlowPosition): string | undefined {
  const items = workflow.steps.items
  if (position.branch === undefined) {
    return isIndex(position.index, items.length)
      ? undefined
      : `position ${position.index} is outside the steps of workflow ${workflow.name} (0 to ${items.length})`
  }
  const entry = isIndex(position.index, items.length - 1) ? items[position.index] : undefined
  if (entry?.kind !== 'parallel') {
    return `entry ${position.index} of workflow ${workflow.name} is not a parallel block`
  }
  return isIndex(position.branch, entry.branches.length)
    ? undefined
    : `position ${position.branch} is outside the parallel block (0 to ${entry.branches.length})`
}

function isIndex(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max
}

/** `doc` with the top-level items at the given indices replaced. */
export function replaceItems(doc: CaiDocument, replacements: ReadonlyMap<number, TopItem>): CaiDocument {
  return { ...doc, items: doc.items.map((item, index) => replacements.get(index) ?? item) }
}

/** Applies `edit` to workflow `name`; an edit that returns the workflow itself changes nothing. */
export function updateWorkflow(doc: CaiDocument, name: string, edit: (workflow: Workflow) => Workflow | Refusal): OpResult {
  const found = lookupWorkflow(doc, name)
  if (isRefusal(found)) return found
  const next = edit(found.item)
  if (isRefusal(next)) return next
  if (next === found.item) return unchanged(doc)
  return done(replaceItems(doc, new Map([[found.index, next]])), [...new Set([name, next.name])])
}

export function updateJob(doc: CaiDocument, name: string, edit: (job: Job) => Job | Refusal): OpResult {
  const found = lookupJob(doc, name)
  if (isRefusal(found)) return found
  const next = edit(found.item)
  if (isRefusal(next)) return next
  if (next === found.item) return unchanged(doc)
  return done(replaceItems(doc, new Map([[found.index, next]])), [...new Set([name, next.name])])
}

/** Applies `edit` to step `stepName` of workflow `workflowName`. */
export function updateStep(
  doc: CaiDocument,
  workflowName: string,
  stepName: string,
  edit: (step: Step, workflow: Workflow) => Step | Refusal,
): OpResult {
  return updateWorkflow(doc, workflowName, (workflow) => {
    const location = locateStep(workflow, stepName)
    if (isRefusal(location)) return location
    const current = stepAt(workflow, location)
    const next = edit(current, workflow)
    if (isRefusal(next)) return next
    if (next === current) return workflow
    return withSteps(workflow, replaceStep(workflow.steps, location, next))
  })
}

export function withSteps(workflow: Workflow, steps: Steps): Workflow {
  return steps === workflow.steps ? workflow : revise(workflow, { steps })
}

export function withItems(steps: Steps, items: StepItem[]): Steps {
  return revise(steps, { items })
}

export function replaceStep(steps: Steps, location: StepLocation, step: Step): Steps {
  const items = steps.items.map((entry, index) => {
    if (index !== location.index) return entry
    if (location.branch === undefined) return step
    const block = entry as Parallel
    return revise(block, { branches: block.branches.map((branch, b) => (b === location.branch ? step : branch)) })
  })
  return withItems(steps, items)
}
