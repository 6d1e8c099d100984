import type { Severity } from '../language/model'
import type { Finding } from './checks'

const SEVERITY_NAMES: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' }

/** A field's messages, as text (values from the file are never HTML). */
export function Findings({ id, findings }: { id: string; findings: readonly Finding[] }) {
  if (findings.length === 0) return null
  return (
    <ul id={id} className="cai-inspector-findings">
      {findings.map((finding, index) => (
        <li key={index} data-severity={finding.severity}>
          <span className="cai-sr-only">{SEVERITY_NAMES[finding.severity]}: </span>
          {finding.message}
        </li>
      ))}
    </ul>
  )
}
