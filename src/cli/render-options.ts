/** What `diff` and `render` share: reading a file that must be .cai text, and the --theme option. */
import { FileError, UsageError } from './command'
import type { CliIO } from './io'
import { readSource } from './sources'

/** A file's text as strict UTF-8; a NUL character means a binary file, not .cai text. */
export function readCaiText(path: string, io: CliIO): string {
  const { name, text } = readSource(path, io)
  const nul = text.indexOf('\u0000')
  if (nul >= 0) throw new FileError(`${name} is not .cai text: it holds a NUL character (offset ${nul}), as binary files do`)
  return text
}

export function themeOption(value: string | undefined): 'light' | 'dark' {
  const theme = value ?? 'light'
  if (theme !== 'light' && theme !== 'dark') throw new UsageError(`'--theme' is light or dark, not '${theme}'`)
  return theme
}
