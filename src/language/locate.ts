import type { CaiDocument, Job, Parallel, Step, StepItem, TopItem, Workflow } from './model'

/** What stands at a text offset, from the top-level item down to the step. */
export interface Location {
  item: TopItem
  /** The parallel block holding the offset (or holding the step), with its index among the workflow's parallel blocks. */
  parallel?: { block: Parallel; index: number }
  step?: Step
}

function within(span: { start: number; end: number } | undefined, offset: number): boolean {
  return !!span && offset >= span.start && offset <= span.end
}

/** The innermost workflow/job/step at `offset`; undefined between items. */
export function locate(doc: CaiDocument, offset: number): Location | undefined {
  const item = doc.items.find((candidate) => within(candidate.span, offset))
  if (!item) return undefined
  if (item.kind !== 'workflow') return { item }
  let parallelIndex = 0
  for (const entry of item.steps.items) {
    if (entry.kind === 'step') {
      if (within(entry.span, offset)) return { item, step: entry }
      continue
    }
    if (within(entry.span, offset)) {
      const step = entry.branches.find((branch) => within(branch.span, offset))
      return { item, parallel: { block: entry, index: parallelIndex }, step }
    }
    parallelIndex++
  }
  return { item }
}

/** Every step of a workflow in flow order, parallel branches included. */
export function allSteps(workflow: Workflow): Step[] {
  // A plain loop: flatMap made an array per entry, and this runs several times per keystroke (10,000 entries).
  const steps: Step[] = []
  for (const entry of workflow.steps.items) {
    if (entry.kind === 'step') steps.push(entry)
    else for (const branch of entry.branches) steps.push(branch)
  }
  return steps
}

/** The steps named `name`, in flow order: one, or more when the name is repeated (an error). */
export function stepsNamed(workflow: Workflow, name: string): Step[] {
  const steps: Step[] = []
  for (const entry of workflow.steps.items) {
    if (entry.kind === 'step') {
      if (entry.name === name) steps.push(entry)
    } else for (const branch of entry.branches) if (branch.name === name) steps.push(branch)
  }
  return steps
}

export function findWorkflow(doc: CaiDocument, name: string): Workflow | undefined {
  return doc.items.find((item): item is Workflow => item.kind === 'workflow' && item.name === name)
}

export function findJob(doc: CaiDocument, name: string): Job | undefined {
  return doc.items.find((item): item is Job => item.kind === 'job' && item.name === name)
}

/** The index of the last entry starting at or before `offset` (entries sorted by start), or -1; binary search. */
export function entryIndexAt(items: readonly StepItem[], offset: number): number {
  let lo = 0
  let hi = items.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const start = items[mid].span?.start ?? Number.POSITIVE_INFINITY
    if (start <= offset) {
      found = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}
