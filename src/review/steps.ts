/**
 * The steps of two versions of a workflow, matched: by name, then renamed
 * steps by similarity; then what changed in each matched pair (fields, place
 * in the flow), and what was added and removed.
 */
import { editDistance } from '../language/edit-distance'
import type { Step, Workflow } from '../language/model'
import { renameStepReferences, stepReferences } from '../language/references'
import type { Change, FieldChange, Place } from './changes'

/**
 * A removed and an added step are one renamed step when they have the same
 * activity and the same inputs, or when their similarity reaches this:
 * 0.4 for the same activity, 0.3 times the share of input mappings in common
 * (key and value, references to renamed steps followed), 0.1 for the same
 * condition, 0.2 times the likeness of the names (1 - edit distance / longer
 * length). So a step keeping its activity and most of its inputs under a
 * related name is a rename; a step with a new activity needs nearly
 * everything else alike.
 */
export const RENAME_THRESHOLD = 0.75

interface PlacedStep {
  /** Its name, or `name~2`... for a duplicated name (an error of its own). */
  key: string
  step: Step
  place: Place
  /** The parallel block holding it: its entry index, from 0. */
  block?: number
}

function placedSteps(workflow: Workflow): PlacedStep[] {
  const placed: PlacedStep[] = []
  const seen = new Map<string, number>()
  const keyOf = (name: string) => {
    const count = (seen.get(name) ?? 0) + 1
    seen.set(name, count)
    return count === 1 ? name : `${name}~${count}`
  }
  workflow.steps.items.forEach((entry, index) => {
    if (entry.kind === 'step') placed.push({ key: keyOf(entry.name), step: entry, place: { entry: index + 1 } })
    else entry.branches.forEach((step, b) => placed.push({ key: keyOf(step.name), step, place: { entry: index + 1, branch: b + 1 }, block: index }))
  })
  return placed
}

/** A value with every `steps.OLD` reference of a renamed step rewritten to its new name. */
function followRenames(value: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return value
  let result = value
  for (const reference of new Set(stepReferences(value).map((r) => r.step))) {
    const to = renames.get(reference)
    if (to !== undefined) result = renameStepReferences(result, reference, to).value
  }
  return result
}

const inputPairs = (step: Step, renames: ReadonlyMap<string, string>) =>
  (step.input?.entries ?? []).map((entry) => `${entry.key}=${followRenames(entry.value, renames)}`)

function sameInputs(a: Step, b: Step, renames: ReadonlyMap<string, string>): boolean {
  const x = inputPairs(a, renames).sort()
  const y = inputPairs(b, renames).sort()
  return x.length === y.length && x.every((pair, i) => pair === y[i])
}

/** How alike a removed step and an added one are, 0 to 1 (see RENAME_THRESHOLD). */
export function stepSimilarity(before: Step, after: Step): number {
  const renames = new Map([[before.name, after.name]])
  const x = new Set(inputPairs(before, renames))
  const y = new Set(inputPairs(after, renames))
  const union = new Set([...x, ...y]).size
  const common = [...x].filter((pair) => y.has(pair)).length
  const inputs = union === 0 ? 1 : common / union
  const condition = followRenames(before.condition?.value ?? '', renames) === (after.condition?.value ?? '') ? 1 : 0
  const activity = before.activity?.value === after.activity?.value ? 1 : 0
  const longer = Math.max(before.name.length, after.name.length)
  const name = longer === 0 ? 1 : 1 - editDistance(before.name, after.name) / longer
  return Math.round((0.4 * activity + 0.3 * inputs + 0.1 * condition + 0.2 * name) * 1000) / 1000
}

const countReferences = (steps: readonly PlacedStep[], name: string, skip: string) =>
  steps.reduce((total, { step }) => {
    if (step.name === skip) return total
    const values = [...(step.input?.entries.map((entry) => entry.value) ?? []), step.condition?.value ?? '']
    return total + values.reduce((n, value) => n + stepReferences(value).filter((r) => r.step === name).length, 0)
  }, 0)

interface Pair {
  before: PlacedStep
  after: PlacedStep
}

/** The changes between two versions of one workflow's steps, in a stable order. */
export function stepChanges(workflowName: string, before: Workflow, after: Workflow): Change[] {
  const old = placedSteps(before)
  const now = placedSteps(after)
  const oldByKey = new Map(old.map((s) => [s.key, s]))
  const nowByKey = new Map(now.map((s) => [s.key, s]))
  const pairs: Pair[] = []
  for (const s of now) {
    const match = oldByKey.get(s.key)
    if (match) pairs.push({ before: match, after: s })
  }
  const removed = old.filter((s) => !nowByKey.has(s.key))
  const added = now.filter((s) => !oldByKey.has(s.key))

  // Renames: the most alike candidates first; ties by names, so the result never depends on iteration order.
  const candidates: Array<{ before: PlacedStep; after: PlacedStep; score: number }> = []
  for (const r of removed) {
    for (const a of added) {
      const score = stepSimilarity(r.step, a.step)
      const alike = r.step.activity?.value === a.step.activity?.value && sameInputs(r.step, a.step, new Map([[r.step.name, a.step.name]]))
      if (alike || score >= RENAME_THRESHOLD) candidates.push({ before: r, after: a, score: alike ? Math.max(score, RENAME_THRESHOLD) : score })
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.before.key.localeCompare(y.before.key) || x.after.key.localeCompare(y.after.key))
  const renamedFrom = new Set<PlacedStep>()
  const renamedTo = new Set<PlacedStep>()
  const renames = new Map<string, string>()
  const changes: Array<{ change: Change; place: Place; rank: number }> = []
  for (const candidate of candidates) {
    if (renamedFrom.has(candidate.before) || renamedTo.has(candidate.after)) continue
    renamedFrom.add(candidate.before)
    renamedTo.add(candidate.after)
    renames.set(candidate.before.step.name, candidate.after.step.name)
    pairs.push({ before: candidate.before, after: candidate.after })
    const references = Math.min(countReferences(old, candidate.before.step.name, candidate.before.step.name), countReferences(now, candidate.after.step.name, candidate.after.step.name))
    changes.push({
      change: { kind: 'step-renamed', workflow: workflowName, from: candidate.before.step.name, to: candidate.after.step.name, similarity: candidate.score, references },
      place: candidate.after.place,
      rank: 0,
    })
  }

  const moved = movedSteps(pairs)
  for (const pair of pairs) {
    if (moved.has(pair)) {
      changes.push({
        change: { kind: 'step-moved', workflow: workflowName, step: pair.after.step.name, from: pair.before.place, to: pair.after.place },
        place: pair.after.place,
        rank: 1,
      })
    }
    const fields = stepFieldChanges(pair.before.step, pair.after.step, renames)
    if (fields.length > 0) changes.push({ change: { kind: 'step-changed', workflow: workflowName, step: pair.after.step.name, fields }, place: pair.after.place, rank: 2 })
  }
  for (const s of added) {
    if (!renamedTo.has(s)) changes.push({ change: { kind: 'step-added', workflow: workflowName, step: s.step.name, place: s.place }, place: s.place, rank: 3 })
  }
  for (const s of removed) {
    if (!renamedFrom.has(s)) changes.push({ change: { kind: 'step-removed', workflow: workflowName, step: s.step.name, place: s.place }, place: s.place, rank: 4 })
  }
  changes.sort((x, y) => x.place.entry - y.place.entry || (x.place.branch ?? 0) - (y.place.branch ?? 0) || x.rank - y.rank)
  return changes.map((entry) => entry.change)
}

function stepFieldChanges(before: Step, after: Step, renames: ReadonlyMap<string, string>): FieldChange[] {
  const fields: FieldChange[] = []
  const compare = (field: string, x: string | undefined, y: string | undefined) => {
    if (x !== y) fields.push(definedOnly({ field, before: x, after: y }))
  }
  compare('activity', before.activity?.value, after.activity?.value)
  const oldInputs = new Map((before.input?.entries ?? []).map((entry) => [entry.key, followRenames(entry.value, renames)]))
  const newInputs = new Map((after.input?.entries ?? []).map((entry) => [entry.key, entry.value]))
  // By key, so the order is the same whichever version comes first.
  for (const key of [...new Set([...newInputs.keys(), ...oldInputs.keys()])].sort()) compare(`input.${key}`, oldInputs.get(key), newInputs.get(key))
  const condition = before.condition === undefined ? undefined : followRenames(before.condition.value, renames)
  compare('condition', condition, after.condition?.value)
  return fields
}

/** A field change without `before` or `after` keys that are undefined (so JSON and equality agree). */
export function definedOnly(change: FieldChange): FieldChange {
  const result: FieldChange = { field: change.field }
  if (change.before !== undefined) result.before = change.before
  if (change.after !== undefined) result.after = change.after
  return result
}

/**
 * Matched steps that moved: into, out of or between parallel blocks, or out
 * of order with the others. Parallel blocks are matched by the steps they
 * share; the order is compared along the flow (branches of one block count as
 * one place, so reordering branches moves nothing), keeping the longest run of
 * steps still in order and reporting the rest.
 */
function movedSteps(pairs: readonly Pair[]): Set<Pair> {
  const moved = new Set<Pair>()
  const blockMatch = matchBlocks(pairs)
  for (const pair of pairs) {
    const { block: from } = pair.before
    const { block: to } = pair.after
    if ((from === undefined) !== (to === undefined)) moved.add(pair)
    else if (from !== undefined && blockMatch.get(from) !== to) moved.add(pair)
  }
  // Along the flow: a block's branches sorted by name, so only the block's place counts.
  const order = (side: 'before' | 'after') =>
    [...pairs].sort((x, y) => x[side].place.entry - y[side].place.entry || x.after.step.name.localeCompare(y.after.step.name) || x.after.key.localeCompare(y.after.key))
  // Steps that changed block are moved already: the others' order is judged without them.
  const staying = (list: Pair[]) => list.filter((pair) => !moved.has(pair))
  const kept = longestCommonRun(staying(order('before')), staying(order('after')))
  for (const pair of pairs) if (!kept.has(pair)) moved.add(pair)
  return moved
}

/** Parallel blocks of the two versions paired by how many matched steps they share, most first. */
function matchBlocks(pairs: readonly Pair[]): Map<number, number> {
  const overlap = new Map<string, { from: number; to: number; count: number }>()
  for (const { before, after } of pairs) {
    if (before.block === undefined || after.block === undefined) continue
    const key = `${before.block}:${after.block}`
    const entry = overlap.get(key) ?? { from: before.block, to: after.block, count: 0 }
    entry.count++
    overlap.set(key, entry)
  }
  const ranked = [...overlap.values()].sort((x, y) => y.count - x.count || x.from - y.from || x.to - y.to)
  const match = new Map<number, number>()
  const taken = new Set<number>()
  for (const { from, to } of ranked) {
    if (match.has(from) || taken.has(to)) continue
    match.set(from, to)
    taken.add(to)
  }
  return match
}

/** The longest common subsequence of two orders of the same items (O(n·m); n is a workflow's step count). */
function longestCommonRun<T>(xs: readonly T[], ys: readonly T[]): Set<T> {
  // The common start and end are kept as they are: usually nearly everything.
  let start = 0
  while (start < xs.length && start < ys.length && xs[start] === ys[start]) start++
  let end = 0
  while (end < xs.length - start && end < ys.length - start && xs[xs.length - 1 - end] === ys[ys.length - 1 - end]) end++
  const kept = new Set<T>([...xs.slice(0, start), ...xs.slice(xs.length - end)])
  const x = xs.slice(start, xs.length - end)
  const y = ys.slice(start, ys.length - end)
  const n = x.length
  const m = y.length
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) table[i][j] = x[i] === y[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1])
  }
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      kept.add(x[i])
      i++
      j++
    } else if (table[i + 1][j] >= table[i][j + 1]) i++
    else j++
  }
  return kept
}
