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
function statementsOf(node: Node): Node[] | undefined {
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

/**
 * Attaches `comments` (in source order, all inside `root`) to `root` and its
 * statements. Returns how many comments the receiving nodes hold afterwards:
 * the caller checks that none was lost.
 */
export function attachComments(root: Declaration | Step | Parallel, comments: readonly CommentToken[], text: string): number {
  const interior = new Map<Node, Comment[]>()
  const owners = new Set<Node>()
  let previous: Comment[] | undefined
  for (const token of comments) {
    const ownLine = newlinesBetween(text, token.prevEnd, token.start, 1)
    let list = previous
    if (ownLine || !token.prevIsComment || !list) {
      const place = placeOf(root, token, ownLine, text)
      owners.add(place.owner)
      if (place.list) {
        list = place.list
      } else {
        list = interior.get(place.owner)
        if (!list) interior.set(place.owner, (list = []))
      }
    }
    list.push(makeComment(token, ownLine && blankLineBetween(text, token.prevEnd, token.start)))
    previous = list
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
  let held = 0
  for (const node of owners) {
    markLeadingBlanks(node, text)
    const block = node as Node & BlockTrivia
    if (block.inner?.length > 0 && statementsOf(node)!.length === 0) block.inner[0].blankBefore = false
    held += node.leading.length + node.trailing.length + (block.openTrailing?.length ?? 0) + (block.inner?.length ?? 0)
  }
  return held
}

/** Where a comment goes: a list of `owner`, or (no list) between the owner's own tokens. */
function placeOf(root: Node, token: CommentToken, ownLine: boolean, text: string): { owner: Node; list?: Comment[] } {
  let node = root
  for (;;) {
    const statements = statementsOf(node)
    if (!statements || token.start < openBrace(node, text)) return { owner: node }
    const index = firstStartingAfter(statements, token.start)
    const before = statements[index - 1]
    const after = statements[index]
    if (before && token.start < before.span!.end) {
      node = before
      continue
    }
    const block = node as Node & BlockTrivia
    if (!ownLine) return before ? { owner: before, list: before.trailing } : { owner: block, list: block.openTrailing }
    return after ? { owner: after, list: after.leading } : { owner: block, list: block.inner }
  }
}

/** Index of the first statement that starts after `offset` (statements are in source order). */
function firstStartingAfter(statements: readonly Node[], offset: number): number {
  let lo = 0
  let hi = statements.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (statements[mid].span!.start > offset) hi = mid
    else lo = mid + 1
  }
  return lo
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

/**
 * Sets `blankBefore` on the statements under `root` that follow a blank
 * line. Blank lines are few, so this finds each in the text and the
 * statement after it, rather than visiting every statement. A blank line
 * inside a string or comment, after `{`, before `}` or among a statement's
 * leading comments (where the comments carry it) sets nothing.
 */
export function markBlankLines(root: Node, text: string): void {
  // Searched within the declaration only (a slice shares the text's memory): a search to the next blank line of the whole file, from each declaration, made files without blank lines quadratic.
  const { start, end } = root.span!
  const blankLine = /\n[ \t\r]*\n/g
  const own = text.slice(start, end)
  for (let match = blankLine.exec(own); match; match = blankLine.exec(own)) {
    blankLine.lastIndex = match.index + 1
    markBlankLineAt(root, start + match.index)
  }
}

function markBlankLineAt(root: Node, at: number): void {
  let node = root
  for (;;) {
    const statements = statementsOf(node)
    if (!statements) return
    const index = firstStartingAfter(statements, at)
    const before = statements[index - 1]
    const after = statements[index]
    if (!before) return
    if (at < before.span!.end) {
      node = before
      continue
    }
    if (!after || at < endWithTrailing(before) || (after.leading.length > 0 && after.leading[0].span!.start < at)) return
    after.blankBefore = true
    return
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
