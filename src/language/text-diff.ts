import type { TextEdit } from '../language/model'

/** The longest run compared at once; halved down to one character around the first difference. */
const BLOCK = 64 * 1024

/**
 * The smallest single replacement that turns `before` into `after`: the text
 * between their common prefix and common suffix. Applying one small edit keeps
 * the editor's cursor, scroll position and undo history meaningful. Never
 * splits a UTF-16 surrogate pair. Returns null when the texts are equal.
 */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null
  const limit = Math.min(before.length, after.length)
  // Whole blocks first: comparing two slices runs in native code, so a keystroke in a 5 MB text costs a few
  // block comparisons rather than millions of character comparisons.
  let prefix = 0
  for (let block = BLOCK; prefix < limit; ) {
    const end = Math.min(prefix + block, limit)
    if (before.slice(prefix, end) === after.slice(prefix, end)) prefix = end
    else if (block > 1) block >>= 1
    else break
  }
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--

  let suffix = 0
  const suffixLimit = limit - prefix
  for (let block = BLOCK; suffix < suffixLimit; ) {
    const end = Math.min(suffix + block, suffixLimit)
    if (before.slice(before.length - end, before.length - suffix) === after.slice(after.length - end, after.length - suffix)) suffix = end
    else if (block > 1) block >>= 1
    else break
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
