/** Small builders for operation tests: documents as objects, without the parser. */
import {
  emptyBlockTrivia,
  emptyTrivia,
  type CaiDocument,
  type Comment,
  type Job,
  type Parallel,
  type Step,
  type StepItem,
  type StringProp,
  type TopItem,
  type Trivia,
  type Workflow,
} from '../model'
import type { OpResult } from './result'

export function str(value: string): StringProp {
  return { ...emptyTrivia(), value }
}

export function comment(text: string, blankBefore = false): Comment {
  return { kind: text.startsWith('//') ? 'line' : 'block', text, blankBefore }
}

export function step(name: string, activity = `do.${name}`, extra: Partial<Step> = {}): Step {
  return { kind: 'step', ...emptyBlockTrivia(), name, activity: str(activity), ...extra }
}

export function parallel(...branches: Step[]): Parallel {
  return { kind: 'parallel', ...emptyBlockTrivia(), branches }
}

export function workflow(name: string, items: StepItem[], extra: Partial<Workflow> = {}): Workflow {
  return {
    kind: 'workflow',
    ...emptyBlockTrivia(),
    name,
    trigger: { kind: 'trigger', ...emptyTrivia(), type: 'manual' },
    steps: { kind: 'steps', ...emptyBlockTrivia(), items },
    ...extra,
  }
}

export function job(name: string, task = `run.${name}`, extra: Partial<Job> = {}): Job {
  return { kind: 'job', ...emptyBlockTrivia(), name, task: str(task), ...extra }
}

export function doc(...items: TopItem[]): CaiDocument {
  return { kind: 'document', items, endComments: [] }
}

/** `node` with leading comments. */
export function led<T extends Trivia>(node: T, ...texts: string[]): T {
  return { ...node, leading: texts.map((text) => comment(text)) }
}

/** `node` with trailing (same-line) comments. */
export function trailed<T extends Trivia>(node: T, ...texts: string[]): T {
  return { ...node, trailing: texts.map((text) => comment(text)) }
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** The successful result's document; fails the test with the reason otherwise. */
export function docOf(result: OpResult): CaiDocument {
  if (!result.ok) throw new Error(`operation refused: ${result.reason}`)
  return result.doc
}

export function reasonOf(result: OpResult): string {
  if (result.ok) throw new Error('operation succeeded but was expected to refuse')
  return result.reason
}

export function workflowIn(document: CaiDocument, name: string): Workflow {
  const found = document.items.find((item): item is Workflow => item.kind === 'workflow' && item.name === name)
  if (!found) throw new Error(`no workflow ${name}`)
  return found
}

export function jobIn(document: CaiDocument, name: string): Job {
  const found = document.items.find((item): item is Job => item.kind === 'job' && item.name === name)
  if (!found) throw new Error(`no job ${name}`)
  return found
}

export function stepIn(document: CaiDocument, workflowName: string, stepName: string): Step {
  const steps = workflowIn(document, workflowName).steps.items.flatMap((entry) =>
    entry.kind === 'step' ? [entry] : entry.branches,
  )
  const found = steps.find((s) => s.name === stepName)
  if (!found) throw new Error(`no step ${stepName}`)
  return found
}

/** A workflow's flow as names: `['a', ['b', 'c'], 'd']` for a, parallel { b c }, d. */
export function flowOf(document: CaiDocument, name: string): (string | string[])[] {
  return workflowIn(document, name).steps.items.map((entry) =>
    entry.kind === 'step' ? entry.name : entry.branches.map((branch) => branch.name),
  )
}

export function commentTexts(comments: Comment[]): string[] {
  return comments.map((c) => c.text)
}
