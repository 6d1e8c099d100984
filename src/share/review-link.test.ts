import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { encodeBase64url } from './base64url'
import { encodePayload, encodeShareFragment, MAX_LINK_CHARS } from './codec'
import { decodeReviewFragment, encodeReviewFragment, makeReviewLink, type ReviewPair } from './review-link'

const ROOT = join(import.meta.dirname, '..', '..')
const EXAMPLE = readFileSync(join(ROOT, 'examples/09-workflows/with_workflows.cai'), 'utf8')
/** The example with a step renamed (references rewritten), one moved into a parallel block and one removed. */
const REVIEWED = readFileSync(join(ROOT, 'e2e/fixtures/with_workflows.reviewed.cai'), 'utf8')

const PAIR: ReviewPair = { before: EXAMPLE, after: REVIEWED, beforeLabel: 'main', afterLabel: 'pull request 12', name: 'with_workflows.cai' }

function decoded(fragment: string): ReviewPair {
  const result = decodeReviewFragment(fragment)
  if (result.kind !== 'review') throw new Error(`not decoded: ${JSON.stringify(result)}`)
  return result.review
}

const payloadOf = (text: string) => encodePayload(new TextEncoder().encode(text))

describe('review links', () => {
  test('round-trip both texts exactly, with their labels and name', () => {
    expect(decoded(encodeReviewFragment(PAIR))).toEqual(PAIR)
  })

  test('round-trip any two texts, lone surrogates and all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ maxLength: 30 }), (before, after, label) => {
        const back = decoded(encodeReviewFragment({ before, after, beforeLabel: `a${label}`, afterLabel: 'b', name: 'x.cai' }))
        expect(back.before).toBe(before)
        expect(back.after).toBe(after)
      }),
      { numRuns: 200 },
    )
  })

  test('stay short for the bundled example with a realistic change: the second text costs little', () => {
    const link = makeReviewLink('https://example.github.io/cai-designer/', PAIR)
    const single = encodeShareFragment({ text: EXAMPLE, name: 'with_workflows.cai', viewOnly: false })
    // Reported in the README (Review): about 2,800 characters, well under what any browser or tool accepts.
    expect(link.length).toBeLessThan(3_000)
    expect(link.length).toBeLessThan(single.length * 1.25)
    expect(link.length).toBeLessThan(MAX_LINK_CHARS)
  })

  test('are not share links, and share links are not review links', () => {
    expect(decodeReviewFragment(encodeShareFragment({ text: EXAMPLE, name: 'a.cai', viewOnly: false })).kind).toBe('none')
    expect(decodeReviewFragment('')).toEqual({ kind: 'none' })
    expect(decodeReviewFragment('#section-2')).toEqual({ kind: 'none' })
  })

  const refusals: Array<[string, string, RegExp]> = [
    ['no content', '#review=1&name=a.cai', /cut short/],
    ['an empty content', '#review=1&name=a.cai&z=', /cut short/],
    ['characters no encoder writes', '#review=1&name=a.cai&z=abc$def', /characters/],
    ['a newer format', `#review=2&name=a.cai&z=${payloadOf('{}')}`, /newer format/],
    ['a content cut short', encodeReviewFragment(PAIR).slice(0, -40), /cut short|truncated|damaged/],
    ['a damaged content', encodeReviewFragment(PAIR).replace(/z=(.{20})./, 'z=$1A'), /damaged|not compressed|cut short/],
    ['bytes that are not compressed', `#review=1&z=${encodeBase64url(new TextEncoder().encode('hello, this is plain text'))}`, /not compressed/],
    ['content that is not JSON', `#review=1&z=${payloadOf('workflow w {}')}`, /not what a review link carries/],
    ['JSON of another shape', `#review=1&z=${payloadOf('["a","b"]')}`, /two versions/],
    ['a missing version', `#review=1&z=${payloadOf('{"before":"a"}')}`, /two versions/],
    ['a version that is not text', `#review=1&z=${payloadOf('{"before":"a","after":3}')}`, /two versions/],
    ['unknown fields', `#review=1&z=${payloadOf('{"before":"a","after":"b","script":"x"}')}`, /two versions/],
    ['bytes that are not UTF-8', `#review=1&z=${encodePayload(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))}`, /not valid text/],
    ['a badly escaped name', '#review=1&name=%E0%A4%A&z=abc', /not validly encoded/],
  ]

  test.each(refusals)('refuse %s with a clear message, never throwing', (_what, fragment, reason) => {
    const result = decodeReviewFragment(fragment)
    expect(result.kind).toBe('refused')
    if (result.kind !== 'refused') return
    expect(result.message).toMatch(/^This review link cannot be opened: /)
    expect(result.message).toMatch(reason)
    expect(result.message).toMatch(/Nothing was changed\.$/)
  })

  test('never throw on any fragment', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const result = decodeReviewFragment(`#review=1&z=${tail}`)
        expect(['review', 'refused']).toContain(result.kind)
      }),
      { numRuns: 300 },
    )
  })

  test('clip long labels and names', () => {
    const back = decoded(encodeReviewFragment({ ...PAIR, name: 'n'.repeat(500), beforeLabel: 'b'.repeat(500) }))
    expect(back.name.length).toBe(200)
    expect(back.beforeLabel.length).toBe(200)
  })
})
