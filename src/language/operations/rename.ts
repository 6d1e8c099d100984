import type { CaiDocument, Step, Workflow } from '../model'
import { renameStepReferences } from '../references'
import { stepNameProblem } from './names'
import { revise, stringProp } from './nodes'
import { locateStep, replaceStep, stepAt, updateWorkflow, withItems, withSteps } from './paths'
import { isRefusal, refuse, type OpResult } from './result'

/**
 * Renames a step and rewrites every `steps.OLD` reference in the same
 * workflow's input values and conditions to `steps.NEW`. `info` says how many
 * references were updated.
 */
export function renameStep(doc: CaiDocument, workflowName: string, from: string, to: string): OpResult {
  let updated = 0
  const result = updateWorkflow(doc, workflowName, (workflow) => {
    const location = locateStep(workflow, from)
    if (isRefusal(location)) return location
    if (from === to) return workflow
    const problem = stepNameProblem(workflow, to)
    if (problem) return refuse(problem)
    const renamed = withSteps(workflow, replaceStep(workflow.steps, location, revise(stepAt(workflow, location), { name: to })))
    const rewritten = rewriteReferences(renamed, from, to)
    updated = rewritten.count
    return rewritten.workflow
  })
  if (!result.ok || result.changed.length === 0) return result
  return { ...result, info: `${updated} ${updated === 1 ? 'reference' : 'references'} updated` }
}

/** `workflow` with `steps.FROM` rewritten to `steps.TO` in every input value and condition; unchanged nodes are kept. */
function rewriteReferences(workflow: Workflow, from: string, to: string): { workflow: Workflow; count: number } {
  let count = 0
  const rewriteStep = (step: Step): Step => {
    const patch: Partial<Step> = {}
    const input = step.input
    if (input) {
      const entries = input.entries.map((entry) => {
        const renamed = renameStepReferences(entry.value, from, to)
        count += renamed.count
        return renamed.count === 0 ? entry : revise(entry, { value: renamed.value })
      })
      if (entries.some((entry, i) => entry !== input.entries[i])) patch.input = revise(input, { entries })
    }
    if (step.condition) {
      const renamed = renameStepReferences(step.condition.value, from, to)
      count += renamed.count
      if (renamed.count > 0) patch.condition = stringProp(renamed.value, step.condition)
    }
    return Object.keys(patch).length === 0 ? step : revise(step, patch)
  }
  const items = workflow.steps.items.map((entry) => {
    if (entry.kind === 'step') return rewriteStep(entry)
    const branches = entry.branches.map(rewriteStep)
    return branches.every((branch, i) => branch === entry.branches[i]) ? entry : revise(entry, { branches })
  })
  if (count === 0) return { workflow, count }
  return { workflow: withSteps(workflow, withItems(workflow.steps, items)), count }
}
