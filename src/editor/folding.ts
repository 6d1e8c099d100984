/**
 * Folding ranges for a .cai file: every multi-line `{ }` block and every
 * multi-line comment (a block comment, or a run of line comments). Braces
 * inside strings and comments do not count. Pure: no Monaco.
 */
import { LineIndex } from '../language/positions'
import { scan } from './scan'

export interface FoldingRange {
  /** 1-based; the line that stays visible. */
  start: number
  /** 1-based; the last line hidden. */
  end: number
  kind: 'block' | 'comment'
}

export function foldingRanges(text: string): FoldingRange[] {
  const lines = new LineIndex(text)
  const lineOf = (offset: number) => lines.positionAt(offset).line
  const ranges: FoldingRange[] = []
  const open: number[] = []
  let commentRun: { start: number; end: number } | null = null
  const endCommentRun = () => {
    if (commentRun && commentRun.end > commentRun.start) ranges.push({ ...commentRun, kind: 'comment' })
    commentRun = null
  }

  for (const token of scan(text)) {
    if (token.type === 'comment' && token.lineComment) {
      const line = lineOf(token.start)
      // A run of line comments, each on its own line right below the previous one.
      const ownLine = text.slice(text.lastIndexOf('\n', token.start - 1) + 1, token.start).trim() === ''
      if (commentRun && ownLine && line === commentRun.end + 1) commentRun.end = line
      else {
        endCommentRun()
        if (ownLine) commentRun = { start: line, end: line }
      }
      continue
    }
    endCommentRun()
    if (token.type === 'comment') {
      const start = lineOf(token.start)
      const end = lineOf(token.end)
      if (end > start) ranges.push({ start, end, kind: 'comment' })
    } else if (token.type === 'lbrace') {
      open.push(lineOf(token.start))
    } else if (token.type === 'rbrace' && open.length > 0) {
      const start = open.pop()!
      // The closing brace stays visible under its block's first line.
      const end = lineOf(token.start) - 1
      if (end > start) ranges.push({ start, end, kind: 'block' })
    }
  }
  endCommentRun()
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end)
}
