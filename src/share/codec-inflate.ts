/** zlib inflation with a hard output limit, for payloads from links (see codec.ts). */
import { Inflate } from 'fflate'

/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1032x, so one step makes ~1 MB at most. */
const INFLATE_STEP = 1024

export type Inflated = { kind: 'ok'; bytes: Uint8Array } | { kind: 'truncated' | 'corrupted' | 'oversized'; message: string }

/** zlib (RFC 1950) inflated step by step, refused as soon as the output passes `limit` bytes. */
export function inflateLimited(compressed: Uint8Array, limit: number): Inflated {
  if (compressed.length < 6) return { kind: 'truncated', message: 'its content is cut short' }
  const cmf = compressed[0]
  const flags = compressed[1]
  if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flags) % 31 !== 0 || flags & 0x20) {
    return { kind: 'corrupted', message: 'its content is not compressed the way share links are' }
  }
  const body = compressed.subarray(2, compressed.length - 4)
  const chunks: Uint8Array[] = []
  let size = 0
  let over = false
  const inflater = new Inflate((chunk) => {
    size += chunk.length
    if (size > limit) over = true
    else chunks.push(chunk)
  })
  try {
    for (let at = 0; at < body.length && !over; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, body.length)
      inflater.push(body.subarray(at, end), end === body.length)
    }
    // The last push says the stream must end here: one cut short throws "unexpected EOF".
    if (body.length === 0) inflater.push(new Uint8Array(0), true)
  } catch (error) {
    const eof = error instanceof Error && /unexpected EOF/i.test(error.message)
    return eof
      ? { kind: 'truncated', message: 'its content is cut short: the link was probably truncated' }
      : { kind: 'corrupted', message: 'its content is damaged' }
  }
  if (over) return { kind: 'oversized', message: `its text is over ${megabytes(limit)} MB` }
  const bytes = concat(chunks, size)
  const trailer = compressed.subarray(compressed.length - 4)
  const expected = ((trailer[0] << 24) | (trailer[1] << 16) | (trailer[2] << 8) | trailer[3]) >>> 0
  if (adler32(bytes) !== expected) return { kind: 'corrupted', message: 'its content is damaged (the checksum does not match)' }
  return { kind: 'ok', bytes }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}

export function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  // 5552 is the most bytes the sums can take before they must be reduced (zlib's NMAX).
  for (let at = 0; at < bytes.length; at += 5552) {
    const end = Math.min(at + 5552, bytes.length)
    for (let i = at; i < end; i++) {
      a += bytes[i]
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}


const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')
