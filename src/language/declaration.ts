/**
 * Parses one top-level declaration (`workflow` or `job`) on its own text.
 *
 * The happy path streams moo tokens into the LL(1) runner over the compiled
 * nearley grammar (see ll1.ts), collecting comments on the side, then
 * attaches comments and blank lines. When that fails, nearley parses a short
 * prefix with the same error (the tokens up to the failure, minus complete
 * list items) and its parse table says which tokens it expected there.
 */
import nearley from 'nearley'
import { attachComments, markBlankLines, type CommentToken } from './comments'
import grammar from './generated/grammar'
import { lexer, tokenize, isComment, type Token } from './lexer'
import { LL1Parser, type TokenSource } from './ll1'
import type { Broken, Declaration, Parallel, Step } from './model'
import { describeSyntaxError, type ChunkDiagnostic } from './syntax-errors'

export interface DeclarationResult {
  /** Spans are offsets into the whole file. */
  item: Declaration | Broken
  diagnostics: ChunkDiagnostic[]
}

const compiled = nearley.Grammar.fromCompiled(grammar)

const fastParser = (() => {
  const built = LL1Parser.build(grammar.ParserRules, grammar.ParserStart)
  if (built instanceof LL1Parser) return built
  throw new Error(`grammar/cai.ne is not LL(1): ${built.conflicts.join('; ')}`)
})()

/**
 * moo tokens one at a time, whitespace skipped, comments set aside with what
 * precedes them. moo lexes the declaration's own text; offsets are moved by
 * `base` to be offsets into the file (the tokens are fresh objects, ours).
 */
class LexerSource implements TokenSource {
  current: Token | undefined
  index = -1
  private lastEnd: number
  private lastWasComment = false

  constructor(
    text: string,
    private readonly base: number,
    readonly comments: CommentToken[],
  ) {
    this.lastEnd = base
    lexer.reset(text)
    this.advance()
  }

  advance(): void {
    this.index++
    for (let token = lexer.next(); token; token = lexer.next()) {
      const { type } = token
      if (type === 'ws') continue
      token.offset += this.base
      if (type === 'lineComment' || type === 'blockComment') {
        this.comments.push({
          kind: type === 'lineComment' ? 'line' : 'block',
          text: token.text,
          start: token.offset,
          end: token.offset + token.text.length,
          prevEnd: this.lastEnd,
          prevIsComment: this.lastWasComment,
        })
        this.lastWasComment = true
      } else {
        this.current = token
        this.lastWasComment = false
      }
      this.lastEnd = token.offset + token.text.length
      if (!this.lastWasComment) return
    }
    this.current = undefined
  }
}

/**
 * Parses [start, end) of `file` as one `nonterminal` of the grammar (`step`,
 * `parallel`), comments attached inside it and blank lines marked; undefined
 * unless it is exactly one, every comment placed. Spans are offsets into the file.
 */
export function parseFragment(file: string, start: number, end: number, nonterminal: 'step' | 'parallel'): Step | Parallel | undefined {
  const comments: CommentToken[] = []
  const result = fastParser.parse(new LexerSource(file.slice(start, end), start, comments), nonterminal)
  if (!result.ok) return undefined
  const node = result.value as Step | Parallel
  if (attachComments(node, comments, file) !== comments.length) return undefined
  markBlankLines(node, file)
  return node
}

/**
 * Parses the declaration at [start, end) of `file` (starting with its
 * keyword). `cut` says it was cut short before the next declaration. The
 * result depends only on the declaration's text and `cut`, with offsets for
 * this `start`, so it can be cached by text and moved.
 */
export function parseDeclaration(file: string, start: number, end: number, cut: boolean): DeclarationResult {
  const text = file.slice(start, end)
  const comments: CommentToken[] = []
  const result = fastParser.parse(new LexerSource(text, start, comments))
  if (result.ok) {
    const declaration = result.value as Declaration
    // Every comment the lexer found must be held by a node: none is ever dropped silently.
    if (attachComments(declaration, comments, file) === comments.length) {
      markBlankLines(declaration, file)
      return { item: declaration, diagnostics: [] }
    }
    return brokenWith(text, start, {
      severity: 'error',
      code: 'internal',
      message: 'internal error: a comment could not be placed; the declaration is kept exactly as written',
      span: { start, end },
    })
  }
  // The tokens up to two after the failure: all the message needs (`key: value` is three).
  const lexed = tokenize(text, result.at + 3)
  for (const token of lexed) token.offset += start
  const tokens = lexed.filter((token) => !isComment(token))
  const found = tokens[result.at]
  const before = found ? lexed[lexed.indexOf(found) - 1] : undefined
  const commentBefore = before && isComment(before) ? before : undefined
  const expected = expectedAt(tokens, result.at, result.droppable)
  return brokenWith(text, start, describeSyntaxError({ text: file, end, tokens, at: result.at, expected, cut, commentBefore }))
}

function brokenWith(text: string, start: number, diagnostic: ChunkDiagnostic): DeclarationResult {
  const [keyword, name] = tokenize(text, 2).filter((token) => !isComment(token))
  const item: Broken = {
    kind: 'broken',
    leading: [],
    trailing: [],
    blankBefore: false,
    declaration: keyword?.type === 'kw_job' ? 'job' : 'workflow',
    text,
    span: { start, end: start + text.length },
  }
  if (name?.type === 'ident') item.name = name.text
  if (item.declaration === 'job') {
    const queue = declaredQueue(text)
    if (queue !== undefined) item.queue = queue
  }
  return { item, diagnostics: [diagnostic] }
}

/** The value of the first `queue "…"` (or colon-style `queue: "…"`) directly inside a job's braces. */
function declaredQueue(text: string): string | undefined {
  const tokens = tokenize(text).filter((token) => !isComment(token))
  let depth = 0
  for (let i = 0; i < tokens.length; i++) {
    const { type } = tokens[i]
    if (type === 'lbrace') depth++
    else if (type === 'rbrace') depth--
    else if (type === 'kw_queue' && depth === 1) {
      const value = tokens[i + 1]?.type === 'colon' ? tokens[i + 2] : tokens[i + 1]
      if (value?.type === 'string') return value.text.slice(1, -1)
    }
  }
  return undefined
}

/**
 * The token types nearley's parse table waits for at token `at`: the
 * states of the last column whose next symbol is a terminal (how nearley's
 * own error report finds them). Complete list items are left out of the
 * prefix nearley reads, so this costs little even in a 10,000-step workflow.
 */
function expectedAt(tokens: readonly Token[], at: number, droppable: readonly number[]): Set<string> {
  const keep = new Uint8Array(at).fill(1)
  for (let i = 0; i < droppable.length; i += 2) keep.fill(0, droppable[i], Math.min(droppable[i + 1], at))
  const prefix = tokens.slice(0, at).filter((_, i) => keep[i])
  if (at < tokens.length) prefix.push(tokens[at])
  const parser = nearleyParser(prefix)
  let failed = false
  try {
    parser.feed('')
  } catch {
    failed = true
  }
  // After a failure, the last column is the empty one nearley opened for the failing token.
  const { table } = parser as unknown as EarleyTable
  const column = table[table.length - (failed ? 2 : 1)]
  const expected = new Set<string>()
  for (const state of column?.states ?? []) {
    const symbol = state.rule.symbols[state.dot] as { type?: string } | string | undefined
    if (symbol && typeof symbol !== 'string' && symbol.type) expected.add(symbol.type)
  }
  return expected
}

/** nearley's parse table: undocumented in its types, but what its own error report reads. */
interface EarleyTable {
  table: { states: { rule: { symbols: unknown[] }; dot: number }[] }[]
}

/** A nearley parser fed from a token array (nearley's lexer interface over tokens lexed already). */
function nearleyParser(tokens: readonly Token[]): nearley.Parser {
  let next = 0
  const stream = {
    reset: () => {},
    next: () => tokens[next++],
    save: () => ({}),
    formatError: (token: Token) => `unexpected ${token.type} at offset ${token.offset}`,
    has: () => true,
  }
  return new nearley.Parser(compiled, { lexer: stream as unknown as nearley.Lexer })
}

/** Every parse nearley finds for a declaration's text (tests: exactly one for every accepted input). */
export function nearleyParses(text: string): unknown[] {
  const parser = nearleyParser(tokenize(text).filter((token) => !isComment(token)))
  try {
    parser.feed('')
  } catch {
    return []
  }
  return parser.results
}
