/**
 * A forgiving token scanner for the editor's completion analysis. Unlike the
 * parser it never gives up: half-typed text (an unclosed string, a stray
 * character) still yields tokens, so the editor can tell where the cursor is
 * while the file does not parse.
 */

export type TokenType = 'word' | 'string' | 'number' | 'lbrace' | 'rbrace' | 'colon' | 'comment' | 'other'

export interface Token {
  type: TokenType
  start: number
  /** Exclusive. */
  end: number
  /** Strings and comments that run to the end of the text are not closed. */
  closed: boolean
  /** Line comments end at the line break; block comments at their closing delimiter. */
  lineComment?: boolean
}

// Character codes, not one-character strings and regular expressions: a 5 MB text is scanned on every keystroke.
const isWordStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95
const isDigit = (c: number) => c >= 48 && c <= 57
const isWordPart = (c: number) => isWordStart(c) || isDigit(c)
const SPACE = 32
const TAB = 9
const CR = 13
const NEWLINE = 10
const SLASH = 47
const STAR = 42
const QUOTE = 34
const DOT = 46
const OPEN = 123

export function scan(text: string): Token[] {
  const tokens: Token[] = []
  const scanner = new TokenScanner(text)
  for (let token = scanner.next(); token; token = scanner.next()) tokens.push(token)
  return tokens
}

/** The tokens of `text` one at a time, from `at` on: what `scan` collects, without holding them all. */
export class TokenScanner {
  constructor(
    private readonly text: string,
    public at = 0,
  ) {}

  next(): Token | null {
    const { text } = this
    const length = text.length
    let i = this.at
    while (i < length) {
      const c = text.charCodeAt(i)
      if (c !== SPACE && c !== TAB && c !== CR && c !== NEWLINE) break
      i++
    }
    if (i >= length) {
      this.at = length
      return null
    }
    const start = i
    const c = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1)
    let token: Token
    if (c === SLASH && next === SLASH) {
      const newline = text.indexOf('\n', i)
      i = newline < 0 ? length : newline
      token = { type: 'comment', start, end: i, closed: true, lineComment: true }
    } else if (c === SLASH && next === STAR) {
      const close = text.indexOf('*/', i + 2)
      i = close < 0 ? length : close + 2
      token = { type: 'comment', start, end: i, closed: close >= 0 }
    } else if (c === QUOTE) {
      const close = text.indexOf('"', i + 1)
      i = close < 0 ? length : close + 1
      token = { type: 'string', start, end: i, closed: close >= 0 }
    } else if (isWordStart(c)) {
      i++
      while (i < length && isWordPart(text.charCodeAt(i))) i++
      token = { type: 'word', start, end: i, closed: true }
    } else if (isDigit(c)) {
      i++
      while (i < length && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === DOT)) i++
      token = { type: 'number', start, end: i, closed: true }
    } else {
      i++
      const ch = text[start]
      const type: TokenType = ch === '{' ? 'lbrace' : ch === '}' ? 'rbrace' : ch === ':' ? 'colon' : 'other'
      token = { type, start, end: i, closed: true }
    }
    this.at = i
    return token
  }
}

/** What ends a run the block skipper passes over at once: a brace, a quote, or a slash that may start a comment. */
const BLOCK_SYNTAX = /[{}"/]/g

/**
 * Where the `}` closing the block whose `{` ends just before `from` stands,
 * reading braces, strings and comments exactly as the scanner does; -1 when
 * the block does not close before `before`. Much faster than scanning: no
 * tokens, native searches.
 */
export function closingBrace(text: string, from: number, before: number): number {
  let depth = 1
  let i = from
  for (;;) {
    BLOCK_SYNTAX.lastIndex = i
    const found = BLOCK_SYNTAX.exec(text)
    if (!found || found.index >= before) return -1
    i = found.index
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const close = text.indexOf('"', i + 1)
      if (close < 0) return -1
      i = close + 1
    } else if (c === SLASH) {
      const next = text.charCodeAt(i + 1)
      if (next === SLASH) {
        const newline = text.indexOf('\n', i)
        if (newline < 0) return -1
        i = newline
      } else if (next === STAR) {
        const close = text.indexOf('*/', i + 2)
        if (close < 0) return -1
        i = close + 2
      } else i++
    } else if (c === OPEN) {
      depth++
      i++
    } else if (--depth === 0) return i
    else i++
  }
}

/** Whether `offset` lies inside the token, where typing there would extend or edit it. */
export function tokenContains(token: Token, offset: number): boolean {
  if (offset <= token.start) return false
  switch (token.type) {
    case 'string':
    case 'comment':
      // A line comment holds its line's end; a closed string or block comment ends before its closing delimiter.
      return offset < token.end || ((!token.closed || token.lineComment === true) && offset === token.end)
    case 'word':
    case 'number':
      return offset <= token.end
    default:
      return false
  }
}
