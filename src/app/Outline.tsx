import { memo, useMemo } from 'react'
import { designerStore, useDesigner } from '../store/designer'
import { jobNodeId } from '../store/node-ids'
import { outlineEntries, type OutlineEntry, type OutlineKind } from './outline-entries'

/** Shows the entry on the canvas and scrolls the text to it (the focus stays in the outline). */
function activate(entry: OutlineEntry) {
  const store = designerStore().getState()
  if (entry.kind === 'workflow' && !entry.broken) {
    store.selectWorkflow(entry.name)
    if (entry.span) store.revealSpan(entry.span, false)
  } else if (entry.kind === 'job' && !entry.broken) {
    store.setView({ mode: 'jobs' })
    store.selectNode(jobNodeId(entry.name))
  } else if (entry.span) {
    // A broken declaration or a foreign block: take the user to its text.
    if (entry.kind === 'workflow' && entry.broken) store.selectWorkflow(entry.name)
    store.revealSpan(entry.span, true)
  }
}

function Counts({ errors, warnings }: { errors: number; warnings: number }) {
  return (
    <span className="cai-counts">
      {errors > 0 && (
        <span className="cai-count cai-count-error" title={`${errors} error${errors > 1 ? 's' : ''}`}>
          <span aria-hidden="true">✕</span> {errors}
          <span className="cai-sr-only"> error{errors > 1 ? 's' : ''}</span>
        </span>
      )}
      {warnings > 0 && (
        <span className="cai-count cai-count-warning" title={`${warnings} warning${warnings > 1 ? 's' : ''}`}>
          <span aria-hidden="true">⚠</span> {warnings}
          <span className="cai-sr-only"> warning{warnings > 1 ? 's' : ''}</span>
        </span>
      )}
    </span>
  )
}

const GROUPS: { kind: OutlineKind; title: string }[] = [
  { kind: 'workflow', title: 'Workflows' },
  { kind: 'job', title: 'Jobs' },
  { kind: 'other', title: 'Other CodeAI blocks' },
]

export const Outline = memo(function Outline() {
  const doc = useDesigner((state) => state.parsed.doc)
  const diagnostics = useDesigner((state) => state.diagnostics)
  const mode = useDesigner((state) => state.view.mode)
  const selectedWorkflow = useDesigner((state) => state.selectedWorkflow)
  const selectedNodeId = useDesigner((state) => state.selectedNodeId)
  const entries = useMemo(() => outlineEntries(doc, diagnostics), [doc, diagnostics])

  const isCurrent = (entry: OutlineEntry) =>
    entry.kind === 'workflow'
      ? mode === 'workflow' && entry.name === selectedWorkflow
      : entry.kind === 'job' && mode === 'jobs' && selectedNodeId === jobNodeId(entry.name)

  return (
    <nav className="cai-outline" aria-label="Outline" data-testid="outline">
      {entries.length === 0 && <p className="cai-empty">No workflows or jobs yet.</p>}
      {GROUPS.map(({ kind, title }) => {
        const members = entries.filter((entry) => entry.kind === kind)
        if (members.length === 0) return null
        return (
          <section key={kind} className="cai-outline-group" aria-label={title}>
            <h2>{title}</h2>
            <ul>
              {members.map((entry, index) => (
                <li key={`${entry.name}#${index}`} data-kind={entry.kind} data-name={entry.name} data-broken={entry.broken || undefined}>
                  <button
                    type="button"
                    className={entry.broken ? 'cai-outline-item cai-broken' : 'cai-outline-item'}
                    aria-current={isCurrent(entry) ? 'true' : undefined}
                    title={entry.broken ? `${entry.name} has syntax errors` : entry.kind === 'other' ? `${entry.name}: kept as written` : undefined}
                    onClick={() => activate(entry)}
                  >
                    <span className="cai-outline-name">{entry.name}</span>
                    {entry.broken && <span className="cai-sr-only"> (has syntax errors)</span>}
                    <Counts errors={entry.errors} warnings={entry.warnings} />
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </nav>
  )
})
