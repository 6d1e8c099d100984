import { useRef, useState, type KeyboardEvent } from 'react'
import type { Diagnostic, Step, Workflow } from '../language/model'
import { addInputEntry, removeInputEntry, renameInputKey, setInputEntry } from '../language/operations'
import { findingsWithin, isRejected, nameFindings, stringFindings } from './checks'
import { useEdit } from './edit-context'
import { Findings } from './Findings'
import { TextField } from './TextField'

interface InputTableProps {
  workflow: Workflow
  step: Step
  diagnostics: readonly Diagnostic[]
  /** The id of the <datalist> of value completions. */
  completions: string
}

/** A step's input mappings: edit a key or value in place, remove a row, add one below. */
export function InputTable({ workflow, step, diagnostics, completions }: InputTableProps) {
  const { readOnly, run } = useEdit()
  const entries = step.input?.entries ?? []
  const keys = entries.map((entry) => entry.key)

  return (
    <fieldset className="cai-field-group" data-testid="inspector-inputs">
      <legend>Input</legend>
      {entries.length === 0 ? <p className="cai-inspector-muted">No input mappings.</p> : null}
      <table className="cai-input-table">
        {entries.length > 0 ? (
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="cai-sr-only">Remove</span>
              </th>
            </tr>
          </thead>
        ) : null}
        <tbody>
          {entries.map((entry, index) => (
            // By position and key: a renamed key is a new row, its draft gone with the old name.
            <tr key={`${index}:${entry.key}`} data-input-key={entry.key}>
              <td>
                <TextField
                  id={`inspector-input-key-${index}`}
                  label={`Key of input ${entry.key}`}
                  hideLabel
                  value={entry.key}
                  check={(draft) => nameFindings(draft, 'input', keys)}
                  findings={findingsWithin(diagnostics, entry.keySpan)}
                  commit={(key) => run((doc) => renameInputKey(doc, workflow.name, step.name, entry.key, key ?? ''))}
                />
              </td>
              <td>
                <TextField
                  id={`inspector-input-value-${index}`}
                  label={`Value of input ${entry.key}`}
                  hideLabel
                  value={entry.value}
                  list={completions}
                  check={stringFindings}
                  findings={findingsWithin(diagnostics, entry.valueSpan)}
                  commit={(value) => run((doc) => setInputEntry(doc, workflow.name, step.name, entry.key, value ?? ''))}
                />
              </td>
              <td>
                {readOnly === undefined ? (
                  <button
                    type="button"
                    className="cai-icon-button"
                    aria-label={`Remove input ${entry.key}`}
                    title={`Remove input ${entry.key}`}
                    onClick={() => run((doc) => removeInputEntry(doc, workflow.name, step.name, entry.key))}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {readOnly === undefined ? <NewInputRow workflow={workflow} step={step} keys={keys} completions={completions} /> : null}
    </fieldset>
  )
}

/** A key and a value written together as one new mapping (one undo step), on Enter or Add. */
function NewInputRow({ workflow, step, keys, completions }: { workflow: Workflow; step: Step; keys: string[]; completions: string }) {
  const { run } = useEdit()
  const [key, setKey] = useState('')
  const [value, setValue] = useState('')
  const [refusal, setRefusal] = useState<string | undefined>(undefined)
  const keyInput = useRef<HTMLInputElement>(null)

  const started = key !== '' || value !== ''
  const keyFindings = started ? nameFindings(key, 'input', keys) : []
  const valueFindings = stringFindings(value)
  const findings = refusal ? [{ severity: 'error' as const, message: refusal }] : [...keyFindings, ...valueFindings]

  function add() {
    if (!started || isRejected(findings)) return
    const result = run((doc) => addInputEntry(doc, workflow.name, step.name, key, value))
    if (!result.ok) {
      setRefusal(result.reason)
      return
    }
    setKey('')
    setValue('')
    keyInput.current?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault()
      add()
    } else if (event.key === 'Escape' && started) {
      event.stopPropagation()
      setKey('')
      setValue('')
      setRefusal(undefined)
    }
  }

  return (
    <div className="cai-new-input" role="group" aria-label="New input mapping">
      <div className="cai-new-input-row">
        <label htmlFor="inspector-new-input-key" className="cai-sr-only">
          New input key
        </label>
        <input
          id="inspector-new-input-key"
          ref={keyInput}
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="key"
          value={key}
          aria-invalid={isRejected(keyFindings)}
          aria-describedby={findings.length > 0 ? 'inspector-new-input-findings' : undefined}
          onChange={(event) => {
            setKey(event.target.value)
            setRefusal(undefined)
          }}
          onKeyDown={onKeyDown}
        />
        <label htmlFor="inspector-new-input-value" className="cai-sr-only">
          New input value
        </label>
        <input
          id="inspector-new-input-value"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="value"
          list={completions}
          value={value}
          aria-invalid={isRejected(valueFindings)}
          aria-describedby={findings.length > 0 ? 'inspector-new-input-findings' : undefined}
          onChange={(event) => {
            setValue(event.target.value)
            setRefusal(undefined)
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" onClick={add} disabled={!started || isRejected(findings)}>
          Add
        </button>
      </div>
      <Findings id="inspector-new-input-findings" findings={findings} />
    </div>
  )
}
