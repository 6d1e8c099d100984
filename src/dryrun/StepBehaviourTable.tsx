/**
 * The per-step behaviour table of the Dry run view. A long workflow lists its
 * first STEP_ROWS_MAX steps, with a search box to find the others: a row per
 * step of a 10,000-step workflow was 80,000 elements, seconds to lay out.
 */
import { useId, useState } from 'react'
import { BEHAVIOURS, behaviourOf, type Behaviour, type Scenario, type StepBehaviour } from '../runtime/scenario'
import { formatDuration, NANOS, parseGoDuration } from '../language/duration'
import { shownSteps, STEP_ROWS_MAX } from './step-rows'

interface StepBehaviourTableProps {
  names: readonly string[]
  /** Null while the scenario text does not read: the rows are shown, disabled. */
  scenario: Scenario | null
  changeStep(name: string, change: Partial<StepBehaviour>): void
}

export function StepBehaviourTable({ names, scenario, changeStep }: StepBehaviourTableProps) {
  const [filter, setFilter] = useState('')
  const filterId = useId()
  const noteId = useId()
  const long = names.length > STEP_ROWS_MAX
  const { rows, matching } = shownSteps(names, long ? filter : '')
  return (
    <>
      {long && (
        <p className="cai-dryrun-find">
          <label htmlFor={filterId}>Find a step</label>{' '}
          <input id={filterId} type="search" value={filter} aria-describedby={noteId} onChange={(event) => setFilter(event.target.value)} />{' '}
          <span id={noteId} className="cai-muted" data-testid="step-rows-note" aria-live="polite">
            {rows.length < matching
              ? `Showing ${rows.length.toLocaleString('en-US')} of ${matching.toLocaleString('en-US')} ${filter ? 'matching ' : ''}steps: type part of a name to find others.`
              : `${matching.toLocaleString('en-US')} ${filter ? 'matching ' : ''}step${matching === 1 ? '' : 's'}.`}
          </span>
        </p>
      )}
      <table className="cai-dryrun-steps">
        <caption>Per-step behaviour</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Behaviour</th>
            <th scope="col">Fails first</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((name) => {
            const behaviour = scenario ? behaviourOf(scenario, name) : undefined
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>
                  <select
                    aria-label={`Behaviour of ${name}`}
                    data-testid={`behaviour-${name}`}
                    disabled={!scenario}
                    value={behaviour?.behaviour ?? 'succeeds'}
                    onChange={(event) => {
                      const value = event.target.value as Behaviour
                      changeStep(name, { behaviour: value, failures: value === 'fails-then-succeeds' ? Math.max(1, behaviour?.failures ?? 1) : undefined })
                    }}
                  >
                    {BEHAVIOURS.map((b) => (
                      <option key={b} value={b}>
                        {b.replace(/-/g, ' ')}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={1000}
                    aria-label={`Failing attempts of ${name}`}
                    disabled={!scenario || behaviour?.behaviour !== 'fails-then-succeeds'}
                    value={behaviour?.behaviour === 'fails-then-succeeds' ? behaviour.failures : ''}
                    onChange={(event) => {
                      const failures = Number(event.target.value)
                      if (Number.isInteger(failures) && failures >= 0 && failures <= 1000) changeStep(name, { failures })
                    }}
                  />
                </td>
                <td>
                  <DurationInput
                    label={`Duration of ${name}`}
                    valueMs={behaviour?.durationMs ?? 1000}
                    disabled={!scenario}
                    onCommit={(durationMs) => changeStep(name, { durationMs })}
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}

/** A Go duration typed in a cell, committed when valid (Enter or leaving the field). */
function DurationInput({ label, valueMs, disabled, onCommit }: { label: string; valueMs: number; disabled: boolean; onCommit(ms: number): void }) {
  const shown = formatDuration(valueMs * NANOS.millisecond)
  const [typed, setTyped] = useState<string | null>(null)
  const parsed = typed === null ? undefined : parseGoDuration(typed)
  const invalid = parsed !== undefined && (!parsed.ok || parsed.nanos < 0)
  const commit = () => {
    if (parsed?.ok && parsed.nanos >= 0) onCommit(parsed.nanos / NANOS.millisecond)
    if (!invalid) setTyped(null)
  }
  return (
    <input
      type="text"
      size={7}
      aria-label={label}
      aria-invalid={invalid}
      title={invalid ? 'A duration such as 1s, 250ms or 2m30s' : undefined}
      disabled={disabled}
      value={typed ?? shown}
      onChange={(event) => setTyped(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit()}
    />
  )
}
