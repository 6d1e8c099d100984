/**
 * Shared by `codeai simulate` and `codeai calendar`: the I/O they need,
 * option parsing (`--name VALUE` or `--name=VALUE`, `--` ends the options),
 * and reading the .cai file and JSON files with clear messages.
 */
import type { CaiDocument, Diagnostic } from '../language/model'
import { parse } from '../language/parse'
import { validate } from '../language/validate'
import { CODEAI_PROFILE, profileFromJson, type RuntimeProfile } from '../runtime/profile'

/** What a runtime command needs from the outside world; tests pass an in-memory one. */
export interface RuntimeCommandIO {
  stdout(text: string): void
  stderr(text: string): void
  /** Throws (with a Node error code, e.g. ENOENT) when the file cannot be read. */
  readFile(path: string): string
}

/** Thrown for bad usage or an unreadable file: exit code 2 with this one-line message. */
export class UsageError extends Error {}

export interface ParsedArgs {
  operands: string[]
  values: Map<string, string>
  switches: Set<string>
}

/** `valued`: options that take a value; `switches`: options that do not. Anything else is refused. */
export function parseArgs(command: string, args: readonly string[], valued: readonly string[], switches: readonly string[]): ParsedArgs {
  const result: ParsedArgs = { operands: [], values: new Map(), switches: new Set() }
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]
    if (arg === '--') {
      result.operands.push(...args.slice(k + 1))
      break
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}' for '${command}'`)
      result.operands.push(arg)
      continue
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    if (switches.includes(name)) {
      if (inline !== undefined) throw new UsageError(`'${name}' takes no value`)
      result.switches.add(name)
    } else if (valued.includes(name)) {
      const value = inline ?? args[++k]
      if (value === undefined) throw new UsageError(`'${name}' needs a value`)
      result.values.set(name, value)
    } else {
      throw new UsageError(`unknown option '${name}' for '${command}'`)
    }
  }
  return result
}

export function readText(path: string, io: RuntimeCommandIO): string {
  try {
    return io.readFile(path)
  } catch (error) {
    const code = (error as { code?: string } | undefined)?.code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : error instanceof Error ? error.message : String(error)
    throw new UsageError(`cannot read ${path}: ${reason}`)
  }
}

export function readJson(path: string, what: string, io: RuntimeCommandIO): unknown {
  const text = readText(path, io)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new UsageError(`${path} is not a JSON ${what}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** The .cai file parsed, or a UsageError listing its errors (a dry run of a file CodeAI rejects would mislead). */
export function readDocument(path: string, io: RuntimeCommandIO): { doc: CaiDocument; text: string } {
  const text = readText(path, io)
  const { doc, diagnostics } = parse(text)
  const errors: Diagnostic[] = [...diagnostics, ...validate(doc, text)].filter((d) => d.severity === 'error')
  if (errors.length > 0) {
    const lines = errors.map((d) => `${path}:${d.start.line}:${d.start.column}: error: ${d.message} [${d.code}]`)
    throw new UsageError(`${path} has errors; fix them first (codeai validate ${path}):\n${lines.join('\n')}`)
  }
  return { doc, text }
}

export function readProfile(path: string | undefined, io: RuntimeCommandIO): RuntimeProfile {
  if (path === undefined) return CODEAI_PROFILE
  const result = profileFromJson(readJson(path, 'runtime profile', io))
  if (!result.ok) throw new UsageError(`${path}: ${result.errors.join('; ')}`)
  return result.profile
}

/** Runs a command body: a UsageError becomes its message on stderr and exit code 2. */
export function guard(command: string, io: RuntimeCommandIO, body: () => number): number {
  try {
    return body()
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`codeai ${command}: ${error.message}\n`)
    return 2
  }
}

/** Left-aligned columns separated by two spaces. */
export function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n') + '\n'
}
