import type { CaiDocument, Span, TopItem } from '../model'

/**
 * Writes the result of an operation back into the file text, touching only
 * what changed: every top-level item of `after` that is the very same object
 * as in `before` keeps its bytes exactly as written (its own formatting, the
 * blank lines around it, its comments); only new or changed items are printed.
 *
 * An item's region runs from its first leading comment to its last trailing
 * comment. A new or changed item is handed to `printItem` without its span,
 * so that it prints the whole region: the item with all its leading and
 * trailing comments (blank lines before or after are ignored).
 *
 * - A changed item is printed over its old region; the gaps around it stay.
 * - A removed item goes with its region and the gap before it (after it, for
 *   the first item of the file).
 * - An added item goes after the item it follows in `after`, one blank line
 *   apart; before the first item if it follows none; at the end of the file
 *   when the file had no items.
 * - A reordered item is cut from its place and put at its new one, with its
 *   bytes as written; the fewest possible items are treated as moved.
 *
 * `before` must be the parse of `text` (so its items carry spans); if it
 * lacks spans, the whole document is printed instead. Files written with
 * CRLF line breaks keep them.
 */
export function applyToText(
  text: string,
  before: CaiDocument,
  after: CaiDocument,
  printItem: (item: TopItem) => string,
): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const separator = eol + eol
  const print = (item: TopItem) =>
    printItem({ ...item, span: undefined })
      .replace(/^(\r?\n)+/, '')
      .replace(/\s+$/, '')
      .replace(/\r?\n/g, eol)

  const regions = before.items.map(regionOf)
  if (regions.some((region) => region === undefined)) return printWhole(after, print, eol)
  const region = (index: number) => regions[index] as Span

  // Which items of `after` are items of `before`, by identity (an object listed twice counts once).
  const beforeIndex = new Map(before.items.map((item, index) => [item, index]))
  const kept: { afterIndex: number; beforeIndex: number }[] = []
  const seen = new Set<number>()
  after.items.forEach((item, afterIndex) => {
    const index = beforeIndex.get(item)
    if (index !== undefined && !seen.has(index)) {
      seen.add(index)
      kept.push({ afterIndex, beforeIndex: index })
    }
  })
  // Anchors stay where they are; everything else between two anchors is a slot to rewrite.
  const anchors = longestIncreasing(kept.map((entry) => entry.beforeIndex)).map((i) => kept[i])
  const anchorBefore = new Set(anchors.map((anchor) => anchor.beforeIndex))
  const anchorAfter = new Set(anchors.map((anchor) => anchor.afterIndex))

  const oldInSlot: number[][] = anchors.map(() => [])
  const newInSlot: TopItem[][] = anchors.map(() => [])
  oldInSlot.push([])
  newInSlot.push([])
  let slot = 0
  before.items.forEach((_, index) => (anchorBefore.has(index) ? slot++ : oldInSlot[slot].push(index)))
  slot = 0
  after.items.forEach((item, index) => (anchorAfter.has(index) ? slot++ : newInSlot[slot].push(item)))

  const render = (item: TopItem) => {
    const index = beforeIndex.get(item)
    return index === undefined ? print(item) : text.slice(region(index).start, region(index).end)
  }

  const edits: { start: number; end: number; text: string }[] = []
  const removed = new Set<number>()
  for (let s = 0; s < oldInSlot.length; s++) {
    const olds = oldInSlot[s]
    const news = newInSlot[s]
    const paired = Math.min(olds.length, news.length)
    for (let t = 0; t < paired; t++) {
      const { start, end } = region(olds[t])
      edits.push({ start, end, text: render(news[t]) })
    }
    for (const index of olds.slice(paired)) removed.add(index)
    const added = news.slice(paired).map(render)
    if (added.length === 0) continue
    if (paired > 0) {
      edits.push(insertion(region(olds[paired - 1]).end, separator + added.join(separator)))
    } else if (s > 0) {
      edits.push(insertion(region(anchors[s - 1].beforeIndex).end, separator + added.join(separator)))
    } else if (anchors.length > 0) {
      edits.push(insertion(region(anchors[0].beforeIndex).start, added.join(separator) + separator))
    } else {
      // The file had no items: append after whatever it holds (comments, blank lines).
      const end = text.trimEnd().length
      edits.push({ start: end, end: text.length, text: (end > 0 ? separator : '') + added.join(separator) + eol })
    }
  }
  edits.push(...removals(text, removed, regions as Span[]))

  edits.sort((a, b) => b.start - a.start || b.end - a.end)
  let result = text
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  return result
}

function insertion(at: number, text: string) {
  return { start: at, end: at, text }
}

/** The text an item stands on: from its first leading comment to its last trailing comment. */
function regionOf(item: TopItem): Span | undefined {
  if (!item.span) return undefined
  const first = item.leading[0]?.span
  const last = item.trailing[item.trailing.length - 1]?.span
  return { start: first ? first.start : item.span.start, end: last ? last.end : item.span.end }
}

/**
 * Deletions for removed items, run by run of consecutive ones: each run goes
 * with the gap before it; a run at the start of the file with the gap after.
 */
function removals(text: string, removed: ReadonlySet<number>, regions: Span[]) {
  const edits: { start: number; end: number; text: string }[] = []
  for (let first = 0; first < regions.length; first++) {
    if (!removed.has(first)) continue
    let last = first
    while (removed.has(last + 1)) last++
    if (first > 0) {
      edits.push({ start: regions[first - 1].end, end: regions[last].end, text: '' })
    } else if (last + 1 < regions.length) {
      edits.push({ start: regions[0].start, end: regions[last + 1].start, text: '' })
    } else {
      const end = regions[last].end
      edits.push({ start: regions[0].start, end: end + (text.slice(end).match(/^\s*/)?.[0].length ?? 0), text: '' })
    }
    first = last
  }
  return edits
}

/** Indices (into `values`) of a longest strictly increasing subsequence. */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [] // tails[k]: index of the smallest tail of an increasing run of length k + 1
  const previous: number[] = new Array(values.length).fill(-1)
  values.forEach((value, i) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]] < value) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1]
    tails[lo] = i
  })
  const result: number[] = []
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) result.push(i)
  return result.reverse()
}

function printWhole(doc: CaiDocument, print: (item: TopItem) => string, eol: string): string {
  const comments = doc.endComments.map((comment, i) => (i > 0 && comment.blankBefore ? eol : '') + comment.text).join(eol)
  const parts = [...doc.items.map(print), ...(comments ? [comments] : [])]
  return parts.length === 0 ? '' : parts.join(eol + eol) + eol
}
