import { HistoryButtons } from '../actions/HistoryButtons'
import { InspectorToggle } from '../inspector'
import { designerStore, useDesigner, type ViewState } from '../store/designer'
import { DocumentStatus } from '../files/DocumentStatus'
import { FileActions } from '../files/FileActions'
import { nextTheme } from './theme'

const THEME_NAMES = { system: 'System', light: 'Light', dark: 'Dark' } as const

function setView(patch: Partial<ViewState>) {
  designerStore().getState().setView(patch)
}

export function Toolbar() {
  const docName = useDesigner((state) => state.docName)
  const view = useDesigner((state) => state.view)
  const hasSyntaxErrors = useDesigner((state) => state.parsed.diagnostics.some((d) => d.severity === 'error'))
  const next = nextTheme(view.theme)

  return (
    <header className="cai-toolbar">
      <h1 className="cai-doc-name" title={docName}>
        {docName}
      </h1>
      <DocumentStatus />

      <FileActions />

      <div className="cai-toolbar-group" role="group" aria-label="Edit">
        <button
          type="button"
          onClick={() => designerStore().getState().format()}
          disabled={hasSyntaxErrors}
          title={hasSyntaxErrors ? 'Fix the syntax errors first' : 'Format the whole file'}
        >
          Format
        </button>
        <HistoryButtons />
      </div>

      <div className="cai-toolbar-group cai-segmented" role="group" aria-label="Canvas view">
        <button type="button" aria-pressed={view.mode === 'workflow'} onClick={() => setView({ mode: 'workflow' })}>
          Workflow
        </button>
        <button type="button" aria-pressed={view.mode === 'jobs'} onClick={() => setView({ mode: 'jobs' })}>
          Jobs
        </button>
        <button
          type="button"
          data-testid="runtime-view"
          aria-pressed={view.runtime}
          title={view.mode === 'jobs' ? 'The jobs laid on a calendar by queue' : 'What CodeAI will do with the workflow: a dry run'}
          onClick={() => setView({ runtime: !view.runtime })}
        >
          {view.mode === 'jobs' ? 'Calendar' : 'Dry run'}
        </button>
      </div>

      <div className="cai-toolbar-group" role="group" aria-label="Display">
        <button
          type="button"
          aria-pressed={view.dataFlow}
          onClick={() => setView({ dataFlow: !view.dataFlow })}
          title="Show which step's output feeds which step's input"
        >
          Data flow
        </button>
        <button
          type="button"
          aria-label={`Theme: ${THEME_NAMES[view.theme]}. Switch to ${THEME_NAMES[next]}`}
          title={`Theme: ${THEME_NAMES[view.theme]} (click for ${THEME_NAMES[next]})`}
          onClick={() => setView({ theme: next })}
        >
          <span aria-hidden="true">{view.theme === 'dark' ? '☾' : view.theme === 'light' ? '☀' : '◐'}</span>{' '}
          {THEME_NAMES[view.theme]}
        </button>
      </div>

      <div className="cai-toolbar-group" role="group" aria-label="Panes">
        <button
          type="button"
          aria-pressed={view.canvasVisible}
          // The last visible pane cannot be hidden.
          disabled={view.canvasVisible && !view.editorVisible}
          onClick={() => setView({ canvasVisible: !view.canvasVisible })}
          title={view.canvasVisible ? 'Hide the canvas' : 'Show the canvas'}
        >
          Canvas
        </button>
        <button
          type="button"
          aria-pressed={view.editorVisible}
          disabled={view.editorVisible && !view.canvasVisible}
          onClick={() => setView({ editorVisible: !view.editorVisible })}
          title={view.editorVisible ? 'Hide the text' : 'Show the text'}
        >
          Text
        </button>
        <InspectorToggle />
      </div>
    </header>
  )
}
