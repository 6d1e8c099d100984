/**
 * The parse worker: parses and validates a (big) text off the main thread and
 * sends the result back in pieces (transfer.ts), so that receiving it never
 * blocks the page for long either.
 */
import { parse } from '../language/parse'
import { validate } from '../language/validate'
import type { ParseReply, ParseRequest, ParsedText } from './protocol'
import { splitTree } from './transfer'

/** The worker's global scope, typed for what it does here (the project's types are the page's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null
  postMessage(message: ParseReply): void
}

scope.onmessage = (event) => {
  const { id, text } = event.data
  const reply = (message: ParseReply) => scope.postMessage(message)
  try {
    const parsed = parse(text)
    // Merged and ordered exactly as the store's setText derives them.
    const diagnostics = [...parsed.diagnostics, ...validate(parsed.doc, text)].sort(
      (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
    )
    const result: ParsedText = { parsed, diagnostics }
    for (const piece of splitTree(result)) reply({ id, piece })
    reply({ id, done: true })
  } catch (error) {
    reply({ id, error: error instanceof Error ? error.message : String(error) })
  }
}
