/**
 * .cai files as bytes: read as UTF-8 exactly (a byte-order mark is noted and
 * written back, bytes that are not UTF-8 are refused rather than replaced), so
 * opening and saving a file gives back the same bytes.
 */
import { clipLabel } from '../share/labels'

const BOM = '\ufeff'

export type DecodedFile = { ok: true; text: string; bom: boolean } | { ok: false; message: string }

export function decodeFileBytes(bytes: Uint8Array, name: string): DecodedFile {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return { ok: false, message: `${name} is not UTF-8 text, so it cannot be opened as a .cai file. Nothing was changed.` }
  }
  return text.startsWith(BOM) ? { ok: true, text: text.slice(1), bom: true } : { ok: true, text, bom: false }
}

export function encodeFileText(text: string, bom: boolean): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(bom ? BOM + text : text)
}

/** A name to save under: the document's, without characters file systems refuse, ending in `.cai`. */
export function fileNameFor(name: string): string {
  const cleaned = clipLabel(
    name
      // Control characters and the ones Windows, macOS or Linux reserve.
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
      .replace(/^[\s.]+|[\s.]+$/g, ''),
    120,
  )
  const base = cleaned || 'untitled'
  return /\.cai$/i.test(base) ? base : `${base}.cai`
}

/** The file name without `.cai`, for exported pictures. */
export function baseNameOf(name: string): string {
  return fileNameFor(name).replace(/\.cai$/i, '')
}
