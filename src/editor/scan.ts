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

const WORD_START = /[A-Za-z_]/
const WORD_PART = /[A-Za-z0-9_]/
const DIGIT = /[0-9]/

export function scan(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i++
      continue
    }
    const start = i
    if (ch === '/' && text[i + 1] === '/') {
      const newline = text.indexOf('\n', i)
      i = newline < 0 ? text.length : newline
      tokens.push({ type: 'comment', start, end: i, closed: true, lineComment: true })
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2)
      i = close < 0 ? text.length : close + 2
      tokens.push({ type: 'comment', start, end: i, closed: close >= 0 })
    } else if (ch === '"') {
      const close = text.indexOf('"', i + 1)
      i = close < 0 ? text.length : close + 1
      tokens.push({ type: 'string', start, end: i, closed: close >= 0 })
    } else if (WORD_START.test(ch)) {
      while (i < text.length && WORD_PART.test(text[i])) i++
      tokens.push({ type: 'word', start, end: i, closed: true })
    } else if (DIGIT.test(ch)) {
      while (i < text.length && /[0-9.]/.test(text[i])) i++
      tokens.push({ type: 'number', start, end: i, closed: true })
    } else {
      i++
      const type: TokenType = ch === '{' ? 'lbrace' : ch === '}' ? 'rbrace' : ch === ':' ? 'colon' : 'other'
      tokens.push({ type, start, end: i, closed: true })
    }
  }
  return tokens
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
