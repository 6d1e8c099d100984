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

/** Per workflow object: an edit re-parses only the declarations it touched, so the others are not scanned again. */
const configPathsCache = new WeakMap<Workflow, string[]>()

function configPathsOf(workflow: Workflow): string[] {
  let found = configPathsCache.get(workflow)
  if (!found) {
    found = paths(CONFIG_PATH, valuesOf(workflow))
    configPathsCache.set(workflow, found)
  }
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
 * Completion candidates for an input value of step `stepName`: the prefixes
 * `workflow.input.`, `config.` and `steps.<earlier step>.output.`, each
 * followed by the full paths of that kind the file already uses, sorted (config
 * paths from any workflow, the others from this workflow), without duplicates.
 */
export function inputValueCompletions(doc: CaiDocument, workflow: Workflow, stepName: string): string[] {
  const values = valuesOf(workflow)
  const configPaths = doc.items.flatMap((item) => (item.kind === 'workflow' ? configPathsOf(item) : [])).sort()
  const candidates = ['workflow.input.', ...paths(WORKFLOW_INPUT_PATH, values), 'config.', ...configPaths]
  for (const step of earlierSteps(workflow, stepName)) {
    candidates.push(`steps.${step.name}.output.`, ...paths(OUTPUT_PATH, values, step.name))
  }
  return [...new Set(candidates)]
}
