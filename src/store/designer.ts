import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { createIncrementalParser } from '../language/parse'
import { print, printItem } from '../language/print'
import { applyToText, type OpResult } from '../language/operations'
import { EMPTY_HISTORY, record, undo as undoStep, redo as redoStep, type History, type HistoryEntry } from './history'
import { createIncrementalValidator } from '../language/validate'
import { locate, findWorkflow, findJob, allSteps, type Location } from '../language/locate'
import type { CaiDocument, Diagnostic, Job, ParseResult, Span, Workflow } from '../language/model'
import { parseNodeId, stepNodeId, parallelNodeId, triggerNodeId, jobNodeId, type NodeRef } from './node-ids'
import { isRuntimeDiagnostic, runtimeWarnings } from '../runtime/warnings'
import { currentProfile, runtimeStore } from './runtime'
import { endStage, stageStart } from './timing'

export type ThemeSetting = 'system' | 'light' | 'dark'
export type CanvasMode = 'workflow' | 'jobs'
/**
 * Who changed the text: the editor ignores its own changes and mirrors the
 * others. `file` starts a new document (and a new undo history); `history` is
 * undo/redo, which is not recorded again; `paste` is a big paste parsed in
 * the worker (its own undo step).
 */
export type TextOrigin = 'editor' | 'canvas' | 'file' | 'format' | 'history' | 'paste'

/** A request to the text pane to select (and scroll to) a span. */
export interface RevealRequest {
  span: Span
  seq: number
  focus: boolean
}

/** The side panels around the canvas and text. */
export type PanelId = 'outline' | 'inspector' | 'problems'

export interface PanelState {
  open: boolean
  /** Width (outline, inspector) or height (problems), in CSS pixels. */
  size: number
}

export interface ViewState {
  theme: ThemeSetting
  /** The theme in effect: the setting, or the system's (kept up to date by the app shell). */
  resolvedTheme: 'light' | 'dark'
  dataFlow: boolean
  editorVisible: boolean
  canvasVisible: boolean
  /** The canvas's share of the width, 0..1. */
  split: number
  mode: CanvasMode
  /** Show the runtime view of the mode: the Dry run of the workflow, or the Jobs calendar. */
  runtime: boolean
  /** The panels as the user left them on a wide window. */
  panels: Record<PanelId, PanelState>
  /** A narrow window: the panels start collapsed, and opening one there does not change the wide-window choice. */
  compact: boolean
  /** Which panels are open while the window is narrow. */
  compactOpen: Record<PanelId, boolean>
  /** The canvas's minimap (off by default: it would cover part of a small canvas). */
  minimap: boolean
}

export const DEFAULT_PANELS: Record<PanelId, PanelState> = {
  outline: { open: true, size: 220 },
  inspector: { open: true, size: 320 },
  problems: { open: true, size: 160 },
}

const ALL_COLLAPSED: Record<PanelId, boolean> = { outline: false, inspector: false, problems: false }

/** Whether a panel is shown now. */
export const panelOpen = (view: ViewState, panel: PanelId): boolean => (view.compact ? view.compactOpen[panel] : view.panels[panel].open)

export interface DesignerState {
  docName: string
  /** The truth. Everything below it is derived from it. */
  text: string
  textOrigin: TextOrigin
  parsed: ParseResult
  /** Syntax and validation diagnostics, by position. */
  diagnostics: Diagnostic[]
  /** The last good parse of each declaration, keyed `workflow:NAME` / `job:NAME`: shown greyed while it is broken. */
  lastGood: Record<string, Workflow | Job>
  selectedWorkflow: string | null
  selectedNodeId: string | null
  cursorOffset: number
  reveal: RevealRequest | null
  view: ViewState
  /** One undo history for both panes. */
  history: History

  /** `name` says what the change was, in the undo history ("move step charge"). */
  setText(text: string, origin?: TextOrigin, name?: string): void
  /**
   * Replace the text with one parsed and validated elsewhere (the parse worker,
   * for big texts; `diagnostics` as setText derives them): the state setText
   * would give, without parsing on this thread.
   */
  adoptText(text: string, derived: { parsed: ParseResult; diagnostics: Diagnostic[] }, origin?: TextOrigin): void
  /** Parse and validate `text` into the incremental parser's and validator's memory, changing no state: a later text with the same declarations is derived fast. */
  primeParser(text: string): void
  setDocName(name: string): void
  /** The text cursor moved: select the workflow and node it is in. */
  setCursor(offset: number): void
  /**
   * The user edited the text pane, leaving the caret at `cursorOffset`: setText
   * and setCursor as one change of state, so the page renders once for both.
   */
  typeText(text: string, cursorOffset: number): void
  selectWorkflow(name: string): void
  /** A node was chosen on the canvas: select it and reveal its text. */
  selectNode(id: string | null, options?: { reveal?: boolean; focus?: boolean }): void
  revealSpan(span: Span, focus?: boolean): void
  format(): void
  setView(patch: Partial<ViewState>): void
  /** Opens, closes or resizes a panel (on a narrow window, opening or closing it only there). */
  setPanel(panel: PanelId, patch: Partial<PanelState>): void
  /** The window became narrow or wide: entering narrow collapses every panel. */
  setCompact(compact: boolean): void
  /**
   * Runs a document operation and writes its result into the text, changing
   * only the declarations it concerns: one undo step. Refusals change nothing.
   */
  runOperation(operation: (doc: CaiDocument) => OpResult, name?: string): OpResult
  undo(): boolean
  redo(): boolean
}

const lastGoodKey = (kind: 'workflow' | 'job', name: string) => `${kind}:${name}`

/** The last good pictures a new text builds on: none for a new document, whose declarations share only names with the old one's. */
const goodBefore = (state: DesignerState, origin: TextOrigin) => (origin === 'file' ? {} : state.lastGood)

type Validate = (doc: CaiDocument, text: string) => Diagnostic[]

function derive(parse: (text: string) => ParseResult, validate: Validate, text: string, previousGood: Record<string, Workflow | Job>) {
  const parseStart = stageStart()
  const parsed = parse(text)
  const validateStart = stageStart()
  endStage('parse', parseStart)
  const diagnostics = withRuntimeWarnings([...parsed.diagnostics, ...validate(parsed.doc, text)], parsed.doc, text)
  const lastGood = withLastGood(parsed.doc, previousGood)
  endStage('validate', validateStart)
  return { parsed, diagnostics, lastGood }
}

/** The diagnostics with the runtime warnings of the current profile (replacing any earlier ones), by position. */
function withRuntimeWarnings(diagnostics: Diagnostic[], doc: CaiDocument, text: string): Diagnostic[] {
  return [...diagnostics.filter((d) => !isRuntimeDiagnostic(d)), ...runtimeWarnings(doc, text, currentProfile())].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  )
}

function withLastGood(doc: CaiDocument, previousGood: Record<string, Workflow | Job>): Record<string, Workflow | Job> {
  let lastGood = previousGood
  for (const item of doc.items) {
    if (item.kind !== 'workflow' && item.kind !== 'job') continue
    const key = lastGoodKey(item.kind, item.name)
    if (lastGood[key] !== item) {
      if (lastGood === previousGood) lastGood = { ...previousGood }
      lastGood[key] = item
    }
  }
  return lastGood
}

/** The names of the workflows shown on the canvas: parsed ones and broken ones whose name is known. */
export function workflowNames(doc: CaiDocument): string[] {
  const names: string[] = []
  for (const item of doc.items) {
    if (item.kind === 'workflow') names.push(item.name)
    else if (item.kind === 'broken' && item.declaration === 'workflow' && item.name) names.push(item.name)
  }
  return names
}

function keepSelectedWorkflow(doc: CaiDocument, current: string | null, cursorOffset: number): string | null {
  const names = workflowNames(doc)
  if (current && names.includes(current)) return current
  const here = locate(doc, cursorOffset)?.item
  if (here && (here.kind === 'workflow' || (here.kind === 'broken' && here.declaration === 'workflow'))) {
    return here.name ?? names[0] ?? null
  }
  return names[0] ?? null
}

/** The node id at a text offset, if the offset is inside a workflow or job. */
export function nodeIdAt(doc: CaiDocument, offset: number): string | null {
  return nodeIdOf(locate(doc, offset), offset)
}

/** The node id of what stands at `offset`, found there by locate. */
function nodeIdOf(here: Location | undefined, offset: number): string | null {
  if (!here) return null
  if (here.item.kind === 'job') return jobNodeId(here.item.name)
  if (here.item.kind !== 'workflow') return null
  const workflow = here.item
  if (here.step) return stepNodeId(workflow.name, here.step.name)
  if (here.parallel) return parallelNodeId(workflow.name, here.parallel.index)
  if (workflow.trigger.span && offset >= workflow.trigger.span.start && offset <= workflow.trigger.span.end) {
    return triggerNodeId(workflow.name)
  }
  return null
}

/** Where the caret at `offset` puts the selection: the workflow and node it is in, and the board that shows them. */
function cursorPlace(doc: CaiDocument, offset: number, state: Pick<DesignerState, 'selectedWorkflow' | 'view'>) {
  const here = locate(doc, offset)
  let selectedWorkflow = state.selectedWorkflow
  if (here?.item.kind === 'workflow') selectedWorkflow = here.item.name
  else if (here?.item.kind === 'broken' && here.item.declaration === 'workflow' && here.item.name) selectedWorkflow = here.item.name
  const mode = here?.item.kind === 'job' ? 'jobs' : here?.item.kind === 'workflow' ? 'workflow' : state.view.mode
  // The same view object when the board stays: a new one would wake every reader of the view.
  const view = mode === state.view.mode ? state.view : { ...state.view, mode }
  return { cursorOffset: offset, selectedWorkflow, selectedNodeId: nodeIdOf(here, offset), view }
}

/** The text span a node stands for. */
export function spanOfNode(doc: CaiDocument, ref: NodeRef): Span | undefined {
  if (ref.kind === 'job') return findJob(doc, ref.job)?.span
  const workflow = findWorkflow(doc, ref.workflow)
  if (!workflow) return undefined
  switch (ref.kind) {
    case 'step':
      return allSteps(workflow).find((step) => step.name === ref.step)?.span
    case 'trigger':
      return workflow.trigger.span
    case 'end':
      return workflow.timeout?.span ?? workflow.span
    case 'parallel':
      return workflow.steps.items.filter((entry) => entry.kind === 'parallel')[ref.index]?.span
  }
}

function historyAfter(state: DesignerState, text: string, origin: TextOrigin, name?: string): History {
  if (origin === 'file') return EMPTY_HISTORY
  if (origin === 'history') return state.history
  return record(state.history, state.text, text, origin, state.cursorOffset, Date.now(), name)
}

export function createDesignerStore(initialText = '', docName = 'untitled.cai') {
  const parse = createIncrementalParser()
  const validate = createIncrementalValidator()
  const initial = derive(parse, validate, initialText, {})
  let revealSeq = 0

  const store = createStore<DesignerState>()((set, get) => ({
    docName,
    text: initialText,
    textOrigin: 'file',
    ...initial,
    selectedWorkflow: keepSelectedWorkflow(initial.parsed.doc, null, 0),
    selectedNodeId: null,
    cursorOffset: 0,
    reveal: null,
    history: EMPTY_HISTORY,
    view: {
      theme: 'system',
      dataFlow: false,
      editorVisible: true,
      canvasVisible: true,
      split: 0.55,
      resolvedTheme: 'light',
      mode: 'workflow',
      runtime: false,
      panels: DEFAULT_PANELS,
      compact: false,
      compactOpen: ALL_COLLAPSED,
      minimap: false,
    },

    setText(text, origin = 'editor', name) {
      changeText(text, origin, name)
    },

    typeText(text, cursorOffset) {
      if (text === get().text) get().setCursor(cursorOffset)
      else changeText(text, 'editor', undefined, cursorOffset)
    },

    adoptText(text, { parsed, diagnostics }, origin = 'file') {
      const state = get()
      set({
        text,
        textOrigin: origin,
        history: historyAfter(state, text, origin),
        parsed,
        diagnostics: withRuntimeWarnings(diagnostics, parsed.doc, text),
        lastGood: withLastGood(parsed.doc, goodBefore(state, origin)),
        selectedWorkflow: keepSelectedWorkflow(parsed.doc, state.selectedWorkflow, state.cursorOffset),
      })
    },

    primeParser(text) {
      validate(parse(text).doc, text)
    },

    setDocName(name) {
      set({ docName: name })
    },

    setCursor(offset) {
      const state = get()
      const place = cursorPlace(state.parsed.doc, offset, state)
      // Nothing new (the caret moved back where typeText had put it): no change, no render.
      if ((Object.keys(place) as (keyof typeof place)[]).every((key) => place[key] === state[key])) return
      set(place)
    },

    selectWorkflow(name) {
      set({ selectedWorkflow: name, selectedNodeId: null, view: { ...get().view, mode: 'workflow' } })
    },

    selectNode(id, options = {}) {
      if (!id) {
        set({ selectedNodeId: null })
        return
      }
      const ref = parseNodeId(id)
      const span = ref && spanOfNode(get().parsed.doc, ref)
      set({
        selectedNodeId: id,
        ...(ref && ref.kind !== 'job' ? { selectedWorkflow: ref.workflow } : {}),
        ...(span && options.reveal !== false ? { reveal: { span, seq: ++revealSeq, focus: !!options.focus } } : {}),
      })
    },

    revealSpan(span, focus = true) {
      const { parsed } = get()
      const nodeId = nodeIdAt(parsed.doc, span.start)
      const here = locate(parsed.doc, span.start)
      set({
        reveal: { span, seq: ++revealSeq, focus },
        selectedNodeId: nodeId,
        ...(here?.item.kind === 'workflow' ? { selectedWorkflow: here.item.name } : {}),
      })
    },

    format() {
      const { parsed, text } = get()
      if (parsed.diagnostics.some((d) => d.severity === 'error')) return
      const formatted = print(parsed.doc)
      if (formatted !== text) get().setText(formatted, 'format')
    },

    setView(patch) {
      set({ view: { ...get().view, ...patch } })
    },

    setPanel(panel, { open, size }) {
      const view = get().view
      const panels = size === undefined ? view.panels : { ...view.panels, [panel]: { ...view.panels[panel], size } }
      if (open === undefined || open === panelOpen(view, panel)) set({ view: { ...view, panels } })
      else if (view.compact) set({ view: { ...view, panels, compactOpen: { ...view.compactOpen, [panel]: open } } })
      else set({ view: { ...view, panels: { ...panels, [panel]: { ...panels[panel], open } } } })
    },

    setCompact(compact) {
      const view = get().view
      if (compact !== view.compact) set({ view: { ...view, compact, compactOpen: ALL_COLLAPSED } })
    },

    runOperation(operation, name) {
      const { parsed, text } = get()
      const result = operation(parsed.doc)
      if (!result.ok || result.doc === parsed.doc) return result
      get().setText(applyToText(text, parsed.doc, result.doc, printItem), 'canvas', name)
      return result
    },

    undo() {
      return travel(undoStep(get().history, get().text))
    },

    redo() {
      return travel(redoStep(get().history, get().text))
    },
  }))

  /** A new text, and with it the caret's new place if the user typed it (`cursorOffset`). */
  function changeText(text: string, origin: TextOrigin, name: string | undefined, cursorOffset?: number) {
    const state = store.getState()
    if (text === state.text) return
    const next = derive(parse, validate, text, goodBefore(state, origin))
    const setStart = stageStart()
    const selectedWorkflow = keepSelectedWorkflow(next.parsed.doc, state.selectedWorkflow, state.cursorOffset)
    store.setState({
      text,
      textOrigin: origin,
      history: historyAfter(state, text, origin, name),
      ...next,
      selectedWorkflow,
      ...(cursorOffset === undefined ? {} : cursorPlace(next.parsed.doc, cursorOffset, { ...state, selectedWorkflow })),
    })
    // The store's subscribers (React schedules its renders here; it renders later).
    endStage('notify', setStart)
  }

  /** Applies an undo or redo step; a step of typing puts the cursor back where it was. */
  function travel(step: { text: string; history: History; entry: HistoryEntry } | null): boolean {
    if (!step) return false
    store.getState().setText(step.text, 'history')
    const reveal =
      step.entry.origin === 'editor'
        ? { span: { start: step.entry.cursorBefore, end: step.entry.cursorBefore }, seq: ++revealSeq, focus: false }
        : null
    store.setState({ history: step.history, ...(reveal ? { reveal } : {}) })
    return true
  }

  // A new profile changes the runtime warnings, not the text.
  runtimeStore.subscribe((state, previous) => {
    if (state.profile === previous.profile) return
    const { diagnostics, parsed, text } = store.getState()
    store.setState({ diagnostics: withRuntimeWarnings(diagnostics, parsed.doc, text) })
  })

  return store
}

export type DesignerStore = ReturnType<typeof createDesignerStore>

let current: DesignerStore | null = null

/** The page's one store. Created by the app shell with the initial text. */
export function initDesignerStore(text: string, docName: string): DesignerStore {
  current = createDesignerStore(text, docName)
  return current
}

export function designerStore(): DesignerStore {
  if (!current) current = createDesignerStore()
  return current
}

/** Select from the page's store in a React component. */
export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(designerStore(), selector)
}
