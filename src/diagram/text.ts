/** A label fit for an edge or a node: at most `max` characters, with an ellipsis when cut (never inside a surrogate pair). */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  let end = max - 1
  // Do not split a surrogate pair: the half left would be a lone surrogate.
  if (end > 0 && isHighSurrogate(flat.charCodeAt(end - 1))) end--
  return `${flat.slice(0, end)}…`
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
