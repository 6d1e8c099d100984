/**
 * Finding and reading the .cai files a command is given: FILE and DIR
 * operands, `-` for standard input, strict UTF-8.
 */
import { FileError, UsageError } from './command'
import type { CliIO } from './io'
import { decodeUtf8 } from './utf8'

export const STDIN = '-'
export const STDIN_NAME = '<stdin>'

export interface Source {
  /** The name diagnostics are printed with: the path as given, or `<stdin>`. */
  name: string
  text: string
}

/** Reads a file (or standard input for `-`) as UTF-8; throws a FileError. */
export function readSource(path: string, io: CliIO): Source {
  const name = path === STDIN ? STDIN_NAME : path
  let bytes: Uint8Array
  try {
    bytes = path === STDIN ? io.readStdin() : io.readFile(path)
  } catch (error) {
    throw new FileError(`cannot read ${name}: ${fileErrorReason(error)}`)
  }
  const decoded = decodeUtf8(bytes)
  if (!decoded.ok) throw new FileError(`cannot read ${name}: not UTF-8 (first bad byte at offset ${decoded.offset})`)
  return { name, text: decoded.text }
}

/** Writes a file; throws a FileError. */
export function writeSource(path: string, text: string, io: CliIO): void {
  try {
    io.writeFile(path, text)
  } catch (error) {
    throw new FileError(`cannot write ${path}: ${fileErrorReason(error)}`)
  }
}

export interface FileList {
  /** The files to read, in order, each once; `-` stands for standard input. */
  paths: string[]
  /** The command line named exactly one file (not a directory). */
  single: boolean
}

/**
 * The files named by FILE and DIR operands, as linters and formatters take
 * them: a FILE is taken whatever its name, in the order given; a DIR stands
 * for every `*.cai` file below it, in name order (by UTF-16 code units, so
 * the same on every machine), skipping `node_modules`, directories whose
 * name starts with a dot and linked directories (which could loop). A path
 * named twice is read once. Throws a FileError for an operand that does not
 * exist or a directory holding no .cai file, before anything is read.
 */
export function collectFiles(command: string, operands: readonly string[], io: CliIO): FileList {
  if (operands.length === 0) throw new UsageError(`'${command}' needs a FILE or DIR`)
  if (operands.includes(STDIN) && operands.length > 1) {
    throw new UsageError(`'-' (standard input) cannot be combined with other files`)
  }
  if (operands[0] === STDIN) return { paths: [STDIN], single: true }
  const paths: string[] = []
  const seen = new Set<string>()
  const add = (path: string) => {
    const key = normalize(path)
    if (!seen.has(key)) {
      seen.add(key)
      paths.push(path)
    }
  }
  for (const operand of operands) {
    let kind
    try {
      kind = io.kind(operand)
    } catch (error) {
      throw new FileError(`cannot read ${operand}: ${fileErrorReason(error)}`)
    }
    if (kind === 'missing') throw new FileError(`cannot read ${operand}: no such file`)
    if (kind !== 'directory') {
      add(operand)
      continue
    }
    const before = paths.length
    walk(operand, io, add)
    if (paths.length === before && !caiFilesIn(operand, io)) throw new FileError(`no .cai file in ${operand}`)
  }
  return { paths, single: operands.length === 1 && paths.length === 1 && paths[0] === operands[0] }
}

function walk(directory: string, io: CliIO, add: (path: string) => void): void {
  let entries
  try {
    entries = io.listDirectory(directory)
  } catch (error) {
    throw new FileError(`cannot read ${directory}: ${fileErrorReason(error)}`)
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const prefix = directory.endsWith('/') ? directory : `${directory}/`
  for (const entry of entries) {
    const path = prefix + entry.name
    if (entry.kind === 'file' && entry.name.endsWith('.cai')) add(path)
    else if (entry.kind === 'directory' && !entry.symlink && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
      walk(path, io, add)
    }
  }
}

/** A directory whose files were all named before still counts as holding some. */
function caiFilesIn(directory: string, io: CliIO): boolean {
  let found = false
  walk(directory, io, () => (found = true))
  return found
}

/** `./a//b.cai` and `a/b.cai` are one file. */
function normalize(path: string): string {
  const absolute = path.startsWith('/')
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
    else parts.push(part)
  }
  return (absolute ? '/' : '') + parts.join('/')
}

export function fileErrorReason(error: unknown): string {
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
