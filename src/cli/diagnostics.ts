/** How commands print diagnostics: `FILE:LINE:COL: severity: message [code]`. */
import type { Diagnostic } from '../language/model'

export function formatDiagnostics(fileName: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${fileName}:${d.start.line}:${d.start.column}: ${d.severity}: ${d.message} [${d.code}]\n`)
    .join('')
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const

/** By position, then errors before warnings before information. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  )
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'))
}
