/**
 * The shape of one `codeai` command and the helpers every command shares:
 * argument parsing (with `--`), usage and file errors (exit code 2) and
 * exit codes. A command lives in its own module under commands/ and is
 * registered in commands/index.ts.
 */
import type { CliIO } from './io'

/** 0 success; 1 problems found in the input; 2 bad usage or a file that cannot be read or written. */
export const EXIT_OK = 0
export const EXIT_PROBLEMS = 1
export const EXIT_USAGE = 2

export interface Command {
  /** The word after `codeai`. */
  readonly name: string
  /** What follows the name, for the help: `[--check | --write] FILE|DIR...`. */
  readonly usage: string
  /** One sentence for the help. */
  readonly summary: string
  /** Options for the help: [`--write`, 'Rewrite each file in place'], ... */
  readonly options?: readonly (readonly [string, string])[]
  /**
   * Runs the command with the arguments after its name (`--help` is answered
   * before). Writes through `io` and resolves to the exit code. May throw a
   * CliError, which the caller prints as one line with exit code 2.
   */
  run(args: readonly string[], io: CliIO): Promise<number>
}

/** A mistake the user can fix: printed as `codeai: MESSAGE`, exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    /** Bad usage (points to --help) rather than a file that cannot be read or written. */
    readonly usage: boolean,
  ) {
    super(message)
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, true)
  }
}

export class FileError extends CliError {
  constructor(message: string) {
    super(message, false)
  }
}

/** The one line printed for a CliError. */
export function errorLine(error: CliError): string {
  return `codeai: ${error.message}${error.usage ? ' (see codeai --help)' : ''}\n`
}

export interface OptionSpec {
  /** Options without a value: `--check`. */
  readonly flags?: readonly string[]
  /** Options with a value: `--from 2026-01-01` or `--from=2026-01-01`. */
  readonly values?: readonly string[]
}

export interface ParsedArgs {
  flags: Set<string>
  values: Map<string, string>
  operands: string[]
}

/**
 * Splits a command's arguments into options and operands. Options may come
 * anywhere before `--`; after it every argument is an operand (a file named
 * `-x.cai`). `-` alone is an operand (standard input). Throws a UsageError
 * for an unknown option or a value option without its value.
 */
export function parseArgs(command: string, args: readonly string[], spec: OptionSpec = {}): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Set(), values: new Map(), operands: [] }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      parsed.operands.push(...args.slice(i + 1))
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.operands.push(arg)
      continue
    }
    const equals = arg.indexOf('=')
    const name = equals < 0 ? arg : arg.slice(0, equals)
    if (spec.values?.includes(name)) {
      const value = equals < 0 ? args[++i] : arg.slice(equals + 1)
      if (value === undefined) throw new UsageError(`option '${name}' of '${command}' needs a value`)
      parsed.values.set(name, value)
    } else if (spec.flags?.includes(arg)) {
      parsed.flags.add(arg)
    } else {
      throw new UsageError(`unknown option '${arg}' for '${command}'`)
    }
  }
  return parsed
}

/** `1 file`, `2 files`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
