/** The CliIO of a real process: node:fs and the process's own streams. */
import { readdirSync, readFileSync, statSync, writeFileSync, type Dirent } from 'node:fs'
import type { CliIO, DirectoryEntry, EntryKind } from './io'

function kindOf(path: string): EntryKind {
  let stats
  try {
    stats = statSync(path)
  } catch (error) {
    // `file.cai/x` does not exist either (ENOTDIR); other errors (EACCES...) are the caller's to report.
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing'
    throw error
  }
  return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other'
}

function entryOf(directory: string, dirent: Dirent): DirectoryEntry {
  if (!dirent.isSymbolicLink()) {
    const kind = dirent.isFile() ? 'file' : dirent.isDirectory() ? 'directory' : 'other'
    return { name: dirent.name, kind, symlink: false }
  }
  // A dangling link reads as missing.
  return { name: dirent.name, kind: kindOf(`${directory}/${dirent.name}`), symlink: true }
}

/**
 * `write` sends text to a stream; the entry point decides what a closed pipe
 * means (see main.ts), so this module stays free of process-wide handlers.
 */
export function nodeIO(write: { stdout(text: string): void; stderr(text: string): void }): CliIO {
  return {
    readFile: (path) => readFileSync(path),
    readStdin: () => readFileSync(0),
    writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
    kind: kindOf,
    listDirectory: (path) => readdirSync(path, { withFileTypes: true }).map((dirent) => entryOf(path, dirent)),
    stdout: write.stdout,
    stderr: write.stderr,
  }
}
