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
 * - Any other chunk is foreign (`config { }`, `endpoint GET /x/{id} { }`...):
 *   it ends at a `}` that brings the depth back to 0 when nothing but
 *   whitespace or comments follows on that line (so `/x/{id}` does not end
 *   it), or before a line starting with `workflow` / `job` at depth 0, or at
 *   the end of the file.
 * - Between chunks stand only whitespace and comments (the top-level trivia).
 *
 * A string or block comment that never closes would swallow the rest of the
 * file (or, pairing with the next quote, turn the rest inside out). When the
 * first scan ends inside one, the file is scanned again in recovery mode,
 * where a line starting with `workflow` or `job` ends any string or comment
 * (which is then unclosed) and starts a new chunk.
 */

export interface Chunk {
  kind: 'declaration' | 'foreign'
  /** The chunk's first word (`workflow`, `job`, `config`...); empty when it starts with another character. */
  keyword: string
  start: number
  end: number
  /** A declaration cut short by the next `workflow` / `job` line. */
  cut: boolean
}

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
const QUOTE = 34
const SLASH = 47
const STAR = 42
const OPEN = 123
const CLOSE = 125

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
}

function isDeclarationKeyword(text: string, start: number, end: number): boolean {
  const length = end - start
  return (length === 8 && text.startsWith('workflow', start)) || (length === 3 && text.startsWith('job', start))
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || c === NEWLINE
}

const ANNOTATIONS = /(?:@[A-Za-z_][A-Za-z0-9_]*(?:\([^)]*\))?\s*)+([A-Za-z_][A-Za-z0-9_]*)/y

/**
 * The wider CodeAI language puts annotations before some blocks
 * (`@auth("admin")` above an `endpoint`): such a block's keyword is the word
 * after them.
 */
function annotatedKeyword(text: string, start: number): string {
  ANNOTATIONS.lastIndex = start
  return ANNOTATIONS.exec(text)?.[1] ?? ''
}

export function splitTopLevel(text: string): SplitResult {
  const first = new Scanner(text, false).split()
  return first.unterminated ? new Scanner(text, true).split() : first
}

class Scanner {
  private i = 0
  /** The first scan ran into a string or comment that never closes. */
  unterminated = false
  /** Recovery mode: offsets of the line breaks before lines that start with `workflow` or `job`, found once. */
  private declarationLines: number[] | undefined
  private nextLine = 0

  constructor(
    private readonly text: string,
    private readonly recovering: boolean,
  ) {}

  split(): SplitResult & { unterminated: boolean } {
    const { text } = this
    const chunks: Chunk[] = []
    const comments: TopLevelComment[] = []
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i)
      if (isBlank(c)) {
        this.i++
      } else if (c === SLASH && text.charCodeAt(this.i + 1) === SLASH) {
        const start = this.i
        this.skipLineComment()
        comments.push({ kind: 'line', start, end: this.i })
      } else if (c === SLASH && text.charCodeAt(this.i + 1) === STAR) {
        const start = this.i
        if (this.skipBlockComment()) comments.push({ kind: 'block', start, end: this.i })
        else chunks.push({ kind: 'foreign', keyword: '', start, end: this.i, cut: false })
      } else {
        chunks.push(this.chunk())
      }
    }
    return { chunks, comments, unterminated: this.unterminated }
  }

  private wordEnd(at: number): number {
    let end = at
    while (end < this.text.length && isWordChar(this.text.charCodeAt(end))) end++
    return end
  }

  private chunk(): Chunk {
    const { text } = this
    const start = this.i
    const keyword = /[A-Za-z_]/.test(text[start]) ? text.slice(start, this.wordEnd(start)) : annotatedKeyword(text, start)
    const declaration = text[start] !== '@' && (keyword === 'workflow' || keyword === 'job')
    let depth = 0
    let lastEnd = start
    let lineStart = false
    // In recovery mode, after a string or comment that never closes, braces mean nothing.
    let lost = false
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
        if (!this.skipBlockComment()) {
          lastEnd = this.i
          lost = true
        }
      } else if (c === QUOTE) {
        if (!this.skipString()) lost = true
        lastEnd = this.i
      } else if (isWordChar(c)) {
        const end = this.wordEnd(this.i)
        if (atLineStart && (declaration || depth <= 0 || lost) && isDeclarationKeyword(text, this.i, end)) {
          this.i = lastEnd
          return { kind: declaration ? 'declaration' : 'foreign', keyword, start, end: lastEnd, cut: declaration }
        }
        this.i = end
        lastEnd = end
      } else {
        this.i++
        lastEnd = this.i
        if (c === OPEN) depth++
        else if (c === CLOSE && --depth <= 0 && (declaration || this.onlyTriviaFollows())) break
      }
    }
    this.i = lastEnd
    return { kind: declaration ? 'declaration' : 'foreign', keyword, start, end: lastEnd, cut: false }
  }

  /** Whether the rest of the current line, from `i`, is whitespace and comments. */
  private onlyTriviaFollows(): boolean {
    const { text } = this
    let at = this.i
    for (;;) {
      while (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB || text.charCodeAt(at) === CR) at++
      if (at >= text.length || text.charCodeAt(at) === NEWLINE) return true
      if (text.charCodeAt(at) !== SLASH) return false
      if (text.charCodeAt(at + 1) === SLASH) return true
      if (text.charCodeAt(at + 1) !== STAR) return false
      const close = text.indexOf('*/', at + 2)
      if (close < 0) return true
      at = close + 2
    }
  }

  private skipLineComment(): void {
    const end = this.text.indexOf('\n', this.i)
    this.i = end < 0 ? this.text.length : end
    if (this.text.charCodeAt(this.i - 1) === CR && this.text.charCodeAt(this.i) === NEWLINE) this.i--
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
   * recovery mode, a string or comment also stops before a line starting with
   * `workflow` or `job`. Either way not over the whitespace before, which is
   * no part of the chunk.
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
    if (!this.declarationLines) {
      this.declarationLines = [...this.text.matchAll(/\n[ \t]*(?:workflow|job)(?![A-Za-z0-9_])/g)].map((match) => match.index)
    }
    const lines = this.declarationLines
    // Offsets only grow during a scan: the pointer never moves back.
    while (this.nextLine < lines.length && lines[this.nextLine] < from) this.nextLine++
    return this.nextLine < lines.length ? lines[this.nextLine] : -1
  }
}
