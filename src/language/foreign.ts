/**
 * Top-level chunks that are not `workflow` / `job` declarations (split.ts):
 * kept as foreign items, byte for byte, with a diagnostic saying what they
 * are (a block of the wider CodeAI language, a near miss of `workflow` /
 * `job`, stray text) and what is wrong with them, if anything.
 */
import type { Foreign } from './model'
import type { Chunk, ForeignProblem } from './split'
import { nearMissDeclaration, showCharacter, type ChunkDiagnostic } from './syntax-errors'

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
  const error = problemDiagnostic(text, chunk, problem)
  // An unclosed block, string or comment is still a block of some kind: say which, as for a closed one.
  const isBlock = chunk.keyword !== '' && (problem.kind === 'unclosed-block' || problem.kind === 'unclosed-string' || problem.kind === 'unclosed-comment')
  return isBlock ? [classify(text, chunk), error] : [error]
}

function keywordSpan({ keyword, keywordStart }: Chunk) {
  return { start: keywordStart, end: keywordStart + keyword.length }
}

function classify(text: string, chunk: Chunk): ChunkDiagnostic {
  const { keyword, start } = chunk
  if (!keyword) {
    const char = String.fromCodePoint(text.codePointAt(start)!)
    return {
      severity: 'error',
      code: 'syntax',
      message: `expected "workflow" or "job" at the top level, found ${showCharacter(char)}; kept as written`,
      span: { start, end: start + char.length },
    }
  }
  const span = keywordSpan(chunk)
  const meant = nearMissDeclaration(keyword)
  if (meant) {
    return {
      severity: 'warning',
      code: 'foreign-block-typo',
      message: `"${keyword}" block is not a workflow or job; did you mean "${meant}"? It is kept as written`,
      span,
    }
  }
  return { severity: 'info', code: 'foreign-block', message: `"${keyword}" block is not a workflow or job; kept as written`, span }
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
      // CodeAI's workflow and job grammar has no annotations.
      const name = /^@[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(chunk.start, chunk.end))![0]
      return error('syntax', `annotations like "${name}" are not allowed before a ${problem.before}; kept as written`, chunk.start, chunk.end)
    }
    case 'byte-order-mark':
      return {
        ...error('syntax', 'the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM', chunk.start, chunk.end),
        fix: { title: 'Remove the byte-order mark', edits: [{ span: { start: chunk.start, end: chunk.end }, newText: '' }] },
      }
  }
}
