import { memo, useMemo, useState } from 'react'
import { designerStore, panelOpen, useDesigner } from '../store/designer'
import type { Diagnostic, Severity } from '../language/model'
import {
  countBySeverity,
  declarationChoices,
  problemRows,
  severityCount,
  SEVERITIES,
  type ProblemRow,
} from './problem-rows'

const SEVERITY_NAMES: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }
const FILTER_NAMES: Record<Severity, string> = { error: 'errors', warning: 'warnings', info: 'information' }
const LIST_ID = 'cai-problems-list'

function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg className={`cai-severity-icon cai-${severity}`} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      {severity === 'error' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="var(--cai-bg)" strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M8 1.5l7 13H1z" fill="currentColor" />
          <path d="M8 6v4.2M8 12.2v.3" stroke="var(--cai-bg)" strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M8 7.2v4.3M8 4.6v.3" stroke="var(--cai-bg)" strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
    </svg>
  )
}

/** Re-rendered only when what it shows or where it leads changes (diagnostics are new objects after every edit). */
const sameProblem = ({ diagnostic: a }: { diagnostic: Diagnostic }, { diagnostic: b }: { diagnostic: Diagnostic }) =>
  a === b ||
  (a.severity === b.severity &&
    a.message === b.message &&
    a.code === b.code &&
    a.start.line === b.start.line &&
    a.start.column === b.start.column &&
    a.span.start === b.span.start &&
    a.span.end === b.span.end)

const ProblemEntry = memo(function ProblemEntry({ diagnostic }: { diagnostic: Diagnostic }) {
  const { severity, message, start, code } = diagnostic
  return (
    <li data-severity={severity} data-code={code}>
      <button
        type="button"
        className="cai-problem"
        // A button activates on Enter and Space as well as on click.
        onClick={() => designerStore().getState().revealSpan(diagnostic.span, true)}
      >
        <SeverityIcon severity={severity} />
        <span className="cai-sr-only">{SEVERITY_NAMES[severity]}: </span>
        <span className="cai-problem-message">{message}</span>
        <span className="cai-problem-location">
          {start.line}:{start.column}
        </span>
        <span className="cai-problem-code">{code}</span>
      </button>
    </li>
  )
}, sameProblem)

/** By code and place in the list, not by offset: an edit above a problem moves its offset, and must not remount its row. */
const keyOf = (diagnostic: Diagnostic, index: number) => `${diagnostic.code}#${index}`

/** The notes on other CodeAI blocks, as one row that opens to list them. */
function OtherBlocksRow({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const [expanded, setExpanded] = useState(false)
  const count = diagnostics.length
  return (
    <li data-severity="info" data-group="other-blocks">
      <button type="button" className="cai-problem" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
        <SeverityIcon severity="info" />
        <span className="cai-sr-only">Info: </span>
        <span className="cai-problem-message">
          {count} other CodeAI block{count === 1 ? '' : 's'} kept as written
        </span>
        <span className="cai-problem-location" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
      </button>
      {expanded && (
        <ul className="cai-problems-group">
          {diagnostics.map((diagnostic, index) => (
            <ProblemEntry key={keyOf(diagnostic, index)} diagnostic={diagnostic} />
          ))}
        </ul>
      )}
    </li>
  )
}

function Row({ row }: { row: ProblemRow }) {
  return row.kind === 'problem' ? <ProblemEntry diagnostic={row.diagnostic} /> : <OtherBlocksRow diagnostics={row.diagnostics} />
}

const toggleOpen = () => {
  const store = designerStore().getState()
  store.setPanel('problems', { open: !panelOpen(store.view, 'problems') })
}

/**
 * The Problems panel: a header with the counts (each a filter: press to hide
 * or show that severity), a choice of declaration, and the list, errors first.
 * The header stays when the panel is collapsed.
 */
export const ProblemsList = memo(function ProblemsList() {
  const diagnostics = useDesigner((state) => state.diagnostics)
  const doc = useDesigner((state) => state.parsed.doc)
  const open = useDesigner((state) => panelOpen(state.view, 'problems'))
  const [hidden, setHidden] = useState<ReadonlySet<Severity>>(new Set())
  const [declaration, setDeclaration] = useState('')

  const choices = useMemo(() => declarationChoices(doc), [doc])
  // A declaration that is gone (renamed, deleted) no longer filters.
  const chosen = choices.find((choice) => choice.value === declaration)
  const counts = useMemo(() => countBySeverity(diagnostics), [diagnostics])
  const rows = useMemo(
    () => problemRows(diagnostics, { severities: new Set(SEVERITIES.filter((s) => !hidden.has(s))), spans: chosen?.spans }),
    [diagnostics, hidden, chosen],
  )

  const toggleSeverity = (severity: Severity) => {
    const next = new Set(hidden)
    if (!next.delete(severity)) next.add(severity)
    setHidden(next)
    if (!open) toggleOpen()
  }

  return (
    <section className="cai-problems" aria-label="Problems" data-testid="problems">
      <header className="cai-problems-header">
        <h2>
          <button type="button" className="cai-problems-toggle" aria-expanded={open} aria-controls={open && diagnostics.length > 0 ? LIST_ID : undefined} onClick={toggleOpen}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> Problems
          </button>
        </h2>
        {diagnostics.length === 0 ? (
          <span className="cai-problems-summary">No problems</span>
        ) : (
          <>
            <span className="cai-problems-summary" role="group" aria-label="Show by severity">
              {SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => (
                <button
                  key={severity}
                  type="button"
                  className="cai-severity-filter"
                  data-severity={severity}
                  aria-pressed={!hidden.has(severity)}
                  title={hidden.has(severity) ? `Show ${FILTER_NAMES[severity]}` : `Hide ${FILTER_NAMES[severity]}`}
                  onClick={() => toggleSeverity(severity)}
                >
                  <SeverityIcon severity={severity} /> {severityCount(severity, counts[severity])}
                </button>
              ))}
            </span>
            {choices.length > 1 && (
              <select
                className="cai-problems-declaration"
                aria-label="Show the problems of"
                value={chosen ? declaration : ''}
                onChange={(event) => setDeclaration(event.target.value)}
              >
                <option value="">All declarations</option>
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </>
        )}
      </header>
      {open && diagnostics.length > 0 && (
        <ul id={LIST_ID}>
          {rows.length === 0 && <li className="cai-empty">No problems match the filters.</li>}
          {rows.map((row, index) => (
            <Row key={row.kind === 'problem' ? keyOf(row.diagnostic, index) : 'other-blocks'} row={row} />
          ))}
        </ul>
      )}
    </section>
  )
})
