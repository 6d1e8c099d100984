/**
 * Short labels (a document's name, a workflow's name) carried in links and
 * used in file names: clipped without ever splitting a character, and always
 * well-formed, so that encodeURIComponent (which throws "URI malformed" on a
 * lone surrogate) and file names never meet half a character.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** `text` with every lone surrogate (half a character) replaced by U+FFFD, the replacement character. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd')
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * At most `max` UTF-16 units of `text`, cut between user-perceived
 * characters (grapheme clusters): an emoji, a flag, a letter with its accents
 * stay whole or go whole.
 */
export function clipLabel(text: string, max: number): string {
  const whole = wellFormed(text)
  if (whole.length <= max) return whole
  let end = 0
  for (const { segment } of graphemes.segment(whole)) {
    if (end + segment.length > max) break
    end += segment.length
  }
  return whole.slice(0, end)
}
