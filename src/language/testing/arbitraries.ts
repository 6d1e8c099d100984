/**
 * fast-check arbitraries for property tests of the .cai language core.
 *
 * `caiDocument` produces valid documents (no spans) in the normal form the
 * canonical printer can reproduce, so `parse(print(doc))` can equal `doc`.
 * `mutatedText` produces random, mostly broken, .cai text by mutating a corpus.
 */
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { tokenize } from '../lexer'
import { CODEAI_STATEMENTS } from '../split'
import {
  RESERVED_WORDS,
  type BlockTrivia,
  type CaiDocument,
  type Comment,
  type Foreign,
  type Input,
  type InputEntry,
  type Job,
  type NumberProp,
  type Parallel,
  type Retry,
  type Step,
  type StepItem,
  type Steps,
  type StringProp,
  type TopItem,
  type Trigger,
  type Trivia,
  type Workflow,
} from '../model'

const RESERVED = new Set<string>(RESERVED_WORDS)

// ---------------------------------------------------------------------------
// Names and values

/** An identifier that is not a reserved word, biased towards near-misses (`task_id`, `retry2`, `Workflow`). */
export const identifier: fc.Arbitrary<string> = fc
  .oneof(
    { arbitrary: fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,10}$/), weight: 4 },
    { arbitrary: fc.tuple(fc.constantFrom(...RESERVED_WORDS), fc.stringMatching(/^[a-zA-Z0-9_]{1,3}$/)).map(([w, s]) => w + s), weight: 1 },
    { arbitrary: fc.constantFrom(...RESERVED_WORDS).map((w) => w[0].toUpperCase() + w.slice(1)), weight: 1 },
  )
  .filter((name) => !RESERVED.has(name))

/** Pieces that stress the lexer inside strings and comments: delimiters of other tokens, non-ASCII, escapes that are not escapes. */
const TRICKY_PIECES = [
  '\\', '\\n', '{', '}', ':', '/', '*', '//', '/*', '*/', '#', '-', '.', '=', "'", '`', ' ', '\t',
  'é', 'µs', '中文', '😀', '\u00a0', '\u200b', '\u2028', '\u0000', 'workflow', 'job', 'steps', 'trigger manual',
]

function textUnit(allowNewline: boolean, exclude: string[] = []): fc.Arbitrary<string> {
  const pieces = TRICKY_PIECES.filter((p) => !exclude.some((x) => p.includes(x)))
  const units: fc.Arbitrary<string>[] = [fc.constantFrom(...pieces), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })]
  if (allowNewline) units.push(fc.constantFrom('\n', '\r\n', '\n\n', '\r'))
  return fc.oneof(...units).filter((u) => !exclude.some((x) => u.includes(x)))
}

/** Any string the language can hold: no `"`, but newlines, backslashes and unicode are fine. */
export const anyString: fc.Arbitrary<string> = fc.string({ unit: textUnit(true, ['"']), maxLength: 12 })

function valueOf(realistic: string[]): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constantFrom(...realistic), weight: 2 }, { arbitrary: anyString, weight: 1 })
}

const eventName = valueOf(['order.created', 'user.signed_up', 'a', ''])
const cron = valueOf(['0 6 * * *', '*/5 * * * *', 'TZ=Europe/Paris 0 9 * * MON-FRI', '@daily'])
const duration = valueOf(['30m', '1h30m', '.5s', '300ms', '1d', ''])
const dottedName = valueOf(['orders.validate', 'email.send', 'reports.generate_pdf'])
const inputValue = valueOf(['workflow.input.order_id', 'steps.validate_order.output.total', 'daily', 'reports/sales/'])
const condition = valueOf(['steps.check.output.is_eligible == true', ''])
const queueName = valueOf(['critical', 'default', 'low_priority', 'low-priority'])

/** `max_attempts` numerals: digits only, leading zeros and huge values included (raw is kept as written). */
const integerRaw = fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), fc.stringMatching(/^[0-9]{4,22}$/))
/** `backoff_multiplier` numerals: always with a decimal point. */
const floatRaw = fc.stringMatching(/^[0-9]{1,3}\.[0-9]{1,3}$/)

// ---------------------------------------------------------------------------
// Comments

export const lineComment: fc.Arbitrary<Comment> = fc
  .string({ unit: textUnit(false), maxLength: 10 })
  .map((body) => ({ kind: 'line', text: `//${body}`, blankBefore: false }))

/** A block comment; its body may span lines but never contains the closing delimiter. */
export const blockComment: fc.Arbitrary<Comment> = fc
  .string({ unit: textUnit(true), maxLength: 10 })
  .map((body) => {
    let safe = body
    while (safe.includes('*/')) safe = safe.replaceAll('*/', '* /')
    return { kind: 'block', text: `/*${safe}*/`, blankBefore: false }
  })

const anyComment = fc.oneof(lineComment, blockComment)

const withBlank = (c: fc.Arbitrary<Comment>) =>
  fc.tuple(c, fc.boolean()).map(([comment, blankBefore]): Comment => ({ ...comment, blankBefore }))

/** Mostly no comments, sometimes a few: comments everywhere make documents unreadable when a property fails. */
function fewComments(c: fc.Arbitrary<Comment>, max: number): fc.Arbitrary<Comment[]> {
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant<Comment[]>([]), weight: 4 },
    { arbitrary: fc.array(c, { minLength: 1, maxLength: max }), weight: 1 },
  )
}

/** Comments on their own lines (`leading`, `inner`, `endComments`). */
export const ownLineComments = fewComments(withBlank(anyComment), 3)
/** Comments after a token on the same line (`trailing`, `openTrailing`). */
export const sameLineComments = fewComments(anyComment, 3)

/** Own-line comments before a node; the last may be detached from it by a blank line (`blankAfter`, absent when false). */
const leadingComments: fc.Arbitrary<Comment[]> = fc
  .tuple(ownLineComments, fc.boolean())
  .map(([comments, detached]) =>
    detached && comments.length > 0 ? [...comments.slice(0, -1), { ...comments[comments.length - 1], blankAfter: true }] : comments,
  )

const trivia: fc.Arbitrary<Trivia> = fc.record({ leading: leadingComments, trailing: sameLineComments, blankBefore: fc.boolean() })
const blockTrivia: fc.Arbitrary<BlockTrivia> = fc.record({
  leading: leadingComments,
  trailing: sameLineComments,
  blankBefore: fc.boolean(),
  openTrailing: sameLineComments,
  inner: ownLineComments,
})

// ---------------------------------------------------------------------------
// Nodes

const stringProp = (value: fc.Arbitrary<string>): fc.Arbitrary<StringProp> =>
  fc.tuple(trivia, value).map(([t, v]) => ({ ...t, value: v }))
const numberProp = (raw: fc.Arbitrary<string>): fc.Arbitrary<NumberProp> =>
  fc.tuple(trivia, raw).map(([t, r]) => ({ ...t, raw: r }))

export const retry: fc.Arbitrary<Retry> = fc
  .tuple(
    blockTrivia,
    fc.record(
      { maxAttempts: numberProp(integerRaw), initialInterval: stringProp(duration), backoffMultiplier: numberProp(floatRaw) },
      { requiredKeys: [] },
    ),
  )
  .map(([t, parts]) => ({ kind: 'retry', ...t, ...parts }))

const inputEntry: fc.Arbitrary<InputEntry> = fc
  .tuple(trivia, identifier, inputValue)
  .map(([t, key, value]) => ({ ...t, key, value }))

const input: fc.Arbitrary<Input> = fc
  .tuple(blockTrivia, fc.array(inputEntry, { maxLength: 3 }))
  .map(([t, entries]) => ({ kind: 'input', ...t, entries }))

export const step: fc.Arbitrary<Step> = fc
  .tuple(
    blockTrivia,
    identifier,
    fc.record({ activity: stringProp(dottedName), input, condition: stringProp(condition) }, { requiredKeys: [] }),
  )
  .map(([t, name, parts]) => ({ kind: 'step', ...t, name, ...parts }))

/** Parallel blocks with zero, one or several branches (empty and one-branch blocks are legal syntax). */
const parallel: fc.Arbitrary<Parallel> = fc
  .tuple(blockTrivia, fc.array(step, { maxLength: 3 }))
  .map(([t, branches]) => ({ kind: 'parallel', ...t, branches }))

const stepItem: fc.Arbitrary<StepItem> = fc.oneof({ arbitrary: step, weight: 3 }, { arbitrary: parallel, weight: 1 })

const steps: fc.Arbitrary<Steps> = fc
  .tuple(blockTrivia, fc.array(stepItem, { maxLength: 4 }))
  .map(([t, items]) => ({ kind: 'steps', ...t, items }))

const trigger: fc.Arbitrary<Trigger> = fc
  .tuple(
    trivia,
    fc.oneof(
      fc.record({ type: fc.constant('event' as const), value: eventName }),
      fc.record({ type: fc.constant('schedule' as const), value: cron }),
      fc.record({ type: fc.constant('manual' as const) }),
    ),
  )
  .map(([t, kind]) => ({ kind: 'trigger', ...t, ...kind }))

export const workflow: fc.Arbitrary<Workflow> = fc
  .tuple(blockTrivia, identifier, trigger, steps, fc.record({ timeout: stringProp(duration), retry }, { requiredKeys: [] }))
  .map(([t, name, trig, stepsBlock, parts]) => ({ kind: 'workflow', ...t, name, trigger: trig, ...parts, steps: stepsBlock }))

export const job: fc.Arbitrary<Job> = fc
  .tuple(
    blockTrivia,
    identifier,
    stringProp(dottedName),
    fc.record({ schedule: stringProp(cron), queue: stringProp(queueName), retry }, { requiredKeys: [] }),
  )
  .map(([t, name, task, parts]) => ({ kind: 'job', ...t, name, task, ...parts }))

/** A brace-balanced body of the wider CodeAI language: `key: "value"` lines, nested blocks, comments (all may hold braces). */
const foreignBody: fc.Arbitrary<string> = fc.letrec<{ body: string }>((tie) => ({
  body: fc
    .array(
      fc.oneof(
        { arbitrary: fc.tuple(identifier, anyString).map(([k, v]) => `${k}: "${v}"`), weight: 3 },
        { arbitrary: fc.tuple(identifier, tie('body')).map(([k, b]) => `${k} {${b}}`), weight: 1 },
        { arbitrary: anyComment.map((c) => c.text), weight: 1 },
        {
          arbitrary: fc.constantFrom(
            'id: uuid, primary, auto', 'timeout: 10s', 'auth: bearer(env.TOKEN)', 'user = find(User, id)',
            'request UserID from path', 'response User status 200', 'workflow: "x"', 'steps { }',
          ),
          weight: 1,
        },
      ),
      { maxLength: 3, depthIdentifier: 'foreign' },
    )
    .map((lines) => (lines.length === 0 ? ' ' : `\n${lines.map((l) => `  ${l}\n`).join('')}`)),
})).body

/** The first words of CodeAI's block statements (spec section 2): only these are other blocks kept as written. */
const foreignKeyword = fc.constantFrom(...[...CODEAI_STATEMENTS].filter((word) => word !== 'var'))

export const foreign: fc.Arbitrary<Foreign> = fc
  .tuple(trivia, foreignKeyword, fc.constantFrom('', ' Order', ' GET /orders/{id}'), foreignBody)
  .map(([t, keyword, header, body]) => ({ kind: 'foreign', ...t, keyword, text: `${keyword}${header} {${body}}` }))

const topItem: fc.Arbitrary<TopItem> = fc.oneof(
  { arbitrary: workflow, weight: 3 },
  { arbitrary: job, weight: 2 },
  { arbitrary: foreign, weight: 1 },
)

/** A valid document (no `broken` items, no spans) in printer normal form. */
export const caiDocument: fc.Arbitrary<CaiDocument> = fc
  .tuple(
    fc.oneof(
      { withCrossShrink: true },
      { arbitrary: fc.constant<TopItem[]>([]), weight: 1 },
      { arbitrary: fc.array(topItem, { minLength: 1, maxLength: 3 }), weight: 9 },
    ),
    ownLineComments,
  )
  .map(([items, endComments]) => normalise({ kind: 'document', items, endComments }))

// ---------------------------------------------------------------------------
// Normal form

/**
 * Rewrites a generated document into the one form the canonical printer
 * reproduces, without changing anything the printer keeps. Each rule is
 * something text cannot express, so no parser could recover it:
 */
export function normalise(doc: CaiDocument): CaiDocument {
  return {
    ...doc,
    items: firstInBlock(doc.items.map(normaliseTop)),
    endComments: ownLines(doc.endComments, doc.items.length === 0),
  }
}

/**
 * - A blank line at the start of a block (or of the file) is not printed:
 *   the first child of every block has `blankBefore: false`.
 */
function firstInBlock<T extends Trivia>(children: T[]): T[] {
  return children.map((child, i) => (i === 0 ? unblank(child) : child))
}

/** Clears the blank line before a node, i.e. before its first leading comment if it has one. */
function unblank<T extends Trivia>(node: T): T {
  return { ...node, blankBefore: false }
}

/**
 * - A comment on its own line right after `{` (or at the start of the file)
 *   cannot have a blank line before it (`first`).
 */
function ownLines(comments: Comment[], first: boolean): Comment[] {
  return comments.map((c, i) => (i === 0 && first ? { ...c, blankBefore: false } : c))
}

/**
 * - Leading comments: the blank line before the first one is the node's
 *   `blankBefore`, so the first comment's own flag is always false.
 */
function leading(comments: Comment[]): Comment[] {
  return ownLines(comments, true)
}

/**
 * - Same-line comments: a line comment runs to the end of the line, so only
 *   the last one may be a line comment; others become block comments with
 *   the same body. Nothing can stand between them, so no blank lines.
 */
function sameLine(comments: Comment[]): Comment[] {
  return comments.map((c, i) => ({
    ...c,
    blankBefore: false,
    ...(c.kind === 'line' && i < comments.length - 1 ? asBlock(c) : {}),
  }))
}

function asBlock(c: Comment): Pick<Comment, 'kind' | 'text'> {
  let body = c.text.slice(2)
  while (body.includes('*/')) body = body.replaceAll('*/', '* /')
  return { kind: 'block', text: `/*${body}*/` }
}

function normaliseTrivia<T extends Trivia>(node: T): T {
  return { ...node, leading: leading(node.leading), trailing: sameLine(node.trailing) }
}

function normaliseBlock<T extends BlockTrivia>(node: T, childCount: number): T {
  return { ...normaliseTrivia(node), openTrailing: sameLine(node.openTrailing), inner: ownLines(node.inner, childCount === 0) }
}

function normaliseTop(item: TopItem): TopItem {
  switch (item.kind) {
    case 'workflow':
      return normaliseWorkflow(item)
    case 'job':
      return normaliseJob(item)
    default:
      return normaliseTrivia(item)
  }
}

function normaliseWorkflow(w: Workflow): Workflow {
  const trigger = normaliseTrivia(w.trigger)
  const timeout = w.timeout && normaliseTrivia(w.timeout)
  const steps = normaliseSteps(w.steps)
  const retry = w.retry && normaliseRetry(w.retry)
  return {
    ...normaliseBlock(w, 1),
    trigger: unblank(trigger),
    ...(timeout && { timeout }),
    steps,
    ...(retry && { retry }),
  }
}

function normaliseJob(j: Job): Job {
  const schedule = j.schedule && normaliseTrivia(j.schedule)
  const task = normaliseTrivia(j.task)
  const queue = j.queue && normaliseTrivia(j.queue)
  const retry = j.retry && normaliseRetry(j.retry)
  return {
    ...normaliseBlock(j, 1),
    ...(schedule && { schedule: unblank(schedule) }),
    task: schedule ? task : unblank(task),
    ...(queue && { queue }),
    ...(retry && { retry }),
  }
}

function normaliseSteps(s: Steps): Steps {
  return { ...normaliseBlock(s, s.items.length), items: firstInBlock(s.items.map(normaliseStepItem)) }
}

function normaliseStepItem(item: StepItem): StepItem {
  if (item.kind === 'step') return normaliseStep(item)
  return { ...normaliseBlock(item, item.branches.length), branches: firstInBlock(item.branches.map(normaliseStep)) }
}

function normaliseStep(s: Step): Step {
  const parts = firstPresentUnblanked({
    activity: s.activity && normaliseTrivia(s.activity),
    input: s.input && normaliseInput(s.input),
    condition: s.condition && normaliseTrivia(s.condition),
  })
  return { ...normaliseBlock(s, Object.keys(parts).length), ...parts }
}

function normaliseInput(i: Input): Input {
  return { ...normaliseBlock(i, i.entries.length), entries: firstInBlock(i.entries.map(normaliseTrivia)) }
}

function normaliseRetry(r: Retry): Retry {
  const parts = firstPresentUnblanked({
    maxAttempts: r.maxAttempts && normaliseTrivia(r.maxAttempts),
    initialInterval: r.initialInterval && normaliseTrivia(r.initialInterval),
    backoffMultiplier: r.backoffMultiplier && normaliseTrivia(r.backoffMultiplier),
  })
  return { ...normaliseBlock(r, Object.keys(parts).length), ...parts }
}

/** Drops absent parts (keys in source order) and clears `blankBefore` on the first present one. */
function firstPresentUnblanked<T extends Record<string, Trivia | undefined>>(parts: T): Partial<T> {
  const out: Partial<T> = {}
  let first = true
  for (const [key, part] of Object.entries(parts) as [keyof T, T[keyof T]][]) {
    if (part === undefined) continue
    out[key] = (first ? unblank(part as Trivia) : part) as T[keyof T]
    first = false
  }
  return out
}

// ---------------------------------------------------------------------------
// Random text: mutations of a corpus of .cai files

/** One edit; positions are reduced modulo the text or token count, so any number is valid (and shrinks towards 0). */
export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'deleteChar'; at: number }
  | { op: 'replaceChar'; at: number; text: string }
  | { op: 'deleteToken'; token: number }
  | { op: 'duplicateToken'; token: number }
  | { op: 'swapTokens'; token: number; other: number }

/** What an edit inserts: single characters, keywords, and the delimiters that change how the rest of the file lexes. */
const INSERTION = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  fc.constantFrom(...RESERVED_WORDS).map((w) => ` ${w} `),
  fc.constantFrom('{', '}', '"', '/*', '*/', '//', '\n', '\r\n', '\r', '\f', ':', ' 2.0 ', ' 3 ', '\t'),
  fc.constantFrom('é', '😀', '\ud83d', '中', '\u00a0', '\u2028', '\ufeff', '\u0000'),
)

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: INSERTION }),
  fc.record({ op: fc.constant('deleteChar' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replaceChar' as const), at: fc.nat(), text: INSERTION }),
  fc.record({ op: fc.constant('deleteToken' as const), token: fc.nat() }),
  fc.record({ op: fc.constant('duplicateToken' as const), token: fc.nat() }),
  fc.record({ op: fc.constant('swapTokens' as const), token: fc.nat(), other: fc.nat() }),
)

export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'insert': {
      const at = m.at % (text.length + 1)
      return text.slice(0, at) + m.text + text.slice(at)
    }
    case 'deleteChar':
    case 'replaceChar': {
      if (text.length === 0) return m.op === 'replaceChar' ? m.text : text
      const at = m.at % text.length
      return text.slice(0, at) + (m.op === 'replaceChar' ? m.text : '') + text.slice(at + 1)
    }
    default: {
      const tokens = tokenize(text).map((t) => ({ start: t.offset, end: t.offset + t.text.length }))
      if (tokens.length === 0) return text
      const t = tokens[m.token % tokens.length]
      if (m.op === 'deleteToken') return text.slice(0, t.start) + text.slice(t.end)
      if (m.op === 'duplicateToken') return text.slice(0, t.end) + ' ' + text.slice(t.start, t.end) + text.slice(t.end)
      const o = tokens[m.other % tokens.length]
      if (o === t) return text
      const [a, b] = t.start < o.start ? [t, o] : [o, t]
      return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end)
    }
  }
}

/** Random .cai text: a corpus text with one to four mutations applied. */
export function mutatedText(corpus: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([source, ms]) => ms.reduce(applyMutation, source))
}

// ---------------------------------------------------------------------------
// Free layout: the same tokens, other whitespace

/**
 * Replacement whitespace by what the gap held: same line, next line, a blank
 * line. The parser reads nothing else from whitespace, so swapping a gap for
 * another of its class must not change the document.
 */
const GAPS = {
  // A lone CR is white space to CodeAI, not a line break: it keeps tokens on one line (and a line comment at the end of the file ends before it).
  sameLine: ['', ' ', '  ', '\t', ' \t ', '        ', '\r', ' \r\r ', '\f'],
  nextLine: ['\n', '\r\n', ' \n   ', '\t\n', '\n\t\t\t\t\t\t\t\t\t', '\n ', '\r\r\n', ' \r \n\r'],
  blankLine: ['\n\n', '\n\n\n\n', '\r\n\r\n', '\n \t\n', ' \n\n\n ', '\n\r\n\t', '\r\n\n', '\n\r\r\n\r'],
}

/** Choices for `relayout`: 0 keeps a gap as it is, so choices shrink towards the original text. */
export const layoutChoices = fc.array(fc.nat({ max: 6 }), { maxLength: 200 })

/**
 * `text` with the whitespace between tokens replaced, gap by gap, by
 * `choices` (cycled): any amount of spaces and tabs, CRLF line ends, runs of
 * blank lines. Gaps inside the `keep` spans (foreign blocks, kept byte for
 * byte) stay as they are.
 */
export function relayout(text: string, choices: readonly number[], keep: readonly { start: number; end: number }[]): string {
  if (choices.length === 0) return text
  const tokens = tokenize(text)
  const wordLike = (type: string | undefined) => type === 'ident' || type === 'integer' || type === 'float' || !!type?.startsWith('kw_')
  let out = text.slice(0, tokens[0]?.offset ?? text.length)
  tokens.forEach((token, i) => {
    out += token.text
    const start = token.offset + token.text.length
    const end = tokens[i + 1]?.offset ?? text.length
    const gap = text.slice(start, end)
    const choice = choices[i % choices.length]
    if (choice === 0 || keep.some((span) => span.start <= start && end <= span.end)) {
      out += gap
      return
    }
    const newlines = gap.split('\n').length - 1
    const options = newlines === 0 ? GAPS.sameLine : newlines === 1 ? GAPS.nextLine : GAPS.blankLine
    let replacement = options[(choice - 1) % options.length]
    // A line comment runs to the end of the line (past a lone CR): spaces after it would join it; CRs right before the line break would not.
    if (token.type === 'lineComment' && !/^\r*$/.test(replacement)) replacement = replacement.replace(/^[^\n]*?(?=\r*\n|$)/, '')
    // Two words need a space between them, or they would lex as one.
    if (replacement === '' && wordLike(token.type) && wordLike(tokens[i + 1]?.type)) replacement = ' '
    out += replacement
  })
  return out
}

/** A comment to put after the `after`-th token (cycled), alone on its line or not. */
export interface CommentInsertion {
  after: number
  comment: Comment
  newlineBefore: boolean
  newlineAfter: boolean
}

export const commentInsertions: fc.Arbitrary<CommentInsertion[]> = fc.array(
  fc.record({ after: fc.nat(), comment: anyComment, newlineBefore: fc.boolean(), newlineAfter: fc.boolean() }),
  { maxLength: 6 },
)

/**
 * `text` with comments put between tokens, where the language allows any
 * number of them (not inside the `keep` spans: foreign blocks).
 */
export function insertComments(text: string, insertions: readonly CommentInsertion[], keep: readonly { start: number; end: number }[]): string {
  const gaps = tokenize(text)
    .map((token) => ({ at: token.offset + token.text.length, afterLineComment: token.type === 'lineComment' }))
    .filter(({ at }) => !keep.some((span) => span.start <= at && at < span.end))
  if (gaps.length === 0) return text
  const added = new Map<number, string>()
  for (const { after, comment, newlineBefore, newlineAfter } of insertions) {
    const { at, afterLineComment } = gaps[after % gaps.length]
    // What follows a line comment on its line is part of it.
    const start = newlineBefore || afterLineComment ? '\n' : ' '
    const end = comment.kind === 'line' || newlineAfter ? '\n' : ' '
    added.set(at, (added.get(at) ?? '') + start + comment.text + end)
  }
  let out = ''
  let from = 0
  for (const at of [...added.keys()].sort((a, b) => a - b)) {
    out += text.slice(from, at) + added.get(at)
    from = at
  }
  return out + text.slice(from)
}

/** The text of every .cai file under examples/, sorted by path so runs are reproducible. */
export function exampleCorpus(): string[] {
  const root = new URL('../../../examples/', import.meta.url)
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.cai'))
    .sort()
    .map((path) => readFileSync(new URL(path, root), 'utf8'))
}
