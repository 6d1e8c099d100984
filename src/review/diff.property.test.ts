import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CaiDocument, Span, Workflow } from '../language/model'
import { moveStep, renameStep, setJobField, setStepField } from '../language/operations'
import { parse } from '../language/parse'
import { print } from '../language/print'
import { allSteps } from '../language/locate'
import { caiDocument, commentInsertions, identifier, insertComments, layoutChoices, relayout } from '../language/testing/arbitraries'
import type { Change } from './changes'
import { diffDocuments } from './diff'

const NOW = { now: new Date('2026-03-01T12:00:00Z') }
/** Generous: the machine these run on may be busy; the properties are not timed. */
const SLOW = 60_000
const foreignSpans = (text: string): Span[] =>
  parse(text).doc.items.flatMap((item) => (item.kind === 'foreign' && item.span ? [item.span] : []))

/** A document the diff can match unambiguously: unique workflow, job and step names. */
function uniqueNames(doc: CaiDocument): boolean {
  const names = doc.items.flatMap((item) => (item.kind === 'workflow' || item.kind === 'job' ? [`${item.kind}:${item.name}`] : []))
  if (new Set(names).size !== names.length) return false
  return doc.items.every((item) => item.kind !== 'workflow' || new Set(allSteps(item).map((s) => s.name)).size === allSteps(item).length)
}

const workflowsWithSteps = (doc: CaiDocument) => doc.items.filter((item): item is Workflow => item.kind === 'workflow' && allSteps(item).length > 0)

/** The two texts of an operation applied to a printed document, re-parsed so both sides come from text. */
function versions(doc: CaiDocument, result: { ok: true; doc: CaiDocument } | { ok: false }) {
  if (!result.ok) return null
  return { before: print(doc), after: print(result.doc) }
}

describe('diffDocuments properties', () => {
  it('finds nothing between a document and itself', () => {
    fc.assert(
      fc.property(caiDocument, (doc) => {
        const text = print(doc)
        expect(diffDocuments(text, text, NOW)).toEqual({ meaning: 'same', cosmetic: [], changes: [] })
      }),
    )
  }, SLOW)

  it('finds no change in meaning in a reformatted or re-commented document', () => {
    fc.assert(
      fc.property(caiDocument, commentInsertions, layoutChoices, (doc, insertions, choices) => {
        const text = print(doc)
        const commented = insertComments(text, insertions, foreignSpans(text))
        const changed = relayout(commented, choices, foreignSpans(commented))
        const diff = diffDocuments(text, changed, NOW)
        expect(diff.changes).toEqual([])
        expect(diff.meaning).toBe('same')
        if (changed !== text) expect(diff.cosmetic.length).toBeGreaterThan(0)
      }),
    )
  }, SLOW)

  it('reports a renameStep as exactly one rename, and its reverse as the rename back', () => {
    fc.assert(
      fc.property(caiDocument.filter(uniqueNames), fc.nat(), identifier, (doc, pick, newName) => {
        const workflows = workflowsWithSteps(doc)
        fc.pre(workflows.length > 0)
        const workflow = workflows[pick % workflows.length]
        const steps = allSteps(workflow)
        const step = steps[pick % steps.length]
        fc.pre(!steps.some((s) => s.name === newName))
        const texts = versions(doc, renameStep(doc, workflow.name, step.name, newName))
        fc.pre(texts !== null)
        const forward = diffDocuments(texts!.before, texts!.after, NOW).changes
        expect(forward).toMatchObject([{ kind: 'step-renamed', workflow: workflow.name, from: step.name, to: newName }])
        expect(diffDocuments(texts!.after, texts!.before, NOW).changes).toMatchObject([{ kind: 'step-renamed', from: newName, to: step.name }])
      }),
    )
  }, SLOW)

  it('reports a moveStep as exactly one move (or nothing when only branch order changed), and its reverse as a move', () => {
    fc.assert(
      fc.property(caiDocument.filter(uniqueNames), fc.nat(), fc.nat(), fc.option(fc.nat()), (doc, pick, index, branch) => {
        const workflows = workflowsWithSteps(doc)
        fc.pre(workflows.length > 0)
        const workflow = workflows[pick % workflows.length]
        const steps = allSteps(workflow)
        const step = steps[pick % steps.length]
        const to = { workflow: workflow.name, index: index % (workflow.steps.items.length + 1), branch: branch ?? undefined }
        const texts = versions(doc, moveStep(doc, workflow.name, step.name, to))
        fc.pre(texts !== null)
        const signature = (text: string) => {
          const w = parse(text).doc.items.find((item): item is Workflow => item.kind === 'workflow' && item.name === workflow.name)!
          return w.steps.items.map((entry) => (entry.kind === 'step' ? entry.name : `{${entry.branches.map((b) => b.name).sort().join(',')}}`)).filter((e) => e !== '{}').join(' ')
        }
        const forward = diffDocuments(texts!.before, texts!.after, NOW).changes
        const backward = diffDocuments(texts!.after, texts!.before, NOW).changes
        if (signature(texts!.before) === signature(texts!.after)) {
          expect(forward).toEqual([])
          return
        }
        for (const changes of [forward, backward]) {
          expect(changes).toHaveLength(1)
          expect(changes[0]).toMatchObject({ kind: 'step-moved', workflow: workflow.name })
        }
        // Swapping two neighbours is one move of either; anything else is a move of the step moved.
        const moved = (forward[0] as Extract<Change, { kind: 'step-moved' }>).step
        if (moved !== step.name) expect(Math.abs((forward[0] as Extract<Change, { kind: 'step-moved' }>).from.entry - (forward[0] as Extract<Change, { kind: 'step-moved' }>).to.entry)).toBeLessThanOrEqual(1)
      }),
    )
  }, SLOW)

  it('reports setStepField and setJobField as a change of that one field, and the reverse with before and after swapped', () => {
    fc.assert(
      fc.property(caiDocument.filter(uniqueNames), fc.nat(), fc.constantFrom('activity', 'condition', 'task'), identifier, (doc, pick, field, word) => {
        const value = `${word}.x`
        let result
        let expected: Change['kind']
        let subject: string
        if (field === 'task') {
          const jobs = doc.items.filter((item) => item.kind === 'job')
          fc.pre(jobs.length > 0)
          const job = jobs[pick % jobs.length]
          subject = job.kind === 'job' ? job.name : ''
          result = setJobField(doc, subject, 'task', value)
          expected = 'job-changed'
        } else {
          const workflows = workflowsWithSteps(doc)
          fc.pre(workflows.length > 0)
          const workflow = workflows[pick % workflows.length]
          const steps = allSteps(workflow)
          subject = steps[pick % steps.length].name
          result = setStepField(doc, workflow.name, subject, field, value)
          expected = 'step-changed'
        }
        const texts = versions(doc, result)
        fc.pre(texts !== null && texts.before !== texts.after)
        const forward = diffDocuments(texts!.before, texts!.after, NOW).changes
        expect(forward).toHaveLength(1)
        expect(forward[0].kind).toBe(expected)
        const fields = (forward[0] as Extract<Change, { kind: 'step-changed' | 'job-changed' }>).fields
        expect(fields).toHaveLength(1)
        expect(fields[0]).toMatchObject({ field, after: value })
        const backward = diffDocuments(texts!.after, texts!.before, NOW).changes as Array<Extract<Change, { kind: 'step-changed' | 'job-changed' }>>
        expect(backward[0].fields).toHaveLength(1)
        expect(backward[0].fields[0]).toMatchObject({ field, before: value })
        expect(backward[0].fields[0].after).toBe(fields[0].before)
      }),
    )
  }, SLOW)
})
