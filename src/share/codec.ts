/**
 * Share links: a whole .cai text carried in the URL fragment (which browsers
 * never send to a server), compressed.
 *
 *   #cai=1&name=<name>&wf=<workflow>&view=1&run=<dry-run part>&z=<base64url(zlib(UTF-8 text))>
 *
 * `run` is optional (run-part.ts): the sender's runtime profile when it is
 * not CodeAI's default, and the dry-run scenarios. A link without it opens as
 * it always did; one whose `run` is refused still opens its document.
 * `z` comes last, so a link cut short loses (part of) the payload and is
 * caught by the zlib checksum. Decoding never trusts the link: the payload is
 * inflated in small steps with a hard output limit (a "zip bomb" is refused
 * after at most MAX_TEXT_BYTES, never inflated whole), the Adler-32 checksum
 * and the UTF-8 must be right, and every refusal says why.
 */
import { zlibSync } from 'fflate'
import { decodeBase64url, encodeBase64url } from './base64url'
import { inflateLimited, type Inflated } from './codec-inflate'
import { clipLabel } from './labels'
import { decodeRunPart, encodeRunPart } from './run-part'
import type { RuntimeProfile } from '../runtime/profile'

export const SHARE_FORMAT = '1'
/** The largest text a link may carry, as UTF-8 (and the most a link may inflate to). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024
/** Longer payloads are refused before decoding: no text within the limit compresses this badly. */
export const MAX_PAYLOAD_CHARS = 8_000_000
/** Links longer than this still work here, but some tools (chat, mail, trackers) cut them. */
export const LONG_LINK_CHARS = 8_000
/**
 * The longest link made, page address included. Firefox opens no URL over
 * 1,048,576 characters (`network.standard-url.max-length`; its parser takes
 * at most that less 4) and Chromium none over 2,097,152 (`kMaxURLChars`, 2 MB):
 * a link must stay under the smaller. The margin below it leaves room for the
 * page moving to a longer address.
 */
export const MAX_LINK_CHARS = 1_000_000
/** Longest name or workflow kept from a link. */
export const MAX_LABEL_CHARS = 200

export interface SharedDocument {
  text: string
  name: string
  /** The workflow shown when the link was made. */
  workflow?: string
  /** A picture-only link: no text pane, no editing. */
  viewOnly: boolean
  /** The sender's runtime profile, when it differs from CodeAI's defaults: for the view the link opens, never saved. */
  profile?: RuntimeProfile
  /** Dry-run scenario text by workflow name. */
  scenarios?: Record<string, string>
}

export type ShareRefusal =
  | 'truncated' // the link was cut short
  | 'corrupted' // the payload is not what an encoder makes
  | 'oversized' // the payload or its inflated text is over the limits
  | 'unsupported' // made by a newer format

export type DecodeResult =
  | { kind: 'none' } // not a share link: some other fragment, or none
  | {
      kind: 'document'
      document: SharedDocument
      /** Parts of the link refused while its document still opens (a malformed or absurd profile or scenario), as messages. */
      notices?: string[]
    }
  | { kind: 'refused'; reason: ShareRefusal; message: string }

/** Why no link was made: the text is over MAX_TEXT_BYTES, or the link would be over MAX_LINK_CHARS. */
export class ShareEncodeError extends Error {
  constructor(
    readonly reason: 'text-too-large' | 'link-too-long',
    message: string,
  ) {
    super(message)
  }
}

/** The fragment (with its `#`) carrying `document`. Throws ShareEncodeError for a text over MAX_TEXT_BYTES. */
export function encodeShareFragment(document: SharedDocument): string {
  const { bytes, utf16 } = textBytes(document.text)
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new ShareEncodeError(
      'text-too-large',
      `The document is ${megabytes(bytes.length)} MB; a share link carries at most ${megabytes(MAX_TEXT_BYTES)} MB.`,
    )
  }
  // Clipped and well-formed as the decoder would keep them: half a character would make encodeURIComponent throw.
  const params: string[] = [`cai=${SHARE_FORMAT}`, `name=${encodeURIComponent(clipLabel(document.name, MAX_LABEL_CHARS))}`]
  if (document.workflow) params.push(`wf=${encodeURIComponent(clipLabel(document.workflow, MAX_LABEL_CHARS))}`)
  if (document.viewOnly) params.push('view=1')
  if (utf16) params.push('enc=utf16')
  const run = encodeRunPart({ profile: document.profile, scenarios: document.scenarios })
  if (run) params.push(`run=${run}`)
  params.push(`z=${encodePayload(bytes)}`)
  return `#${params.join('&')}`
}

/**
 * The link to `pageAddress` (its own fragment dropped) carrying `document`.
 * Throws ShareEncodeError when the text is over MAX_TEXT_BYTES or the link
 * would be over MAX_LINK_CHARS, which browsers would not open.
 */
export function makeShareLink(pageAddress: string, document: SharedDocument): string {
  const link = `${pageAddress.split('#')[0]}${encodeShareFragment(document)}`
  if (link.length > MAX_LINK_CHARS) {
    throw new ShareEncodeError(
      'link-too-long',
      `Its link would be ${link.length.toLocaleString('en')} characters long, and browsers do not open links over ${MAX_LINK_CHARS.toLocaleString('en')} characters (Firefox stops at 1,048,576, Chromium at 2,097,152), so no link was made.`,
    )
  }
  return link
}

/** What a URL fragment (`location.hash`, with or without its `#`) holds. Never throws. */
export function decodeShareFragment(fragment: string): DecodeResult {
  const params = readParams(fragment.startsWith('#') ? fragment.slice(1) : fragment)
  if (params === 'malformed') return refused('corrupted', 'its text is not validly encoded')
  const version = params.get('cai')
  if (version === undefined) return { kind: 'none' }
  if (version !== SHARE_FORMAT) {
    return refused('unsupported', `it was made in a newer format (${clipLabel(version, 20)}) than this designer reads (${SHARE_FORMAT})`)
  }
  const inflated = decodePayload(params.get('z'))
  if (inflated.kind !== 'ok') return refused(inflated.kind, inflated.message)
  const utf16 = params.get('enc') === 'utf16'
  const text = utf16 ? utf16Text(inflated.bytes) : utf8Text(inflated.bytes)
  if (text === null) return refused('corrupted', 'its content is not valid text')
  const workflow = params.get('wf')
  const runValue = params.get('run')
  const run = runValue === undefined ? undefined : decodeRunPart(runValue)
  return {
    kind: 'document',
    document: {
      text,
      name: clipLabel(params.get('name') || 'shared.cai', MAX_LABEL_CHARS),
      ...(workflow ? { workflow: clipLabel(workflow, MAX_LABEL_CHARS) } : {}),
      viewOnly: params.get('view') === '1',
      ...(run?.run.profile ? { profile: run.run.profile } : {}),
      ...(run?.run.scenarios ? { scenarios: run.run.scenarios } : {}),
    },
    ...(run && run.refusals.length > 0 ? { notices: run.refusals } : {}),
  }
}

/** The `z` payload of a link: base64url of zlib-compressed bytes (shared by share and review links). */
export function encodePayload(bytes: Uint8Array): string {
  return encodeBase64url(zlibSync(bytes, { level: 9 }))
}

/** The bytes of a link's `z` payload, or why it is refused (a sentence part: "it ..."). Never throws. */
export function decodePayload(payload: string | undefined): Inflated {
  if (payload === undefined || payload === '') return { kind: 'truncated', message: 'it ends before its content: it was probably cut short' }
  if (payload.length > MAX_PAYLOAD_CHARS) return { kind: 'oversized', message: `it is over ${MAX_PAYLOAD_CHARS.toLocaleString('en')} characters long` }
  if (/[^A-Za-z0-9_-]/.test(payload)) return { kind: 'corrupted', message: 'its content has characters a link of this designer never has' }
  const compressed = decodeBase64url(payload)
  // The one length no encoder makes: a link cut short.
  if (!compressed) return { kind: 'truncated', message: 'its content is cut short: the link was probably truncated' }
  return inflateLimited(compressed, MAX_TEXT_BYTES)
}

function refused(reason: ShareRefusal, why: string): DecodeResult {
  return { kind: 'refused', reason, message: `This share link cannot be opened: ${why}. Nothing was changed.` }
}

export function readParams(fragment: string): Map<string, string> | 'malformed' {
  const params = new Map<string, string>()
  for (const part of fragment.split('&')) {
    if (part === '') continue
    const equals = part.indexOf('=')
    const key = equals < 0 ? part : part.slice(0, equals)
    const raw = equals < 0 ? '' : part.slice(equals + 1)
    try {
      // The payload is base64url already; only the labels are percent-encoded.
      params.set(key, key === 'z' || key === 'run' ? raw : decodeURIComponent(raw))
    } catch {
      return 'malformed'
    }
  }
  return params
}

/**
 * UTF-8 carries every well-formed text byte for byte. A text with a lone
 * surrogate (which UTF-8 cannot carry) goes as UTF-16 instead, so the link
 * still gives back exactly what was shared.
 */
function textBytes(text: string): { bytes: Uint8Array; utf16: boolean } {
  const utf8 = new TextEncoder().encode(text)
  if (!hasLoneSurrogate(text)) return { bytes: utf8, utf16: false }
  const bytes = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    bytes[2 * i] = code & 0xff
    bytes[2 * i + 1] = code >> 8
  }
  return { bytes, utf16: true }
}

function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
}

export function utf8Text(bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: a leading U+FEFF is part of the text, kept.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function utf16Text(bytes: Uint8Array): string | null {
  if (bytes.length % 2 !== 0) return null
  const parts: string[] = []
  for (let at = 0; at < bytes.length; at += 16384) {
    const codes: number[] = []
    for (let i = at; i < Math.min(at + 16384, bytes.length); i += 2) codes.push(bytes[i] | (bytes[i + 1] << 8))
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')
