import { useState } from 'react'
import type { Diagnostic, NumberProp, Retry, StringProp } from '../language/model'
import { addRetry, removeRetry, setRetryField, type RetryOwner } from '../language/operations'
import { attemptsFindings, durationFindings, findingsWithCode, findingsWithin, multiplierFindings, type Finding } from './checks'
import { useEdit } from './edit-context'
import { Findings } from './Findings'
import { durationHint } from './hints'
import { RemoveEmptyValue } from './RemoveEmptyValue'
import { retrySummary, type RetryField } from './summaries'
import { TextField } from './TextField'

/** Problems of the policy as a whole, shown under its summary rather than under one field. */
const POLICY_CODES = ['retry-empty', 'runtime/retry-exceeds-timeout', 'runtime/unlimited-attempts', 'runtime/job-retry-ignored']

interface RetrySectionProps {
  owner: RetryOwner
  retry: Retry | undefined
  diagnostics: readonly Diagnostic[]
}

/** The retry policy of a workflow or job, with the waits it gives in words, updated as a field is typed. */
export function RetrySection({ owner, retry, diagnostics }: RetrySectionProps) {
  const { readOnly, run } = useEdit()
  const [draft, setDraft] = useState<{ field: RetryField; value: string } | null>(null)
  const kind = 'workflow' in owner ? 'workflow' : 'job'
  const ownerName = 'workflow' in owner ? `workflow "${owner.workflow}"` : `job "${owner.job}"`
  const fieldDiagnostics = diagnostics.filter((d) => !POLICY_CODES.includes(d.code))
  const summary = (draft && retrySummary(retry, kind, draft)) ?? retrySummary(retry, kind)

  const field = (name: RetryField, label: string, check: (value: string) => Finding[], prop: StringProp | NumberProp | undefined) => {
    const value = prop ? ('raw' in prop ? prop.raw : prop.value) : ''
    return (
      <TextField
        id={`inspector-retry-${name}`}
        label={label}
        value={value}
        optional
        check={check}
        findings={findingsWithin(fieldDiagnostics, prop?.span)}
        hint={name === 'initialInterval' ? durationHint : undefined}
        fix={
          name === 'initialInterval' ? (
            <RemoveEmptyValue diagnostics={fieldDiagnostics} span={prop?.span} target={{ owner, statement: 'initial_interval' }} />
          ) : undefined
        }
        onDraft={(typed) => setDraft(typed === null ? null : { field: name, value: typed })}
        commit={(typed) => run((doc) => setRetryField(doc, owner, name, typed))}
      />
    )
  }

  return (
    <fieldset className="cai-field-group" data-testid="inspector-retry">
      <legend>Retry policy</legend>
      {retry ? (
        <>
          {field(
            'maxAttempts',
            kind === 'workflow' ? 'Max attempts (the first included; 0: unlimited)' : 'Max attempts (retries after the first run)',
            attemptsFindings,
            retry.maxAttempts,
          )}
          {field(
            'initialInterval',
            'Initial interval',
            (value) => durationFindings(value, ownerName, 'retry initial_interval', 'so retries follow each other without a pause'),
            retry.initialInterval,
          )}
          {field('backoffMultiplier', 'Backoff multiplier', multiplierFindings, retry.backoffMultiplier)}
        </>
      ) : null}
      <p className="cai-retry-summary" data-testid="retry-summary" aria-live="polite">
        {summary}
      </p>
      <Findings id="inspector-retry-findings" findings={retry ? findingsWithCode(diagnostics, retry.span, POLICY_CODES) : []} />
      {readOnly === undefined &&
        (retry ? (
          <button type="button" onClick={() => run((doc) => removeRetry(doc, owner))}>
            Remove retry policy
          </button>
        ) : (
          <button type="button" onClick={() => run((doc) => addRetry(doc, owner))}>
            Add retry policy
          </button>
        ))}
    </fieldset>
  )
}
