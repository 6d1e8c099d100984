/**
 * The `codeai` commands as plain functions: they take text and arguments and
 * return what to print and the exit code, so tests run them in-process.
 * Exit codes: 0 success, 1 the file has errors (or is not formatted, with
 * `--check`), 2 bad usage or an unreadable file.
 */
import type { CaiDocument, Diagnostic } from '../language/model'
import { parse } from '../language/parse'
import { print } from '../language/print'
import { validate } from '../language/validate'
import { documentToJson, formatJson } from './json'
import { run as runCalendar } from './calendar'
import { run as runSimulate } from './simulate'
import type { RuntimeCommandIO } from './runtime-args'

export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** The file system as the CLI sees it; tests pass an in-memory one. */
export interface CliIO {
  readFile(path: string): string
  writeFile(path: string, text: string): void
  readStdin(): string
}

export const STDIN_NAME = '<stdin>'

export const USAGE = `Usage: codeai <command> [options] FILE

Commands:
  parse FILE        Print the workflows, jobs and other blocks of FILE as JSON.
  validate FILE     Report syntax errors, errors, warnings and information.
  format FILE       Print FILE in canonical layout.
    --write         Rewrite FILE in canonical layout (only if it changes).
    --check         Exit with code 1 if FILE is not in canonical layout.
  simulate FILE --workflow NAME [--scenario S.json] [--profile P.json] [--json]
                    Dry-run a workflow by CodeAI's runtime rules: exit 0 when it
                    completes, 1 when it fails or times out.
  calendar FILE [--from ISO] [--days N] [--profile P.json]
                    List the jobs' runs by queue (default: 7 days from now).
  help              Show this help.

Options:
  -h, --help        Show this help.
  -v, --version     Show the version.
  --                End of options: what follows is FILE, even if it starts with -.

FILE may be - to read standard input.
Exit codes: 0 success; 1 errors found (or not formatted, with --check);
2 bad usage or unreadable file.
`

const COMMAND_FLAGS: Record<string, readonly string[]> = {
  parse: [],
  validate: [],
  format: ['--write', '--check'],
}

const RUNTIME_COMMANDS: Record<string, (args: readonly string[], io: RuntimeCommandIO) => number> = {
  simulate: runSimulate,
  calendar: runCalendar,
}

function runCaptured(command: (args: readonly string[], io: RuntimeCommandIO) => number, args: readonly string[], io: CliIO): CommandResult {
  let stdout = ''
  let stderr = ''
  const exitCode = command(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readFile: (path) => io.readFile(path) })
  return { stdout, stderr, exitCode }
}

/** Runs one command line (without `node` and the script name). */
export function runCli(args: readonly string[], io: CliIO, version: string): CommandResult {
  // After `--`, every argument is an operand (a file named `-x.cai`).
  const endOfOptions = args.indexOf('--')
  const options = endOfOptions < 0 ? args : args.slice(0, endOfOptions)
  const afterOptions = endOfOptions < 0 ? [] : args.slice(endOfOptions + 1)
  if (options.length === 0) return usageError('missing command')
  if (options.includes('-h') || options.includes('--help') || options[0] === 'help') return ok(USAGE)
  if (options[0] === '-v' || options[0] === '--version') return ok(`codeai ${version}\n`)

  const [command, ...rest] = options
  // The runtime commands parse their own options (they take values).
  const runtimeCommand = RUNTIME_COMMANDS[command]
  if (runtimeCommand) return runCaptured(runtimeCommand, args.slice(1), io)
  const allowedFlags = COMMAND_FLAGS[command]
  if (!allowedFlags) return usageError(`unknown command '${command}'`)
  const flags = rest.filter((arg) => arg.startsWith('-') && arg !== '-')
  const operands = [...rest.filter((arg) => !flags.includes(arg)), ...afterOptions]
  const unknownFlag = flags.find((flag) => !allowedFlags.includes(flag))
  if (unknownFlag) return usageError(`unknown option '${unknownFlag}' for '${command}'`)
  if (operands.length === 0) return usageError(`'${command}' needs a FILE`)
  if (operands.length > 1) return usageError(`'${command}' takes one FILE, got ${operands.length}`)
  const path = operands[0]
  const write = flags.includes('--write')
  const check = flags.includes('--check')
  if (write && check) return usageError("'--write' and '--check' cannot be used together")
  if (write && path === '-') return usageError("'--write' needs a file, not standard input")

  const read = readSource(path, io)
  if ('error' in read) return read.error
  const { fileName, text } = read

  switch (command) {
    case 'parse':
      return parseCommand(fileName, text)
    case 'validate':
      return validateCommand(fileName, text)
    default:
      return formatCommand(fileName, text, write ? 'write' : check ? 'check' : 'print', io)
  }
}

/** `codeai parse`: the document as JSON, or the syntax errors. */
export function parseCommand(fileName: string, text: string): CommandResult {
  const { doc, diagnostics } = parse(text)
  const syntaxErrors = errorsOf(diagnostics)
  if (syntaxErrors.length > 0) return { stdout: '', stderr: formatDiagnostics(fileName, syntaxErrors), exitCode: 1 }
  return ok(formatJson(documentToJson(doc)) + '\n')
}

/** `codeai validate`: every diagnostic, sorted by position, then a summary line. */
export function validateCommand(fileName: string, text: string): CommandResult {
  const { doc, diagnostics } = parse(text)
  const all = sortDiagnostics([...diagnostics, ...validate(doc, text)])
  const summary = summaryLine(doc, all)
  const exitCode = all.some((d) => d.severity === 'error') ? 1 : 0
  return { stdout: formatDiagnostics(fileName, all) + summary + '\n', stderr: '', exitCode }
}

export type FormatMode = 'print' | 'write' | 'check'

/** `codeai format`: canonical text; never rewrites a file with syntax errors. */
export function formatCommand(fileName: string, text: string, mode: FormatMode, io: CliIO): CommandResult {
  const { doc, diagnostics } = parse(text)
  const syntaxErrors = errorsOf(diagnostics)
  if (syntaxErrors.length > 0) {
    const note = mode === 'print' ? '' : `${fileName}: not formatted because of syntax errors\n`
    return { stdout: '', stderr: formatDiagnostics(fileName, syntaxErrors) + note, exitCode: 1 }
  }
  const formatted = print(doc)
  if (mode === 'print') return ok(formatted)
  const changed = formatted !== text
  if (mode === 'check') {
    return changed
      ? { stdout: '', stderr: `${fileName}: not formatted (run: codeai format --write ${fileName})\n`, exitCode: 1 }
      : ok(`${fileName}: formatted\n`)
  }
  if (!changed) return ok(`${fileName}: already formatted\n`)
  try {
    io.writeFile(fileName, formatted)
  } catch (error) {
    return usageError(`cannot write ${fileName}: ${fileErrorReason(error)}`)
  }
  return ok(`${fileName}: reformatted\n`)
}

/** `FILE:LINE:COL: severity: message [code]`, one line each. */
export function formatDiagnostics(fileName: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${fileName}:${d.start.line}:${d.start.column}: ${d.severity}: ${d.message} [${d.code}]\n`)
    .join('')
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  )
}

/** `3 workflows, 7 jobs: 0 errors, 1 warning` (information counted only when present). */
export function summaryLine(doc: CaiDocument, diagnostics: readonly Diagnostic[]): string {
  let workflows = 0
  let jobs = 0
  for (const item of doc.items) {
    const declaration = item.kind === 'broken' ? item.declaration : item.kind
    if (declaration === 'workflow') workflows++
    else if (declaration === 'job') jobs++
  }
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length
  const infos = count('info')
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')]
  if (infos > 0) parts.push(`${infos} info`)
  return `${plural(workflows, 'workflow')}, ${plural(jobs, 'job')}: ${parts.join(', ')}`
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'))
}

function readSource(path: string, io: CliIO): { fileName: string; text: string } | { error: CommandResult } {
  const fileName = path === '-' ? STDIN_NAME : path
  try {
    return { fileName, text: path === '-' ? io.readStdin() : io.readFile(path) }
  } catch (error) {
    return { error: usageError(`cannot read ${fileName}: ${fileErrorReason(error)}`) }
  }
}

function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file'
    case 'EISDIR':
      return 'is a directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}

function ok(stdout: string): CommandResult {
  return { stdout, stderr: '', exitCode: 0 }
}

function usageError(message: string): CommandResult {
  return { stdout: '', stderr: `codeai: ${message} (see codeai --help)\n`, exitCode: 2 }
}
