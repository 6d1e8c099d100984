/**
 * Finding what an edit may change: a declaration that is there exactly once
 * and parsed (a broken or duplicated one is edited in the text only), and
 * where a step stands in its workflow.
 */
import { allSteps } from '../locate'
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

export function placeOfStep(workflow: Workflow, name: string): StepPlace | undefined {
  const steps = allSteps(workflow).filter((step) => step.name === name)
  if (steps.length !== 1) return undefined
  for (const [index, entry] of workflow.steps.items.entries()) {
    if (entry.kind === 'step') {
      if (entry.name === name) return { step: entry, index }
      continue
    }
    const branch = entry.branches.findIndex((candidate) => candidate.name === name)
    if (branch >= 0) return { step: entry.branches[branch], index, branch, block: entry }
  }
  return undefined
}
