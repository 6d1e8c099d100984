/**
 * The .cai tokens (spec section 1), as a moo lexer. moo tries the rules in
 * the order written and the first that matches wins. The order differs from
 * the spec's table only between rules that cannot match at the same place
 * (they start with different characters), so it picks the same tokens; where
 * rules do overlap the spec's order is kept (keywords are whole identifiers,
 * float before integer, closed before unclosed strings and comments, any
 * other character last). Frequent tokens come first because moo finds the
 * rule that matched by scanning its list. Comments are tokens here (the parser filters them out of the
 * grammar's stream and attaches them to the model); whitespace is a token
 * the parser skips. Three tokens exist only for messages: an unclosed string,
 * an unclosed block comment and any character the language does not allow.
 */
import moo from 'moo'
import { RESERVED_WORDS, type ReservedWord } from './model'

/** Token type of a reserved word: `kw_` + the word (`if` cannot name a grammar symbol). */
type KeywordType = `kw_${ReservedWord}`

function keywordType(word: ReservedWord): KeywordType {
  return `kw_${word}`
}

export const lexer = moo.compile({
  // Single characters first: moo matches these by table lookup, not regex.
  lbrace: '{',
  rbrace: '}',
  colon: ':',
  // Punctuation of the wider CodeAI language that no rule here uses.
  lparen: '(',
  rparen: ')',
  comma: ',',
  // Go's `\s`, as CodeAI's lexer uses: form feed is white space, vertical tab is not.
  ws: { match: /[ \t\r\n\f]+/, lineBreaks: true },
  ident: {
    match: /[a-zA-Z_][a-zA-Z0-9_]*/,
    type: moo.keywords(Object.fromEntries(RESERVED_WORDS.map((word) => [keywordType(word), word]))),
  },
  string: { match: /"[^"]*"/, lineBreaks: true },
  unclosedString: { match: /"[^"]*/, lineBreaks: true },
  float: /[0-9]+\.[0-9]+/,
  integer: /[0-9]+/,
  // A lone CR is no line break to CodeAI, so the comment goes on past it; but CRs that end it (before a line break or the end) are white space, so a comment never ends in CR and prints back the same.
  lineComment: /\/\/(?:[^\r\n]|\r+(?=[^\r\n]))*/,
  blockComment: { match: /\/\*[^]*?\*\//, lineBreaks: true },
  unclosedComment: { match: /\/\*[^]*/, lineBreaks: true },
  arrow: '->',
  // Any other character: one UTF-16 unit, or a whole surrogate pair.
  invalid: { match: /[\ud800-\udbff][\udc00-\udfff]|[^]/, lineBreaks: true },
})

export type Token = moo.Token

export function isComment(token: Token): boolean {
  return token.type === 'lineComment' || token.type === 'blockComment'
}

/**
 * The tokens of `text`, whitespace dropped, offsets relative to `text`; with
 * `limit`, only up to the limit-th token that is not a comment. Never throws:
 * every character matches some rule.
 */
export function tokenize(text: string, limit = Infinity): Token[] {
  lexer.reset(text)
  const tokens: Token[] = []
  let significant = 0
  for (let token = lexer.next(); token && significant < limit; token = lexer.next()) {
    if (token.type === 'ws') continue
    tokens.push(token)
    if (!isComment(token)) significant++
  }
  return tokens
}
