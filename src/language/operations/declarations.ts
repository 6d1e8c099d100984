import { emptyBlockTrivia, emptyTrivia, type CaiDocument, type Job, type TopItem, type Workflow } from '../model'
import type { TriggerSetting } from './fields'
import { nameProblem, numberedName, valueProblem } from './names'
import { PLACEHOLDER_TASK, step, stringProp } from './nodes'
import { declarationNames, lookupDeclaration, type DeclarationKind } from './paths'
import { done, isRefusal, refuse, unchanged, type OpResult } from './result'

/**
 * Adding, removing and reordering top-level declarations. Top-level places
 * are gaps counted in the document before the operation: `at` = 0 is the
 * start, `doc.items.length` the end. A declaration's comments travel with it.
 */

export interface NewWorkflow {
  /** Default: the first free `workflow_1`, `workflow_2`... */
  name?: string
  /** Default: manual. */
  trigger?: TriggerSetting
  /** Default: the end of the file. */
  at?: number
}

export interface NewJob {
  /** Default: the first free `job_1`, `job_2`... */
  name?: string
  /** Default: PLACEHOLDER_TASK (`todo.task`). */
  task?: string
  at?: number
}

/**
 * Adds a workflow. It holds one step (`step_1`, activity `todo.activity`):
 * CodeAI rejects a workflow with no steps.
 */
export function addWorkflow(doc: CaiDocument, init: NewWorkflow = {}): OpResult {
  const trigger = init.trigger ?? { type: 'manual' }
  const value = trigger.type === 'manual' ? undefined : trigger.value
  const name = init.name ?? numberedName('workflow', declarationNames(doc, 'workflow'))
  const problem = newNameProblem(doc, 'workflow', name) ?? (value === undefined ? undefined : valueProblem(value))
  if (problem) return refuse(problem)
  const workflow: Workflow = {
    kind: 'workflow',
    ...emptyBlockTrivia(),
    name,
    trigger: { kind: 'trigger', ...emptyTrivia(), type: trigger.type, ...(value !== undefined && { value }) },
    steps: { kind: 'steps', ...emptyBlockTrivia(), items: [step('step_1', {})] },
  }
  return insertItem(doc, workflow, init.at)
}

/** Adds a job with a task (a placeholder unless given): CodeAI requires one. */
export function addJob(doc: CaiDocument, init: NewJob = {}): OpResult {
  const name = init.name ?? numberedName('job', declarationNames(doc, 'job'))
  const task = init.task ?? PLACEHOLDER_TASK
  const problem = newNameProblem(doc, 'job', name) ?? valueProblem(task)
  if (problem) return refuse(problem)
  const job: Job = { kind: 'job', ...emptyBlockTrivia(), name, task: stringProp(task) }
  return insertItem(doc, job, init.at)
}

/** Removes a workflow with its comments; a workflow with syntax errors can be removed too. */
export function removeWorkflow(doc: CaiDocument, name: string): OpResult {
  return removeDeclaration(doc, 'workflow', name)
}

/** Removes a job with its comments; a job with syntax errors can be removed too. */
export function removeJob(doc: CaiDocument, name: string): OpResult {
  return removeDeclaration(doc, 'job', name)
}

/**
 * Moves the top-level item at `from` (any item: workflow, job, broken or
 * foreign) to gap `to`, counted before the move. Every item keeps its identity.
 */
export function moveItem(doc: CaiDocument, from: number, to: number): OpResult {
  const count = doc.items.length
  if (!Number.isInteger(from) || from < 0 || from >= count) return refuse(`there is no item ${from} (0 to ${count - 1})`)
  if (!Number.isInteger(to) || to < 0 || to > count) return refuse(`position ${to} is outside the file (0 to ${count})`)
  if (to === from || to === from + 1) return unchanged(doc)
  const item = doc.items[from]
  const rest = doc.items.filter((_, i) => i !== from)
  const at = to > from ? to - 1 : to
  return done({ ...doc, items: [...rest.slice(0, at), item, ...rest.slice(at)] }, nameOf(item))
}

function newNameProblem(doc: CaiDocument, kind: DeclarationKind, name: string): string | undefined {
  return (
    nameProblem(name, kind) ??
    (declarationNames(doc, kind).includes(name) ? `there is already a ${kind} named "${name}"` : undefined)
  )
}

function insertItem(doc: CaiDocument, item: Workflow | Job, at = doc.items.length): OpResult {
  if (!Number.isInteger(at) || at < 0 || at > doc.items.length) {
    return refuse(`position ${at} is outside the file (0 to ${doc.items.length})`)
  }
  return done({ ...doc, items: [...doc.items.slice(0, at), item, ...doc.items.slice(at)] }, [item.name])
}

function removeDeclaration(doc: CaiDocument, kind: DeclarationKind, name: string): OpResult {
  const found = lookupDeclaration(doc, kind, name, true)
  if (isRefusal(found)) return found
  return done({ ...doc, items: doc.items.filter((_, i) => i !== found.index) }, [name])
}

function nameOf(item: TopItem): string[] {
  return item.kind === 'foreign' || item.name === undefined ? [] : [item.name]
}
