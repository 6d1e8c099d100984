/**
 * The one list of canvas actions. The context menus, the palette, the
 * keyboard shortcuts and the toolbar all read it, so each action has one
 * label, one shortcut and one rule for when it applies. `isEnabled` is pure
 * (state in, yes or no); `run` edits through the store, one undo step each.
 */
import { allSteps } from '../language/locate'
import { KNOWN_QUEUES, type CaiDocument, type Parallel } from '../language/model'
import { duplicateStep, removeJob, removeStep, setJobField, unwrapParallel } from '../language/operations'
import { ask } from '../files/dialog'
import { useInspectorVisibility } from '../inspector/visibility'
import type { DesignerState, DesignerStore } from '../store/designer'
import { jobNodeId, parallelNodeId, stepNodeId } from '../store/node-ids'
import { DEFAULT_QUEUE } from '../canvas/jobs'
import { moveOutOfParallel, referencesFromOthers, removeParallel, wrapWithNext } from './compose'
import { insertAfter, insertInFlow, positionAfter, startsWorkflow, type NewKind } from './insert'
import { neighbour, type Direction } from './navigation'
import { perform } from './perform'
import {
  editableJob,
  editableWorkflow,
  nodeIdOf,
  parallelEntryIndex,
  parallelOrdinal,
  placeOfStep,
  positionBeside,
  readOnlyReason,
  type ActionTarget,
} from './targets'

export interface Action {
  id: string
  label: string
  /** Keys that run it (see keys.ts); the first is the one shown. */
  shortcuts: readonly string[]
  /** In which context menu it is offered: a node's, the pane's, or none (keys, palette or toolbar only). */
  menu: 'node' | 'pane' | null
  isEnabled(state: DesignerState, target: ActionTarget): boolean
  run(store: DesignerStore, target: ActionTarget): void | Promise<void>
}

const docOf = (state: DesignerState): CaiDocument => state.parsed.doc

/** The editable workflow a step, block, trigger or end target belongs to. */
function workflowOf(state: DesignerState, target: ActionTarget) {
  return target.kind === 'job' || target.kind === 'pane' ? undefined : editableWorkflow(docOf(state), target.workflow)
}

function stepPlace(state: DesignerState, target: ActionTarget) {
  if (target.kind !== 'step') return undefined
  const workflow = workflowOf(state, target)
  const place = workflow && placeOfStep(workflow, target.step)
  return workflow && place ? { workflow, place } : undefined
}

function blockOf(state: DesignerState, target: ActionTarget) {
  if (target.kind !== 'parallel') return undefined
  const workflow = workflowOf(state, target)
  const index = workflow && parallelEntryIndex(workflow, target.index)
  if (!workflow || index === undefined) return undefined
  return { workflow, index, block: workflow.steps.items[index] as Parallel }
}

/** Where the selection goes once `target` is gone: the next node in the flow, else the previous one. */
function successor(doc: CaiDocument, target: ActionTarget): string | null {
  return neighbour(doc, target, 'down') ?? neighbour(doc, target, 'up')
}

/** Whether to go on with a deletion: asked in a dialog when other steps read what goes (`steps.NAME.`). */
async function confirmRemoval(names: string[], references: number, what: string): Promise<boolean> {
  if (references === 0) return true
  const list = names.map((name) => `steps.${name}`).join(', ')
  const answer = await ask({
    title: `Delete ${what}?`,
    message: [
      `Other steps read ${list} (${references} ${references === 1 ? 'reference' : 'references'}).`,
      'After the deletion those references point to nothing; the text keeps them, so you can fix them.',
    ],
    actions: [
      { label: 'Delete', value: true, primary: true },
      { label: 'Cancel', value: false },
    ],
  })
  return answer === true
}

function insertBeside(side: 'before' | 'after'): Action {
  return {
    id: `insert-${side}`,
    label: `Insert step ${side}`,
    shortcuts: [],
    menu: 'node',
    isEnabled: (state, target) => {
      const workflow = workflowOf(state, target)
      return !!workflow && target.kind !== 'pane' && positionBeside(workflow, target, side) !== undefined
    },
    run(store, target) {
      const workflow = workflowOf(store.getState(), target)
      const position = workflow && positionBeside(workflow, target, side)
      if (position) insertInFlow(store, 'step', position.workflow, { kind: 'flow', position })
    },
  }
}

function moveToQueue(queue: string): Action {
  const currentQueue = (state: DesignerState, target: ActionTarget) => {
    const job = target.kind === 'job' ? editableJob(docOf(state), target.job) : undefined
    return job && (job.queue?.value ?? DEFAULT_QUEUE)
  }
  return {
    id: `move-to-queue-${queue}`,
    label: `Move to queue ${queue}`,
    shortcuts: [],
    menu: 'node',
    isEnabled: (state, target) => {
      const current = currentQueue(state, target)
      return current !== undefined && current !== queue
    },
    run(store, target) {
      if (target.kind !== 'job') return
      perform(store, (doc) => setJobField(doc, target.job, 'queue', queue), () => jobNodeId(target.job))
    },
  }
}

function select(direction: Direction, key: string): Action {
  return {
    id: `select-${direction}`,
    label: `Select the ${direction === 'down' ? 'next' : direction === 'up' ? 'previous' : `${direction} sibling`} node`,
    shortcuts: [key],
    menu: null,
    isEnabled: (state, target) => neighbour(docOf(state), target, direction) !== null,
    run(store, target) {
      const next = neighbour(docOf(store.getState()), target, direction)
      if (next) store.getState().selectNode(next)
    },
  }
}

const NEW_LABELS: Record<NewKind, string> = {
  step: 'Add step',
  parallel: 'Add parallel block',
  workflow: 'Add workflow',
  job: 'Add job',
}

/** A palette item's action: a new `kind` after the target (a selected node), or at the end. */
function addNew(kind: NewKind): Action {
  return {
    id: `new-${kind}`,
    label: NEW_LABELS[kind],
    shortcuts: [],
    menu: 'pane',
    isEnabled: (state, target) =>
      kind === 'workflow' || kind === 'job' || (kind === 'step' && startsWorkflow(target)) || positionAfter(docOf(state), kind, target) !== undefined,
    run(store, target) {
      insertAfter(store, kind, target)
    },
  }
}

export const ACTIONS: readonly Action[] = [
  {
    id: 'open',
    label: 'Open in inspector',
    shortcuts: ['Enter'],
    menu: 'node',
    isEnabled: (_state, target) => target.kind !== 'pane',
    run(store, target) {
      const id = nodeIdOf(target)
      if (!id) return
      // The inspector follows the selection; the canvas keeps the focus, so the arrow keys go on working.
      store.getState().selectNode(id)
      useInspectorVisibility.getState().setVisible(true)
    },
  },
  insertBeside('before'),
  insertBeside('after'),
  {
    id: 'add-branch',
    label: 'Add branch',
    shortcuts: [],
    menu: 'node',
    isEnabled: (state, target) => blockOf(state, target) !== undefined,
    run(store, target) {
      const found = blockOf(store.getState(), target)
      if (!found) return
      const position = { workflow: found.workflow.name, index: found.index, branch: found.block.branches.length }
      insertInFlow(store, 'step', position.workflow, { kind: 'flow', position })
    },
  },
  {
    id: 'wrap-in-parallel',
    label: 'Wrap in parallel (with the next step)',
    shortcuts: [],
    menu: 'node',
    isEnabled: (state, target) => {
      const found = stepPlace(state, target)
      return !!found && found.place.branch === undefined
    },
    run(store, target) {
      const found = stepPlace(store.getState(), target)
      if (!found || target.kind !== 'step') return
      const { workflow, place } = found
      perform(
        store,
        (doc) => wrapWithNext(doc, workflow.name, target.step),
        (doc) => {
          const after = editableWorkflow(doc, workflow.name)
          return after && parallelNodeId(workflow.name, parallelOrdinal(after, place.index))
        },
      )
    },
  },
  {
    id: 'move-out-of-parallel',
    label: 'Move out of parallel',
    shortcuts: [],
    menu: 'node',
    isEnabled: (state, target) => stepPlace(state, target)?.place.branch !== undefined,
    run(store, target) {
      if (target.kind !== 'step') return
      perform(store, (doc) => moveOutOfParallel(doc, target.workflow, target.step), () => stepNodeId(target.workflow, target.step))
    },
  },
  {
    id: 'dissolve-parallel',
    label: 'Dissolve parallel block',
    shortcuts: [],
    menu: 'node',
    isEnabled: (state, target) => blockOf(state, target) !== undefined,
    run(store, target) {
      const found = blockOf(store.getState(), target)
      if (!found) return
      const first = found.block.branches[0]
      perform(
        store,
        (doc) => unwrapParallel(doc, found.workflow.name, found.index),
        () => (first ? stepNodeId(found.workflow.name, first.name) : null),
      )
    },
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    shortcuts: ['Mod+D'],
    menu: 'node',
    isEnabled: (state, target) => stepPlace(state, target) !== undefined,
    run(store, target) {
      if (target.kind !== 'step') return
      const before = workflowOf(store.getState(), target)
      const names = new Set(before ? allSteps(before).map((step) => step.name) : [])
      perform(
        store,
        (doc) => duplicateStep(doc, target.workflow, target.step),
        (doc) => {
          const after = editableWorkflow(doc, target.workflow)
          const copy = after && allSteps(after).find((step) => !names.has(step.name))?.name
          return copy && stepNodeId(target.workflow, copy)
        },
      )
    },
  },
  {
    id: 'delete',
    label: 'Delete',
    shortcuts: ['Delete', 'Backspace'],
    menu: 'node',
    isEnabled: (state, target) =>
      stepPlace(state, target) !== undefined ||
      blockOf(state, target) !== undefined ||
      (target.kind === 'job' && editableJob(docOf(state), target.job) !== undefined),
    async run(store, target) {
      const state = store.getState()
      const next = successor(docOf(state), target)
      if (target.kind === 'job') {
        perform(store, (doc) => removeJob(doc, target.job), () => next)
        return
      }
      const step = stepPlace(state, target)
      if (step && target.kind === 'step') {
        if (!(await confirmRemoval([target.step], referencesFromOthers(step.workflow, [target.step]), `step ${target.step}`))) return
        perform(store, (doc) => removeStep(doc, target.workflow, target.step), () => next)
        return
      }
      const found = blockOf(state, target)
      if (!found) return
      const names = found.block.branches.map((branch) => branch.name)
      if (!(await confirmRemoval(names, referencesFromOthers(found.workflow, names), 'the parallel block'))) return
      // The block's id may now name the block after it: select by what followed it.
      perform(store, (doc) => removeParallel(doc, found.workflow.name, found.index), () => next)
    },
  },
  ...KNOWN_QUEUES.map(moveToQueue),
  addNew('step'),
  addNew('parallel'),
  addNew('workflow'),
  addNew('job'),
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: ['Mod+Z'],
    menu: null,
    isEnabled: (state) => state.history.past.length > 0,
    run: (store) => void store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: ['Mod+Shift+Z', 'Ctrl+Y'],
    menu: null,
    isEnabled: (state) => state.history.future.length > 0,
    run: (store) => void store.getState().redo(),
  },
  select('down', 'ArrowDown'),
  select('up', 'ArrowUp'),
  select('left', 'ArrowLeft'),
  select('right', 'ArrowRight'),
]

const BY_ID = new Map(ACTIONS.map((action) => [action.id, action]))

export function actionById(id: string): Action {
  const action = BY_ID.get(id)
  if (!action) throw new Error(`no action "${id}"`)
  return action
}

/** The actions a context menu offers for `target`, enabled ones only; none on a declaration with syntax errors. */
export function menuActions(state: DesignerState, target: ActionTarget): Action[] {
  if (readOnlyReason(docOf(state), target)) return []
  const menu = target.kind === 'pane' ? 'pane' : 'node'
  return ACTIONS.filter((action) => action.menu === menu && action.isEnabled(state, target))
}
