/**
 * `parse`: .cai text to the document model, with syntax diagnostics. Never
 * throws. The file is cut into top-level chunks (split.ts); each `workflow` /
 * `job` chunk is parsed on its own (declaration.ts), anything else is kept as
 * a foreign item, byte for byte (foreign.ts); comments between chunks are
 * attached here.
 *
 * `createIncrementalParser` gives the same results but reuses the parse of
 * every declaration whose text did not change since the previous call
 * (moving its offsets when it moved), and splits the file again only
 * around the edit (split.ts, splitEdited). In the declaration the edit fell
 * in, only the step it fell in is parsed again when it can be (reparse.ts),
 * so a keystroke in a 10,000-step workflow parses one step.
 */
import { blankLineBetween, endWithTrailing, makeComment, markLeadingBlanks, newlinesBetween, startWithLeading } from './comments'
import { parseDeclaration, type DeclarationResult } from './declaration'
import { foreignDiagnostics, foreignItem } from './foreign'
import type { CaiDocument, Comment, Diagnostic, Foreign, ParseResult, TopItem } from './model'
import { noteDocumentCopy, reparsedWorkflow, type Edit } from './reparse'
import { shifted } from './shift'
import { LineIndex } from './positions'
import { splitEdited, splitText, splitTopLevel, type Chunk, type SplitResult, type SplitText, type TopLevelComment } from './split'
import { minimalEdit } from './text-diff'
import type { ChunkDiagnostic } from './syntax-errors'

type DeclarationCache = Map<string, DeclarationResult>
/** A declaration chunk's parse, by the chunk's start offset. */
type DeclarationsAt = Map<number, { chunk: Chunk; result: DeclarationResult }>

export function parse(text: string): ParseResult {
  const current: DeclarationCache = new Map()
  return parseWithCache(text, () => splitTopLevel(text), (chunk) => cachedOrParsed(text, chunk, current, current))
}

export function createIncrementalParser(): (text: string) => ParseResult {
  let previous: DeclarationCache = new Map()
  let previousAt: DeclarationsAt = new Map()
  let previousSplit: SplitText | undefined
  return (text) => {
    const current: DeclarationCache = new Map()
    const currentAt: DeclarationsAt = new Map()
    let edit: Edit | undefined
    const split = () => {
      const before = previousSplit
      // Should splitting fail, the next text is split whole.
      previousSplit = undefined
      // Typing changes one place: the file is split again from the declaration before it, not from the start.
      const change = before && minimalEdit(before.text, text)
      if (change) edit = { start: change.span.start, oldEnd: change.span.end, delta: change.newText.length - (change.span.end - change.span.start) }
      previousSplit = !before ? splitText(text) : change ? splitEdited(before, text, change) : before
      return previousSplit.result
    }
    const declaration = (chunk: Chunk) => {
      const result = cachedOrParsed(text, chunk, previous, current, () => edit && reparsed(text, chunk, previousAt, edit))
      currentAt.set(chunk.start, { chunk, result })
      return result
    }
    const result = parseWithCache(text, split, declaration)
    // Keep only the declarations of the latest text: memory stays bounded.
    previous = current
    previousAt = currentAt
    return result
  }
}

/** The declaration's parse: the cached one of the same text (moved to the chunk), the previous one edited, or a new one. */
function cachedOrParsed(
  text: string,
  chunk: Chunk,
  previous: DeclarationCache,
  current: DeclarationCache,
  edited?: () => DeclarationResult | undefined,
): DeclarationResult {
  const key = `${chunk.cut ? 'cut' : 'whole'}:${text.slice(chunk.start, chunk.end)}`
  const result = moved(current.get(key) ?? previous.get(key), chunk.start) ?? edited?.() ?? parseDeclaration(text, chunk.start, chunk.end, chunk.cut)
  current.set(key, result)
  return result
}

/** The workflow the edit fell in, parsed again only where the edit is (reparse.ts); undefined when it must be parsed whole. */
function reparsed(text: string, chunk: Chunk, previousAt: DeclarationsAt, edit: Edit): DeclarationResult | undefined {
  const before = previousAt.get(chunk.start)
  if (!before || before.chunk.cut !== chunk.cut || before.chunk.end + edit.delta !== chunk.end) return undefined
  if (before.result.item.kind !== 'workflow' || edit.start < chunk.start || edit.oldEnd > before.chunk.end) return undefined
  const workflow = reparsedWorkflow(before.result.item, text, edit)
  return workflow && { item: workflow, diagnostics: [] }
}

function parseWithCache(text: string, split: () => SplitResult, declaration: (chunk: Chunk) => DeclarationResult): ParseResult {
  try {
    return parseFile(text, split(), declaration)
  } catch (error) {
    return internalFailure(text, error)
  }
}

function parseFile(text: string, { chunks, comments }: SplitResult, declaration: (chunk: Chunk) => DeclarationResult): ParseResult {
  const items: TopItem[] = []
  const found: ChunkDiagnostic[] = []
  for (const chunk of chunks) {
    if (chunk.kind === 'declaration') {
      const result = declaration(chunk)
      items.push(result.item)
      found.push(...result.diagnostics)
    } else {
      items.push(foreignItem(text, chunk))
      found.push(...foreignDiagnostics(text, chunk))
    }
  }
  const doc = attachTopLevelTrivia(text, items, comments)
  if (found.length === 0) return { doc, diagnostics: [] }
  const index = new LineIndex(text)
  const diagnostics: Diagnostic[] = found.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    span: d.span,
    start: index.positionAt(d.span.start),
    end: index.positionAt(d.span.end),
    ...(d.fix && { fix: d.fix }),
  }))
  return { doc, diagnostics }
}

/**
 * Comments between top-level items: on the line where an item ends, its
 * trailing comments; on their own lines, leading comments of the next item,
 * or the document's end comments after the last one. A declaration's own
 * leading comments (from its header) come after those written before it.
 */
function attachTopLevelTrivia(text: string, parsed: TopItem[], comments: TopLevelComment[]): CaiDocument {
  const leading: Comment[][] = parsed.map(() => [])
  const trailing: Comment[][] = parsed.map(() => [])
  const endComments: Comment[] = []
  let next = 0 // the first item after the current comment
  let previousList: Comment[] | undefined
  let previousEnd = 0
  let previousIsComment = false
  for (const token of comments) {
    while (next < parsed.length && parsed[next].span!.start < token.start) {
      previousEnd = parsed[next].span!.end
      previousIsComment = false
      next++
    }
    const ownLine = next === 0 && !previousIsComment ? true : newlinesBetween(text, previousEnd, token.start, 1)
    const list = !ownLine
      ? (previousIsComment && previousList ? previousList : trailing[next - 1])
      : next < parsed.length ? leading[next] : endComments
    list.push(makeComment({ ...token, text: text.slice(token.start, token.end) }, ownLine && blankLineBetween(text, previousEnd, token.start)))
    previousList = list
    previousEnd = token.end
    previousIsComment = true
  }
  const items = parsed.map((item, i): TopItem => ({
    ...item,
    leading: [...leading[i], ...item.leading],
    trailing: [...item.trailing, ...trailing[i]],
  }))
  items.forEach((item, i) => {
    const declaration = parsed[i]
    if (item.kind === 'workflow' && declaration.kind === 'workflow') noteDocumentCopy(declaration, item)
    // Copies: a declaration's own leading comments may belong to a cached parse.
    item.leading = item.leading.map((comment) => ({ ...comment }))
    markLeadingBlanks(item, text)
    item.blankBefore = i > 0 && blankLineBetween(text, endWithTrailing(items[i - 1]), startWithLeading(item))
  })
  if (endComments.length > 0 && items.length === 0) endComments[0].blankBefore = false
  return { kind: 'document', items, endComments }
}

/** A cached declaration result with its offsets moved to `start`; undefined when there is none. */
function moved(result: DeclarationResult | undefined, start: number): DeclarationResult | undefined {
  return result && shifted(result, start - result.item.span!.start)
}

/** The last resort, if parsing itself failed: the whole text kept as one foreign item, and an error saying so. */
function internalFailure(text: string, error: unknown): ParseResult {
  const span = { start: 0, end: text.length }
  const item: Foreign = { kind: 'foreign', leading: [], trailing: [], blankBefore: false, keyword: '', text, span }
  const index = new LineIndex(text)
  const reason = error instanceof Error ? error.message : String(error)
  return {
    doc: { kind: 'document', items: text.length > 0 ? [item] : [], endComments: [] },
    diagnostics: [{
      severity: 'error',
      code: 'internal',
      message: `internal error while parsing (${reason}); the file is kept exactly as written`,
      span,
      start: index.positionAt(0),
      end: index.positionAt(text.length),
    }],
  }
}
