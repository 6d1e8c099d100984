/**
 * Attaches comments and blank lines to a parsed declaration, by offsets
 * (Prettier-like). A comment goes to:
 * - the `trailing` of the statement whose last token precedes it on the same
 *   line (`openTrailing` of a block when that token is the block's `{`);
 * - the `leading` of the next statement of the same block when it stands on
 *   its own line, or the block's `inner` when no statement follows;
 * - when it stands between the tokens of one statement (or of a block's
 *   header, before `{`), that statement's `trailing` (a block's
 *   `openTrailing`) - unless one of those is a line comment: a line comment
 *   ends its line, so it could not be printed before more of the statement's
 *   comments; they all become `leading` comments instead.
 * A comment right after another one on the same line goes where that one went.
 *
 * Blank lines: a statement's `blankBefore` is a blank line between the
 * previous statement (and its trailing comments) and the statement's first
 * leading comment, or the statement itself; the last leading comment's
 * `blankAfter` is a blank line between it and the statement. Never on the first statement of a
 * block, never on a first leading comment (the statement carries it), never
 * on same-line comments, never on the first `inner` comment of an empty
 * block: text cannot show those, so the model never has them.
 */
import type { BlockTrivia, Comment, Declaration, Input, Job, Parallel, Retry, Span, Step, Steps, Trivia, Workflow } from './model'

/** A comment token as the lexer found it, with what precedes it. */
export interface CommentToken {
  kind: 'line' | 'block'
  text: string
  start: number
  end: number
  /** End offset of the token just before the comment (a comment or not). */
  prevEnd: number
  prevIsComment: boolean
}

type Node = Trivia & { kind?: string; span?: Span }

/** The statements directly inside a node, in source order; undefined for a statement that is not a block. */
export function statementsOf(node: Node): Node[] | undefined {
  switch (node.kind) {
    case 'workflow': {
      const w = node as Workflow
      return present(w.trigger, w.timeout, w.steps, w.retry)
    }
    case 'job': {
      const j = node as Job
      return present(j.schedule, j.task, j.queue, j.retry)
    }
    case 'steps':
      return (node as Steps).items
    case 'parallel':
      return (node as Parallel).branches
    case 'input':
      return (node as Input).entries
    case 'step': {
      const s = node as Step
      return present(s.activity, s.input, s.condition)
    }
    case 'retry': {
      const r = node as Retry
      return present(r.maxAttempts, r.initialInterval, r.backoffMultiplier)
    }
    default:
      return undefined
  }
}

function present(a: Node | undefined, b: Node | undefined, c: Node | undefined, d?: Node): Node[] {
  const nodes: Node[] = []
  if (a) nodes.push(a)
  if (b) nodes.push(b)
  if (c) nodes.push(c)
  if (d) nodes.push(d)
  return nodes
}

export function newlinesBetween(text: string, from: number, to: number, atLeast: number): boolean {
  let count = 0
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 10 && ++count >= atLeast) return true
  }
  return false
}

/** Whether the whitespace between two offsets holds a blank line. */
export function blankLineBetween(text: string, from: number, to: number): boolean {
  return newlinesBetween(text, from, to, 2)
}

export function makeComment(token: Pick<CommentToken, 'kind' | 'text' | 'start' | 'end'>, blankBefore: boolean): Comment {
  return { kind: token.kind, text: token.text, blankBefore, span: { start: token.start, end: token.end } }
}

/** Attaches `comments` (in source order, all inside `root`) to `root` and its statements; returns how many were placed. */
export function attachComments(root: Declaration, comments: readonly CommentToken[], text: string): number {
  const interior = new Map<Node, Comment[]>()
  let previous: Comment[] | undefined
  let placed = 0
  for (const token of comments) {
    const ownLine = newlinesBetween(text, token.prevEnd, token.start, 1)
    const list = !ownLine && token.prevIsComment && previous ? previous : place(root, token, ownLine, interior, text)
    list.push(makeComment(token, ownLine && blankLineBetween(text, token.prevEnd, token.start)))
    previous = list
    placed++
  }
  for (const [node, list] of interior) {
    if (list.some((comment) => comment.kind === 'line')) {
      node.leading.push(...list)
    } else {
      for (const comment of list) comment.blankBefore = false
      const target = statementsOf(node) ? (node as Node & BlockTrivia).openTrailing : node.trailing
      target.unshift(...list)
    }
  }
  return placed
}

function place(root: Node, token: CommentToken, ownLine: boolean, interior: Map<Node, Comment[]>, text: string): Comment[] {
  let node = root
  for (;;) {
    const statements = statementsOf(node)
    if (!statements || token.start < openBrace(node, text)) {
      let list = interior.get(node)
      if (!list) interior.set(node, (list = []))
      return list
    }
    // The first statement starting after the comment.
    let lo = 0
    let hi = statements.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (statements[mid].span!.start > token.start) hi = mid
      else lo = mid + 1
    }
    const before = statements[lo - 1]
    const after = statements[lo]
    if (before && token.start < before.span!.end) {
      node = before
      continue
    }
    const block = node as Node & BlockTrivia
    if (!ownLine) return before ? before.trailing : block.openTrailing
    return after ? after.leading : block.inner
  }
}

/** Offset of a block's `{`: the first one after its start outside comments (headers hold only names and keywords). */
function openBrace(node: Node, text: string): number {
  for (let i = node.span!.start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 123) return i
    if (c !== 47) continue
    const next = text.charCodeAt(i + 1)
    const end = next === 47 ? text.indexOf('\n', i) : next === 42 ? text.indexOf('*/', i + 2) + 1 : i
    if (end < i) break
    i = end
  }
  return text.length
}

/** Sets `blankBefore` on every statement under `node` from the text, and normalises comments' flags (see the module comment). */
export function markBlankLines(node: Node, text: string): void {
  markLeadingBlanks(node, text)
  const statements = statementsOf(node)
  if (!statements) return
  const block = node as Node & BlockTrivia
  if (statements.length === 0 && block.inner.length > 0) block.inner[0].blankBefore = false
  let previousEnd = -1
  for (const statement of statements) {
    statement.blankBefore = previousEnd >= 0 && blankLineBetween(text, previousEnd, startWithLeading(statement))
    previousEnd = endWithTrailing(statement)
    markBlankLines(statement, text)
  }
}

/** The first leading comment never has `blankBefore` (the node has it); the last one has `blankAfter` if a blank line separates it from the node. */
export function markLeadingBlanks(node: Node, text: string): void {
  const { leading } = node
  if (leading.length === 0) return
  leading[0].blankBefore = false
  const last = leading[leading.length - 1]
  if (last.span!.end <= node.span!.start && blankLineBetween(text, last.span!.end, node.span!.start)) last.blankAfter = true
}

export function endWithTrailing(node: Node): number {
  const { trailing } = node
  const end = node.span!.end
  return trailing.length === 0 ? end : Math.max(end, trailing[trailing.length - 1].span!.end)
}

export function startWithLeading(node: Node): number {
  const start = node.span!.start
  return node.leading.length === 0 ? start : Math.min(start, node.leading[0].span!.start)
}
