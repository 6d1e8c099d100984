import { describe, expect, test } from 'vitest'
import { renameStep, setStepField } from '../language/operations'
import { createDesignerStore, nodeIdAt, panelOpen } from './designer'

const TEXT = `// orders
workflow orders {
\ttrigger event "order.created"
\tsteps {
\t\tvalidate {
\t\t\tactivity "orders.validate"
\t\t}
\t\tcharge {
\t\t\tactivity "payments.charge"
\t\t\tinput {
\t\t\t\ttotal: "steps.validate.output.total"
\t\t\t}
\t\t}
\t}
}

job   cleanup   {   task "sessions.cleanup"   }
`

describe('the designer store', () => {
  test('derives the document and diagnostics from the text', () => {
    const store = createDesignerStore(TEXT, 'orders.cai')
    const state = store.getState()
    expect(state.parsed.doc.items.map((item) => item.kind)).toEqual(['workflow', 'job'])
    expect(state.selectedWorkflow).toBe('orders')
    state.setText(TEXT.replace('"order.created"', '"order-created"'))
    expect(store.getState().diagnostics.map((d) => d.code)).toEqual(['event-invalid'])
  })

  test('a broken declaration keeps its last good picture', () => {
    const store = createDesignerStore(TEXT)
    const good = store.getState().lastGood['workflow:orders']
    store.getState().setText(TEXT.replace('activity "orders.validate"', 'activity orders'))
    const state = store.getState()
    expect(state.parsed.doc.items[0]).toMatchObject({ kind: 'broken', name: 'orders' })
    expect(state.lastGood['workflow:orders']).toBe(good)
    expect(state.selectedWorkflow).toBe('orders')
  })

  test('a new document starts without the last document’s good pictures', () => {
    const store = createDesignerStore(TEXT)
    store.getState().setText(TEXT.replace('activity "orders.validate"', 'activity orders'), 'file')
    const state = store.getState()
    expect(state.parsed.doc.items[0]).toMatchObject({ kind: 'broken', name: 'orders' })
    expect(state.lastGood['workflow:orders']).toBeUndefined()
    expect(state.lastGood['job:cleanup']).toBe(state.parsed.doc.items[1])
  })

  test('an operation changes only its declaration and is one undo step', () => {
    const store = createDesignerStore(TEXT)
    const result = store.getState().runOperation((doc) => renameStep(doc, 'orders', 'validate', 'check'))
    expect(result).toMatchObject({ ok: true, info: '1 reference updated' })
    const text = store.getState().text
    expect(text).toContain('check {')
    expect(text).toContain('"steps.check.output.total"')
    // The job's non-canonical layout is untouched.
    expect(text.endsWith('job   cleanup   {   task "sessions.cleanup"   }\n')).toBe(true)
    expect(store.getState().undo()).toBe(true)
    expect(store.getState().text).toBe(TEXT)
    expect(store.getState().redo()).toBe(true)
    expect(store.getState().text).toBe(text)
  })

  test('a refused operation changes nothing', () => {
    const store = createDesignerStore(TEXT)
    const result = store.getState().runOperation((doc) => setStepField(doc, 'orders', 'charge', 'activity', 'a"b'))
    expect(result.ok).toBe(false)
    expect(store.getState().text).toBe(TEXT)
    expect(store.getState().history.past).toHaveLength(0)
  })

  test('undo crosses typing and canvas edits in the order they happened', () => {
    const store = createDesignerStore(TEXT)
    const typed = TEXT.replace('// orders', '// orders, typed')
    store.getState().setText(typed, 'editor')
    store.getState().runOperation((doc) => setStepField(doc, 'orders', 'charge', 'activity', 'payments.capture'))
    const afterCanvas = store.getState().text
    expect(afterCanvas).toContain('// orders, typed')
    expect(afterCanvas).toContain('"payments.capture"')
    store.getState().undo()
    expect(store.getState().text).toBe(typed)
    store.getState().undo()
    expect(store.getState().text).toBe(TEXT)
    expect(store.getState().undo()).toBe(false)
    store.getState().redo()
    store.getState().redo()
    expect(store.getState().text).toBe(afterCanvas)
  })

  test('opening a file starts a new history', () => {
    const store = createDesignerStore(TEXT)
    store.getState().setText(TEXT + '\n', 'editor')
    store.getState().setText('job j {\n\ttask "t"\n}\n', 'file')
    expect(store.getState().history.past).toHaveLength(0)
  })

  test('the cursor selects the node it is in', () => {
    const store = createDesignerStore(TEXT)
    const offset = TEXT.indexOf('payments.charge')
    store.getState().setCursor(offset)
    expect(store.getState().selectedNodeId).toBe('orders/charge')
    expect(nodeIdAt(store.getState().parsed.doc, TEXT.indexOf('task "sessions'))).toBe('@job/cleanup')
    expect(nodeIdAt(store.getState().parsed.doc, TEXT.indexOf('trigger'))).toBe('orders/@trigger')
  })

  test('typing renames a step and selects it under the caret in one change of state', () => {
    const store = createDesignerStore(TEXT)
    store.getState().setCursor(TEXT.indexOf('charge {') + 'charge'.length)
    let changes = 0
    store.subscribe(() => changes++)
    const at = TEXT.indexOf('charge {') + 'charge'.length
    const typed = TEXT.slice(0, at) + 'x' + TEXT.slice(at)
    store.getState().typeText(typed, at + 1)
    expect(changes).toBe(1)
    expect(store.getState().text).toBe(typed)
    expect(store.getState().selectedNodeId).toBe('orders/chargex')
    expect(store.getState().cursorOffset).toBe(at + 1)
    // One undo step, which puts the caret back where it was before the key.
    store.getState().undo()
    expect(store.getState().text).toBe(TEXT)
    expect(store.getState().reveal?.span).toEqual({ start: at, end: at })
  })

  test('the caret arriving where typing already put it changes nothing', () => {
    const store = createDesignerStore(TEXT)
    const at = TEXT.indexOf('payments.charge')
    store.getState().typeText(TEXT.slice(0, at) + 'x' + TEXT.slice(at), at + 1)
    const before = store.getState()
    store.getState().setCursor(at + 1)
    expect(store.getState()).toBe(before)
    // Typing nothing new moves the caret alone.
    store.getState().typeText(store.getState().text, TEXT.indexOf('orders.validate'))
    expect(store.getState().selectedNodeId).toBe('orders/validate')
    expect(store.getState().text).toBe(before.text)
  })

  test('the caret in a job shows the jobs board, keeping the view object while the board stays', () => {
    const store = createDesignerStore(TEXT)
    const view = store.getState().view
    store.getState().setCursor(TEXT.indexOf('payments.charge'))
    expect(store.getState().view).toBe(view)
    store.getState().setCursor(TEXT.indexOf('sessions.cleanup'))
    expect(store.getState().view.mode).toBe('jobs')
    expect(store.getState().selectedNodeId).toBe('@job/cleanup')
  })

  test('selecting a node asks the editor to reveal its text', () => {
    const store = createDesignerStore(TEXT)
    store.getState().selectNode('orders/charge')
    const { reveal } = store.getState()
    expect(TEXT.slice(reveal!.span.start, reveal!.span.end)).toMatch(/^charge \{[\s\S]*\}$/)
  })

  test('format rewrites the text canonically, and refuses while there are syntax errors', () => {
    const store = createDesignerStore(TEXT)
    store.getState().format()
    expect(store.getState().text).toContain('job cleanup {\n\ttask "sessions.cleanup"\n}\n')
    const broken = 'workflow w {'
    store.getState().setText(broken)
    store.getState().format()
    expect(store.getState().text).toBe(broken)
  })
})

describe('the panels', () => {
  test('open, close and resize on a wide window', () => {
    const store = createDesignerStore(TEXT)
    expect(panelOpen(store.getState().view, 'outline')).toBe(true)
    store.getState().setPanel('outline', { open: false, size: 300 })
    expect(store.getState().view.panels.outline).toEqual({ open: false, size: 300 })
    expect(panelOpen(store.getState().view, 'outline')).toBe(false)
  })

  test('collapse when the window becomes narrow, and come back as they were when it is wide again', () => {
    const store = createDesignerStore(TEXT)
    store.getState().setPanel('problems', { open: false })
    store.getState().setCompact(true)
    const narrow = store.getState().view
    expect((['outline', 'inspector', 'problems'] as const).map((panel) => panelOpen(narrow, panel))).toEqual([false, false, false])
    // Opened on the narrow window: open there only.
    store.getState().setPanel('inspector', { open: true })
    expect(panelOpen(store.getState().view, 'inspector')).toBe(true)
    store.getState().setCompact(false)
    const wide = store.getState().view
    expect((['outline', 'inspector', 'problems'] as const).map((panel) => panelOpen(wide, panel))).toEqual([true, true, false])
    store.getState().setCompact(true)
    expect(panelOpen(store.getState().view, 'inspector')).toBe(false)
  })
})
