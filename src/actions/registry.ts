/**
 * The one command layer: every command a user can give is an action here.
 * The toolbar, the context menus, the palette, the one key handler
 * (shortcuts.ts) and the help sheet all read it, so each command has one
 * label, one shortcut and one rule for when it applies. `isEnabled` is pure
 * (state in, yes or no); `run` edits through the store, one named undo step
 * each, and reaches the rest of the page only through `services()`.
 */
import { allSteps } from '../language/locate'
import { KNOWN_QUEUES, type CaiDocument, type Parallel } from '../language/model'
import { duplicateStep, removeJob, removeStep, setJobField, unwrapParallel } from '../language/operations'
import type { DesignerState, DesignerStore, ThemeSetting } from '../store/designer'
import { jobNodeId, parallelNodeId, stepNodeId } from '../store/node-ids'
import { queueOf } from '../language/queues'
import { moveOutOfParallel, referencesFromOthers, removeParallel, wrapWithNext } from '../language/operations/compose'
import { insertAfter, insertInFlow, positionAfter, startsWorkflow, type NewKind } from './insert'
import { neighbour, type Direction } from './navigation'
import { perform, tell } from './perform'
import { services, type ImageKind } from './services'
import { compareStore } from '../store/compare'
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

/**
 * Where a key works: on a canvas node or board (the action gets that node as
 * its target), in the text editor, in a form field, or anywhere else on the
 * page (the canvas included, for actions that are not about a node).
 */
export type KeyPlace = 'canvas' | 'editor' | 'field' | 'page'

export type ActionGroup = 'File' | 'Edit' | 'View' | 'Canvas' | 'Text' | 'Help'

export interface Action {
  id: string
  label: string
  /** Keys that run it (see keys.ts); the first is the one shown. */
  shortcuts: readonly string[]
  /** Where its keys work. The text editor's own commands (group Text) list none: the editor runs them. */
  keysIn: readonly KeyPlace[]
  /** Its heading in the help sheet. */
  group: ActionGroup
  /** In which context menu it is offered: a node's, the pane's, or none (keys, palette or toolbar only). */
  menu: 'node' | 'pane' | null
  isEnabled(state: DesignerState, target: ActionTarget): boolean
  /** For a toggle: whether it is on. */
  isPressed?(state: DesignerState): boolean
  run(store: DesignerStore, target: ActionTarget): void | Promise<void>
}

const NODE_KEYS: readonly KeyPlace[] = ['canvas']
const PAGE_KEYS: readonly KeyPlace[] = ['page']
/** Undo, redo and format: also in the text editor (one history for both panes), not in a form field (its own undo). */
const HISTORY_KEYS: readonly KeyPlace[] = ['page', 'editor']
const EVERYWHERE: readonly KeyPlace[] = ['page', 'editor', 'field']

/** The page as a whole: the target of actions that are not about a node. */
export const PAGE_TARGET: ActionTarget = { kind: 'pane', board: 'workflow', workflow: null }

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
  const answer = await services().ask({
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
    keysIn: NODE_KEYS,
    group: 'Canvas',
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
    return job && queueOf(job)
  }
  return {
    id: `move-to-queue-${queue}`,
    label: `Move to queue ${queue}`,
    shortcuts: [],
    keysIn: NODE_KEYS,
    group: 'Canvas',
    menu: 'node',
    isEnabled: (state, target) => {
      const current = currentQueue(state, target)
      return current !== undefined && current !== queue
    },
    run(store, target) {
      if (target.kind !== 'job') return
      perform(store, (doc) => setJobField(doc, target.job, 'queue', queue), {
        name: `move job ${target.job} to queue ${queue}`,
        select: () => jobNodeId(target.job),
      })
    },
  }
}

function select(direction: Direction, key: string): Action {
  return {
    id: `select-${direction}`,
    label: `Select the ${direction === 'down' ? 'next' : direction === 'up' ? 'previous' : `${direction} sibling`} node`,
    shortcuts: [key],
    keysIn: NODE_KEYS,
    group: 'Canvas',
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
    keysIn: NODE_KEYS,
    group: 'Canvas',
    menu: 'pane',
    isEnabled: (state, target) =>
      kind === 'workflow' || kind === 'job' || (kind === 'step' && startsWorkflow(target)) || positionAfter(docOf(state), kind, target) !== undefined,
    run(store, target) {
      insertAfter(store, kind, target)
    },
  }
}

const NODE_ACTIONS: readonly Action[] = [
  {
    id: 'open',
    label: 'Open in inspector',
    shortcuts: ['Enter'],
    keysIn: NODE_KEYS,
    group: 'Canvas',
    menu: 'node',
    isEnabled: (_state, target) => target.kind !== 'pane',
    run(store, target) {
      const id = nodeIdOf(target)
      if (!id) return
      // The inspector follows the selection; the focus goes into its first field (Esc brings it back).
      store.getState().selectNode(id)
      services().inspector.focus()
    },
  },
  insertBeside('before'),
  insertBeside('after'),
  {
    id: 'add-branch',
    label: 'Add branch',
    shortcuts: [],
    keysIn: NODE_KEYS,
    group: 'Canvas',
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
    keysIn: NODE_KEYS,
    group: 'Canvas',
    menu: 'node',
    isEnabled: (state, target) => {
      const found = stepPlace(state, target)
      return !!found && found.place.branch === undefined
    },
    run(store, target) {
      const found = stepPlace(store.getState(), target)
      if (!found || target.kind !== 'step') return
      const { workflow, place } = found
      perform(store, (doc) => wrapWithNext(doc, workflow.name, target.step), {
        name: `wrap step ${target.step} in parallel`,
        select: (doc) => {
          const after = editableWorkflow(doc, workflow.name)
          return after && parallelNodeId(workflow.name, parallelOrdinal(after, place.index))
        },
      })
    },
  },
  {
    id: 'move-out-of-parallel',
    label: 'Move out of parallel',
    shortcuts: [],
    keysIn: NODE_KEYS,
    group: 'Canvas',
    menu: 'node',
    isEnabled: (state, target) => stepPlace(state, target)?.place.branch !== undefined,
    run(store, target) {
      if (target.kind !== 'step') return
      perform(store, (doc) => moveOutOfParallel(doc, target.workflow, target.step), {
        name: `move step ${target.step} out of parallel`,
        select: () => stepNodeId(target.workflow, target.step),
      })
    },
  },
  {
    id: 'dissolve-parallel',
    label: 'Dissolve parallel block',
    shortcuts: [],
    keysIn: NODE_KEYS,
    group: 'Canvas',
    menu: 'node',
    isEnabled: (state, target) => blockOf(state, target) !== undefined,
    run(store, target) {
      const found = blockOf(store.getState(), target)
      if (!found) return
      const first = found.block.branches[0]
      perform(store, (doc) => unwrapParallel(doc, found.workflow.name, found.index), {
        name: 'dissolve parallel block',
        select: () => (first ? stepNodeId(found.workflow.name, first.name) : null),
      })
    },
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    shortcuts: ['Mod+D'],
    keysIn: NODE_KEYS,
    group: 'Canvas',
    menu: 'node',
    isEnabled: (state, target) => stepPlace(state, target) !== undefined,
    run(store, target) {
      if (target.kind !== 'step') return
      const before = workflowOf(store.getState(), target)
      const names = new Set(before ? allSteps(before).map((step) => step.name) : [])
      perform(store, (doc) => duplicateStep(doc, target.workflow, target.step), {
        name: `duplicate step ${target.step}`,
        select: (doc) => {
          const after = editableWorkflow(doc, target.workflow)
          const copy = after && allSteps(after).find((step) => !names.has(step.name))?.name
          return copy && stepNodeId(target.workflow, copy)
        },
      })
    },
  },
  {
    id: 'delete',
    label: 'Delete',
    shortcuts: ['Delete', 'Backspace'],
    keysIn: NODE_KEYS,
    group: 'Canvas',
    menu: 'node',
    isEnabled: (state, target) =>
      stepPlace(state, target) !== undefined ||
      blockOf(state, target) !== undefined ||
      (target.kind === 'job' && editableJob(docOf(state), target.job) !== undefined),
    async run(store, target) {
      const state = store.getState()
      const next = successor(docOf(state), target)
      if (target.kind === 'job') {
        perform(store, (doc) => removeJob(doc, target.job), { name: `delete job ${target.job}`, select: () => next })
        return
      }
      const step = stepPlace(state, target)
      if (step && target.kind === 'step') {
        if (!(await confirmRemoval([target.step], referencesFromOthers(step.workflow, [target.step]), `step ${target.step}`))) return
        perform(store, (doc) => removeStep(doc, target.workflow, target.step), { name: `delete step ${target.step}`, select: () => next })
        return
      }
      const found = blockOf(state, target)
      if (!found) return
      const names = found.block.branches.map((branch) => branch.name)
      if (!(await confirmRemoval(names, referencesFromOthers(found.workflow, names), 'the parallel block'))) return
      // The block's id may now name the block after it: select by what followed it.
      perform(store, (doc) => removeParallel(doc, found.workflow.name, found.index), { name: 'delete parallel block', select: () => next })
    },
  },
  ...KNOWN_QUEUES.map(moveToQueue),
  addNew('step'),
  addNew('parallel'),
  addNew('workflow'),
  addNew('job'),
  select('down', 'ArrowDown'),
  select('up', 'ArrowUp'),
  select('left', 'ArrowLeft'),
  select('right', 'ArrowRight'),
  {
    id: 'canvas-search',
    label: 'Find steps, workflows and jobs',
    shortcuts: ['Mod+F'],
    keysIn: NODE_KEYS,
    group: 'Canvas',
    menu: 'pane',
    isEnabled: (state) => state.view.canvasVisible,
    run: () => services().openCanvasSearch(),
  },
]

const hasFiles = () => services().files !== null
const hasSyntaxErrors = (state: DesignerState) => state.parsed.diagnostics.some((diagnostic) => diagnostic.severity === 'error')

/** A file command: disabled until the page's file handling is there (never on a view-only link). */
function fileAction(id: string, label: string, shortcuts: string[], run: (files: NonNullable<ReturnType<typeof services>['files']>) => unknown): Action {
  return {
    id,
    label,
    shortcuts,
    keysIn: shortcuts.length > 0 ? EVERYWHERE : PAGE_KEYS,
    group: 'File',
    menu: null,
    isEnabled: hasFiles,
    run() {
      const files = services().files
      if (files) return void run(files)
    },
  }
}

function exportAction(kind: ImageKind): Action {
  return fileAction(`export-${kind}`, `Export ${kind.toUpperCase()}`, [], (files) => files.exportImage(kind))
}

const THEME_NAMES = { system: 'System', light: 'Light', dark: 'Dark' } as const

/** The toggle cycles system -> light -> dark -> system. */
export function nextTheme(setting: ThemeSetting): ThemeSetting {
  return setting === 'system' ? 'light' : setting === 'light' ? 'dark' : 'system'
}

/** A pane toggle; the last visible pane of canvas and text cannot be hidden. */
function paneToggle(id: string, label: string, pane: 'canvasVisible' | 'editorVisible', other: 'canvasVisible' | 'editorVisible'): Action {
  return {
    id,
    label,
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: (state) => !(state.view[pane] && !state.view[other]),
    isPressed: (state) => state.view[pane],
    run: (store) => store.getState().setView({ [pane]: !store.getState().view[pane] }),
  }
}

/** One of the text editor's own commands: listed in the help sheet, run by the editor. */
function textCommand(id: string, label: string, shortcut: string, editorCommand: string): Action {
  return {
    id,
    label,
    shortcuts: [shortcut],
    keysIn: [],
    group: 'Text',
    menu: null,
    isEnabled: (state) => state.view.editorVisible,
    run: () => services().editorCommand(editorCommand),
  }
}

// The comparison lives beside the document (src/store/compare.ts): these read its store, not the designer's.
const comparing = () => compareStore.getState().comparison
const hasChanges = () => (comparing()?.diff.changes.length ?? 0) > 0
const editableComparison = () => !!comparing() && !comparing()!.readOnly

function compareStep(direction: 1 | -1): Action {
  return {
    id: direction === 1 ? 'compare-next' : 'compare-previous',
    label: direction === 1 ? 'Next change (Compare view)' : 'Previous change (Compare view)',
    // F7 is the diff editor's own "next difference" (line by line); Alt+F5 is free in the page, Monaco and Chromium.
    shortcuts: [direction === 1 ? 'Alt+F5' : 'Shift+Alt+F5'],
    keysIn: EVERYWHERE,
    group: 'View',
    menu: null,
    isEnabled: hasChanges,
    run: () => compareStore.getState().step(direction),
  }
}

const COMPARE_ACTIONS: readonly Action[] = [
  {
    id: 'compare',
    label: 'Compare… (with a file, pasted text or a review link)',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: hasFiles,
    run: () => services().chooseComparison(),
  },
  compareStep(1),
  compareStep(-1),
  {
    id: 'compare-swap',
    label: 'Swap before and after (Compare view)',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: editableComparison,
    run: () => compareStore.getState().swap(),
  },
  {
    id: 'compare-show-before',
    label: 'Show the before version’s picture (Compare view)',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => !!comparing(),
    isPressed: () => compareStore.getState().showBefore,
    run: () => compareStore.getState().setShowBefore(!compareStore.getState().showBefore),
  },
  {
    id: 'compare-copy-link',
    label: 'Copy review link (Compare view)',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => !!comparing(),
    run: () => void services().comparison?.copyReviewLink(),
  },
  {
    id: 'compare-export-svg',
    label: 'Export the comparison as SVG (Compare view)',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => !!comparing(),
    run: () => services().comparison?.exportSvg(),
  },
  {
    id: 'compare-close',
    label: 'Close the Compare view',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: editableComparison,
    run: () => compareStore.getState().close(),
  },
]

const PAGE_ACTIONS: readonly Action[] = [
  fileAction('new', 'New document', ['Mod+Alt+N'], (files) => files.newDocument()),
  fileAction('open-file', 'Open a file', ['Mod+O'], (files) => files.open()),
  fileAction('save', 'Save', ['Mod+S'], (files) => files.save()),
  fileAction('download', 'Download', [], (files) => files.download()),
  exportAction('svg'),
  exportAction('png'),
  fileAction('copy-share-link', 'Copy share link', [], (files) => files.copyShareLink(false)),
  fileAction('copy-view-link', 'Copy view-only link', [], (files) => files.copyShareLink(true)),
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: ['Mod+Z'],
    keysIn: HISTORY_KEYS,
    group: 'Edit',
    menu: null,
    // Not while the Compare view is shown: the document is out of sight there (and its diff editor is read-only).
    isEnabled: (state) => state.history.past.length > 0 && !comparing(),
    run: (store) => void store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: ['Mod+Shift+Z', 'Ctrl+Y'],
    keysIn: HISTORY_KEYS,
    group: 'Edit',
    menu: null,
    isEnabled: (state) => state.history.future.length > 0 && !comparing(),
    run: (store) => void store.getState().redo(),
  },
  {
    id: 'format',
    label: 'Format document',
    shortcuts: ['Shift+Alt+F'],
    keysIn: HISTORY_KEYS,
    group: 'Edit',
    menu: null,
    // Enabled with syntax errors too, so the key and the button say why nothing happens; not while comparing.
    isEnabled: () => !comparing(),
    run(store) {
      const state = store.getState()
      if (hasSyntaxErrors(state)) tell('Cannot format while the file has syntax errors: fix them first.')
      else state.format()
    },
  },
  {
    id: 'view-workflow',
    label: 'Show workflows',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => true,
    isPressed: (state) => state.view.mode === 'workflow',
    run: (store) => store.getState().setView({ mode: 'workflow' }),
  },
  {
    id: 'view-jobs',
    label: 'Show jobs board',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => true,
    isPressed: (state) => state.view.mode === 'jobs',
    run: (store) => store.getState().setView({ mode: 'jobs' }),
  },
  {
    id: 'view-runtime',
    label: 'Dry run (workflows) or jobs calendar (jobs): what CodeAI will do',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => true,
    isPressed: (state) => state.view.runtime,
    run: (store) => store.getState().setView({ runtime: !store.getState().view.runtime }),
  },
  ...COMPARE_ACTIONS,
  {
    id: 'toggle-data-flow',
    label: 'Show data flow',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => true,
    isPressed: (state) => state.view.dataFlow,
    run: (store) => store.getState().setView({ dataFlow: !store.getState().view.dataFlow }),
  },
  {
    id: 'toggle-minimap',
    label: 'Show the minimap',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => true,
    isPressed: (state) => state.view.minimap,
    run: (store) => store.getState().setView({ minimap: !store.getState().view.minimap }),
  },
  {
    id: 'theme',
    label: 'Switch theme (system, light, dark)',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => true,
    run: (store) => store.getState().setView({ theme: nextTheme(store.getState().view.theme) }),
  },
  paneToggle('toggle-canvas', 'Show the canvas', 'canvasVisible', 'editorVisible'),
  paneToggle('toggle-text', 'Show the text', 'editorVisible', 'canvasVisible'),
  {
    id: 'toggle-inspector',
    label: 'Show the inspector',
    shortcuts: [],
    keysIn: PAGE_KEYS,
    group: 'View',
    menu: null,
    isEnabled: () => true,
    run: () => services().inspector.setVisible(!services().inspector.visible()),
  },
  {
    id: 'next-region',
    label: 'Move to the next region',
    shortcuts: ['F6'],
    keysIn: EVERYWHERE,
    group: 'Help',
    menu: null,
    isEnabled: () => true,
    run: () => services().cycleRegion(1),
  },
  {
    id: 'previous-region',
    label: 'Move to the previous region',
    shortcuts: ['Shift+F6'],
    keysIn: EVERYWHERE,
    group: 'Help',
    menu: null,
    isEnabled: () => true,
    run: () => services().cycleRegion(-1),
  },
  {
    id: 'help',
    label: 'Keyboard shortcuts and commands',
    shortcuts: ['?'],
    keysIn: PAGE_KEYS,
    group: 'Help',
    menu: null,
    isEnabled: () => true,
    run: () => services().openHelp(),
  },
  {
    id: 'accessibility-help',
    label: 'Accessibility help (in the text: how Tab works)',
    shortcuts: ['Alt+F1'],
    keysIn: EVERYWHERE,
    group: 'Help',
    menu: null,
    isEnabled: () => true,
    run: () => services().openHelp(),
  },
  textCommand('text-tab-focus', 'Tab moves focus (on or off)', 'Mod+M', 'editor.action.toggleTabFocusMode'),
  textCommand('text-find', 'Find in the text', 'Mod+F', 'actions.find'),
  textCommand('text-replace', 'Replace in the text', 'Mod+H', 'editor.action.startFindReplaceAction'),
  textCommand('text-go-to-line', 'Go to line', 'Mod+G', 'editor.action.gotoLine'),
  textCommand('text-comment', 'Comment or uncomment lines', 'Mod+/', 'editor.action.commentLine'),
  textCommand('text-suggest', 'Suggest completions', 'Ctrl+Space', 'editor.action.triggerSuggest'),
  textCommand('text-definition', 'Go to definition', 'F12', 'editor.action.revealDefinition'),
  textCommand('text-next-problem', 'Go to the next problem', 'F8', 'editor.action.marker.nextInFiles'),
]

export const ACTIONS: readonly Action[] = [...NODE_ACTIONS, ...PAGE_ACTIONS]

/** How the undo and redo buttons name what they would do: "Undo: move step charge". */
export function historyLabel(state: DesignerState, which: 'undo' | 'redo'): string {
  const entries = which === 'undo' ? state.history.past : state.history.future
  const entry = entries[entries.length - 1]
  const verb = which === 'undo' ? 'Undo' : 'Redo'
  return entry ? `${verb}: ${entry.name}` : verb
}

export { THEME_NAMES }

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
