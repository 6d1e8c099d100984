/** A file to compare with: UTF-8 text of reasonable size, or a clear reason why not. Never throws. */

/** The most a compared file may hold (as much as a review link carries). */
export const MAX_COMPARED_BYTES = 5 * 1024 * 1024

export type ComparedFile = { ok: true; text: string } | { ok: false; message: string }

const tooLarge = (name: string): ComparedFile => ({ ok: false, message: `${name} is over 5 MB: too large to compare here. Nothing was changed.` })

export function decodeComparedBytes(bytes: Uint8Array, name: string): ComparedFile {
  if (bytes.length > MAX_COMPARED_BYTES) return tooLarge(name)
  // NUL never appears in text: a picture, an archive, a program.
  if (bytes.includes(0)) return { ok: false, message: `${name} is not a text file, so it cannot be compared as .cai text. Nothing was changed.` }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return { ok: false, message: `${name} is not UTF-8 text, so it cannot be compared as .cai text. Nothing was changed.` }
  }
  return { ok: true, text: text.startsWith('\ufeff') ? text.slice(1) : text }
}

export async function readComparedFile(file: File): Promise<ComparedFile> {
  if (file.size > MAX_COMPARED_BYTES) return tooLarge(file.name)
  try {
    return decodeComparedBytes(new Uint8Array(await file.arrayBuffer()), file.name)
  } catch (error) {
    return { ok: false, message: `${file.name} could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was changed.` }
  }
}
