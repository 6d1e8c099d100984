import { useState, type KeyboardEvent, type ReactNode, type Ref } from 'react'
import type { OpResult } from '../language/operations'
import { isRejected, type Finding } from './checks'
import { useEdit } from './edit-context'
import { Findings } from './Findings'

export interface TextFieldProps {
  /** The input's id, unique in the page. */
  id: string
  label: string
  /** Shown to assistive technology only (e.g. in a table whose columns say it). */
  hideLabel?: boolean
  /** The value in the file ('' when the statement is absent). */
  value: string
  /** What is wrong with a value being typed; an error keeps it from being written. */
  check: (draft: string) => Finding[]
  /**
   * Writes a changed value that passed `check` (undefined: an optional field
   * left blank, which removes the statement). A refusal is shown and nothing changes.
   */
  commit: (draft: string | undefined) => OpResult
  /** What the file's diagnostics say about the value as written. */
  findings?: readonly Finding[]
  /** Blank removes the statement. */
  optional?: boolean
  /** Words about the value shown (typed or written), e.g. a schedule's next runs. */
  hint?: (shown: string) => ReactNode
  /** Told of every change of the value being typed (null: none). */
  onDraft?: (draft: string | null) => void
  /** Escape was pressed. */
  onRevert?: () => void
  /** The id of a <datalist> of suggestions. */
  list?: string
  placeholder?: string
  inputRef?: Ref<HTMLInputElement>
  /** Shown under the field's messages, e.g. a button that fixes what they report. */
  fix?: ReactNode
}

/**
 * One value of the inspector. It is checked as you type and written on Enter
 * or when it loses focus (so one edit is one undo step); Escape puts back the
 * value in the file. A value that would be rejected is shown with its reason
 * and not written.
 */
export function TextField(props: TextFieldProps) {
  const { id, label, value, check, findings = [], optional = false } = props
  const { readOnly } = useEdit()
  // A one-line input drops line breaks (HTML sanitises its value): a value spanning lines is edited in the text.
  const multiline = value.includes('\n')
  const [draft, setDraftState] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | undefined>(undefined)

  const setDraft = (next: string | null) => {
    setDraftState(next)
    setRefusal(undefined)
    props.onDraft?.(next)
  }

  const editing = draft !== null && draft !== value
  const removing = editing && optional && draft === ''
  const shown: readonly Finding[] = refusal
    ? [{ severity: 'error', message: refusal }]
    : editing
      ? removing
        ? []
        : check(draft)
      : findings
  const invalid = shown.some((finding) => finding.severity === 'error')

  function write() {
    if (draft === null) return
    if (draft === value) {
      setDraft(null)
      return
    }
    if (!removing && isRejected(check(draft))) return
    const result = props.commit(removing ? undefined : draft)
    if (result.ok) setDraft(null)
    else setRefusal(result.reason)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault()
      write()
    } else if (event.key === 'Escape') {
      if (draft !== null || props.onRevert) event.stopPropagation()
      setDraft(null)
      props.onRevert?.()
    }
  }

  const hint = props.hint?.(draft ?? value)
  const findingsId = `${id}-findings`
  const hintId = `${id}-hint`
  const multilineId = `${id}-multiline`
  const describedBy = [shown.length > 0 ? findingsId : '', hint ? hintId : '', multiline ? multilineId : ''].filter(Boolean).join(' ')

  return (
    <div className="cai-field" data-field={id}>
      <label htmlFor={id} className={props.hideLabel ? 'cai-sr-only' : 'cai-field-label'}>
        {label}
      </label>
      <input
        id={id}
        ref={props.inputRef}
        type="text"
        spellCheck={false}
        autoComplete="off"
        value={draft ?? value}
        placeholder={props.placeholder}
        list={props.list}
        readOnly={readOnly !== undefined || multiline}
        aria-invalid={invalid}
        aria-describedby={describedBy || undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={write}
      />
      <Findings id={findingsId} findings={shown} />
      {editing ? null : props.fix}
      {multiline ? (
        <p id={multilineId} className="cai-field-hint">
          This value spans several lines: edit it in the text.
        </p>
      ) : null}
      {hint ? (
        <div id={hintId} className="cai-field-hint">
          {hint}
        </div>
      ) : null}
    </div>
  )
}
