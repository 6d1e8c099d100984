/** What an input value of a step can read: the candidates offered while typing it. */
import { allSteps } from '../language/locate'
import type { CaiDocument, Step, Workflow } from '../language/model'

const WORKFLOW_INPUT_PATH = /(?<![A-Za-z0-9_.])workflow\.input\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g
const CONFIG_PATH = /(?<![A-Za-z0-9_.])config\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g
const OUTPUT_PATH = /(?<![A-Za-z0-9_.])steps\.([A-Za-z_][A-Za-z0-9_]*)\.output\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g

function paths(pattern: RegExp, texts: string[], step?: string): string[] {
  return texts
    .flatMap((text) => [...text.matchAll(pattern)])
    .filter((match) => step === undefined || match[1] === step)
    .map((match) => match[0])
    .sort()
}

/**
 * What a workflow's input values and conditions already read, per workflow
 * object: an edit re-parses only the declarations it touched, so the others
 * are not scanned again, and one scan serves every step (a scan per earlier
 * step was quadratic: 40 s for a step near the end of 10,000).
 */
interface UsedPaths {
  config: string[]
  workflowInput: string[]
  /** `steps.X.output...` paths by X. */
  outputs: Map<string, string[]>
}

const usedPathsCache = new WeakMap<Workflow, UsedPaths>()

function usedPathsOf(workflow: Workflow): UsedPaths {
  let found = usedPathsCache.get(workflow)
  if (found) return found
  const values = valuesOf(workflow)
  const outputs = new Map<string, string[]>()
  for (const value of values) {
    for (const match of value.matchAll(OUTPUT_PATH)) {
      const list = outputs.get(match[1])
      if (list) list.push(match[0])
      else outputs.set(match[1], [match[0]])
    }
  }
  for (const list of outputs.values()) list.sort()
  found = { config: paths(CONFIG_PATH, values), workflowInput: paths(WORKFLOW_INPUT_PATH, values), outputs }
  usedPathsCache.set(workflow, found)
  return found
}

/** Every input value and condition of a workflow's steps. */
function valuesOf(workflow: Workflow): string[] {
  return allSteps(workflow).flatMap((step) => [
    ...(step.input?.entries.map((entry) => entry.value) ?? []),
    ...(step.condition ? [step.condition.value] : []),
  ])
}

/**
 * The steps whose output `stepName` may read: those in earlier entries of the
 * flow. Not the step itself, later ones, or its siblings in a parallel block
 * (their output may not exist yet), as the validator's reference checks say.
 */
export function earlierSteps(workflow: Workflow, stepName: string): Step[] {
  const items = workflow.steps.items
  const index = items.findIndex((entry) =>
    entry.kind === 'step' ? entry.name === stepName : entry.branches.some((branch) => branch.name === stepName),
  )
  if (index < 0) return []
  return items.slice(0, index).flatMap((entry) => (entry.kind === 'step' ? [entry] : entry.branches))
}

/**
 * The most earlier steps offered: the ones just before the step, which it
 * most likely reads. A list of thousands is no help to pick from and costs a
 * render of thousands of options; any other step can still be typed.
 */
export const COMPLETION_STEPS_MAX = 200

/**
 * Completion candidates for an input value of step `stepName`: the prefixes
 * `workflow.input.`, `config.` and `steps.<earlier step>.output.`, each
 * followed by the full paths of that kind the file already uses, sorted (config
 * paths from any workflow, the others from this workflow), without duplicates.
 */
export function inputValueCompletions(doc: CaiDocument, workflow: Workflow, stepName: string): string[] {
  const used = usedPathsOf(workflow)
  const configPaths = doc.items.flatMap((item) => (item.kind === 'workflow' ? usedPathsOf(item).config : [])).sort()
  const candidates = ['workflow.input.', ...used.workflowInput, 'config.', ...configPaths]
  for (const step of earlierSteps(workflow, stepName).slice(-COMPLETION_STEPS_MAX)) {
    candidates.push(`steps.${step.name}.output.`, ...(used.outputs.get(step.name) ?? []))
  }
  return [...new Set(candidates)]
}
