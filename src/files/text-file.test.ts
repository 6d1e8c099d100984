import fc from 'fast-check'
import { expect, test } from 'vitest'
import { wellFormed } from '../share/labels'
import { baseNameOf, decodeFileBytes, encodeFileText, fileNameFor } from './text-file'

test('any UTF-8 file round-trips byte for byte, with or without a byte-order mark', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.boolean(), (text, withBom) => {
      const bytes = new TextEncoder().encode((withBom ? '\ufeff' : '') + text)
      const decoded = decodeFileBytes(bytes, 'f.cai')
      if (!decoded.ok) throw new Error(decoded.message)
      expect(encodeFileText(decoded.text, decoded.bom)).toEqual(bytes)
    }),
  )
})

test('the byte-order mark is not part of the text, and is written back', () => {
  const decoded = decodeFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x6a]), 'f.cai')
  expect(decoded).toEqual({ ok: true, text: 'j', bom: true })
  expect(encodeFileText('j', true)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf, 0x6a]))
})

test('a file that is not UTF-8 is refused, not silently changed', () => {
  const decoded = decodeFileBytes(new Uint8Array([0x6a, 0xff, 0x6f]), 'latin1.cai')
  expect(decoded).toEqual({ ok: false, message: expect.stringMatching(/^latin1\.cai is not UTF-8 text.*Nothing was changed/) })
})

test.each([
  ['orders.cai', 'orders.cai'],
  ['orders', 'orders.cai'],
  ['ORDERS.CAI', 'ORDERS.CAI'],
  ['../../etc/passwd', '_.._etc_passwd.cai'],
  ['<img src=x onerror=alert(1)>.cai', '_img src=x onerror=alert(1)_.cai'],
  ['  ..  ', 'untitled.cai'],
  ['', 'untitled.cai'],
  ['a\u0000b\nc', 'a_b_c.cai'],
])('a file name for %j is %j', (name, expected) => {
  expect(fileNameFor(name)).toBe(expected)
})

test('the base name of an export', () => {
  expect(baseNameOf('orders.cai')).toBe('orders')
  expect(baseNameOf('a/b')).toBe('a_b')
})

test('a long file name is clipped between characters, never inside an emoji', () => {
  // 119 letters, then an emoji whose second half would be unit 121.
  const name = fileNameFor(`${'a'.repeat(119)}😀${'b'.repeat(10)}`)
  expect(name).toBe(`${'a'.repeat(119)}.cai`)
  expect(name).toBe(wellFormed(name))
})
