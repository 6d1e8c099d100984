/**
 * Top-level chunks that are not `workflow` / `job` declarations (split.ts):
 * kept as foreign items, byte for byte, with a diagnostic saying what they
 * are (a block of the wider CodeAI language, a near miss of `workflow` /
 * `job`, stray text) and what is wrong with them, if anything.
 */
import type { Foreign } from './model'
import { RESERVED_WORDS } from './model'
import { isAssignment, type Chunk, type ForeignProblem } from './split'
import { nearMissDeclaration, showCharacter, type ChunkDiagnostic } from './syntax-errors'

/** What CodeAI takes at the top level, for messages. */
const EXPECTED_STATEMENT = 'at the top level CodeAI expects "workflow", "job" or one of its own statements (config, entity, endpoint, var, NAME = ... and the like)'

const JOB_PARTS = new Set(['schedule', 'task', 'queue'])

export function foreignItem(text: string, chunk: Chunk): Foreign {
  return {
    kind: 'foreign',
    leading: [],
    trailing: [],
    blankBefore: false,
    keyword: chunk.keyword,
    text: text.slice(chunk.start, chunk.end),
    span: { start: chunk.start, end: chunk.end },
  }
}

export function foreignDiagnostics(text: string, chunk: Chunk): ChunkDiagnostic[] {
  const { problem } = chunk
  if (!problem) return [classify(text, chunk)]
  if (problem.kind === 'unknown-statement') return [unknownStatement(text, chunk)]
  const error = problemDiagnostic(text, chunk, problem)
  // An unclosed block, string or comment is still a block of some kind: say which, as for a closed one.
  const isBlock = chunk.keyword !== '' && (problem.kind === 'unclosed-block' || problem.kind === 'unclosed-string' || problem.kind === 'unclosed-comment')
  return isBlock ? [classify(text, chunk), error] : [error]
}

function keywordSpan({ keyword, keywordStart }: Chunk) {
  return { start: keywordStart, end: keywordStart + keyword.length }
}

/** A statement of the wider CodeAI language: information, kept as written. */
function classify(text: string, chunk: Chunk): ChunkDiagnostic {
  const { keyword } = chunk
  const span = keywordSpan(chunk)
  const what = isAssignment(text, chunk.keywordStart + keyword.length) ? `assignment "${keyword} = ..."`
    : keyword === 'var' ? '"var" statement'
    : `"${keyword}" block`
  return { severity: 'info', code: 'foreign-block', message: `${what} is not a workflow or job; kept as written`, span }
}

/**
 * Text at the top level that starts no statement CodeAI knows: an error at
 * its first token saying what CodeAI expects there, with the likely intent
 * (a misspelt keyword, a name before the keyword, a step or part out of its
 * declaration, a stray `}`).
 */
function unknownStatement(text: string, chunk: Chunk): ChunkDiagnostic {
  const { keyword, start } = chunk
  const error = (message: string, span: { start: number; end: number }, fix?: ChunkDiagnostic['fix']): ChunkDiagnostic => ({
    severity: 'error',
    code: 'syntax-top-level',
    message,
    span,
    ...(fix && { fix }),
  })
  if (!keyword) {
    const char = String.fromCodePoint(text.codePointAt(start)!)
    const span = { start, end: start + char.length }
    if (char === '}') return error(`"}" closes no block here; ${EXPECTED_STATEMENT}`, span)
    return error(`found ${showCharacter(char)}, which starts no statement; ${EXPECTED_STATEMENT}`, span)
  }
  const span = keywordSpan(chunk)
  const meant = nearMissDeclaration(keyword)
  if (meant) {
    return error(`"${keyword}" is not a statement CodeAI knows; did you mean "${meant}"?`, span, {
      title: `Write "${meant}"`,
      edits: [{ span, newText: meant }],
    })
  }
  const after = /^[ \t]*(workflow|job)[ \t]*\{/.exec(text.slice(span.end, chunk.end + 12))
  if (after) {
    const declaration = after[1]
    const written = { start, end: span.end + after[0].length - 1 }
    return error(`a name cannot come before "${declaration}": CodeAI expects "${declaration} ${keyword} {"`, span, {
      title: `Write "${declaration} ${keyword}"`,
      edits: [{ span: written, newText: `${declaration} ${keyword} ` }],
    })
  }
  if ((RESERVED_WORDS as readonly string[]).includes(keyword)) {
    const owner = JOB_PARTS.has(keyword) ? 'a job' : keyword === 'retry' ? 'a workflow or job' : 'a workflow'
    return error(`"${keyword}" cannot stand at the top level: it belongs inside ${owner}; ${EXPECTED_STATEMENT}`, span)
  }
  const rest = text.slice(span.end, chunk.end).trimStart()
  if (rest.startsWith('{') && /^\{\s*(activity|input|if)(?![A-Za-z0-9_])/.test(rest)) {
    return error(`"${keyword}" looks like a step, which belongs inside a workflow's steps block; ${EXPECTED_STATEMENT}`, span)
  }
  return error(`"${keyword}" is not a statement CodeAI knows; ${EXPECTED_STATEMENT}`, span)
}

function problemDiagnostic(text: string, chunk: Chunk, problem: ForeignProblem): ChunkDiagnostic {
  const error = (code: string, message: string, start: number, end: number): ChunkDiagnostic => ({
    severity: 'error',
    code,
    message,
    span: { start, end },
  })
  switch (problem.kind) {
    case 'unclosed-block': {
      const span = chunk.keyword ? keywordSpan(chunk) : { start: chunk.start, end: chunk.start + 1 }
      const block = chunk.keyword ? `"${chunk.keyword}" block` : 'this block'
      return error('syntax-unclosed', `${block} is never closed: "}" missing`, span.start, span.end)
    }
    case 'unclosed-string':
      return error('syntax-unclosed', 'unclosed string: this " has no closing "', problem.at, problem.at + 1)
    case 'unclosed-comment':
      return error('syntax-unclosed', 'unclosed comment: this "/*" has no closing "*/"', problem.at, problem.at + 2)
    case 'stray-comment-close':
      return error('syntax', '"*/" closes no comment: block comments do not nest', problem.at, problem.at + 2)
    case 'annotations': {
      // CodeAI takes annotations only before an endpoint; its workflow and job grammar has none.
      const name = /^@[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(chunk.start, chunk.end))![0]
      const message = problem.before === 'workflow' || problem.before === 'job'
        ? `annotations like "${name}" are not allowed before a ${problem.before}; kept as written`
        : `annotations like "${name}" are allowed only before an endpoint${problem.before ? `, not before "${problem.before}"` : ''}; kept as written`
      return error('syntax', message, chunk.start, chunk.end)
    }
    case 'unknown-statement':
      return unknownStatement(text, chunk)
    case 'byte-order-mark':
      return {
        ...error('syntax', 'the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM', chunk.start, chunk.end),
        fix: { title: 'Remove the byte-order mark', edits: [{ span: { start: chunk.start, end: chunk.end }, newText: '' }] },
      }
  }
}
