import { memo, useCallback, useMemo, useRef } from 'react'
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

interface OutlineRowProps {
  kind: OutlineKind
  name: string
  /** Its place among the entries of its kind. */
  index: number
  broken: boolean
  errors: number
  warnings: number
  current: boolean
  onActivate(kind: OutlineKind, index: number): void
}

/**
 * One entry; only plain values as props, so a keystroke that changes nothing
 * it shows (spans move with every edit) skips it: a file with thousands of
 * jobs re-renders a handful of rows, not all of them.
 */
const OutlineRow = memo(function OutlineRow({ kind, name, index, broken, errors, warnings, current, onActivate }: OutlineRowProps) {
  return (
    <li data-kind={kind} data-name={name} data-broken={broken || undefined}>
      <button
        type="button"
        className={broken ? 'cai-outline-item cai-broken' : 'cai-outline-item'}
        aria-current={current ? 'true' : undefined}
        title={broken ? `${name} has syntax errors` : kind === 'other' ? `${name}: kept as written` : undefined}
        onClick={() => onActivate(kind, index)}
      >
        <span className="cai-outline-name">{name}</span>
        {broken && <span className="cai-sr-only"> (has syntax errors)</span>}
        <Counts errors={errors} warnings={warnings} />
      </button>
    </li>
  )
})

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
  // The rows call back with their kind and place; the entry (with its span as of now) is looked up then.
  const latest = useRef(entries)
  latest.current = entries
  const activateAt = useCallback((kind: OutlineKind, index: number) => {
    const entry = latest.current.filter((candidate) => candidate.kind === kind)[index]
    if (entry) activate(entry)
  }, [])

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
                <OutlineRow
                  key={`${entry.name}#${index}`}
                  kind={entry.kind}
                  name={entry.name}
                  index={index}
                  broken={entry.broken}
                  errors={entry.errors}
                  warnings={entry.warnings}
                  current={isCurrent(entry)}
                  onActivate={activateAt}
                />
              ))}
            </ul>
          </section>
        )
      })}
    </nav>
  )
})
