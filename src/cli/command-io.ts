/**
 * What the `diff` and `render` commands need from the process: output
 * streams and files. `main.ts` passes Node's; tests pass an in-memory one.
 */
export interface CommandIO {
  stdout(text: string): void
  stderr(text: string): void
  /** The file's text; throws (with a Node error code) when it cannot be read. */
  readFile(path: string): string
  writeFile(path: string, data: string): void
}

/** `--name value` and `--name=value` options, flags, and operands (all after `--`). */
export interface ParsedArgs {
  values: Map<string, string>
  flags: Set<string>
  operands: string[]
}

export class UsageError extends Error {}

/** Splits arguments by what each command accepts; an unknown option or a missing value is a UsageError. */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[], command: string): ParsedArgs {
  const parsed: ParsedArgs = { values: new Map(), flags: new Set(), operands: [] }
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
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(0, eq) : arg
    if (valued.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i]
      if (value === undefined || value === '') throw new UsageError(`'${name}' needs a value`)
      parsed.values.set(name, value)
    } else if (flags.includes(name) && eq < 0) parsed.flags.add(name)
    else throw new UsageError(`unknown option '${arg}' for '${command}'`)
  }
  return parsed
}

/** Why a file could not be read or written, in words. */
export function fileProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
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

/** A file's text, or a UsageError that says why not: unreadable, or not text (a NUL byte: binary). */
export function readText(io: CommandIO, path: string): string {
  let text: string
  try {
    text = io.readFile(path)
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${fileProblem(error)}`)
  }
  const nul = text.indexOf('\u0000')
  if (nul >= 0) throw new UsageError(`${path} is not .cai text: it holds a NUL character (offset ${nul}), as binary files do`)
  return text
}

export function writeText(io: CommandIO, path: string, data: string): void {
  try {
    io.writeFile(path, data)
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${fileProblem(error)}`)
  }
}

/** Reports a usage error in one line; exit code 2. */
export function usage(io: CommandIO, error: UsageError): number {
  io.stderr(`codeai: ${error.message} (see codeai --help)\n`)
  return 2
}
