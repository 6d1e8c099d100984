/**
 * Syntax error messages in plain words: what was found, what was expected
 * (the token types nearley's parse table was waiting for, written as the
 * user would write them) and where ("in step "charge""), with friendlier
 * wording for the common mistakes: a reserved word as a name, an unquoted
 * value, an integer multiplier, a part out of order or repeated, a nested
 * parallel block or comment, an unclosed string, comment or block.
 */
import { tokenize, type Token } from './lexer'
import { RESERVED_WORDS, type Fix, type Severity, type Span } from './model'
import { editDistanceWithin } from './edit-distance'

/** A diagnostic before its line:column positions are computed. */
export interface ChunkDiagnostic {
  severity: Severity
  code: string
  message: string
  span: Span
  fix?: Fix
}

export interface SyntaxErrorInput {
  /** The file's text. */
  text: string
  /** Where the declaration ends in it. */
  end: number
  /** The declaration's tokens (offsets into the file), comments and whitespace left out, at least up to two after `at`. */
  tokens: readonly Token[]
  /** Index of the token no parse can continue with (the token count: the end). */
  at: number
  /** Token types the parser could have accepted there. */
  expected: ReadonlySet<string>
  /** The declaration was cut short before the next `workflow` or `job` line. */
  cut: boolean
  /** The comment right before token `at`, if one stands there. */
  commentBefore?: Token
}

type FrameKind = 'workflow' | 'job' | 'steps' | 'parallel' | 'step' | 'input' | 'retry'

/** A block open where the error happened. */
interface Frame {
  kind: FrameKind
  name?: string
  owner?: Frame
  /** Part keywords already read directly in this block. */
  parts: string[]
}

/** The parts of each block, in the order the grammar requires; `required` ones must be there. */
const PARTS: Partial<Record<FrameKind, readonly string[]>> = {
  workflow: ['trigger', 'timeout', 'steps', 'retry'],
  job: ['schedule', 'task', 'queue', 'retry'],
  step: ['activity', 'input', 'if'],
  retry: ['max_attempts', 'initial_interval', 'backoff_multiplier'],
}
const REQUIRED: Record<string, string> = { trigger: 'a "trigger"', steps: 'a "steps" block', task: 'a "task"' }

/** Expected token types in the order the grammar lists them, so a message reads like the spec. */
const EXPECTED_ORDER = [
  'kw_workflow', 'kw_job', 'kw_trigger', 'kw_event', 'kw_schedule', 'kw_manual', 'kw_timeout', 'kw_steps', 'kw_task',
  'kw_queue', 'kw_retry', 'kw_max_attempts', 'kw_initial_interval', 'kw_backoff_multiplier', 'ident', 'kw_parallel',
  'kw_activity', 'kw_input', 'kw_if', 'colon', 'lbrace', 'string', 'integer', 'float', 'rbrace',
]

const PUNCTUATION: Record<string, string> = {
  lbrace: '{', rbrace: '}', colon: ':', arrow: '->', lparen: '(', rparen: ')', comma: ',',
}

function keyword(type: string | undefined): string | undefined {
  return type?.startsWith('kw_') ? type.slice(3) : undefined
}

function quote(text: string): string {
  return `"${text}"`
}

function listWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`
}

function short(text: string, max = 40): string {
  const oneLine = text.replace(/\r?\n/g, '\\n')
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}

/** A character as a message shows it: quoted if visible, by code point if not. */
export function showCharacter(char: string): string {
  const code = char.codePointAt(0)!
  const visible = code > 0x20 && code < 0x7f || code > 0xa0 && !/[\p{Z}\p{C}]/u.test(char)
  return visible ? quote(char) : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

function describeFound(token: Token | undefined, cut: boolean): string {
  if (!token) return cut ? 'the start of the next declaration' : 'the end of the file'
  const word = keyword(token.type)
  if (word) return quote(word)
  switch (token.type) {
    case 'ident':
      return `identifier ${quote(token.text)}`
    case 'string':
      return `string "${short(token.text.slice(1, -1))}"`
    case 'integer':
    case 'float':
      return `number ${token.text}`
    case 'invalid':
      return `the character ${showCharacter(token.text)}, which cannot appear outside strings and comments`
    default:
      return quote(PUNCTUATION[token.type!] ?? token.text)
  }
}

function describeExpected(type: string, frame: Frame | undefined): string {
  const word = keyword(type)
  if (word) return quote(word)
  switch (type) {
    case 'ident':
      return frame?.kind === 'steps' || frame?.kind === 'parallel' ? 'a step name'
        : frame?.kind === 'input' ? 'an input name'
        : 'a name'
    case 'string':
      return 'a string'
    case 'integer':
      return 'an integer'
    case 'float':
      return 'a float like 2.0'
    default:
      return quote(PUNCTUATION[type] ?? type)
  }
}

function describeFrame(frame: Frame): string {
  switch (frame.kind) {
    case 'workflow':
    case 'job':
      return `${frame.kind} ${quote(frame.name ?? '')}`
    case 'step':
      return `step ${quote(frame.name ?? '')}`
    case 'steps':
      return `the steps block of ${describeFrame(frame.owner!)}`
    case 'parallel':
      return `a parallel block of ${describeFrame(frame.owner!.owner!)}`
    case 'input':
      return `the input block of ${describeFrame(frame.owner!)}`
    case 'retry':
      return `the retry block of ${describeFrame(frame.owner!)}`
  }
}

/** The blocks open before token `at`, innermost last. */
function openFrames(tokens: readonly Token[], at: number): Frame[] {
  const stack: Frame[] = []
  let pending: Frame | undefined
  for (let i = 0; i < at; i++) {
    const token = tokens[i]
    const top = stack[stack.length - 1]
    const word = keyword(token.type)
    if (word === 'workflow' || word === 'job') {
      const name = i + 1 < at && tokens[i + 1].type === 'ident' ? tokens[i + 1].text : undefined
      pending = { kind: word, name, parts: [] }
    } else if (word) {
      if (top && PARTS[top.kind]?.includes(word)) top.parts.push(word)
      if (word === 'steps' || word === 'parallel' || word === 'input' || word === 'retry') {
        pending = { kind: word, owner: top, parts: [] }
      }
    } else if (token.type === 'ident' && (top?.kind === 'steps' || top?.kind === 'parallel')) {
      pending = { kind: 'step', name: token.text, owner: top, parts: [] }
    } else if (token.type === 'lbrace' && pending) {
      stack.push(pending)
      pending = undefined
    } else if (token.type === 'rbrace') {
      stack.pop()
    }
  }
  return stack
}

/** A token's span (or its first `length` characters); the empty span at `end` for the end of the declaration. */
function spanOf(token: Token | undefined, end: number, length = token?.text.length ?? 0): Span {
  const start = token ? token.offset : end
  return { start, end: start + length }
}

const NEXT_STATEMENT = new RegExp(`\\s(?:${RESERVED_WORDS.join('|')})(?![A-Za-z0-9_])`)

/**
 * The text a value was probably meant to be: from `token` to the end of its
 * line, before any brace, comment or next keyword (`timeout 30m steps {`).
 */
function intendedValue(text: string, token: Token): string | undefined {
  const line = text.slice(token.offset).split(/\r?\n|\}|\{|\/\/|\/\*/, 1)[0]
  const value = line.split(NEXT_STATEMENT, 1)[0].trimEnd()
  return value && !value.includes('"') ? value : undefined
}

/** The words before a value: `timeout`, `trigger event`, `order_id:`. */
function statementPrefix(tokens: readonly Token[], at: number): string {
  const prev = tokens[at - 1]
  const before = tokens[at - 2]
  if (prev.type === 'colon') return `${before?.text ?? ''}:`
  if ((prev.type === 'kw_event' || prev.type === 'kw_schedule') && before?.type === 'kw_trigger') return `trigger ${prev.text}`
  return prev.text
}

function isToken(token: Token | undefined, type: string, text: string): boolean {
  return token?.type === type && token.text === text
}

/**
 * `/* a /* b *\/ c *\/`: block comments do not nest, so the comment ends at
 * the first `*\/` and the parser trips over what is left. The span of the
 * `*\/` that closes no comment: the found token, or one later on its line
 * after a block comment that holds a `/*`.
 */
function strayCommentClose(text: string, end: number, found: Token | undefined, commentBefore: Token | undefined): Span | undefined {
  if (!found) return undefined
  if (isToken(found, 'invalid', '*') && text.charCodeAt(found.offset + 1) === 47 && found.offset + 2 <= end) {
    return { start: found.offset, end: found.offset + 2 }
  }
  if (commentBefore?.type !== 'blockComment' || !commentBefore.text.slice(2, -2).includes('/*')) return undefined
  const lineEnd = text.indexOf('\n', found.offset)
  const rest = tokenize(text.slice(found.offset, lineEnd < 0 || lineEnd > end ? end : lineEnd))
  const star = rest.findIndex((token, i) => isToken(token, 'invalid', '*') && isToken(rest[i + 1], 'invalid', '/') && rest[i + 1].offset === token.offset + 1)
  if (star < 0) return undefined
  const start = found.offset + rest[star].offset
  return { start, end: start + 2 }
}

export function describeSyntaxError(input: SyntaxErrorInput): ChunkDiagnostic {
  const { text, end, tokens, at, expected, cut, commentBefore } = input
  const found = tokens[at]
  const prev = tokens[at - 1]
  const next = tokens[at + 1]
  const frames = openFrames(tokens, at)
  const frame = frames[frames.length - 1]
  const where = frame ? ` in ${describeFrame(frame)}` : ''
  const error = (message: string, code = 'syntax', span = spanOf(found, end), fix?: Fix): ChunkDiagnostic => ({
    severity: 'error',
    code,
    message,
    span,
    ...(fix && { fix }),
  })
  const expectedWords = EXPECTED_ORDER.filter((type) => expected.has(type)).map((type) => describeExpected(type, frame))
  const after = prev && (prev.type === 'ident' || prev.type === 'colon' || (keyword(prev.type) && prev.type !== 'kw_manual'))
    ? ` after ${quote(prev.text)}`
    : ''
  const expectation = `expected ${listWords(expectedWords)}${after}`
  const plain = `${expectation}${where}, found ${describeFound(found, cut)}`
  const foundWord = keyword(found?.type)

  if (found?.type === 'unclosedString') {
    return error('unclosed string: this " has no closing "', 'syntax-unclosed', spanOf(found, end, 1))
  }
  if (found?.type === 'unclosedComment') {
    return error('unclosed comment: this "/*" has no closing "*/"', 'syntax-unclosed', spanOf(found, end, 2))
  }
  const colonStyle = describeColonStyle(text, tokens, at, frame)
  if (colonStyle) return colonStyle
  const stray = strayCommentClose(text, end, found, commentBefore)
  if (stray) return error('"*/" closes no comment: block comments do not nest', 'syntax', stray)
  if (foundWord === 'parallel' && frame?.kind === 'parallel') {
    return error(`parallel blocks cannot be nested: found "parallel"${where}`)
  }
  if (foundWord && expected.has('ident')) {
    const reserved = (what: string) => error(`${quote(foundWord)} is a reserved word and cannot name ${what}`, 'syntax-reserved-word')
    if (prev?.type === 'kw_workflow') return reserved('a workflow')
    if (prev?.type === 'kw_job') return reserved('a job')
    if (frame?.kind === 'input' && next?.type === 'colon') return reserved('an input')
    if ((frame?.kind === 'steps' || frame?.kind === 'parallel') && next?.type === 'lbrace') return reserved('a step')
  }
  if (found?.type === 'invalid' && found.text === '-' && (next?.type === 'integer' || next?.type === 'float')
    && (expected.has('integer') || expected.has('float'))) {
    return error(`${prev.text} cannot be negative: there is no minus sign in .cai`, 'syntax-invalid-character')
  }
  if (found?.type === 'integer' && expected.has('float') && isToken(next, 'invalid', '.') && next.offset === found.offset + found.text.length) {
    const written = { start: found.offset, end: next.offset + 1 }
    const fixed = `${found.text}.0`
    return error(`${prev.text} needs a digit after the decimal point: "${found.text}." is not a number, write ${fixed}`, 'syntax', written, {
      title: `Write ${fixed}`,
      edits: [{ span: written, newText: fixed }],
    })
  }
  if (found?.type === 'integer' && expected.has('float')) {
    const fixed = `${found.text}.0`
    return error(`${prev.text} needs a number with a decimal point, like ${fixed}`, 'syntax', spanOf(found, end), {
      title: `Write ${fixed}`,
      edits: [{ span: spanOf(found, end), newText: fixed }],
    })
  }
  if (found?.type === 'float' && expected.has('integer')) {
    return error(`${prev.text} needs a whole number, like ${found.text.split('.')[0]}`)
  }
  if (found?.type === 'invalid' && found.text === '.' && next?.type === 'integer' && expected.has('float')) {
    return error(`${prev.text} needs a digit before the decimal point, like 0.${next.text}`)
  }
  // A keyword that starts another part of the block is a missing value, not an unquoted one.
  const startsPart = foundWord !== undefined && (!!(frame && PARTS[frame.kind]?.includes(foundWord)) || next?.type === 'lbrace')
  if (found && expected.size === 1 && expected.has('string') && prev && !startsPart
    && (found.type === 'ident' || foundWord || found.type === 'integer' || found.type === 'float' || found.type === 'invalid')) {
    const value = intendedValue(text, found)
    if (value) {
      const quoted = quote(value)
      const span = { start: found.offset, end: found.offset + value.length }
      return error(`values are always quoted strings: write ${statementPrefix(tokens, at)} ${quoted}`, 'syntax', span, {
        title: `Quote ${quoted}`,
        edits: [{ span, newText: quoted }],
      })
    }
  }
  if (found?.type === 'invalid') return error(plain, 'syntax-invalid-character')
  if (foundWord && frame) {
    const order = PARTS[frame.kind]
    const position = order?.indexOf(foundWord) ?? -1
    if (order && position >= 0) {
      if (frame.parts.includes(foundWord)) {
        return error(`${quote(foundWord)} appears twice${where}: each part may appear only once`)
      }
      const later = frame.parts.find((part) => order.indexOf(part) > position)
      if (later) return error(`${quote(foundWord)} must come before ${quote(later)}${where}`)
      const missing = order.find((part) => REQUIRED[part] && expected.has(`kw_${part}`))
      if (missing) return error(`${describeFrame(frame)} needs ${REQUIRED[missing]} before ${quote(foundWord)}`)
    }
  }
  if (found?.type === 'rbrace' && (frame?.kind === 'workflow' || frame?.kind === 'job')) {
    const missing = PARTS[frame.kind]!.find((part) => REQUIRED[part] && expected.has(`kw_${part}`))
    if (missing) {
      return error(`${describeFrame(frame)} has no ${REQUIRED[missing].replace(/^an? /, '')}: ${expectation}, found "}"`)
    }
  }
  return error(plain, !found && frames.length > 0 ? 'syntax-unclosed' : 'syntax')
}

/** Parts whose value follows the keyword directly: `key: value` converts by dropping the colon. */
const VALUE_PARTS = new Set(['timeout', 'activity', 'if', 'schedule', 'task', 'queue', 'max_attempts', 'initial_interval', 'backoff_multiplier'])

const FRAME_NAMES: Partial<Record<FrameKind, string>> = { workflow: 'a workflow', job: 'a job', step: 'a step', retry: 'a retry block' }

/**
 * CodeAI's own example files write `description: "…"`, `schedule: "0 6 * * *"`,
 * `trigger: OrderPlaced`, `retry: 3 times`, which its parser rejects. Said
 * in plain words, with a fix where the conversion is mechanical: a part
 * keyword, a colon and one string or number, alone on the line.
 */
function describeColonStyle(text: string, tokens: readonly Token[], at: number, frame: Frame | undefined): ChunkDiagnostic | undefined {
  if (!frame || !FRAME_NAMES[frame.kind]) return undefined
  const colon = tokens[at]?.type === 'colon' ? at : tokens[at + 1]?.type === 'colon' ? at + 1 : -1
  const key = tokens[colon - 1]
  if (colon < 0 || !key || (key.type !== 'ident' && !keyword(key.type))) return undefined
  // The key must start its statement: the token before it ends the previous one or opens the block.
  const before = tokens[colon - 2]
  if (before && before.type !== 'lbrace' && before.type !== 'rbrace' && before.type !== 'string' && before.type !== 'integer' && before.type !== 'float' && before.type !== 'kw_manual') return undefined
  const value = tokens[colon + 1]
  const lineEnd = (offset: number) => {
    const newline = text.indexOf('\n', offset)
    return newline < 0 ? text.length : newline
  }
  const keyLineEnd = lineEnd(key.offset)
  const rest = value && value.offset < keyLineEnd ? text.slice(value.offset, keyLineEnd).replace(/\s*(\/\/.*)?$/, '') : ''
  const shown = rest === '' ? '…' : value.type === 'string' ? '"…"' : short(rest, 24)
  const span = { start: key.offset, end: value && value.offset < keyLineEnd ? value.offset + value.text.length : tokens[colon].offset + 1 }
  const error = (advice: string, fix?: Fix): ChunkDiagnostic => ({
    severity: 'error',
    code: 'syntax-colon-style',
    message: `CodeAI's parser does not accept the colon style \`${key.text}: ${shown}\`; ${advice}`,
    span,
    ...(fix && { fix }),
  })
  const word = keyword(key.type)
  const single = value && value.offset < keyLineEnd && (value.type === 'string' || value.type === 'integer' || value.type === 'float')
    && value.offset + value.text.length >= key.offset + text.slice(key.offset, keyLineEnd).replace(/\s*(\/\/.*)?$/, '').length
  if (word && VALUE_PARTS.has(word) && single) {
    const written = `${key.text} ${value.text}`
    return error(`write \`${short(written, 60)}\``, { title: `Write ${short(written, 40)}`, edits: [{ span, newText: written }] })
  }
  if (word === 'trigger') return error('write `trigger event "order.created"`, `trigger schedule "0 6 * * *"` or `trigger manual`')
  if (word === 'retry') return error('write a block, e.g. `retry { max_attempts 3 }`')
  if (word === 'steps' || word === 'input') return error(`write a block: \`${word} { … }\``)
  if (word && VALUE_PARTS.has(word)) return error(`write \`${word} "${rest.includes('"') || rest === '' ? '…' : short(rest, 40)}"\`, with the value quoted`)
  return error(`${FRAME_NAMES[frame.kind]} has no "${key.text}"; write it as a comment: // ${key.text}: …`)
}

/** `workflow` or `job` when `word` looks like a misspelling of one (`workflw`, `jobs`, `Workflow`). */
export function nearMissDeclaration(word: string): 'workflow' | 'job' | undefined {
  const lower = word.toLowerCase()
  if (lower === 'workflow' || lower === 'workflows' || editDistanceWithin(lower, 'workflow', 2) <= 2) return 'workflow'
  if (lower === 'job' || lower === 'jobs') return 'job'
  return undefined
}
