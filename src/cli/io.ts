/**
 * What a `codeai` command may touch: files, directories, standard input and
 * the two output streams. `node-io.ts` is the real one; tests pass their own.
 */

export type EntryKind = 'file' | 'directory' | 'other' | 'missing'

export interface DirectoryEntry {
  name: string
  /** What the entry is, symbolic links followed. */
  kind: EntryKind
  symlink: boolean
}

export interface CliIO {
  /** The file's bytes; throws a Node-style error (`code`: ENOENT, EISDIR, EACCES...). */
  readFile(path: string): Uint8Array
  readStdin(): Uint8Array
  /** Writes `text` as UTF-8; throws like readFile. */
  writeFile(path: string, text: string): void
  /** What `path` is, symbolic links followed; 'missing' when it does not exist. */
  kind(path: string): EntryKind
  listDirectory(path: string): DirectoryEntry[]
  stdout(text: string): void
  stderr(text: string): void
}
