/**
 * Strict UTF-8 decoding for the CLI: a file that is not UTF-8 is refused, with
 * the byte offset of its first bad sequence, rather than read with U+FFFD in
 * place of its bytes (which `format --write` would then write back). A
 * leading byte order mark is kept as U+FEFF, so the language reports it.
 */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export type Decoded = { ok: true; text: string } | { ok: false; offset: number }

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strict.decode(bytes) }
  } catch {
    return { ok: false, offset: firstInvalidUtf8Offset(bytes) }
  }
}

/**
 * The offset of the first byte of the first ill-formed sequence, or -1 when
 * `bytes` is well-formed UTF-8 (the WHATWG decoder's rules: no overlong
 * forms, no surrogates, nothing above U+10FFFF, no truncated sequence).
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]
    if (lead < 0x80) {
      i++
      continue
    }
    let continuation: number
    // The allowed range of the first continuation byte; later ones are 80..BF.
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) continuation = 1
    else if (lead >= 0xe0 && lead <= 0xef) {
      continuation = 2
      if (lead === 0xe0) low = 0xa0 // overlong
      if (lead === 0xed) high = 0x9f // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuation = 3
      if (lead === 0xf0) low = 0x90 // overlong
      if (lead === 0xf4) high = 0x8f // above U+10FFFF
    } else return i
    for (let k = 1; k <= continuation; k++) {
      const byte = bytes[i + k]
      if (byte === undefined || byte < low || byte > high) return i
      low = 0x80
      high = 0xbf
    }
    i += continuation + 1
  }
  return -1
}
