import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDesignerStore, type DesignerStore } from '../store/designer'
import { ACTIONS, actionById, historyLabel, menuActions } from './registry'
import { provideServices } from './services'
import type { ActionTarget } from './targets'
import { CHARGE, CONFIRM, JOB, NOTIFY, RESERVE, TEXT, VALIDATE, newStep, orders, parallel, step } from './test-text'

const stepOf = (name: string): ActionTarget => ({ kind: 'step', workflow: 'orders', step: name })
const BLOCK: ActionTarget = { kind: 'parallel', workflow: 'orders', index: 0 }
const TRIGGER: ActionTarget = { kind: 'trigger', workflow: 'orders' }
const END: ActionTarget = { kind: 'end', workflow: 'orders' }
const PANE: ActionTarget = { kind: 'pane', board: 'workflow', workflow: 'orders' }
const CLEANUP: ActionTarget = { kind: 'job', job: 'cleanup' }

let told: string[]
/** The question being asked, with its answer function. */
let asked: { title: string; answer(value: unknown): void } | null
let inspectorFocused: number
let previousServices: () => void
beforeEach(() => {
  told = []
  asked = null
  inspectorFocused = 0
  previousServices = provideServices({
    tell: (text) => told.push(text),
    ask: (question) =>
      new Promise((resolve) => {
        asked = { title: question.title, answer: (value) => resolve(value as never) }
      }),
    inspector: { visible: () => false, setVisible: () => undefined, focus: () => void inspectorFocused++ },
  })
})
afterEach(() => {
  asked?.answer(null)
  previousServices()
})

/** Runs action `id` on `target` in a store holding `text`; answers a confirmation with `answer`. */
async function run(id: string, target: ActionTarget, text = TEXT, answer?: boolean): Promise<DesignerStore> {
  const store = createDesignerStore(text)
  const action = actionById(id)
  expect(action.isEnabled(store.getState(), target), `${id} enabled`).toBe(true)
  const running = action.run(store, target)
  if (answer !== undefined) {
    expect(asked, 'a confirmation was asked').not.toBeNull()
    asked!.answer(answer)
  }
  await running
  return store
}

interface EditOptions {
  text?: string
  answer?: boolean
  /** What the user is told (an operation's note). */
  notes?: string[]
  /** Checks right after the action, before undo and redo. */
  then?: (store: DesignerStore) => void
}

/** The action turns `text` into exactly `expected` as one undo step, and undo and redo go back and forth. */
async function expectEdit(id: string, target: ActionTarget, expected: string, options: EditOptions = {}) {
  const text = options.text ?? TEXT
  const store = await run(id, target, text, options.answer)
  expect(store.getState().text).toBe(expected)
  expect(told).toEqual(options.notes ?? [])
  options.then?.(store)
  expect(store.getState().history.past).toHaveLength(1)
  expect(store.getState().undo()).toBe(true)
  expect(store.getState().text).toBe(text)
  expect(store.getState().redo()).toBe(true)
  expect(store.getState().text).toBe(expected)
}

const selects = (id: string) => (store: DesignerStore) => expect(store.getState().selectedNodeId).toBe(id)

describe('the registry', () => {
  it('gives every action a unique id and a label', () => {
    const ids = ACTIONS.map((action) => action.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const action of ACTIONS) expect(action.label).not.toBe('')
  })

  it('binds next and previous change to keys no other action, Monaco or the browser uses', () => {
    expect(actionById('compare-next').shortcuts).toEqual(['Alt+F5'])
    expect(actionById('compare-previous').shortcuts).toEqual(['Shift+Alt+F5'])
    const others = ACTIONS.filter((action) => !action.id.startsWith('compare-')).flatMap((action) => action.shortcuts)
    expect(others).not.toContain('Alt+F5')
    expect(others).not.toContain('Shift+Alt+F5')
  })

  it('binds the shortcuts the issue asks for', () => {
    expect(actionById('delete').shortcuts).toEqual(['Delete', 'Backspace'])
    expect(actionById('duplicate').shortcuts).toEqual(['Mod+D'])
    expect(actionById('open').shortcuts).toEqual(['Enter'])
    expect(actionById('undo').shortcuts).toEqual(['Mod+Z'])
    expect(actionById('redo').shortcuts).toEqual(['Mod+Shift+Z', 'Ctrl+Y'])
    expect(actionById('select-down').shortcuts).toEqual(['ArrowDown'])
  })

  it('offers a step, a branch, a block, a job and the pane the menu entries that apply to each', () => {
    const state = createDesignerStore(TEXT).getState()
    const ids = (target: ActionTarget) => menuActions(state, target).map((action) => action.id)
    expect(ids(stepOf('charge'))).toEqual(['open', 'insert-before', 'insert-after', 'wrap-in-parallel', 'duplicate', 'delete'])
    expect(ids(stepOf('reserve'))).toEqual(['open', 'insert-before', 'insert-after', 'move-out-of-parallel', 'duplicate', 'delete'])
    expect(ids(BLOCK)).toEqual(['open', 'insert-before', 'insert-after', 'add-branch', 'dissolve-parallel', 'delete'])
    expect(ids(TRIGGER)).toEqual(['open', 'insert-after'])
    expect(ids(END)).toEqual(['open', 'insert-before'])
    expect(ids(CLEANUP)).toEqual(['open', 'delete', 'move-to-queue-critical', 'move-to-queue-default'])
    expect(ids(PANE)).toEqual(['new-step', 'new-parallel', 'new-workflow', 'new-job', 'canvas-search'])
  })

  it('offers nothing on a declaration with syntax errors, and its actions are disabled', () => {
    const broken = TEXT.replace('trigger manual', 'trigger manual manual')
    const state = createDesignerStore(broken).getState()
    expect(menuActions(state, stepOf('charge'))).toEqual([])
    expect(menuActions(state, PANE)).toEqual([])
    for (const id of ['delete', 'duplicate', 'insert-after', 'wrap-in-parallel', 'new-step']) {
      expect(actionById(id).isEnabled(state, stepOf('charge')), id).toBe(false)
    }
    // The job is another declaration: it stays editable.
    expect(menuActions(state, CLEANUP).map((action) => action.id)).toContain('delete')
  })
})

describe('inserting steps', () => {
  it('inserts a step before a step', async () => {
    await expectEdit('insert-before', stepOf('confirm'), orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), newStep('step_1'), CONFIRM), { then: selects('orders/step_1') })
  })

  it('inserts a step after a step', async () => {
    await expectEdit('insert-after', stepOf('validate'), orders(VALIDATE, newStep('step_1'), CHARGE, parallel(RESERVE, NOTIFY), CONFIRM))
  })

  it('inserts a branch next to a branch', async () => {
    await expectEdit('insert-after', stepOf('reserve'), orders(VALIDATE, CHARGE, parallel(RESERVE, newStep('step_1', 3), NOTIFY), CONFIRM))
    await expectEdit('insert-before', stepOf('reserve'), orders(VALIDATE, CHARGE, parallel(newStep('step_1', 3), RESERVE, NOTIFY), CONFIRM))
  })

  it('inserts before and after a parallel block', async () => {
    await expectEdit('insert-before', BLOCK, orders(VALIDATE, CHARGE, newStep('step_1'), parallel(RESERVE, NOTIFY), CONFIRM))
    await expectEdit('insert-after', BLOCK, orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), newStep('step_1'), CONFIRM))
  })

  it('inserts after the trigger and before the end', async () => {
    await expectEdit('insert-after', TRIGGER, orders(newStep('step_1'), VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM))
    await expectEdit('insert-before', END, orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM, newStep('step_1')))
  })

  it('adds a branch at the end of a block', async () => {
    await expectEdit('add-branch', BLOCK, orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY, newStep('step_1', 3)), CONFIRM), { then: selects('orders/step_1') })
  })

  it('numbers new steps past the names taken', async () => {
    const text = orders(VALIDATE, step('step_1', 'x.y'))
    await expectEdit('insert-after', stepOf('validate'), orders(VALIDATE, newStep('step_2'), step('step_1', 'x.y')), { text })
  })
})

describe('parallel blocks', () => {
  it('wraps a step with the next step', async () => {
    const text = orders(VALIDATE, CONFIRM, step('archive', 'orders.archive'))
    const wrapped = parallel(step('validate', 'orders.validate', 3), step('confirm', 'mail.confirm', 3))
    await expectEdit('wrap-in-parallel', stepOf('validate'), orders(wrapped, step('archive', 'orders.archive')), { text, then: selects('orders/@parallel-0') })
  })

  it('wraps a step alone when a parallel block follows it', async () => {
    const charge = ['\t\t\t// Charge only what was validated.', step('charge', 'payments.charge', 3, ['input {', '\ttotal: "steps.validate.output.total"', '}'])].join('\n')
    await expectEdit('wrap-in-parallel', stepOf('charge'), orders(VALIDATE, parallel(charge), parallel(RESERVE, NOTIFY), CONFIRM), { then: selects('orders/@parallel-0') })
  })

  it('moves a branch out, to right after its block', async () => {
    await expectEdit('move-out-of-parallel', stepOf('reserve'), orders(VALIDATE, CHARGE, parallel(NOTIFY), step('reserve', 'stock.reserve'), CONFIRM), { then: selects('orders/reserve') })
  })

  it('removes a block when its last branch moves out', async () => {
    const text = orders(VALIDATE, parallel(RESERVE), CONFIRM)
    await expectEdit('move-out-of-parallel', stepOf('reserve'), orders(VALIDATE, step('reserve', 'stock.reserve'), CONFIRM), { text })
  })

  it('dissolves a block into the sequence', async () => {
    await expectEdit('dissolve-parallel', BLOCK, orders(VALIDATE, CHARGE, step('reserve', 'stock.reserve'), step('notify', 'mail.notify'), CONFIRM))
  })
})

describe('duplicating', () => {
  it('puts a copy, comments included, right after the step and selects it', async () => {
    const copy = CHARGE.replace('charge {', 'charge_copy {')
    await expectEdit('duplicate', stepOf('charge'), orders(VALIDATE, CHARGE, copy, parallel(RESERVE, NOTIFY), CONFIRM), { then: selects('orders/charge_copy') })
  })

  it('duplicates a branch within its block', async () => {
    await expectEdit('duplicate', stepOf('notify'), orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY, step('notify_copy', 'mail.notify', 3)), CONFIRM))
  })
})

describe('deleting', () => {
  it('deletes a step nothing reads without asking, and selects the next node', async () => {
    await expectEdit('delete', stepOf('confirm'), orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY)), {
      then(store) {
        expect(asked).toBeNull()
        expect(store.getState().selectedNodeId).toBe('orders/@end')
      },
    })
  })

  it('asks first when other steps read the step, and deletes on yes', async () => {
    await expectEdit('delete', stepOf('validate'), orders(CHARGE, parallel(RESERVE, NOTIFY), CONFIRM), {
      answer: true,
      notes: ['1 reference to steps.validate remains in workflow orders.'],
    })
  })

  it('changes nothing when the deletion is cancelled', async () => {
    const store = await run('delete', stepOf('validate'), TEXT, false)
    expect(store.getState().text).toBe(TEXT)
    expect(store.getState().history.past).toEqual([])
  })

  it('deletes a parallel block with its branches', async () => {
    await expectEdit('delete', BLOCK, orders(VALIDATE, CHARGE, CONFIRM))
  })

  it('asks before deleting a block whose branches other steps read', async () => {
    const text = orders(VALIDATE, parallel(RESERVE, NOTIFY), step('confirm', 'mail.confirm', 2, ['if "steps.reserve.output.ok"']))
    const store = await run('delete', BLOCK, text, false)
    expect(store.getState().text).toBe(text)
  })

  it('deletes a job', async () => {
    await expectEdit('delete', CLEANUP, orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM).replace(`\n\n${JOB}`, '\n'))
  })

  it('refuses to delete the only step, and says why', async () => {
    const text = orders(VALIDATE)
    const store = await run('delete', stepOf('validate'), text)
    expect(store.getState().text).toBe(text)
    expect(told).toEqual([
      'Cannot do that: "validate" is the only step of workflow orders, and CodeAI rejects a workflow with no steps.',
    ])
  })
})

describe('jobs', () => {
  it('moves a job to another queue, rewriting only its queue', async () => {
    await expectEdit('move-to-queue-critical', CLEANUP, TEXT.replace(JOB, 'job cleanup {\n\ttask "sessions.cleanup"\n\tqueue "critical"\n}\n'), { then: selects('@job/cleanup') })
  })

  it('writes queue "default" when a job moves to the default lane', async () => {
    await expectEdit('move-to-queue-default', CLEANUP, TEXT.replace(JOB, 'job cleanup {\n\ttask "sessions.cleanup"\n\tqueue "default"\n}\n'))
  })

  it('does not offer the queue a job is already on (a job naming none is on default)', () => {
    const state = createDesignerStore(TEXT.replace(JOB, 'job cleanup { task "x" }\n')).getState()
    expect(actionById('move-to-queue-default').isEnabled(state, CLEANUP)).toBe(false)
    expect(actionById('move-to-queue-low_priority').isEnabled(state, CLEANUP)).toBe(true)
  })
})

describe('the palette actions', () => {
  it('adds a step after the selected node', async () => {
    await expectEdit('new-step', stepOf('validate'), orders(VALIDATE, newStep('step_1'), CHARGE, parallel(RESERVE, NOTIFY), CONFIRM))
  })

  it('adds a step at the end when nothing is selected', async () => {
    await expectEdit('new-step', PANE, orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM, newStep('step_1')))
  })

  it('adds an empty parallel block after the selected node, after the block when a branch is selected', async () => {
    const empty = '\t\tparallel { }'
    await expectEdit('new-parallel', stepOf('validate'), orders(VALIDATE, empty, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM), { then: selects('orders/@parallel-0') })
    await expectEdit('new-parallel', stepOf('reserve'), orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), empty, CONFIRM), { then: selects('orders/@parallel-1') })
  })

  it('starts a workflow for a step when there is none', async () => {
    const empty = '// Nothing yet.\n'
    const pane: ActionTarget = { kind: 'pane', board: 'workflow', workflow: null }
    const workflow = 'workflow workflow_1 {\n\ttrigger manual\n\tsteps {\n\t\tstep_1 {\n\t\t\tactivity "todo.activity"\n\t\t}\n\t}\n}\n'
    await expectEdit('new-step', pane, `${empty}\n${workflow}`, { text: empty })
    expect(actionById('new-parallel').isEnabled(createDesignerStore(empty).getState(), pane)).toBe(false)
  })

  it('adds a workflow after the shown one and shows it', async () => {
    const workflow = 'workflow workflow_1 {\n\ttrigger manual\n\tsteps {\n\t\tstep_1 {\n\t\t\tactivity "todo.activity"\n\t\t}\n\t}\n}'
    await expectEdit('new-workflow', PANE, TEXT.replace(JOB, `${workflow}\n\n${JOB}`), {
      then(store) {
        expect(store.getState().selectedWorkflow).toBe('workflow_1')
        expect(store.getState().selectedNodeId).toBe('workflow_1/@trigger')
        expect(store.getState().view.mode).toBe('workflow')
      },
    })
  })

  it('adds a job after the selected job and shows the jobs board', async () => {
    await expectEdit('new-job', CLEANUP, `${TEXT.trimEnd()}\n\njob job_1 {\n\ttask "todo.task"\n}\n`, {
      then(store) {
        expect(store.getState().view.mode).toBe('jobs')
        expect(store.getState().selectedNodeId).toBe('@job/job_1')
      },
    })
  })
})

describe('other actions', () => {
  it('opens a node in the inspector: selects it, moves the focus there, changes no text', async () => {
    const store = await run('open', stepOf('charge'))
    expect(store.getState().selectedNodeId).toBe('orders/charge')
    expect(inspectorFocused).toBe(1)
    expect(store.getState().history.past).toEqual([])
  })

  it('names each edit in the history, for the undo and redo buttons', async () => {
    const store = await run('delete', stepOf('charge'))
    expect(historyLabel(store.getState(), 'undo')).toBe('Undo: delete step charge')
    expect(historyLabel(store.getState(), 'redo')).toBe('Redo')
    store.getState().undo()
    expect(historyLabel(store.getState(), 'redo')).toBe('Redo: delete step charge')
    expect(historyLabel(store.getState(), 'undo')).toBe('Undo')
  })

  it('formats as a step of its own, never merged into the typing before or after it', async () => {
    const store = createDesignerStore(TEXT)
    store.getState().format()
    const canonical = store.getState().text
    const messy = canonical.replace('workflow orders {', 'workflow   orders {')
    store.setState({ history: { past: [], future: [] } })
    store.getState().setText(messy, 'editor')
    await actionById('format').run(store, PANE)
    expect(store.getState().text).toBe(canonical)
    store.getState().setText(`${canonical}\n`, 'editor')
    expect(store.getState().history.past.map((entry) => entry.name)).toEqual(['typing', 'format document', 'typing'])
    store.getState().undo()
    expect(store.getState().text).toBe(canonical)
    store.getState().undo()
    expect(store.getState().text).toBe(messy)
    store.getState().redo()
    expect(store.getState().text).toBe(canonical)
  })

  it('refuses to format a file with syntax errors, and says why', async () => {
    const broken = `${TEXT}\nworkflow broken {`
    const store = createDesignerStore(broken)
    await actionById('format').run(store, PANE)
    expect(store.getState().text).toBe(broken)
    expect(told).toEqual(['Cannot format while the file has syntax errors: fix them first.'])
  })

  it('switches views, panes, data flow and theme through the store, and can be undone by no one (no text changes)', async () => {
    const store = createDesignerStore(TEXT)
    await actionById('view-jobs').run(store, PANE)
    expect(actionById('view-jobs').isPressed?.(store.getState())).toBe(true)
    await actionById('toggle-data-flow').run(store, PANE)
    expect(store.getState().view.dataFlow).toBe(true)
    await actionById('toggle-minimap').run(store, PANE)
    expect(actionById('toggle-minimap').isPressed?.(store.getState())).toBe(true)
    await actionById('theme').run(store, PANE)
    expect(store.getState().view.theme).toBe('light')
    await actionById('toggle-text').run(store, PANE)
    expect(store.getState().view.editorVisible).toBe(false)
    // The last visible pane cannot be hidden.
    expect(actionById('toggle-canvas').isEnabled(store.getState(), PANE)).toBe(false)
    expect(store.getState().history.past).toEqual([])
  })

  it('runs file commands through the files service, disabled until there is one', async () => {
    const store = createDesignerStore(TEXT)
    expect(actionById('save').isEnabled(store.getState(), PANE)).toBe(false)
    const calls: string[] = []
    const restore = provideServices({
      files: {
        newDocument: async () => calls.push('new'),
        open: async () => calls.push('open'),
        save: async () => calls.push('save'),
        download: () => void calls.push('download'),
        exportImage: async (kind) => calls.push(`export ${kind}`),
        copyShareLink: async (viewOnly) => calls.push(viewOnly ? 'view link' : 'link'),
      },
    })
    try {
      for (const id of ['new', 'open-file', 'save', 'download', 'export-svg', 'export-png', 'copy-share-link', 'copy-view-link']) {
        expect(actionById(id).isEnabled(store.getState(), PANE)).toBe(true)
        await actionById(id).run(store, PANE)
      }
      expect(calls).toEqual(['new', 'open', 'save', 'download', 'export svg', 'export png', 'link', 'view link'])
    } finally {
      restore()
    }
  })

  it('undoes and redoes through the store, enabled by the history', async () => {
    const store = await run('insert-after', TRIGGER)
    const edited = store.getState().text
    expect(actionById('redo').isEnabled(store.getState(), PANE)).toBe(false)
    await actionById('undo').run(store, PANE)
    expect(store.getState().text).toBe(TEXT)
    expect(actionById('undo').isEnabled(store.getState(), PANE)).toBe(false)
    expect(actionById('redo').isEnabled(store.getState(), PANE)).toBe(true)
    await actionById('redo').run(store, PANE)
    expect(store.getState().text).toBe(edited)
  })

  it('moves the selection along the flow with the arrow keys', async () => {
    const store = createDesignerStore(TEXT)
    const press = async (id: string) => {
      const target: ActionTarget = { kind: 'step', workflow: 'orders', step: store.getState().selectedNodeId!.split('/')[1] }
      await actionById(id).run(store, target)
      return store.getState().selectedNodeId
    }
    store.getState().selectNode('orders/charge')
    expect(await press('select-down')).toBe('orders/reserve')
    expect(await press('select-right')).toBe('orders/notify')
    expect(await press('select-down')).toBe('orders/confirm')
    expect(await press('select-up')).toBe('orders/reserve')
    expect(await press('select-up')).toBe('orders/charge')
    expect(actionById('select-left').isEnabled(store.getState(), stepOf('charge'))).toBe(false)
    expect(store.getState().history.past).toEqual([])
  })
})
