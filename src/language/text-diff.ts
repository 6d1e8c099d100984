import type { TextEdit } from '../language/model'

/**
 * The smallest single replacement that turns `before` into `after`: the text
 * between their common prefix and common suffix. Applying one small edit keeps
 * the editor's cursor, scroll position and undo history meaningful. Never
 * splits a UTF-16 surrogate pair. Returns null when the texts are equal.
 */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null
  const limit = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--

  let suffix = 0
  const suffixLimit = limit - prefix
  while (
    suffix < suffixLimit &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--

  return {
    span: { start: prefix, end: before.length - suffix },
    newText: after.slice(prefix, after.length - suffix),
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
