import {
  emptyBlockTrivia,
  emptyTrivia,
  type Comment,
  type InputEntry,
  type NumberProp,
  type Step,
  type StringProp,
  type Trivia,
} from '../model'

/**
 * Building and revising model nodes. A node an operation creates has no span:
 * the printer gives it the block's prevailing spacing. A node it changes
 * keeps its `span`, which marks it as the user's (its own blank line before
 * it is kept), but loses the spans of its parts, which described the old text.
 */

/** What a new step's activity is when the caller names none: a visible to-do that CodeAI still accepts. */
export const PLACEHOLDER_ACTIVITY = 'todo.activity'
/** What a new job's task is when the caller names none. */
export const PLACEHOLDER_TASK = 'todo.task'

const PART_SPAN_KEYS = ['valueSpan', 'nameSpan', 'keySpan'] as const

/** A copy of `node` with `patch` applied, the spans of its parts dropped, and keys patched to undefined removed. */
export function revise<T extends object>(node: T, patch: Partial<T>): T {
  const copy: Record<string, unknown> = { ...node, ...patch }
  for (const key of PART_SPAN_KEYS) delete copy[key]
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete copy[key]
  }
  return copy as T
}

/** A string statement with `value`, keeping the comments of the one it replaces. */
export function stringProp(value: string, previous?: StringProp): StringProp {
  return previous ? revise(previous, { value }) : { ...emptyTrivia(), value }
}

/** A number statement with numeral `raw`, keeping the comments of the one it replaces. */
export function numberProp(raw: string, previous?: NumberProp): NumberProp {
  return previous ? revise(previous, { raw }) : { ...emptyTrivia(), raw }
}

export function inputEntry(key: string, value: string): InputEntry {
  return { ...emptyTrivia(), key, value }
}

export interface NewStep {
  /** Default: the first free `step_1`, `step_2`, ... */
  name?: string
  /** Default: PLACEHOLDER_ACTIVITY. */
  activity?: string
  input?: { key: string; value: string }[]
  condition?: string
}

export function step(name: string, init: NewStep): Step {
  const node: Step = { kind: 'step', ...emptyBlockTrivia(), name, activity: stringProp(init.activity ?? PLACEHOLDER_ACTIVITY) }
  if (init.input) {
    node.input = { kind: 'input', ...emptyBlockTrivia(), entries: init.input.map((entry) => inputEntry(entry.key, entry.value)) }
  }
  if (init.condition !== undefined) node.condition = stringProp(init.condition)
  return node
}

/**
 * `node` with `comments` (coming from a block that disappeared) put before its
 * own leading comments. `blankBefore` is the blank line that stood before
 * those comments; the node's own blank line now stands after them, before its
 * own first comment or before the node itself.
 */
export function prependComments<T extends Trivia>(node: T, comments: Comment[], blankBefore: boolean): T {
  if (comments.length === 0) return node
  const own = node.leading.map((comment, i) => (i === 0 ? { ...comment, blankBefore: node.blankBefore } : comment))
  const moved = unblankFirst(comments).map((comment, i) =>
    i === comments.length - 1 && own.length === 0 && node.blankBefore ? { ...comment, blankAfter: true } : comment,
  )
  return revise(node, { leading: [...moved, ...own], blankBefore } as Partial<T>)
}

/** `comments` with no blank line before the first (that blank line is kept by whatever holds them). */
export function unblankFirst(comments: Comment[]): Comment[] {
  return comments.map((comment, i) => (i === 0 && comment.blankBefore ? { ...comment, blankBefore: false } : comment))
}
