/**
 * Building hover markdown from untrusted text (whatever the user wrote in the
 * file). Monaco renders hovers as markdown; user text must never become a link,
 * an image, HTML or formatting.
 */

/** Line breaks would let user text start a heading, a list or a new paragraph. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ')
}

/** Plain text: every ASCII punctuation character backslash-escaped (CommonMark allows all of them). */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\$&')
}

/**
 * Verbatim text in a code span: the fence is one backtick longer than the
 * longest run inside, and padded with a space each side (which the renderer
 * strips) so the content may itself begin or end with a backtick.
 */
export function codeSpan(text: string): string {
  const content = oneLine(text)
  if (content.trim() === '') return '*(empty)*'
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  return `${fence} ${content} ${fence}`
}
