/**
 * Parsing big texts off the main thread: `parseInWorker(text)` resolves with
 * what the store's setText would derive, assembled from the worker's pieces
 * (each one a short main-thread task). One worker, started on first use (or
 * ahead of it: warmParseWorker) and kept; requests are answered in order.
 */
import type { ParseReply, ParsedText } from './protocol'
import { TreeAssembler } from './transfer'

interface Pending {
  assembler: TreeAssembler
  resolve(result: ParsedText): void
  reject(error: Error): void
}

let worker: Worker | null = null
let nextId = 0
const pending = new Map<number, Pending>()

function parseWorker(): Worker {
  if (worker) return worker
  worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'cai-parse' })
  worker.onmessage = (event: MessageEvent<ParseReply>) => {
    const reply = event.data
    const request = pending.get(reply.id)
    if (!request) return
    if ('piece' in reply) {
      request.assembler.apply(reply.piece)
    } else {
      pending.delete(reply.id)
      if ('error' in reply) request.reject(new Error(`the parser failed: ${reply.error}`))
      else request.resolve(request.assembler.value as ParsedText)
    }
  }
  worker.onerror = (event) => {
    event.preventDefault()
    const error = new Error(`the parse worker failed${event.message ? `: ${event.message}` : ''}`)
    for (const request of pending.values()) request.reject(error)
    pending.clear()
    worker?.terminate()
    worker = null
  }
  return worker
}

/**
 * Starts the worker before it is needed, once the page is idle: loading and
 * compiling its code took about a tenth of a second of opening a big file.
 */
export function warmParseWorker(): void {
  const start = () => {
    try {
      parseWorker()
    } catch {
      // No worker here: big texts are parsed on the main thread (load-text.ts).
    }
  }
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 5_000 })
  else setTimeout(start, 1_000)
}

export function parseInWorker(text: string): Promise<ParsedText> {
  return new Promise((resolve, reject) => {
    const id = ++nextId
    pending.set(id, { assembler: new TreeAssembler(), resolve, reject })
    try {
      parseWorker().postMessage({ id, text })
    } catch (error) {
      pending.delete(id)
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}
