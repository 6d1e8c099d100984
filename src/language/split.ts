/**
 * Cuts a file into top-level chunks with a light character scanner (strings
 * and comments skipped, braces counted), so each declaration is parsed on
 * its own and an error in one never loses the others.
 *
 * - A chunk starting with the word `workflow` or `job` is a declaration; it
 *   ends at the `}` that closes its first `{`. Those two keywords cannot
 *   appear inside a declaration, so one that starts a line (only whitespace
 *   before it) while the declaration is still open cuts it short there: the
 *   declaration is unclosed and the next one starts.
 * - A chunk starting with one of CodeAI's own statements (CODEAI_STATEMENTS:
 *   `config { }`, `endpoint GET /x/{id} { }`...) is foreign: it ends at a
 *   `}` that brings the depth back to 0 when nothing but whitespace or
 *   comments follows on that line (so `/x/{id}` does not end it; after an
 *   `if`, an `else` on the next line continues it) or when the next word on
 *   that line is `workflow` or `job` (`config { } job k { }`), before a `}`
 *   that closes nothing, or before a line starting another statement at
 *   depth 0; a `var` or assignment (`NAME = ...`) ends with its value, at
 *   the end of a line at depth 0. One chunk per statement: never several.
 * - Anything else at the top level (`say_hi { }`, `workfow w { }`, `tick
 *   job { }`, `note: "x"`, a stray `}`) is a foreign chunk marked
 *   `unknown-statement`: it ends at the next line that starts a statement
 *   (at depth 0 any word; at any depth `workflow`, `job` or a CodeAI
 *   statement), or before a `workflow` / `job` header inside it, so that a
 *   swallowed declaration is parsed on its own.
 * - A foreign block whose `{` never closes would swallow the rest of the
 *   file: it ends instead before its first line that looks like a
 *   declaration header (`job NAME {`, see DECLARATION_HEADER) or starts a
 *   CodeAI statement at column 0, and is marked unclosed. A balanced block
 *   keeps such lines (`integration { job x { } }` stays one foreign block).
 *   Knowing that takes a scan to the end of the file, so each unclosed
 *   block costs one pass over the rest.
 * - Annotations (`@auth("admin")`) belong to the `endpoint` after them;
 *   before anything else (`workflow`, `job`, `config`...) they are a
 *   foreign chunk of their own, marked as such, and what follows parses as usual.
 * - A foreign chunk with a `*` `/` that closes no comment, at its start or
 *   right after a block comment holding a slash-star (block comments do not
 *   nest), and a byte-order mark at the start of the file, are marked too.
 * - Between chunks stand only whitespace and comments (the top-level trivia).
 *
 * A string or block comment that never closes would swallow the rest of the
 * file (or, pairing with the next quote, turn the rest inside out). When the
 * first scan ends inside one, the file is scanned again in recovery mode,
 * where a line that looks like a declaration header ends any string or
 * comment (which is then unclosed) and starts a new chunk. Only a header: a
 * valid multi-line string may well hold a line like `job of the day`.
 */

import type { TextEdit } from './model'

export interface Chunk {
  kind: 'declaration' | 'foreign'
  /** The chunk's first word (`workflow`, `job`, `config`...), after any annotations; empty when there is none. */
  keyword: string
  /** Where the keyword stands: `start`, or after the annotations (`@auth("admin") endpoint ...`). */
  keywordStart: number
  start: number
  end: number
  /** A declaration cut short by the next `workflow` / `job` line. */
  cut: boolean
  /** Why a foreign chunk is an error rather than a block of the wider language. */
  problem?: ForeignProblem
}

export type ForeignProblem =
  /** Its `{` is never closed: it ends at the end of the file or before a declaration header. */
  | { kind: 'unclosed-block' }
  /** A string or block comment in it never closes (at `at`, the `"` or slash-star). */
  | { kind: 'unclosed-string' | 'unclosed-comment'; at: number }
  /** Annotations before anything but an `endpoint` (`before`: the word after them, or empty): the chunk is the annotations alone. */
  | { kind: 'annotations'; before: string }
  /** Text that starts no statement CodeAI knows (`say_hi { }`, `tick job`, `note: "x"`, a stray `}`). */
  | { kind: 'unknown-statement' }
  /** A `*` `/` that closes no comment (at `at`), usually the rest of a nested comment. */
  | { kind: 'stray-comment-close'; at: number }
  /** The file's first character is U+FEFF: the chunk is that character alone. */
  | { kind: 'byte-order-mark' }

export interface TopLevelComment {
  kind: 'line' | 'block'
  start: number
  end: number
}

export interface SplitResult {
  chunks: Chunk[]
  /** Comments between chunks (an unclosed `/*` at the top level becomes a foreign chunk instead). */
  comments: TopLevelComment[]
}

const NEWLINE = 10
const CR = 13
const SPACE = 32
const TAB = 9
const FORM_FEED = 12
const QUOTE = 34
const SLASH = 47
const STAR = 42
const OPEN = 123
const CLOSE = 125
const BYTE_ORDER_MARK = 0xfeff
const AT = 64
const LPAREN = 40
const RPAREN = 41
const LBRACKET = 91
const RBRACKET = 93

/**
 * The statements of CodeAI's program grammar other than `workflow` and `job`
 * (spec section 2), by their first word; also `NAME = ...` (isAssignment)
 * and `@annotation`s before an `endpoint`.
 */
export const CODEAI_STATEMENTS: ReadonlySet<string> = new Set([
  'config', 'database', 'auth', 'role', 'middleware', 'event', 'on', 'integration', 'webhook',
  'var', 'if', 'for', 'function', 'exec', 'endpoint', 'entity',
])

/** How a statement's end is found: see Scanner.statement. */
type StatementMode = 'block' | 'value' | 'unknown'

/** Last characters after which a `var` or assignment value goes on to the next line. */
const CONTINUES_VALUE: ReadonlySet<number> = new Set([...'=,([{+-*/&|.:?!<>'].map((c) => c.charCodeAt(0)))

/** `NAME = ...` (not `==`): from the end of the name at `at`. */
export function isAssignment(text: string, at: number): boolean {
  let i = at
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++
  return text.charCodeAt(i) === 61 && text.charCodeAt(i + 1) !== 61
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
}

function isDeclarationKeyword(text: string, start: number, end: number): boolean {
  const length = end - start
  return (length === 8 && text.startsWith('workflow', start)) || (length === 3 && text.startsWith('job', start))
}

/** White space between tokens, as CodeAI's lexer reads it (Go's `\s`: form feed included, vertical tab not). */
function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || c === NEWLINE || c === FORM_FEED
}

/** `workflow NAME {` or `job NAME {`, all on one line: what a declaration's first line looks like. */
const HEADER = '(?:workflow|job)[ \\t]+[A-Za-z_][A-Za-z0-9_]*[ \\t]*\\{'
const DECLARATION_HEADER = new RegExp(HEADER, 'y')
const DECLARATION_HEADER_LINES = new RegExp(`\\n[ \\t]*${HEADER}`, 'g')

function isDeclarationHeader(text: string, at: number): boolean {
  DECLARATION_HEADER.lastIndex = at
  return DECLARATION_HEADER.test(text)
}

const ANNOTATION = /@[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_])(?:\([^)]*\))?/y
const TRIVIA = /(?:[ \t\r\n\f]+|\/\/[^\n]*|\/\*[^]*?\*\/)*/y
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y

/**
 * The wider CodeAI language puts annotations before some blocks
 * (`@auth("admin")` above an `endpoint`). From an `@` at `start`: where the
 * last annotation ends (`start` if there is none), and the word after them,
 * the annotated block's keyword (empty if no word follows).
 */
function readAnnotations(text: string, start: number): { end: number; keyword: string; keywordStart: number } {
  let at = start
  let end = start
  for (;;) {
    ANNOTATION.lastIndex = at
    if (!ANNOTATION.test(text)) break
    end = ANNOTATION.lastIndex
    TRIVIA.lastIndex = end
    TRIVIA.test(text)
    at = TRIVIA.lastIndex
  }
  if (end === start) return { end, keyword: '', keywordStart: start }
  WORD.lastIndex = at
  return { end, keyword: WORD.exec(text)?.[0] ?? '', keywordStart: at }
}

export function splitTopLevel(text: string): SplitResult {
  return splitText(text).result
}

/** A text with its split, for `splitEdited`. */
export interface SplitText {
  text: string
  result: SplitResult
  /** Whether the text was scanned in recovery mode (a string or comment never closes). */
  recovered: boolean
}

export function splitText(text: string): SplitText {
  const first = new Scanner(text, false).split()
  const recovered = first.unterminated
  const { chunks, comments } = recovered ? new Scanner(text, true).split() : first
  return { text, result: { chunks, comments }, recovered }
}

/**
 * `splitText(text)` for a text that differs from `previous.text` by one
 * replacement (`edit`, in `previous.text`'s offsets): only the text from the
 * declaration before the edit to the first chunk after it that starts as it
 * did is scanned again; the chunks before are kept and those after are
 * moved. The scan from a chunk's start depends only on the text from there
 * on, except where recovery mode or a block that never closes makes it look
 * at the whole file: those are split whole.
 */
export function splitEdited(previous: SplitText, text: string, edit: TextEdit): SplitText {
  const old = previous.result
  if (previous.recovered || old.chunks.some((chunk) => chunk.problem?.kind === 'unclosed-block')) return splitText(text)
  const delta = text.length - previous.text.length
  const oldEnd = edit.span.end
  const newEnd = edit.span.start + edit.newText.length
  // Start after the last declaration that closed (it is not the last chunk) before the edit: nothing after its `}` changes it.
  let kept = 0
  for (let i = 0; i + 1 < old.chunks.length && old.chunks[i].end <= edit.span.start; i++) {
    if (old.chunks[i].kind === 'declaration' && !old.chunks[i].cut) kept = i + 1
  }
  const from = kept > 0 ? old.chunks[kept - 1].end : 0
  // A chunk starting after the edit where one started before, not scanned under a nested comment, is scanned as before, as is everything after it.
  const oldStarts = new Map<number, number>()
  for (let i = kept; i < old.chunks.length; i++) {
    const chunk = old.chunks[i]
    if (chunk.start >= oldEnd && chunk.problem?.kind !== 'stray-comment-close') oldStarts.set(chunk.start, i)
  }
  let resumed = -1
  const scanned = new Scanner(text, false).split(from, (at) => {
    if (at < newEnd) return false
    resumed = oldStarts.get(at - delta) ?? -1
    return resumed >= 0
  })
  if (scanned.unterminated) return splitText(text)
  const chunks = [...old.chunks.slice(0, kept), ...scanned.chunks]
  const comments = [...old.comments.filter((comment) => comment.end <= from), ...scanned.comments]
  if (resumed >= 0) {
    const resumedAt = old.chunks[resumed].start
    for (const chunk of old.chunks.slice(resumed)) chunks.push(movedChunk(chunk, delta))
    for (const comment of old.comments) {
      if (comment.start >= resumedAt) comments.push({ ...comment, start: comment.start + delta, end: comment.end + delta })
    }
  }
  return { text, result: { chunks, comments }, recovered: false }
}

function movedChunk(chunk: Chunk, delta: number): Chunk {
  const moved = { ...chunk, start: chunk.start + delta, end: chunk.end + delta, keywordStart: chunk.keywordStart + delta }
  const { problem } = chunk
  if (problem && 'at' in problem) moved.problem = { ...problem, at: problem.at + delta }
  return moved
}

class Scanner {
  private i = 0
  /** The first scan ran into a string or comment that never closes. */
  unterminated = false
  /** Recovery mode: offsets of the line breaks before declaration header lines, found once. */
  private declarationLines: number[] | undefined
  private nextLine = 0

  constructor(
    private readonly text: string,
    private readonly recovering: boolean,
  ) {}

  /**
   * Scans from `from`, between chunks (0: the file's start), until the end or
   * until `resume(at)` says the chunk starting at `at` and all after it are known.
   */
  split(from = 0, resume?: (at: number) => boolean): SplitResult & { unterminated: boolean } {
    const { text } = this
    const chunks: Chunk[] = []
    const comments: TopLevelComment[] = []
    this.i = from
    // Kept, as a chunk of its own, so that nothing is lost and the declarations after it still parse.
    if (from === 0 && text.charCodeAt(0) === BYTE_ORDER_MARK) {
      chunks.push({ kind: 'foreign', keyword: '', keywordStart: 0, start: 0, end: 1, cut: false, problem: { kind: 'byte-order-mark' } })
      this.i = 1
    }
    // The last top-level comment is a block comment holding a slash-star: the text after it may be the rest of a nested comment.
    let afterNestedComment = false
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i)
      if (isBlank(c)) {
        this.i++
      } else if (c === SLASH && text.charCodeAt(this.i + 1) === SLASH) {
        const start = this.i
        this.skipLineComment()
        comments.push({ kind: 'line', start, end: this.i })
        afterNestedComment = false
      } else if (c === SLASH && text.charCodeAt(this.i + 1) === STAR) {
        const start = this.i
        if (this.skipBlockComment()) {
          comments.push({ kind: 'block', start, end: this.i })
          afterNestedComment = text.slice(start + 2, this.i - 2).includes('/*')
        } else {
          chunks.push({ kind: 'foreign', keyword: '', keywordStart: start, start, end: this.i, cut: false, problem: { kind: 'unclosed-comment', at: start } })
        }
      } else {
        if (!afterNestedComment && resume?.(this.i)) break
        chunks.push(this.chunk(afterNestedComment))
        afterNestedComment = false
      }
    }
    return { chunks, comments, unterminated: this.unterminated }
  }

  private wordEnd(at: number): number {
    let end = at
    while (end < this.text.length && isWordChar(this.text.charCodeAt(end))) end++
    return end
  }

  private chunk(afterNestedComment: boolean): Chunk {
    const { text } = this
    const start = this.i
    let keyword = ''
    let keywordStart = start
    const first = text.charCodeAt(start)
    if (first === CLOSE) {
      // A `}` with no block open: the stray brace alone, so that what follows it stays live.
      this.i = start + 1
      return { kind: 'foreign', keyword: '', keywordStart, start, end: this.i, cut: false, problem: { kind: 'unknown-statement' } }
    }
    if (/[A-Za-z_]/.test(text[start])) {
      keyword = text.slice(start, this.wordEnd(start))
    } else if (first === AT) {
      const annotations = readAnnotations(text, start)
      if (annotations.end > start && annotations.keyword !== 'endpoint') {
        // CodeAI takes annotations only before an endpoint: the annotations alone are the chunk, the statement after them parses as usual.
        this.i = annotations.end
        const problem = { kind: 'annotations', before: annotations.keyword } as const
        return { kind: 'foreign', keyword: '', keywordStart, start, end: this.i, cut: false, problem }
      }
      keyword = annotations.keyword
      keywordStart = annotations.keywordStart
    }
    if (first !== AT && (keyword === 'workflow' || keyword === 'job')) return this.declaration(start, keyword)
    const mode: StatementMode = first === AT && keyword === 'endpoint' ? 'block'
      : CODEAI_STATEMENTS.has(keyword) ? (keyword === 'var' ? 'value' : 'block')
      : keyword && isAssignment(text, start + keyword.length) ? 'value'
      : 'unknown'
    return this.statement(start, keyword, keywordStart, mode, afterNestedComment)
  }

  /** A `workflow` / `job` declaration: it ends at the `}` closing its first `{`, or is cut short by a line starting with either keyword. */
  private declaration(start: number, keyword: string): Chunk {
    const { text } = this
    let depth = 0
    let lastEnd = start
    let lineStart = false
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i)
      if (c === NEWLINE) {
        lineStart = true
        this.i++
        continue
      }
      if (isBlank(c)) {
        this.i++
        continue
      }
      const atLineStart = lineStart
      lineStart = false
      if (c === SLASH && text.charCodeAt(this.i + 1) === SLASH) {
        this.skipLineComment()
      } else if (c === SLASH && text.charCodeAt(this.i + 1) === STAR) {
        if (!this.skipBlockComment()) lastEnd = this.i
      } else if (c === QUOTE) {
        this.skipString()
        lastEnd = this.i
      } else if (isWordChar(c)) {
        const end = this.wordEnd(this.i)
        if (atLineStart && isDeclarationKeyword(text, this.i, end)) {
          this.i = lastEnd
          return { kind: 'declaration', keyword, keywordStart: start, start, end: lastEnd, cut: true }
        }
        this.i = end
        lastEnd = end
      } else {
        this.i++
        lastEnd = this.i
        if (c === OPEN) depth++
        else if (c === CLOSE && --depth <= 0) break
      }
    }
    this.i = lastEnd
    return { kind: 'declaration', keyword, keywordStart: start, start, end: lastEnd, cut: false }
  }

  /**
   * Any other top-level statement. A CodeAI block (`block`) ends where its
   * braces balance at the end of a line; a `var` or assignment (`value`)
   * at the end of its value; both end before a line that starts another
   * statement at depth 0. Text CodeAI does not accept (`unknown`) ends at
   * the first line that starts a statement, at any depth, or at a
   * `workflow` / `job` header inside it, so that the rest of the file stays live.
   */
  private statement(start: number, keyword: string, keywordStart: number, mode: StatementMode, afterNestedComment: boolean): Chunk {
    const { text } = this
    // Annotations before an endpoint are read already: scanning starts at its keyword.
    this.i = keywordStart
    let depth = 0
    let lastEnd = start
    let lastChar = -1
    let lineStart = false
    let tokens = 0
    // In recovery mode, after a string or comment that never closes, braces mean nothing.
    let lost: ForeignProblem | undefined
    // Where a `*` `/` outside comments is (the first), and where the first statement line inside an unclosed block starts.
    let strayClose = -1
    let headerCut = -1
    const unknown = mode === 'unknown'
    const end = (at: number, problem: ForeignProblem | undefined): Chunk => {
      this.i = at
      const stray = strayClose >= 0 && strayClose < at && (strayClose === start || afterNestedComment)
      const found = stray ? { kind: 'stray-comment-close' as const, at: strayClose } : (problem ?? (unknown ? { kind: 'unknown-statement' as const } : undefined))
      return { kind: 'foreign', keyword, keywordStart, start, end: at, cut: false, ...(found && { problem: found }) }
    }
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i)
      if (c === NEWLINE) {
        lineStart = true
        this.i++
        continue
      }
      if (isBlank(c)) {
        this.i++
        continue
      }
      const atLineStart = lineStart
      lineStart = false
      if (c === SLASH && text.charCodeAt(this.i + 1) === SLASH) {
        this.skipLineComment()
        continue
      }
      if (c === SLASH && text.charCodeAt(this.i + 1) === STAR) {
        const at = this.i
        if (!this.skipBlockComment()) {
          lastEnd = this.i
          lost ??= { kind: 'unclosed-comment', at }
        }
        continue
      }
      // After a string or comment that never closes, only a declaration line ends the statement (recovery mode stops there).
      if (atLineStart && tokens > 0 && (lost ? isDeclarationKeyword(text, this.i, this.wordEnd(this.i)) : this.startsStatement(c, depth, mode, lastChar))) {
        return end(lastEnd, lost)
      }
      if (atLineStart && depth > 0 && headerCut < 0 && !unknown && this.startsTopLevelLine(c)) headerCut = lastEnd
      tokens++
      if (c === QUOTE) {
        const at = this.i
        if (!this.skipString()) lost ??= { kind: 'unclosed-string', at }
        lastEnd = this.i
        lastChar = QUOTE
      } else if (isWordChar(c)) {
        const wordEnd = this.wordEnd(this.i)
        // `tick job {`, `steps { workflow w {`: the declaration is not swallowed.
        if (unknown && !lost && isDeclarationKeyword(text, this.i, wordEnd) && (tokens === 2 || isDeclarationHeader(text, this.i))) return end(lastEnd, undefined)
        this.i = wordEnd
        lastEnd = wordEnd
        lastChar = text.charCodeAt(wordEnd - 1)
      } else {
        if (c === STAR && text.charCodeAt(this.i + 1) === SLASH && strayClose < 0) strayClose = this.i
        if (c === CLOSE && depth <= 0 && !lost && tokens > 1) return end(lastEnd, undefined)
        this.i++
        lastEnd = this.i
        lastChar = c
        if (c === OPEN || (mode === 'value' && (c === LPAREN || c === LBRACKET))) depth++
        else if (c === CLOSE || (mode === 'value' && (c === RPAREN || c === RBRACKET))) {
          if (--depth <= 0 && c === CLOSE && mode !== 'value' && this.endsForeignBlock(keyword)) break
        }
      }
    }
    if (depth <= 0) return end(lastEnd, lost)
    if (unknown) return end(lastEnd, lost)
    // The block never closes: rather than swallow the statements after it, it ends before the first of them.
    return headerCut >= 0 ? end(headerCut, { kind: 'unclosed-block' }) : end(lastEnd, lost ?? { kind: 'unclosed-block' })
  }

  /**
   * At the first character `c` of a line inside a statement: whether a new
   * statement starts there, ending this one. At depth 0: a `workflow`,
   * `job`, CodeAI statement, annotation or assignment (and, after a complete
   * value or in unknown text, any word or a stray `}`); deeper, only in
   * unknown text, a `workflow` / `job` or statement word (not `if`, which
   * steps use too).
   */
  private startsStatement(c: number, depth: number, mode: StatementMode, lastChar: number): boolean {
    const { text } = this
    const valueDone = mode === 'value' && !CONTINUES_VALUE.has(lastChar)
    if (depth > 0) {
      if (mode !== 'unknown' || !isWordChar(c)) return false
      const word = text.slice(this.i, this.wordEnd(this.i))
      return word === 'workflow' || word === 'job' || (word !== 'if' && CODEAI_STATEMENTS.has(word))
    }
    if (c === AT) return true
    if (c === CLOSE) return mode === 'unknown' || valueDone
    if (!/[A-Za-z_]/.test(text[this.i])) return mode === 'unknown' || valueDone
    if (mode === 'unknown' || valueDone) return true
    const wordEnd = this.wordEnd(this.i)
    const word = text.slice(this.i, wordEnd)
    return word === 'workflow' || word === 'job' || CODEAI_STATEMENTS.has(word) || isAssignment(text, wordEnd)
  }

  /** A line inside a block that never closes, where the block should end instead: a declaration header, or a CodeAI statement at column 0. */
  private startsTopLevelLine(c: number): boolean {
    if (isDeclarationHeader(this.text, this.i)) return true
    if (this.text.charCodeAt(this.i - 1) !== NEWLINE || !isWordChar(c)) return false
    return CODEAI_STATEMENTS.has(this.text.slice(this.i, this.wordEnd(this.i)))
  }

  /**
   * After a `}` that brings a block back to depth 0: whether the block ends
   * there, because the rest of the line is whitespace and comments (and,
   * after an `if`, no `else` follows), or its next word is `workflow` or `job`.
   */
  private endsForeignBlock(keyword: string): boolean {
    const { text } = this
    let at = this.i
    for (;;) {
      while (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB || text.charCodeAt(at) === CR || text.charCodeAt(at) === FORM_FEED) at++
      if (at >= text.length || text.charCodeAt(at) === NEWLINE) return keyword !== 'if' || !this.elseFollows(at)
      if (text.charCodeAt(at) !== SLASH) return isDeclarationKeyword(text, at, this.wordEnd(at))
      if (text.charCodeAt(at + 1) === SLASH) return keyword !== 'if' || !this.elseFollows(at)
      if (text.charCodeAt(at + 1) !== STAR) return false
      const close = text.indexOf('*/', at + 2)
      if (close < 0) return true
      at = close + 2
    }
  }

  /** Whether the next word after `at`, past whitespace and comments, is `else` (an `if` block continues on the next line). */
  private elseFollows(at: number): boolean {
    TRIVIA.lastIndex = at
    TRIVIA.test(this.text)
    const next = TRIVIA.lastIndex
    return this.text.startsWith('else', next) && !isWordChar(this.text.charCodeAt(next + 4))
  }

  private skipLineComment(): void {
    const end = this.text.indexOf('\n', this.i)
    this.i = end < 0 ? this.text.length : end
    // As the lexer reads it: CRs at the end of the comment are white space.
    while (this.text.charCodeAt(this.i - 1) === CR) this.i--
  }

  /** Skips a block comment; false when it never closes (then `i` is where the scan resumes). */
  private skipBlockComment(): boolean {
    return this.skipUntil('*/', this.i + 2)
  }

  /** Skips a string; false when it never closes. */
  private skipString(): boolean {
    return this.skipUntil('"', this.i + 1)
  }

  /**
   * Skips past the next `close`. If there is none: to the end of the file. In
   * recovery mode, a string or comment also stops before a declaration
   * header line. Either way not over the whitespace before, which is no part
   * of the chunk.
   */
  private skipUntil(close: string, from: number): boolean {
    const { text } = this
    const end = text.indexOf(close, from)
    const line = this.recovering ? this.nextDeclarationLine(from) : -1
    if (end >= 0 && (line < 0 || end < line)) {
      this.i = end + close.length
      return true
    }
    this.unterminated = true
    let stop = line >= 0 ? line : text.length
    while (stop > from && isBlank(text.charCodeAt(stop - 1))) stop--
    this.i = stop
    return false
  }

  private nextDeclarationLine(from: number): number {
    this.declarationLines ??= [...this.text.matchAll(DECLARATION_HEADER_LINES)].map((match) => match.index)
    const lines = this.declarationLines
    // Offsets only grow during a scan: the pointer never moves back.
    while (this.nextLine < lines.length && lines[this.nextLine] < from) this.nextLine++
    return this.nextLine < lines.length ? lines[this.nextLine] : -1
  }
}
