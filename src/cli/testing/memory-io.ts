/**
 * An in-memory CliIO for tests: files by path (text is stored as UTF-8),
 * directories implied by the paths, captured output, and every write recorded.
 */
import type { CliIO, DirectoryEntry, EntryKind } from '../io'

const encoder = new TextEncoder()

function nodeError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code })
}

export function memoryIO(initial: Record<string, string | Uint8Array>, stdin: string | Uint8Array = '') {
  const files = new Map<string, Uint8Array>()
  for (const [path, content] of Object.entries(initial)) files.set(path, typeof content === 'string' ? encoder.encode(content) : content)
  // `./a//b.cai` names the file stored as `a/b.cai`.
  const clean = (path: string) => path.replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/')
  const writes: [string, string][] = []
  let stdout = ''
  let stderr = ''
  const trim = (path: string) => clean(path).replace(/\/+$/, '')
  const isDirectory = (path: string) => {
    const prefix = `${trim(path)}/`
    return [...files.keys()].some((file) => file.startsWith(prefix))
  }
  const kind = (path: string): EntryKind => (files.has(clean(path)) ? 'file' : isDirectory(path) ? 'directory' : 'missing')
  const io: CliIO = {
    readFile(path) {
      const bytes = files.get(clean(path))
      if (bytes) return bytes
      throw nodeError(isDirectory(path) ? 'EISDIR' : 'ENOENT', path)
    },
    readStdin: () => (typeof stdin === 'string' ? encoder.encode(stdin) : stdin),
    writeFile(path, text) {
      writes.push([path, text])
      files.set(path, encoder.encode(text))
    },
    kind,
    listDirectory(path) {
      const prefix = `${trim(path)}/`
      const names = new Set<string>()
      for (const file of files.keys()) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0])
      return [...names].map((name): DirectoryEntry => ({ name, kind: kind(prefix + name), symlink: false }))
    },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  }
  return {
    io,
    writes,
    files,
    text: (path: string) => new TextDecoder().decode(files.get(path)),
    stdout: () => stdout,
    stderr: () => stderr,
  }
}
