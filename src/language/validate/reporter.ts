import type { Diagnostic, Fix, Severity, Span } from '../model'
import { LineIndex } from '../positions'

/** Collects diagnostics against one source text. */
export class Reporter {
  private index: LineIndex | undefined
  private readonly found: Diagnostic[] = []

  constructor(readonly text: string) {}

  /** Built on the first diagnostic: a valid document never pays for scanning the text. */
  private get lines(): LineIndex {
    this.index ??= new LineIndex(this.text)
    return this.index
  }

  add(severity: Severity, code: string, message: string, span: Span, fix?: Fix): void {
    const diagnostic: Diagnostic = {
      severity,
      code,
      message,
      span,
      start: this.lines.positionAt(span.start),
      end: this.lines.positionAt(span.end),
    }
    if (fix) diagnostic.fix = fix
    this.found.push(diagnostic)
  }

  error(code: string, message: string, span: Span, fix?: Fix): void {
    this.add('error', code, message, span, fix)
  }

  warning(code: string, message: string, span: Span, fix?: Fix): void {
    this.add('warning', code, message, span, fix)
  }

  info(code: string, message: string, span: Span, fix?: Fix): void {
    this.add('info', code, message, span, fix)
  }

  /** Runs `check`; the diagnostics it reported. */
  collect(check: () => void): readonly Diagnostic[] {
    const before = this.found.length
    check()
    return this.found.slice(before)
  }

  /** Adds diagnostics found before (see createIncrementalValidator). */
  addAll(diagnostics: readonly Diagnostic[]): void {
    for (const diagnostic of diagnostics) this.found.push(diagnostic)
  }

  /** 1-based line of an offset, for "first at line N". */
  lineOf(offset: number): number {
    return this.lines.positionAt(offset).line
  }

  /** Diagnostics in text order (stable for equal starts). */
  diagnostics(): Diagnostic[] {
    return this.found.sort((a, b) => a.span.start - b.span.start)
  }

  /**
   * A fix that deletes a statement or block, with its whole line when nothing
   * else stands on it. None when the range holds a comment (it would be lost).
   */
  removalFix(title: string, span: Span | undefined): Fix | undefined {
    if (!span || this.text.slice(span.start, span.end).includes('/')) return undefined
    const lineStart = this.text.lastIndexOf('\n', span.start - 1) + 1
    const newline = this.text.indexOf('\n', span.end)
    const lineEnd = newline < 0 ? this.text.length : newline
    const aloneOnLine = /^[ \t]*$/.test(this.text.slice(lineStart, span.start)) && /^[ \t\r]*$/.test(this.text.slice(span.end, lineEnd))
    const edit = aloneOnLine
      ? { span: { start: lineStart, end: newline < 0 ? lineEnd : newline + 1 }, newText: '' }
      : { span: { start: startOfSpacesBefore(this.text, span.start), end: span.end }, newText: '' }
    return { title, edits: [edit] }
  }
}

function startOfSpacesBefore(text: string, offset: number): number {
  let start = offset
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--
  return start
}

/** The span of a node's leading keyword (`steps`, `parallel`, `retry`), or the fallback. */
export function keywordSpan(span: Span | undefined, keyword: string, fallback: Span): Span {
  return span ? { start: span.start, end: span.start + keyword.length } : fallback
}

/** A fix replacing a string token (quotes kept) with a new value. */
export function replaceValueFix(valueSpan: Span | undefined, value: string): Fix | undefined {
  if (!valueSpan) return undefined
  return { title: `Replace with "${value}"`, edits: [{ span: valueSpan, newText: `"${value}"` }] }
}

export const NO_SPAN: Span = { start: 0, end: 0 }
