/**
 * The semantic diff of two versions of a .cai document: what was added,
 * removed, changed, moved and renamed, in meaning. Comments, blank lines,
 * spacing and the order of declarations carry no meaning: a version that
 * differs only in those is "no change in meaning", said as such. A
 * declaration with syntax errors in either version is "not comparable", with
 * its errors; everything else is still compared. Never throws.
 */
import type { CaiDocument, Comment, Diagnostic, Foreign, Job, ParseResult, Retry, TopItem, Trigger, Workflow } from '../language/model'
import { parse } from '../language/parse'
import { queueOf } from '../language/queues'
import { scheduleWords } from '../diagram/schedule'
import type { Change, DocumentDiff, FieldChange } from './changes'
import { definedOnly, stepChanges } from './steps'

export { RENAME_THRESHOLD, stepSimilarity } from './steps'

/** One version: its text, and its parse when the caller has it already. */
export interface Version {
  text: string
  parsed?: ParseResult
}

export interface DiffOptions {
  /** Next runs of changed schedules are counted from this moment (default: now). */
  now?: Date
}

/** How many next runs a changed schedule lists, for each version. */
const RUNS_LISTED = 3

export function diffDocuments(beforeIn: Version | string, afterIn: Version | string, options: DiffOptions = {}): DocumentDiff {
  const before = typeof beforeIn === 'string' ? { text: beforeIn } : beforeIn
  const after = typeof afterIn === 'string' ? { text: afterIn } : afterIn
  const old = before.parsed ?? parse(before.text)
  const now = after.parsed ?? parse(after.text)
  const context = { now: options.now ?? new Date(), beforeDiagnostics: old.diagnostics, afterDiagnostics: now.diagnostics }
  const oldItems = keyedItems(old.doc)
  const newItems = keyedItems(now.doc)

  const changes: Change[] = []
  // The after version's order, then what only the before version has, in its order.
  const keys = [...newItems.keys(), ...[...oldItems.keys()].filter((key) => !newItems.has(key))]
  for (const key of keys) changes.push(...itemChanges(oldItems.get(key), newItems.get(key), context))

  if (changes.length > 0) return { meaning: 'different', cosmetic: [], changes }
  const cosmetic: DocumentDiff['cosmetic'] = []
  if (!sameComments(old.doc, now.doc)) cosmetic.push('comments')
  if (before.text !== after.text && (cosmetic.length === 0 || withoutComments(before.text, old.doc) !== withoutComments(after.text, now.doc))) cosmetic.push('layout')
  return { meaning: 'same', cosmetic, changes }
}

interface Context {
  now: Date
  beforeDiagnostics: readonly Diagnostic[]
  afterDiagnostics: readonly Diagnostic[]
}

/**
 * Declarations by identity: `workflow:NAME`, `job:NAME` (a broken one under
 * the same key, so it is reported against its other version), `block:HEADING`
 * for other CodeAI blocks. A repeated key gets `#2`, `#3`...
 */
function keyedItems(doc: CaiDocument): Map<string, TopItem> {
  const items = new Map<string, TopItem>()
  const seen = new Map<string, number>()
  doc.items.forEach((item, index) => {
    let key: string
    if (item.kind === 'foreign') key = `block:${blockHeading(item)}`
    else if (item.kind === 'broken') key = item.name === undefined ? `broken:${index}` : `${item.declaration}:${item.name}`
    else key = `${item.kind}:${item.name}`
    const count = (seen.get(key) ?? 0) + 1
    seen.set(key, count)
    items.set(count === 1 ? key : `${key}#${count}`, item)
  })
  return items
}

/** A block's heading: its text up to the opening brace, on one line (`endpoint GET /orders/{id}`). */
export function blockHeading(block: Foreign): string {
  const brace = block.text.search(/\{\s*(?:\n|$)/)
  const head = brace > 0 ? block.text.slice(0, brace) : (block.text.split('\n')[0] ?? '')
  return head.replace(/\s+/g, ' ').trim() || block.keyword
}

function itemChanges(before: TopItem | undefined, after: TopItem | undefined, context: Context): Change[] {
  const brokenBefore = before?.kind === 'broken' ? before : undefined
  const brokenAfter = after?.kind === 'broken' ? after : undefined
  if (brokenBefore || brokenAfter) {
    const broken = brokenBefore && brokenAfter ? 'both' : brokenBefore ? 'before' : 'after'
    const declaration = (brokenAfter ?? brokenBefore)!.declaration
    const errors = [
      ...(brokenBefore ? syntaxErrors(brokenBefore, context.beforeDiagnostics, broken === 'both' ? 'before: ' : '') : []),
      ...(brokenAfter ? syntaxErrors(brokenAfter, context.afterDiagnostics, broken === 'both' ? 'after: ' : '') : []),
    ]
    return [{ kind: 'not-comparable', declaration, name: (brokenAfter ?? brokenBefore)!.name ?? '(unnamed)', broken, errors }]
  }
  if (before?.kind === 'workflow' || after?.kind === 'workflow') {
    const old = before as Workflow | undefined
    const now = after as Workflow | undefined
    if (!old) return [{ kind: 'workflow-added', workflow: now!.name }]
    if (!now) return [{ kind: 'workflow-removed', workflow: old.name }]
    return workflowChanges(old, now, context)
  }
  if (before?.kind === 'job' || after?.kind === 'job') {
    const old = before as Job | undefined
    const now = after as Job | undefined
    if (!old) return [{ kind: 'job-added', job: now!.name }]
    if (!now) return [{ kind: 'job-removed', job: old.name }]
    const fields = jobFieldChanges(old, now, context.now)
    return fields.length > 0 ? [{ kind: 'job-changed', job: now.name, fields }] : []
  }
  const old = before as Foreign | undefined
  const now = after as Foreign | undefined
  if (!old) return [{ kind: 'block-added', block: blockHeading(now!) }]
  if (!now) return [{ kind: 'block-removed', block: blockHeading(old) }]
  return normalisedBlock(old) === normalisedBlock(now) ? [] : [{ kind: 'block-changed', block: blockHeading(now) }]
}

/** Another CodeAI block's meaning, as far as the designer reads it: its text with spacing made uniform. */
const normalisedBlock = (block: Foreign) => block.text.replace(/\s+/g, ' ').trim()

function syntaxErrors(item: TopItem, diagnostics: readonly Diagnostic[], prefix: string): string[] {
  const span = item.span
  return diagnostics
    .filter((d) => d.severity === 'error' && (!span || (d.span.start >= span.start && d.span.end <= span.end)))
    .map((d) => `${prefix}line ${d.start.line}: ${d.message}`)
}

function workflowChanges(before: Workflow, after: Workflow, context: Context): Change[] {
  const fields: FieldChange[] = []
  const trigger = (t: Trigger) => (t.type === 'manual' ? 'manual' : `${t.type} "${t.value ?? ''}"`)
  if (trigger(before.trigger) !== trigger(after.trigger)) {
    const change: FieldChange = { field: 'trigger', before: trigger(before.trigger), after: trigger(after.trigger) }
    if (before.trigger.type === 'schedule') Object.assign(change, scheduleSide('before', before.trigger.value, context.now))
    if (after.trigger.type === 'schedule') Object.assign(change, scheduleSide('after', after.trigger.value, context.now))
    fields.push(change)
  }
  compareField(fields, 'timeout', before.timeout?.value, after.timeout?.value)
  fields.push(...retryChanges(before.retry, after.retry))
  const changes: Change[] = fields.length > 0 ? [{ kind: 'workflow-changed', workflow: after.name, fields }] : []
  return [...changes, ...stepChanges(after.name, before, after)]
}

function jobFieldChanges(before: Job, after: Job, now: Date): FieldChange[] {
  const fields: FieldChange[] = []
  const oldSchedule = before.schedule?.value
  const newSchedule = after.schedule?.value
  if (oldSchedule !== newSchedule) {
    fields.push({
      ...definedOnly({ field: 'schedule', before: oldSchedule, after: newSchedule }),
      ...scheduleSide('before', oldSchedule, now),
      ...scheduleSide('after', newSchedule, now),
    })
  }
  compareField(fields, 'task', before.task.value, after.task.value)
  // No queue is the default queue: the same meaning.
  compareField(fields, 'queue', queueOf(before), queueOf(after))
  fields.push(...retryChanges(before.retry, after.retry))
  return fields
}

function scheduleSide(side: 'before' | 'after', schedule: string | undefined, now: Date): Partial<FieldChange> {
  const { words, nextRuns } = scheduleWords(schedule, now, RUNS_LISTED)
  return side === 'before' ? { beforeWords: words, beforeRuns: nextRuns } : { afterWords: words, afterRuns: nextRuns }
}

function compareField(fields: FieldChange[], field: string, before: string | undefined, after: string | undefined): void {
  if (before !== after) fields.push(definedOnly({ field, before, after }))
}

function retryChanges(before: Retry | undefined, after: Retry | undefined): FieldChange[] {
  const fields: FieldChange[] = []
  if (!before && !after) return fields
  if (!before || !after) {
    fields.push(definedOnly({ field: 'retry', before: before ? 'a retry policy' : undefined, after: after ? 'a retry policy' : undefined }))
  }
  compareField(fields, 'retry.max_attempts', before?.maxAttempts?.raw, after?.maxAttempts?.raw)
  compareField(fields, 'retry.initial_interval', before?.initialInterval?.value, after?.initialInterval?.value)
  compareField(fields, 'retry.backoff_multiplier', before?.backoffMultiplier?.raw, after?.backoffMultiplier?.raw)
  return fields
}

/** Every comment of a document, in order: the same list means no comment was changed. */
function commentTexts(doc: CaiDocument): string[] {
  const texts: string[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child)
      return
    }
    if (!node || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if (typeof record.text === 'string' && (record.kind === 'line' || record.kind === 'block') && 'blankBefore' in record) {
      texts.push((record as unknown as Comment).text)
      return
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'span' && typeof value === 'object') walk(value)
  }
  walk(doc)
  // Comments inside other CodeAI blocks are part of their text.
  for (const item of doc.items) if (item.kind === 'foreign') texts.push(...(item.text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []))
  return texts
}

const sameComments = (a: CaiDocument, b: CaiDocument) => {
  const x = commentTexts(a)
  const y = commentTexts(b)
  return x.length === y.length && x.every((text, i) => text === y[i])
}

/** The text with every comment cut out: what is left differs only in layout, if at all. */
function withoutComments(text: string, doc: CaiDocument): string {
  const spans: Array<{ start: number; end: number }> = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if ((record.kind === 'line' || record.kind === 'block') && 'blankBefore' in record && record.span) {
      spans.push(record.span as { start: number; end: number })
      return
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'span' && typeof value === 'object') walk(value)
  }
  walk(doc)
  spans.sort((x, y) => x.start - y.start)
  let result = ''
  let at = 0
  for (const span of spans) {
    result += text.slice(at, span.start)
    at = Math.max(at, span.end)
  }
  return (result + text.slice(at)).replace(/\s+/g, ' ').trim()
}
