import { useRef, useState } from 'react'
import type { Diagnostic, TriggerType, Workflow } from '../language/model'
import { setWorkflowField } from '../language/operations'
import { eventFindings, findingsWithin, scheduleFindings } from './checks'
import { useEdit } from './edit-context'
import { scheduleHint } from './hints'
import { TextField } from './TextField'

const TYPE_NAMES: Record<TriggerType, string> = { event: 'Event', schedule: 'Schedule', manual: 'Manual' }

/**
 * The workflow's trigger: its type, and the event name or cron expression.
 * Switching to manual is written at once; switching to an event or a schedule
 * waits for its value (written together, as one step), since the old value
 * rarely fits the new type. Escape puts the written type back.
 */
export function TriggerField({ workflow, diagnostics }: { workflow: Workflow; diagnostics: readonly Diagnostic[] }) {
  const { readOnly, run } = useEdit()
  const [pending, setPending] = useState<Exclude<TriggerType, 'manual'> | null>(null)
  const valueInput = useRef<HTMLInputElement>(null)
  const { trigger } = workflow
  const type = pending ?? trigger.type
  const owner = `workflow "${workflow.name}"`

  function chooseType(next: TriggerType) {
    if (next === trigger.type) {
      setPending(null)
    } else if (next === 'manual') {
      setPending(null)
      run((doc) => setWorkflowField(doc, workflow.name, 'trigger', { type: 'manual' }))
    } else {
      setPending(next)
      // After the value field has appeared or been emptied.
      requestAnimationFrame(() => valueInput.current?.focus())
    }
  }

  return (
    <fieldset className="cai-field-group">
      <legend>Trigger</legend>
      <div className="cai-field">
        <label htmlFor="inspector-trigger-type" className="cai-field-label">
          Type
        </label>
        <select
          id="inspector-trigger-type"
          value={type}
          disabled={readOnly !== undefined}
          onChange={(event) => chooseType(event.target.value as TriggerType)}
        >
          {(['event', 'schedule', 'manual'] as const).map((option) => (
            <option key={option} value={option}>
              {TYPE_NAMES[option]}
            </option>
          ))}
        </select>
      </div>
      {type !== 'manual' && (
        <TextField
          // A new field for a new type: what was typed for the old one does not carry over.
          key={type}
          id="inspector-trigger-value"
          label={type === 'event' ? 'Event name' : 'Schedule (cron)'}
          inputRef={valueInput}
          value={pending ? '' : (trigger.value ?? '')}
          placeholder={type === 'event' ? 'e.g. order.created' : 'minute hour day month weekday, e.g. 0 6 * * *'}
          check={(draft) => (type === 'event' ? eventFindings(draft, owner) : scheduleFindings(draft, owner))}
          findings={pending ? [] : findingsWithin(diagnostics, trigger.span)}
          hint={(shown) =>
            pending && shown === ''
              ? `Type the ${type === 'event' ? 'event name' : 'cron expression'} and press Enter: the trigger changes when its value is written.`
              : type === 'schedule'
                ? scheduleHint(shown)
                : undefined
          }
          commit={(value) =>
            run(
              (doc) => setWorkflowField(doc, workflow.name, 'trigger', { type, value: value ?? '' }),
              () => setPending(null),
            )
          }
          onRevert={pending ? () => setPending(null) : undefined}
        />
      )}
    </fieldset>
  )
}
