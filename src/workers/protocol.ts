/** Messages between the page and the parse worker. */
import type { Diagnostic, ParseResult } from '../language/model'
import type { Piece } from './transfer'

export interface ParseRequest {
  id: number
  text: string
}

export type ParseReply =
  | { id: number; piece: Piece }
  | { id: number; done: true }
  | { id: number; error: string }

/** What the worker sends, in pieces: the store's derived state for a text. */
export interface ParsedText {
  parsed: ParseResult
  /** Syntax and validation diagnostics, in text order (as the store derives them). */
  diagnostics: Diagnostic[]
}
