import { useStore } from 'zustand'
import { useDesigner } from '../store/designer'
import { loading } from '../workers/load-text'
import { autosaveStatus, files } from './documents'

const LABELS = {
  saved: 'Saved in browser',
  pending: 'Saving…',
  saving: 'Saving…',
} as const

/** Beside the document's name: the unsaved-changes mark, the autosave state and "Parsing…" for big texts. */
export function DocumentStatus() {
  const dirty = useDesigner((state) => state.text) !== useStore(files, (state) => state.cleanText)
  const status = useStore(autosaveStatus(), (state) => state)
  const parsing = useStore(loading, (state) => state.label)

  return (
    <div className="cai-doc-status">
      {dirty && (
        <span className="cai-dirty" data-testid="unsaved-mark" title="Changes not saved to a file or downloaded">
          <span aria-hidden="true">●</span>
          <span className="cai-sr-only">Unsaved changes</span>
        </span>
      )}
      {parsing && (
        <span className="cai-parsing" role="status">
          Parsing {parsing}…
        </span>
      )}
      {status.state === 'failed' || status.state === 'off' ? (
        <span className="cai-save-state cai-save-warning" data-testid="save-state" data-state={status.state} role="alert">
          <span aria-hidden="true">⚠</span> {status.state === 'off' ? 'Autosave off' : 'Not saved in browser'}: {status.message}
        </span>
      ) : (
        <span className="cai-save-state" data-testid="save-state" data-state={status.state} role="status" title={LABELS[status.state]}>
          {LABELS[status.state]}
        </span>
      )}
    </div>
  )
}
