import { describe, expect, test } from 'vitest'
import { decodeComparedBytes, MAX_COMPARED_BYTES } from './read-file'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('a file to compare with', () => {
  test('is read as UTF-8 text, without its byte-order mark', () => {
    expect(decodeComparedBytes(bytes('workflow w {}\n'), 'a.cai')).toEqual({ ok: true, text: 'workflow w {}\n' })
    expect(decodeComparedBytes(bytes('\ufeffworkflow é {}'), 'a.cai')).toEqual({ ok: true, text: 'workflow é {}' })
  })

  test('is refused, saying why, when it is not text or too large', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect(decodeComparedBytes(png, 'logo.png')).toEqual({ ok: false, message: expect.stringMatching(/^logo\.png is not a text file.*Nothing was changed\.$/) })
    expect(decodeComparedBytes(new Uint8Array([0x77, 0xff, 0xfe]), 'latin.cai')).toEqual({ ok: false, message: expect.stringMatching(/not UTF-8 text/) })
    expect(decodeComparedBytes(new Uint8Array(MAX_COMPARED_BYTES + 1).fill(0x61), 'big.cai')).toEqual({ ok: false, message: expect.stringMatching(/over 5 MB/) })
  })
})
