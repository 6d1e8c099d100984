import { memo } from 'react'
import { designerStore, useDesigner } from '../store/designer'
import type { Diagnostic, Severity } from '../language/model'

const SEVERITY_NAMES: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }

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
})

function summary(diagnostics: Diagnostic[]): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length
  const parts = (['error', 'warning', 'info'] as const)
    .map((severity) => [count(severity), severity] as const)
    .filter(([n]) => n > 0)
    .map(([n, severity]) => `${n} ${severity === 'info' ? 'info' : severity + (n > 1 ? 's' : '')}`)
  return parts.length ? parts.join(', ') : 'No problems'
}

export const ProblemsList = memo(function ProblemsList() {
  const diagnostics = useDesigner((state) => state.diagnostics)
  return (
    <section className="cai-problems" aria-label="Problems" data-testid="problems">
      <h2>
        Problems <span className="cai-problems-summary">{summary(diagnostics)}</span>
      </h2>
      {diagnostics.length > 0 && (
        <ul>
          {diagnostics.map((diagnostic, index) => (
            <ProblemEntry key={`${diagnostic.code}@${diagnostic.span.start}-${diagnostic.span.end}#${index}`} diagnostic={diagnostic} />
          ))}
        </ul>
      )}
    </section>
  )
})
