/**
 * What the command layer needs from the page, passed in by the views that
 * own it: how to tell and ask the user, file handling, panels, the help sheet
 * and canvas search. So `src/actions` imports no view, and unit tests pass in
 * their own. Until a view provides a service, it does nothing (and the
 * actions that need it are disabled).
 */

export interface QuestionAction<T> {
  label: string
  value: T
  /** The default action: focused first. */
  primary?: boolean
}

export interface Question<T> {
  title: string
  /** Plain text; each string is one paragraph. */
  message: string[]
  actions: QuestionAction<T>[]
}

export type ImageKind = 'svg' | 'png'

/** File handling, provided by `src/files` once the page may edit (none for a view-only link). */
export interface FileCommands {
  newDocument(): Promise<unknown>
  open(): Promise<unknown>
  save(): Promise<unknown>
  download(): void
  exportImage(kind: ImageKind): Promise<unknown>
  copyShareLink(viewOnly: boolean): Promise<unknown>
}

export type Region = 'toolbar' | 'outline' | 'canvas' | 'text' | 'inspector' | 'problems'

export interface Services {
  /** A short message to the user (a transient notice, read out by screen readers). */
  tell(text: string): void
  /** A question in a dialog: the chosen action's value, or null when dismissed. */
  ask<T>(question: Question<T>): Promise<T | null>
  files: FileCommands | null
  inspector: {
    visible(): boolean
    setVisible(visible: boolean): void
    /** Shows the inspector and puts the keyboard focus in its first field. */
    focus(): void
  }
  /** Moves the keyboard focus to the next (+1) or previous (-1) region of the page. */
  cycleRegion(step: 1 | -1): void
  openHelp(): void
  openCanvasSearch(): void
  /** Runs one of the text editor's own commands (e.g. its find widget) in the text pane. */
  editorCommand(id: string): void
  /** Asks what to compare the document with (a file, pasted text, a review link), then opens the Compare view. */
  chooseComparison(): void
  /** The Compare view's link and picture, while it is open. */
  comparison: ComparisonCommands | null
}

export interface ComparisonCommands {
  copyReviewLink(): Promise<unknown>
  exportSvg(): void
}

const NOTHING: Services = {
  tell: () => undefined,
  ask: async () => null,
  files: null,
  inspector: { visible: () => false, setVisible: () => undefined, focus: () => undefined },
  cycleRegion: () => undefined,
  openHelp: () => undefined,
  openCanvasSearch: () => undefined,
  editorCommand: () => undefined,
  chooseComparison: () => undefined,
  comparison: null,
}

let current: Services = NOTHING

export function services(): Services {
  return current
}

/**
 * Provides some services; returns a function that puts back what was there
 * before, for those still as provided (so views providing and withdrawing in
 * any order do not withdraw each other's).
 */
export function provideServices(provided: Partial<Services>): () => void {
  const previous = current
  current = { ...current, ...provided }
  return () => {
    const restored: Record<string, unknown> = { ...current }
    for (const key of Object.keys(provided) as Array<keyof Services>) {
      if (current[key] === provided[key]) restored[key] = previous[key]
    }
    current = restored as unknown as Services
  }
}
