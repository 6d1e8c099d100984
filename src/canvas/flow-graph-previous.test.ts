/**
 * workflowGraph with the previous graph: it lends its unchanged step nodes
 * and edges (same objects), and the result is always what building from
 * nothing gives.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { CaiDocument, Diagnostic, Workflow } from '../language/model'
import { createIncrementalParser, parse } from '../language/parse'
import { print } from '../language/print'
import { validate } from '../language/validate'
import { caiDocument } from '../language/testing/arbitraries'
import { workflowGraph, type WorkflowGraphOptions } from './flow-graph'
import type { CanvasGraph } from './flow-elements'

const TEXT = `workflow orders {
  trigger event "order.created"
  steps {
    validate { activity "orders.validate" }
    charge { activity "payments.charge" input { order: "steps.validate.id" } }
    parallel {
      email { activity "mail.send" }
      sms { activity "sms.send" if "input.phone != ''" }
    }
    ship { activity "shipping.book" if "steps.charge.ok" }
  }
  retry { max_attempts 3 }
}
`

function picture(text: string, parseText = parse): { workflow: Workflow; diagnostics: Diagnostic[] } {
  const { doc, diagnostics } = parseText(text)
  return { workflow: doc.items[0] as Workflow, diagnostics: [...diagnostics, ...validate(doc, text)] }
}

function graphs(before: string, after: string, options: WorkflowGraphOptions = { dataFlow: true }) {
  const parseText = createIncrementalParser()
  const first = picture(before, parseText)
  const previous = workflowGraph(first.workflow, first.diagnostics, options)
  const second = picture(after, parseText)
  const next = workflowGraph(second.workflow, second.diagnostics, options, undefined, previous)
  expect(next).toEqual(workflowGraph(second.workflow, second.diagnostics, options))
  return { previous, next }
}

const byId = (graph: CanvasGraph, id: string) => graph.nodes.find((node) => node.id === id)!

describe('the previous graph', () => {
  test('lends every node and edge an edit inside one activity leaves as it was', () => {
    const { previous, next } = graphs(TEXT, TEXT.replace('"mail.send"', '"mail.sent"'))
    expect(byId(next, 'orders/email')).not.toBe(byId(previous, 'orders/email'))
    expect(byId(next, 'orders/email').data.activity).toBe('mail.sent')
    for (const id of ['orders/validate', 'orders/charge', 'orders/sms', 'orders/ship']) expect(byId(next, id)).toBe(byId(previous, id))
    expect(next.edges.filter((edge, i) => edge !== previous.edges[i])).toEqual([])
  })

  test('a rename rebuilds the step and the edges that name it, and marks the steps that now read a missing step', () => {
    const { previous, next } = graphs(TEXT, TEXT.replace('charge {', 'charged {'))
    expect(byId(next, 'orders/charged').data.name).toBe('charged')
    expect(byId(next, 'orders/validate')).toBe(byId(previous, 'orders/validate'))
    // ship's condition reads steps.charge, which is gone: a warning mark, so a new node.
    expect(byId(next, 'orders/ship').data.severity).toBe('warning')
    expect(byId(previous, 'orders/ship').data.severity).toBeUndefined()
    expect(next.edges.some((edge) => edge.source === 'orders/charged')).toBe(true)
    expect(next.edges.some((edge) => edge.source === 'orders/charge' || edge.target === 'orders/charge')).toBe(false)
  })

  test('a stale picture lends nothing to a live one, nor the other way round', () => {
    const { workflow, diagnostics } = picture(TEXT)
    const live = workflowGraph(workflow, diagnostics, { dataFlow: false })
    const stale = workflowGraph(workflow, diagnostics, { dataFlow: false, stale: true }, undefined, live)
    expect(stale).toEqual(workflowGraph(workflow, diagnostics, { dataFlow: false, stale: true }))
    expect(byId(stale, 'orders/email')).not.toBe(byId(live, 'orders/email'))
    expect(workflowGraph(workflow, diagnostics, { dataFlow: false }, undefined, stale)).toEqual(live)
  })

  test('with the data-flow overlay turned on or off, the edges are what building anew gives', () => {
    const { workflow, diagnostics } = picture(TEXT)
    const without = workflowGraph(workflow, diagnostics, { dataFlow: false })
    const withDataFlow = workflowGraph(workflow, diagnostics, { dataFlow: true }, undefined, without)
    expect(withDataFlow).toEqual(workflowGraph(workflow, diagnostics, { dataFlow: true }))
    expect(workflowGraph(workflow, diagnostics, { dataFlow: false }, undefined, withDataFlow)).toEqual(without)
  })

  test('an edit inside one step redoes that entry and the edges around it alone, and keeps the rest', () => {
    const parseText = createIncrementalParser()
    const first = picture(TEXT, parseText)
    const previous = workflowGraph(first.workflow, first.diagnostics, { dataFlow: false })
    const second = picture(TEXT.replace('"sms.send"', '"sms.sent"'), parseText)
    const next = workflowGraph(second.workflow, second.diagnostics, { dataFlow: false }, undefined, previous)
    expect(next).toEqual(workflowGraph(second.workflow, second.diagnostics, { dataFlow: false }))
    expect(byId(next, 'orders/sms').data.activity).toBe('sms.sent')
    // Built from nothing the trigger, the containers and the end are new objects; made from the last graph they are kept.
    for (const id of ['orders/@trigger', 'orders/validate', 'orders/email', 'orders/ship']) expect(byId(next, id)).toBe(byId(previous, id))
    expect(next.nodes[next.nodes.length - 1]).toBe(previous.nodes[previous.nodes.length - 1])
    expect(next.edges.filter((edge, i) => edge !== previous.edges[i])).toEqual([])
  })

  test('a keystroke renaming a step marks the steps that now read a missing one, and the next unmarks them', () => {
    const parseText = createIncrementalParser()
    const options = { dataFlow: false }
    const texts = [TEXT, TEXT.replace('charge {', 'chargex {'), TEXT]
    let graph: CanvasGraph | undefined
    const graphsMade = texts.map((text) => {
      const { workflow, diagnostics } = picture(text, parseText)
      const next = workflowGraph(workflow, diagnostics, options, undefined, graph)
      expect(next).toEqual(workflowGraph(workflow, diagnostics, options))
      // Made from the last graph (the trigger kept), not built anew.
      if (graph) expect(next.nodes[0]).toBe(graph.nodes[0])
      graph = next
      return next
    })
    expect(graphsMade.map((made) => byId(made, 'orders/ship').data.severity)).toEqual([undefined, 'warning', undefined])
  })

  test('keystrokes inside the steps of random workflows give what building anew gives', () => {
    const INSERTIONS = ['x', ' ', '\n', '"', '{', '}', ' if "steps.a.ok" ', '_2', 'input { k: "steps.b.v" }', '']
    let kept = 0
    let edits = 0
    fc.assert(
      fc.property(caiDocument.map(print), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...INSERTIONS), fc.boolean()), { minLength: 1, maxLength: 6 }), (text, keys) => {
        const parseText = createIncrementalParser()
        const name = parse(text).doc.items.find((item) => item.kind === 'workflow')?.name
        if (name === undefined) return
        const workflowOf = (doc: CaiDocument) => doc.items.find((item): item is Workflow => item.kind === 'workflow' && item.name === name)
        let current = text
        let parsed = parseText(current)
        let workflow = workflowOf(parsed.doc)
        if (!workflow) return
        let graph = workflowGraph(workflow, [...parsed.diagnostics, ...validate(parsed.doc, current)], { dataFlow: false })
        for (const [which, where, insert, remove] of keys) {
          const steps = workflow.steps.items.flatMap((entry) => (entry.kind === 'step' ? [entry] : [entry, ...entry.branches]))
          if (steps.length === 0) return
          const span = steps[which % steps.length].span!
          if (span.end - span.start < 3) return
          // Strictly inside the step or block: neither its first nor its last character.
          const at = span.start + 1 + (where % (span.end - span.start - 2))
          current = remove ? current.slice(0, at) + current.slice(at + 1) : current.slice(0, at) + insert + current.slice(at)
          parsed = parseText(current)
          const now = workflowOf(parsed.doc)
          if (!now) return
          const diagnostics = [...parsed.diagnostics, ...validate(parsed.doc, current)]
          const next = workflowGraph(now, diagnostics, { dataFlow: false }, undefined, graph)
          expect(next).toEqual(workflowGraph(now, diagnostics, { dataFlow: false }))
          edits++
          if (next.nodes[0] === graph.nodes[0] && next.nodes.length === graph.nodes.length) kept++
          workflow = now
          graph = next
        }
      }),
      { numRuns: 300, seed: 0xca2 },
    )
    // The edits took the one-entry path often enough to have been tested by this.
    expect(kept).toBeGreaterThan(edits / 5)
  })

  test('random edits of random workflows give what building anew gives', () => {
    const INSERTIONS = ['x', ' ', '\n', '"', '{', '}', ' if "steps.a.ok" ', 'parallel { b { activity "c" } }', 'q { activity "r" }']
    fc.assert(
      fc.property(caiDocument.map(print), fc.nat(), fc.constantFrom(...INSERTIONS), fc.boolean(), (text, where, insert, dataFlow) => {
        const at = where % (text.length + 1)
        const after = text.slice(0, at) + insert + text.slice(at)
        const first = parse(text)
        const second = parse(after)
        const options = { dataFlow }
        const pairs = first.doc.items.flatMap((item) => {
          const now = second.doc.items.find((candidate) => candidate.kind === 'workflow' && item.kind === 'workflow' && candidate.name === item.name)
          return item.kind === 'workflow' && now?.kind === 'workflow' ? [[item, now] as const] : []
        })
        for (const [was, now] of pairs) {
          const previous = workflowGraph(was, validate(first.doc, text), options)
          const diagnostics = [...second.diagnostics, ...validate(second.doc, after)]
          expect(workflowGraph(now, diagnostics, options, undefined, previous)).toEqual(workflowGraph(now, diagnostics, options))
        }
      }),
      { numRuns: 300, seed: 0xca1 },
    )
  })
})
