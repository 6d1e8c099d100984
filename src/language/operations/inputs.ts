import { emptyBlockTrivia, type CaiDocument, type Input, type Step } from '../model'
import { inputKeyProblem, numberedName, valueProblem } from './names'
import { inputEntry, revise } from './nodes'
import { updateStep } from './paths'
import { isRefusal, refuse, type OpResult, type Refusal } from './result'

/** Editing a step's `input { KEY: "VALUE" }` mappings. Entries are addressed by key. */

/** Sets the value of an existing entry, keeping its comments. */
export function setInputEntry(doc: CaiDocument, workflowName: string, stepName: string, key: string, value: string): OpResult {
  return updateStep(doc, workflowName, stepName, (step) => {
    const index = entryIndex(step, key)
    if (isRefusal(index)) return index
    const problem = valueProblem(value)
    if (problem) return refuse(problem)
    const input = step.input as Input
    if (input.entries[index].value === value) return step
    return withEntries(step, input.entries.map((entry, i) => (i === index ? revise(entry, { value }) : entry)))
  })
}

/**
 * Adds an entry at the end of the step's input (creating `input { }` if the
 * step has none). Without a key, it gets the first free `key_1`, `key_2`...
 */
export function addInputEntry(
  doc: CaiDocument,
  workflowName: string,
  stepName: string,
  key?: string,
  value = '',
): OpResult {
  return updateStep(doc, workflowName, stepName, (step) => {
    const keys = step.input?.entries.map((entry) => entry.key) ?? []
    const name = key ?? numberedName('key', keys)
    const problem = inputKeyProblem(keys, name) ?? valueProblem(value)
    if (problem) return refuse(problem)
    return withEntries(step, [...(step.input?.entries ?? []), inputEntry(name, value)])
  })
}

/**
 * Removes an entry with its comments. An input block left empty goes too,
 * unless it holds comments of its own.
 */
export function removeInputEntry(doc: CaiDocument, workflowName: string, stepName: string, key: string): OpResult {
  return updateStep(doc, workflowName, stepName, (step) => {
    const index = entryIndex(step, key)
    if (isRefusal(index)) return index
    const input = step.input as Input
    const entries = input.entries.filter((_, i) => i !== index)
    const comments = [input.leading, input.trailing, input.openTrailing, input.inner].some((list) => list.length > 0)
    if (entries.length === 0 && !comments) return revise(step, { input: undefined })
    return withEntries(step, entries)
  })
}

/** Renames an entry's key, keeping its value and comments. */
export function renameInputKey(doc: CaiDocument, workflowName: string, stepName: string, from: string, to: string): OpResult {
  return updateStep(doc, workflowName, stepName, (step) => {
    const index = entryIndex(step, from)
    if (isRefusal(index)) return index
    if (from === to) return step
    const input = step.input as Input
    const problem = inputKeyProblem(input.entries.map((entry) => entry.key), to)
    if (problem) return refuse(problem)
    return withEntries(step, input.entries.map((entry, i) => (i === index ? revise(entry, { key: to }) : entry)))
  })
}

function entryIndex(step: Step, key: string): number | Refusal {
  const indices = (step.input?.entries ?? []).flatMap((entry, i) => (entry.key === key ? [i] : []))
  if (indices.length === 0) return refuse(`step "${step.name}" has no input named "${key}"`)
  if (indices.length > 1) return refuse(`step "${step.name}" has ${indices.length} inputs named "${key}"; remove one in the text first`)
  return indices[0]
}

function withEntries(step: Step, entries: Input['entries']): Step {
  const input: Input = step.input ? revise(step.input, { entries }) : { kind: 'input', ...emptyBlockTrivia(), entries }
  return revise(step, { input })
}
