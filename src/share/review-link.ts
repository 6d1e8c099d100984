/**
 * Review links: two versions of a .cai text, compared, carried in the URL
 * fragment like share links (never sent to a server), compressed together:
 *
 *   #review=1&name=<name>&z=<base64url(zlib(UTF-8 JSON))>
 *
 * The JSON is `{"before":TEXT,"after":TEXT,"beforeLabel":…,"afterLabel":…}`.
 * Both texts go in one zlib stream, so the second costs little more than its
 * differences from the first. JSON carries any string exactly (a lone
 * surrogate is written as an escape). Decoding trusts nothing: the share
 * codec's limits, checksum and UTF-8 checks, then the JSON's exact shape.
 */
import { decodePayload, encodePayload, MAX_LABEL_CHARS, MAX_LINK_CHARS, MAX_TEXT_BYTES, readParams, ShareEncodeError, utf8Text } from './codec'
import { clipLabel } from './labels'

export const REVIEW_FORMAT = '1'

export interface ReviewPair {
  before: string
  after: string
  /** Where each version came from, e.g. "with_workflows.cai (in the designer)". */
  beforeLabel: string
  afterLabel: string
  /** The document's name. */
  name: string
}

export type ReviewDecodeResult =
  | { kind: 'none' } // not a review link
  | { kind: 'review'; review: ReviewPair }
  | { kind: 'refused'; message: string }

/** The fragment (with its `#`) carrying `review`. Throws ShareEncodeError when the texts are over MAX_TEXT_BYTES. */
export function encodeReviewFragment(review: ReviewPair): string {
  const json = JSON.stringify({
    before: review.before,
    after: review.after,
    beforeLabel: clipLabel(review.beforeLabel, MAX_LABEL_CHARS),
    afterLabel: clipLabel(review.afterLabel, MAX_LABEL_CHARS),
  })
  const bytes = new TextEncoder().encode(json)
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new ShareEncodeError('text-too-large', `The two versions are over ${MAX_TEXT_BYTES / (1024 * 1024)} MB together, more than a review link carries.`)
  }
  return `#review=${REVIEW_FORMAT}&name=${encodeURIComponent(clipLabel(review.name, MAX_LABEL_CHARS))}&z=${encodePayload(bytes)}`
}

/** The link to `pageAddress` (its own fragment dropped) carrying `review`. Throws ShareEncodeError when too long for browsers. */
export function makeReviewLink(pageAddress: string, review: ReviewPair): string {
  const link = `${pageAddress.split('#')[0]}${encodeReviewFragment(review)}`
  if (link.length > MAX_LINK_CHARS) {
    throw new ShareEncodeError(
      'link-too-long',
      `Its link would be ${link.length.toLocaleString('en')} characters long, and browsers do not open links over ${MAX_LINK_CHARS.toLocaleString('en')} characters, so no link was made.`,
    )
  }
  return link
}

const refused = (why: string): ReviewDecodeResult => ({ kind: 'refused', message: `This review link cannot be opened: ${why}. Nothing was changed.` })

/** What a URL fragment (with or without its `#`) holds as a review link. Never throws. */
export function decodeReviewFragment(fragment: string): ReviewDecodeResult {
  const params = readParams(fragment.startsWith('#') ? fragment.slice(1) : fragment)
  if (params === 'malformed') return refusedIfReview(fragment)
  const version = params.get('review')
  if (version === undefined) return { kind: 'none' }
  if (version !== REVIEW_FORMAT) return refused(`it was made in a newer format (${clipLabel(version, 20)}) than this designer reads (${REVIEW_FORMAT})`)
  const inflated = decodePayload(params.get('z'))
  if (inflated.kind !== 'ok') return refused(inflated.message)
  const json = utf8Text(inflated.bytes)
  if (json === null) return refused('its content is not valid text')
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return refused('its content is not what a review link carries')
  }
  const pair = readPair(value)
  if (!pair) return refused('its content is not what a review link carries (two versions of a text)')
  return { kind: 'review', review: { ...pair, name: clipLabel(params.get('name') || 'review.cai', MAX_LABEL_CHARS) } }
}

/** A fragment whose parameters do not even decode: refused when it names itself a review link, else not ours. */
function refusedIfReview(fragment: string): ReviewDecodeResult {
  return /(^#?|&)review=/.test(fragment) ? refused('its text is not validly encoded') : { kind: 'none' }
}

function readPair(value: unknown): Omit<ReviewPair, 'name'> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const record = value as Record<string, unknown>
  const { before, after, beforeLabel, afterLabel } = record
  if (typeof before !== 'string' || typeof after !== 'string') return null
  if (Object.keys(record).some((key) => !['before', 'after', 'beforeLabel', 'afterLabel'].includes(key))) return null
  const label = (raw: unknown, fallback: string) => (typeof raw === 'string' && raw !== '' ? clipLabel(raw, MAX_LABEL_CHARS) : fallback)
  return { before, after, beforeLabel: label(beforeLabel, 'before'), afterLabel: label(afterLabel, 'after') }
}
