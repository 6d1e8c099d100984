import { describe, expect, test, vi } from 'vitest'
import fc from 'fast-check'
import { deflateSync as nodeZlib } from 'node:zlib'
import { deflateSync, Inflate, zlibSync } from 'fflate'
import { decodeBase64url, encodeBase64url } from './base64url'
import { clipLabel, wellFormed } from './labels'
import { adler32, inflateLimited } from './codec-inflate'
import {
  decodeShareFragment,
  encodeShareFragment,
  makeShareLink,
  MAX_LABEL_CHARS,
  MAX_LINK_CHARS,
  MAX_PAYLOAD_CHARS,
  MAX_TEXT_BYTES,
  ShareEncodeError,
  type SharedDocument,
} from './codec'

const SAMPLE = 'workflow w {\n\ttrigger manual\n\tsteps {\n\t\ta {\n\t\t\tactivity "x.y"\n\t\t}\n\t}\n}\n'

function roundTrip(document: SharedDocument) {
  const result = decodeShareFragment(encodeShareFragment(document))
  if (result.kind !== 'document') throw new Error(`not decoded: ${JSON.stringify(result)}`)
  return result.document
}

function fragmentWithPayload(bytes: Uint8Array) {
  return `#cai=1&name=x.cai&z=${encodeBase64url(bytes)}`
}

describe('base64url', () => {
  test('round-trips any bytes and uses only URL-safe characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64url(bytes)
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
        expect(decodeBase64url(text)).toEqual(bytes)
      }),
    )
  })

  test('matches the standard encoding', () => {
    expect(encodeBase64url(new TextEncoder().encode('any carnal pleas'))).toBe('YW55IGNhcm5hbCBwbGVhcw')
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8')
  })

  test('refuses characters and lengths no encoder makes', () => {
    expect(decodeBase64url('YW5+')).toBeNull()
    expect(decodeBase64url('YW5=')).toBeNull()
    expect(decodeBase64url('Y')).toBeNull()
    expect(decodeBase64url('é')).toBeNull()
  })
})

describe('share links', () => {
  test('round-trip the text byte for byte, with its name, workflow and view flag', () => {
    const document = { text: SAMPLE, name: 'orders.cai', workflow: 'w', viewOnly: true }
    expect(roundTrip(document)).toEqual(document)
    expect(roundTrip({ text: SAMPLE, name: 'a.cai', viewOnly: false })).toEqual({ text: SAMPLE, name: 'a.cai', viewOnly: false })
  })

  test('round-trip non-ASCII text, CRLF, a BOM, tabs and trailing spaces exactly', () => {
    const text = '\ufeff// Überprüfung 日本語 😀 ✓\r\nworkflow w { // ünïcödé  \t\r\n}\r\n  '
    expect(roundTrip({ text, name: 'ünï 😀.cai', viewOnly: false }).text).toBe(text)
  })

  test('round-trip a text with a lone surrogate (which UTF-8 cannot carry)', () => {
    const text = 'job a { task "\ud83d" }'
    expect(roundTrip({ text, name: 'x.cai', viewOnly: false }).text).toBe(text)
  })

  test('round-trip any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 30 }), (text, name) => {
        const decoded = roundTrip({ text, name: name || 'n', viewOnly: false })
        expect(decoded.text).toBe(text)
        expect(decoded.name).toBe(name || 'n')
      }),
      { numRuns: 200 },
    )
  })

  test('carry a 1 MB document, compressed', () => {
    let text = ''
    for (let i = 0; text.length < 1024 * 1024; i++) text += `workflow w_${i} {\n\ttrigger event "e.${i * 7919}"\n\tsteps {\n\t\ts {\n\t\t\tactivity "a.${i}"\n\t\t}\n\t}\n}\n\n`
    const fragment = encodeShareFragment({ text, name: 'big.cai', viewOnly: false })
    expect(fragment.length).toBeLessThan(text.length / 4)
    expect(roundTrip({ text, name: 'big.cai', viewOnly: false }).text).toBe(text)
  })

  test('put the payload last, so a cut link loses payload rather than flags', () => {
    const fragment = encodeShareFragment({ text: SAMPLE, name: 'n', workflow: 'w', viewOnly: true })
    expect(fragment).toMatch(/^#cai=1&name=n&wf=w&view=1&z=[A-Za-z0-9_-]+$/)
  })

  test('encode names so they cannot break out of their parameter', () => {
    const name = 'a&z=AAAA&view=1#x%.cai'
    const document = roundTrip({ text: SAMPLE, name, viewOnly: false })
    expect(document).toEqual({ text: SAMPLE, name, viewOnly: false })
  })

  test('refuse to make a link for a text over the limit', () => {
    expect(() => encodeShareFragment({ text: 'a'.repeat(MAX_TEXT_BYTES + 1), name: 'n', viewOnly: false })).toThrow(ShareEncodeError)
  })
})

describe('names clipped inside a character (issue 14.2)', () => {
  // 199 letters, then an emoji: a clip at 200 UTF-16 units would keep only its first half.
  const split = `${'a'.repeat(MAX_LABEL_CHARS - 1)}😀.cai`

  test('a long name in a link is clipped before the emoji, not through it', () => {
    const fragment = `#cai=1&name=${encodeURIComponent(split)}&z=${encodeBase64url(zlibSync(new TextEncoder().encode(SAMPLE)))}`
    const result = decodeShareFragment(fragment)
    expect(result.kind).toBe('document')
    if (result.kind !== 'document') return
    expect(result.document.name).toBe('a'.repeat(MAX_LABEL_CHARS - 1))
    expect(wellFormed(result.document.name)).toBe(result.document.name)
    // And the clipped name makes a link again.
    expect(() => encodeShareFragment({ ...result.document, text: SAMPLE })).not.toThrow()
  })

  test('a name with half a character still makes a link, with the half replaced', () => {
    const document = roundTrip({ text: SAMPLE, name: 'broken \ud83d.cai', workflow: 'w\udc00', viewOnly: false })
    expect(document.name).toBe('broken \ufffd.cai')
    expect(document.workflow).toBe('w\ufffd')
  })

  test('clipping keeps whole graphemes: flags, family emoji, accents', () => {
    expect(clipLabel('ab🇫🇷', 3)).toBe('ab')
    expect(clipLabel('ab🇫🇷', 6)).toBe('ab🇫🇷')
    expect(clipLabel('x👩‍👩‍👧', 5)).toBe('x')
    expect(clipLabel('e\u0301e\u0301', 3)).toBe('e\u0301')
    expect(wellFormed('\udc00a\ud800')).toBe('\ufffda\ufffd')
  })

  test('any name, however long or broken, makes a link and comes back well-formed and within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 260 }), (name) => {
        const decoded = roundTrip({ text: SAMPLE, name: name || 'n', viewOnly: false })
        expect(wellFormed(decoded.name)).toBe(decoded.name)
        expect(decoded.name.length).toBeLessThanOrEqual(MAX_LABEL_CHARS)
        if (wellFormed(name) === name && name.length <= MAX_LABEL_CHARS) expect(decoded.name).toBe(name || 'n')
      }),
      { numRuns: 300 },
    )
  })
})

describe('links the browser cannot open (issue 14.3)', () => {
  /** Text deflate cannot shrink: each character a random pick of 64 (6 bits of entropy per 8-bit byte). */
  function incompressible(chars: number): string {
    let seed = 12345
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const out: string[] = []
    for (let i = 0; i < chars; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      out.push(alphabet[seed >>> 26])
    }
    return `// ${out.join('')}\n`
  }

  test('stay under what Firefox (1,048,576) and Chromium (2,097,152) open', () => {
    expect(MAX_LINK_CHARS).toBeLessThan(1_048_576)
  })

  test('a document whose link would be too long gets no link, and the reason', () => {
    const text = incompressible(1_000_000)
    let error: unknown
    try {
      makeShareLink('https://example.com/cai/#old', { text, name: 'big.cai', viewOnly: false })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ShareEncodeError)
    expect((error as ShareEncodeError).reason).toBe('link-too-long')
    expect((error as ShareEncodeError).message).toMatch(/browsers do not open links over 1,000,000 characters/)
  })

  test('a document whose link fits gets it, with the page address and without its old fragment', () => {
    const text = incompressible(600_000)
    const link = makeShareLink('https://example.com/cai/#old', { text, name: 'big.cai', viewOnly: false })
    expect(link.length).toBeLessThanOrEqual(MAX_LINK_CHARS)
    expect(link.startsWith('https://example.com/cai/#cai=1&')).toBe(true)
    expect(decodeShareFragment(new URL(link).hash)).toMatchObject({ kind: 'document', document: { text } })
  })

  test('a text over 5 MB says so', () => {
    expect(() => makeShareLink('https://example.com/', { text: 'a'.repeat(MAX_TEXT_BYTES + 1), name: 'n', viewOnly: false })).toThrow(
      expect.objectContaining({ reason: 'text-too-large' }),
    )
  })
})

describe('decoding refuses damaged and hostile links', () => {
  const good = encodeShareFragment({ text: SAMPLE.repeat(20), name: 'n.cai', viewOnly: false })

  test('ignores fragments that are not share links', () => {
    expect(decodeShareFragment('')).toEqual({ kind: 'none' })
    expect(decodeShareFragment('#section-2')).toEqual({ kind: 'none' })
    expect(decodeShareFragment('#view=1&z=abc')).toEqual({ kind: 'none' })
  })

  test.each([1, 5, 10, 40, 100])('a link cut %i characters short', (cut) => {
    const result = decodeShareFragment(good.slice(0, good.length - cut))
    expect(result).toMatchObject({ kind: 'refused' })
    if (result.kind === 'refused') {
      expect(['truncated', 'corrupted']).toContain(result.reason)
      expect(result.message).toMatch(/Nothing was changed/)
    }
  })

  test('every cut of a link is refused, never opened as another text', () => {
    for (let end = 0; end < good.length; end += 3) {
      expect(decodeShareFragment(good.slice(0, end)).kind).not.toBe('document')
    }
  })

  test('a link cut to a length no encoder makes says it was cut short', () => {
    const cut = good.slice(0, good.length - ((good.length - good.indexOf('z=') - 2) % 4) - 3)
    expect((cut.length - cut.indexOf('z=') - 2) % 4).toBe(1)
    expect(decodeShareFragment(cut)).toMatchObject({ kind: 'refused', reason: 'truncated' })
  })

  test('a link cut before its payload says it was cut short', () => {
    expect(decodeShareFragment('#cai=1&name=n.cai&wf=w')).toMatchObject({ kind: 'refused', reason: 'truncated' })
  })

  test('a payload with a changed character', () => {
    const at = good.indexOf('z=') + 20
    const flipped = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1)
    expect(decodeShareFragment(flipped)).toMatchObject({ kind: 'refused', reason: 'corrupted' })
  })

  test('any single changed payload character is refused', () => {
    const start = good.indexOf('z=') + 2
    fc.assert(
      fc.property(fc.integer({ min: start, max: good.length - 1 }), fc.constantFrom(...'AQgw09-_x'), (at, char) => {
        fc.pre(good[at] !== char)
        expect(decodeShareFragment(good.slice(0, at) + char + good.slice(at + 1)).kind).toBe('refused')
      }),
      { numRuns: 300 },
    )
  })

  test('characters that are not base64url, and bad percent-encoding', () => {
    expect(decodeShareFragment('#cai=1&z=ab<script>')).toMatchObject({ kind: 'refused', reason: 'corrupted' })
    expect(decodeShareFragment('#cai=1&name=%E0%A4%A&z=AAAA')).toMatchObject({ kind: 'refused', reason: 'corrupted' })
  })

  test('raw deflate without the zlib wrapper and checksum', () => {
    const raw = deflateSync(new TextEncoder().encode(SAMPLE))
    expect(decodeShareFragment(fragmentWithPayload(raw))).toMatchObject({ kind: 'refused', reason: 'corrupted' })
  })

  test('bytes that are not valid UTF-8', () => {
    const bytes = zlibSync(new Uint8Array([0x77, 0xff, 0xfe, 0x80]))
    expect(decodeShareFragment(fragmentWithPayload(bytes))).toMatchObject({ kind: 'refused', reason: 'corrupted' })
  })

  test('a newer format', () => {
    expect(decodeShareFragment(good.replace('cai=1', 'cai=2'))).toMatchObject({ kind: 'refused', reason: 'unsupported' })
  })

  test('a payload longer than any real one, before decoding it', () => {
    expect(decodeShareFragment(`#cai=1&z=${'A'.repeat(MAX_PAYLOAD_CHARS + 4)}`)).toMatchObject({ kind: 'refused', reason: 'oversized' })
  })

  test('a small link that inflates past 5 MB (a "zip bomb")', () => {
    const bomb = zlibSync(new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x61), { level: 9 })
    const fragment = fragmentWithPayload(bomb)
    expect(fragment.length).toBeLessThan(15_000)
    expect(decodeShareFragment(fragment)).toMatchObject({ kind: 'refused', reason: 'oversized' })
  })

  test('exactly 5 MB is still carried', () => {
    const text = 'a'.repeat(MAX_TEXT_BYTES)
    expect(roundTrip({ text, name: 'n', viewOnly: false }).text.length).toBe(MAX_TEXT_BYTES)
  })

  test('stops inflating a bomb early instead of inflating it whole', () => {
    // Node's native zlib makes the 200 MB bomb quickly; fflate would take seconds.
    const bomb = new Uint8Array(nodeZlib(new Uint8Array(200 * 1024 * 1024), { level: 9 }))
    const push = vi.spyOn(Inflate.prototype, 'push')
    try {
      expect(inflateLimited(bomb, MAX_TEXT_BYTES)).toMatchObject({ kind: 'oversized' })
      const fed = push.mock.calls.reduce((sum, [chunk]) => sum + chunk.length, 0)
      expect(fed).toBeGreaterThan(0)
      expect(fed).toBeLessThan(bomb.length / 10)
    } finally {
      push.mockRestore()
    }
  }, 60_000) // Making the 200 MB bomb is the slow part, slower still on a busy machine.
})

test('adler32 matches the reference values', () => {
  expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398)
  expect(adler32(new Uint8Array(0))).toBe(1)
  const big = new Uint8Array(100_000).map((_, i) => (i * 31) & 255)
  expect(adler32(big)).toBe(adler32Reference(big))
})

function adler32Reference(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}
