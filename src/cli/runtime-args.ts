/**
 * Shared by `codeai simulate` and `codeai calendar`: reading the .cai file
 * (which must have no errors), JSON scenario and profile files, with clear
 * messages; and the table they print.
 */
import type { CaiDocument, Diagnostic } from '../language/model'
import { parse } from '../language/parse'
import { validate } from '../language/validate'
import { CODEAI_PROFILE, profileFromJson, type RuntimeProfile } from '../runtime/profile'
import { FileError } from './command'
import type { CliIO } from './io'
import { readSource } from './sources'

function readText(path: string, io: CliIO): string {
  return readSource(path, io).text
}

export function readJson(path: string, what: string, io: CliIO): unknown {
  const text = readText(path, io)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new FileError(`${path} is not a JSON ${what}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** The .cai file parsed, or a UsageError listing its errors (a dry run of a file CodeAI rejects would mislead). */
export function readDocument(path: string, io: CliIO): { doc: CaiDocument; text: string } {
  const text = readText(path, io)
  const { doc, diagnostics } = parse(text)
  const errors: Diagnostic[] = [...diagnostics, ...validate(doc, text)].filter((d) => d.severity === 'error')
  if (errors.length > 0) {
    const lines = errors.map((d) => `${path}:${d.start.line}:${d.start.column}: error: ${d.message} [${d.code}]`)
    throw new FileError(`${path} has errors; fix them first (codeai validate ${path}):\n${lines.join('\n')}`)
  }
  return { doc, text }
}

export function readProfile(path: string | undefined, io: CliIO): RuntimeProfile {
  if (path === undefined) return CODEAI_PROFILE
  const result = profileFromJson(readJson(path, 'runtime profile', io))
  if (!result.ok) throw new FileError(`${path}: ${result.errors.join('; ')}`)
  return result.profile
}

/** Left-aligned columns separated by two spaces. */
export function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n') + '\n'
}
