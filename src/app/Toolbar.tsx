import { ActionButton } from '../actions/ActionButton'
import { HistoryButtons } from '../actions/HistoryButtons'
import { THEME_NAMES, nextTheme } from '../actions/registry'
import { InspectorToggle } from '../inspector'
import { useDesigner } from '../store/designer'
import { DocumentStatus } from '../files/DocumentStatus'
import { FileActions } from '../files/FileActions'
import { CanvasSearch } from './CanvasSearch'
import { HelpSheet } from './HelpSheet'
import { useAppServices } from './services'

/** The toolbar: every button runs an action of the registry (src/actions/registry.ts). */
export function Toolbar() {
  useAppServices()
  const docName = useDesigner((state) => state.docName)
  const theme = useDesigner((state) => state.view.theme)
  const mode = useDesigner((state) => state.view.mode)
  const hasSyntaxErrors = useDesigner((state) => state.parsed.diagnostics.some((d) => d.severity === 'error'))
  const next = nextTheme(theme)

  return (
    <header className="cai-toolbar">
      <h1 className="cai-doc-name" title={docName}>
        {docName}
      </h1>
      <DocumentStatus />

      <FileActions />

      <div className="cai-toolbar-group" role="group" aria-label="Edit">
        <ActionButton id="format" label={hasSyntaxErrors ? 'Format: fix the syntax errors first' : 'Format the whole file'}>
          Format
        </ActionButton>
        <HistoryButtons />
      </div>

      <div className="cai-toolbar-group cai-segmented" role="group" aria-label="Canvas view">
        <ActionButton id="view-workflow">Workflow</ActionButton>
        <ActionButton id="view-jobs">Jobs</ActionButton>
        <ActionButton
          id="view-runtime"
          testId="runtime-view"
          label={mode === 'jobs' ? 'The jobs laid on a calendar by queue' : 'What CodeAI will do with the workflow: a dry run'}
        >
          {mode === 'jobs' ? 'Calendar' : 'Dry run'}
        </ActionButton>
      </div>

      <div className="cai-toolbar-group" role="group" aria-label="Display">
        <ActionButton id="toggle-data-flow" label="Show which step's output feeds which step's input">
          Data flow
        </ActionButton>
        <ActionButton id="theme" label={`Theme: ${THEME_NAMES[theme]}. Switch to ${THEME_NAMES[next]}`}>
          <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span> {THEME_NAMES[theme]}
        </ActionButton>
      </div>

      <div className="cai-toolbar-group" role="group" aria-label="Panes">
        <ActionButton id="toggle-canvas">Canvas</ActionButton>
        <ActionButton id="toggle-text">Text</ActionButton>
        <InspectorToggle />
      </div>

      <div className="cai-toolbar-group" role="group" aria-label="Help">
        <ActionButton id="help">
          <span aria-hidden="true">?</span>
        </ActionButton>
      </div>
      <HelpSheet />
      <CanvasSearch />
    </header>
  )
}
