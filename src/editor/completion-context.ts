/**
 * What the editor may suggest at the cursor, worked out from the text alone
 * (the file rarely parses while the user is typing). Pure: no Monaco.
 */
import { KNOWN_QUEUES, type Span } from '../language/model'
import { TokenScanner, closingBrace, tokenContains, type Token } from './scan'

export const WORKFLOW_PARTS = ['trigger', 'timeout', 'steps', 'retry'] as const
export const JOB_PARTS = ['schedule', 'task', 'queue', 'retry'] as const
export const STEP_PARTS = ['activity', 'input', 'if'] as const
export const RETRY_PARTS = ['max_attempts', 'initial_interval', 'backoff_multiplier'] as const
export const TRIGGER_TYPES = ['event', 'schedule', 'manual'] as const

export type PartBlock = 'workflow' | 'job' | 'step' | 'retry'
export type NameKeyword = 'activity' | 'task' | 'queue'

export interface StepChoice {
  name: string
  /** The step surely runs before the cursor's step (earlier in the flow, not in the same parallel block). */
  runsBefore: boolean
}

export type CompletionContext =
  | { kind: 'none' }
  /** At the top level: a workflow or job declaration. */
  | { kind: 'declaration' }
  /** A statement inside a block: the parts that may still come here, in grammar order. */
  | { kind: 'part'; block: PartBlock; keywords: string[] }
  /** In `steps { }` or `parallel { }`: a new step (and, in `steps`, a parallel block). */
  | { kind: 'step'; allowParallel: boolean }
  /** After `trigger`. */
  | { kind: 'trigger-type' }
  /** Inside a value or condition string, after `steps.`. */
  | { kind: 'step-reference'; steps: StepChoice[] }
  /** Inside the string after `activity`, `task` or `queue`: the names the file already uses. */
  | { kind: 'used-name'; keyword: NameKeyword; names: string[] }

export interface CompletionAnalysis {
  context: CompletionContext
  /** The text a suggestion replaces when inserted: from the start of what is typed to the cursor. */
  insert: Span
  /** The same, extended over the rest of the word or string content after the cursor. */
  replace: Span
}

type BlockKind = 'top' | 'workflow' | 'job' | 'steps' | 'parallel' | 'step' | 'input' | 'retry' | 'other'

const PARTS: Partial<Record<BlockKind, readonly string[]>> = {
  workflow: WORKFLOW_PARTS,
  job: JOB_PARTS,
  step: STEP_PARTS,
  retry: RETRY_PARTS,
}

interface StepRecord {
  name: string
  /** The parallel block holding the step, counted from 0 within its workflow. */
  parallel?: number
}

interface Block {
  kind: BlockKind
  /** The last token directly in this block (a closed child block counts as its `}`). */
  last: Token | null
  /** The token before `last`. */
  beforeLast: Token | null
  partsBefore: string[]
  partsAfter: string[]
  /** Workflows only: their steps in flow order. */
  steps?: StepRecord[]
  /** Parallel blocks only: their number within the workflow. */
  parallelIndex?: number
  /** Workflows only: how many parallel blocks were opened so far. */
  parallelCount?: number
  /** Step blocks only. */
  step?: StepRecord
}

function newBlock(kind: BlockKind): Block {
  return { kind, last: null, beforeLast: null, partsBefore: [], partsAfter: [] }
}

const STEP_REFERENCE_BEFORE_CURSOR = /(?<![A-Za-z0-9_.])steps\.([A-Za-z_][A-Za-z0-9_]*)?$/

/** Where the cursor stands, captured while scanning. */
interface CursorSite {
  stack: Block[]
  /** The innermost block's last two tokens as they stood at the cursor (the scan goes on past it). */
  last: Token | null
  beforeLast: Token | null
  /** The token the cursor is inside, if any. */
  token?: Token
}

function captureSite(stack: Block[], token?: Token): CursorSite {
  const block = stack[stack.length - 1]
  return { stack: [...stack], last: block.last, beforeLast: block.beforeLast, token }
}

export function analyzeCompletion(text: string, offset: number): CompletionAnalysis {
  const word = (token: Token | null | undefined) => (token && token.type === 'word' ? text.slice(token.start, token.end) : undefined)
  const stringValue = (token: Token) => text.slice(token.start + 1, token.closed ? token.end - 1 : token.end)
  // The names used elsewhere in the file matter only inside an `activity`, `task` or `queue` string: the rest of the
  // file is read only then, so a keystroke in a 5 MB text reads the declaration it is in, not the whole text.
  let walked = walk(text, offset, false, word, stringValue)
  const { site } = walked
  if (site.token?.type === 'string' && usedNameKeyword(site.stack[site.stack.length - 1].kind, word(site.last))) {
    walked = walk(text, offset, true, word, stringValue)
  }
  return contextAt(text, offset, walked.site, walked.used, word, stringValue)
}

/**
 * Reads the blocks of `text` up to where the cursor's top-level block ends; unless the cursor is in a string, only
 * up to the cursor, or to the end of its block when that block has parts (the parts after the cursor count). With
 * `everything`, the whole text and the names it uses; without, the top-level blocks that close before the cursor
 * are passed over at once.
 */
function walk(
  text: string,
  offset: number,
  everything: boolean,
  word: (token: Token | null | undefined) => string | undefined,
  stringValue: (token: Token) => string,
): { site: CursorSite; used: Record<NameKeyword, string[]> } {
  const tokens = new TokenScanner(text)
  const stack: Block[] = [newBlock('top')]
  const used: Record<NameKeyword, string[]> = { activity: [], task: [], queue: [] }
  let site: CursorSite | undefined

  for (let token = tokens.next(); token; token = tokens.next()) {
    if (!site && (token.start >= offset || tokenContains(token, offset))) {
      site = captureSite(stack, tokenContains(token, offset) ? token : undefined)
      // What follows the cursor matters only in a string (a step reference may name a later step) or in a block with parts.
      if (!everything && site.token?.type !== 'string' && !PARTS[stack[stack.length - 1].kind]) break
    }
    if (token.type === 'comment') continue
    const block = stack[stack.length - 1]
    const atCursor = site?.token === token

    if (token.type === 'lbrace') {
      if (!everything && stack.length === 1) {
        // After the cursor, the rest of the file changes nothing here; before it, a whole block only leaves its `}`.
        if (site) break
        // Read up to the cursor only: the block the cursor is in would be read to its end (a 10,000-step workflow, 6 ms).
        const close = closingBrace(text, token.end, offset)
        if (close >= 0) {
          block.beforeLast = block.last
          block.last = { type: 'rbrace', start: close, end: close + 1, closed: true }
          tokens.at = close + 1
          continue
        }
      }
      const child = newBlock(childKind(block, word(block.last), word(block.beforeLast)))
      const workflow = stack.find((candidate) => candidate.kind === 'workflow')
      if (child.kind === 'workflow') {
        child.steps = []
        child.parallelCount = 0
      } else if (child.kind === 'parallel' && workflow) {
        child.parallelIndex = workflow.parallelCount!++
      } else if (child.kind === 'step' && workflow) {
        child.step = { name: word(block.last)!, parallel: block.kind === 'parallel' ? block.parallelIndex : undefined }
        workflow.steps!.push(child.step)
      }
      stack.push(child)
      continue
    }
    if (token.type === 'rbrace') {
      if (stack.length > 1) stack.pop()
      // Once the cursor's block has closed, only a string at the cursor (a step reference may name a later step) needs more.
      if (site && site.token?.type !== 'string' && stack.length < site.stack.length) break
      const parent = stack[stack.length - 1]
      parent.beforeLast = parent.last
      parent.last = token
      continue
    }
    if (!atCursor) {
      const name = word(token)
      if (name && PARTS[block.kind]?.includes(name) && isStatementStart(block.last, text)) {
        const pastCursor = site !== undefined && site.stack[site.stack.length - 1] === block
        ;(pastCursor ? block.partsAfter : block.partsBefore).push(name)
      }
      if (token.type === 'string' && token.closed) {
        const keyword = usedNameKeyword(block.kind, word(block.last))
        if (keyword) used[keyword].push(stringValue(token))
      }
    }
    block.beforeLast = block.last
    block.last = token
  }
  site ??= captureSite(stack)

  return { site, used }
}

/** A keyword only begins a statement where the previous statement is complete. */
function isStatementStart(last: Token | null, text: string): boolean {
  if (!last) return true
  if (last.type === 'rbrace' || last.type === 'string' || last.type === 'number') return true
  return last.type === 'word' && text.slice(last.start, last.end) === 'manual'
}

function childKind(parent: Block, last: string | undefined, beforeLast: string | undefined): BlockKind {
  switch (parent.kind) {
    case 'top':
      return beforeLast === 'workflow' || last === 'workflow' ? 'workflow' : beforeLast === 'job' || last === 'job' ? 'job' : 'other'
    case 'workflow':
      return last === 'steps' ? 'steps' : last === 'retry' ? 'retry' : 'other'
    case 'job':
      return last === 'retry' ? 'retry' : 'other'
    case 'steps':
      return last === 'parallel' ? 'parallel' : last ? 'step' : 'other'
    case 'parallel':
      return last && last !== 'parallel' ? 'step' : 'other'
    case 'step':
      return last === 'input' ? 'input' : 'other'
    default:
      return 'other'
  }
}

function usedNameKeyword(block: BlockKind, last: string | undefined): NameKeyword | undefined {
  if (block === 'step' && last === 'activity') return 'activity'
  if (block === 'job' && (last === 'task' || last === 'queue')) return last
  return undefined
}

function contextAt(
  text: string,
  offset: number,
  site: CursorSite,
  used: Record<NameKeyword, string[]>,
  word: (token: Token | null | undefined) => string | undefined,
  stringValue: (token: Token) => string,
): CompletionAnalysis {
  const block = site.stack[site.stack.length - 1]
  const token = site.token
  const none = (): CompletionAnalysis => ({ context: { kind: 'none' }, insert: { start: offset, end: offset }, replace: { start: offset, end: offset } })

  if (token?.type === 'comment' || token?.type === 'number') return none()

  if (token?.type === 'string') {
    const contentStart = token.start + 1
    const contentEnd = token.closed ? token.end - 1 : token.end
    const last = word(site.last)
    const keyword = usedNameKeyword(block.kind, last)
    if (keyword) {
      const current = stringValue(token)
      const known = keyword === 'queue' ? [...KNOWN_QUEUES, ...used.queue] : used[keyword]
      const names = [...new Set(known)].filter((name) => name !== current && name !== '')
      return {
        context: { kind: 'used-name', keyword, names },
        insert: { start: contentStart, end: offset },
        replace: { start: contentStart, end: contentEnd },
      }
    }
    const isValue = (block.kind === 'input' && site.last?.type === 'colon') || (block.kind === 'step' && last === 'if')
    const reference = isValue ? STEP_REFERENCE_BEFORE_CURSOR.exec(text.slice(contentStart, offset)) : null
    if (!reference) return none()
    const nameStart = offset - (reference[1]?.length ?? 0)
    let nameEnd = offset
    while (nameEnd < contentEnd && /[A-Za-z0-9_]/.test(text[nameEnd])) nameEnd++
    return {
      context: { kind: 'step-reference', steps: stepChoices(site.stack) },
      insert: { start: nameStart, end: offset },
      replace: { start: nameStart, end: nameEnd },
    }
  }

  const wordStart = token?.type === 'word' ? token.start : offset
  const span = { insert: { start: wordStart, end: offset }, replace: { start: wordStart, end: token?.type === 'word' ? token.end : offset } }
  const last = site.last
  const lastWord = word(last)

  switch (block.kind) {
    case 'top': {
      // A declaration's keyword with its name (or block) after it is being edited in place: a snippet would write a second declaration.
      if (alreadyFollowed(text, token, NAME_AFTER)) return { context: { kind: 'none' }, ...span }
      // `workflow NAME` waits for its `{`; `workflow` for its name.
      const beforeLast = word(site.beforeLast)
      const inHeader = lastWord === 'workflow' || lastWord === 'job' || (lastWord !== undefined && (beforeLast === 'workflow' || beforeLast === 'job'))
      return { context: inHeader ? { kind: 'none' } : { kind: 'declaration' }, ...span }
    }
    case 'steps':
    case 'parallel':
      if (last && last.type !== 'rbrace') return { context: { kind: 'none' }, ...span }
      // The name of a step that has its block already: it is being renamed, and Enter must not turn it into a new step.
      if (alreadyFollowed(text, token, BLOCK_AFTER)) return { context: { kind: 'none' }, ...span }
      return { context: { kind: 'step', allowParallel: block.kind === 'steps' }, ...span }
    case 'workflow':
    case 'job':
    case 'step':
    case 'retry': {
      // A keyword with its value after it on the line is being edited in place: its snippet would write a second value.
      if (alreadyFollowed(text, token, VALUE_AFTER)) return { context: { kind: 'none' }, ...span }
      if (block.kind === 'workflow' && lastWord === 'trigger') return { context: { kind: 'trigger-type' }, ...span }
      if (!isStatementStart(last, text)) return { context: { kind: 'none' }, ...span }
      const parts = PARTS[block.kind]!
      const lastBefore = Math.max(-1, ...block.partsBefore.map((part) => parts.indexOf(part)))
      const firstAfter = Math.min(parts.length, ...block.partsAfter.map((part) => parts.indexOf(part)))
      const keywords = parts.filter((_, index) => index > lastBefore && index < firstAfter)
      if (keywords.length === 0) return { context: { kind: 'none' }, ...span }
      return { context: { kind: 'part', block: block.kind, keywords }, ...span }
    }
    default:
      return { context: { kind: 'none' }, ...span }
  }
}

/** A declaration's name (or block) after its keyword, on the line. */
const NAME_AFTER = /^[ \t]*[A-Za-z_{]/
/** A step's block after its name, on this line or a later one. */
const BLOCK_AFTER = /^\s*\{/
/** A value (a string, a number, a block) after a keyword, on the line. */
const VALUE_AFTER = /^[ \t]*["{0-9.-]/

/** Whether the word at the cursor has `after` after it already: a word edited in place, whose snippet would write it twice. */
function alreadyFollowed(text: string, token: Token | undefined, after: RegExp): boolean {
  return token?.type === 'word' && after.test(text.slice(token.end, token.end + 256))
}

/** The steps of the cursor's workflow a reference may name: all but the cursor's own step, earlier ones first. */
function stepChoices(stack: Block[]): StepChoice[] {
  const workflow = stack.find((block) => block.kind === 'workflow')
  if (!workflow) return []
  const current = [...stack].reverse().find((block) => block.kind === 'step')?.step
  const steps = workflow.steps!
  const currentIndex = current ? steps.indexOf(current) : steps.length
  const choices: StepChoice[] = []
  const seen = new Set<string>()
  steps.forEach((step, index) => {
    if (step === current || step.name === current?.name || seen.has(step.name)) return
    seen.add(step.name)
    const sameParallel = current?.parallel !== undefined && step.parallel === current.parallel
    choices.push({ name: step.name, runsBefore: index < currentIndex && !sameParallel })
  })
  return choices.sort((a, b) => Number(b.runsBefore) - Number(a.runsBefore))
}
