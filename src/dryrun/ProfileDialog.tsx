/**
 * The runtime profile editor: CodeAI's runtime numbers, each editable, saved
 * with the browser's settings. A negative or absurd number is refused with a
 * message naming the field; "Reset to CodeAI's defaults" brings them back.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { CODEAI_PROFILE, profileFromJson, profileToJson, type RuntimeProfileJson } from '../runtime/profile'
import { runtimeStore, useRuntime } from '../store/runtime'

interface Fields {
  workflowTimeout: string
  activityTimeout: string
  maxAttempts: string
  initialInterval: string
  backoffMultiplier: string
  maxRetryInterval: string
  queues: string
  concurrency: string
  jobDefaultRetries: string
  jobMaxRetryDelay: string
}

function fieldsOf(json: RuntimeProfileJson): Fields {
  return {
    workflowTimeout: json.workflowTimeout,
    activityTimeout: json.activityTimeout,
    maxAttempts: String(json.defaultRetry.maxAttempts),
    initialInterval: json.defaultRetry.initialInterval,
    backoffMultiplier: String(json.defaultRetry.backoffMultiplier),
    maxRetryInterval: json.maxRetryInterval,
    queues: Object.entries(json.queues).map(([name, weight]) => `${name}: ${weight}`).join(', '),
    concurrency: String(json.concurrency),
    jobDefaultRetries: String(json.jobDefaultRetries),
    jobMaxRetryDelay: json.jobMaxRetryDelay,
  }
}

/** Numbers stay strings when they are not numerals, so the profile reader names them. */
function number(text: string): number | string {
  return /^\s*-?[0-9]+(\.[0-9]+)?\s*$/.test(text) ? Number(text) : text
}

function jsonOf(fields: Fields): unknown {
  const queues: Record<string, unknown> = {}
  for (const part of fields.queues.split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const [name, weight = ''] = part.split(':').map((piece) => piece.trim())
    queues[name] = number(weight)
  }
  return {
    workflowTimeout: fields.workflowTimeout.trim(),
    activityTimeout: fields.activityTimeout.trim(),
    defaultRetry: { maxAttempts: number(fields.maxAttempts), initialInterval: fields.initialInterval.trim(), backoffMultiplier: number(fields.backoffMultiplier) },
    maxRetryInterval: fields.maxRetryInterval.trim(),
    queues,
    concurrency: number(fields.concurrency),
    jobDefaultRetries: number(fields.jobDefaultRetries),
    jobMaxRetryDelay: fields.jobMaxRetryDelay.trim(),
  }
}

const LABELS: Array<[keyof Fields, string, string]> = [
  ['workflowTimeout', 'Workflow timeout when none is set', 'internal/workflow/dsl_loader.go'],
  ['activityTimeout', 'Activity attempt timeout (start-to-close)', 'internal/workflow/dsl_loader.go'],
  ['maxAttempts', 'Default retry: max attempts', 'internal/workflow/dsl_loader.go'],
  ['initialInterval', 'Default retry: initial interval', 'internal/workflow/dsl_loader.go'],
  ['backoffMultiplier', 'Default retry: backoff multiplier', 'internal/workflow/dsl_loader.go'],
  ['maxRetryInterval', 'Longest wait between attempts', 'internal/workflow/dsl_loader.go'],
  ['queues', 'Served queues with weights (name: weight, ...)', 'internal/scheduler/queue/config.go, config/scheduler.yaml'],
  ['concurrency', 'Worker concurrency (tasks at once)', 'internal/scheduler/queue/config.go, config/scheduler.yaml'],
  ['jobDefaultRetries', 'Job retries without a retry block', 'internal/scheduler/dsl_loader.go'],
  ['jobMaxRetryDelay', 'Longest wait between job runs (2^n s)', 'internal/scheduler/queue/manager.go'],
]

export function ProfileDialog({ onClose }: { onClose(): void }) {
  const profile = useRuntime((state) => state.profile)
  const fromLink = useRuntime((state) => state.profileSource === 'link')
  const [fields, setFields] = useState(() => fieldsOf(profileToJson(profile)))
  const [errors, setErrors] = useState<string[]>([])
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const errorsId = useId()

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  const save = () => {
    const result = profileFromJson(jsonOf(fields))
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    runtimeStore.getState().setProfile(result.profile)
    onClose()
  }

  return (
    <dialog
      ref={dialog}
      className="cai-dialog cai-profile-dialog"
      data-testid="runtime-profile"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          save()
        }}
      >
        <h2 id={titleId}>Runtime profile</h2>
        <p className="cai-muted">How your CodeAI deployment runs workflows and jobs. The defaults are CodeAI's own; they shape the dry run, the jobs calendar and the runtime warnings.</p>
        {fromLink ? (
          <p className="cai-link-profile" data-testid="profile-from-link" role="note">
            These are the numbers of the runtime profile the link carries. Saving changes them for this view only: your saved settings stay as they are. Use “Use my own profile” in the view to go back to yours.
          </p>
        ) : null}
        {LABELS.map(([key, label, source]) => (
          <label key={key} className="cai-profile-field">
            <span>
              {label} <small className="cai-muted">({source})</small>
            </span>
            <input
              name={key}
              data-testid={`profile-${key}`}
              value={fields[key]}
              aria-describedby={errors.length > 0 ? errorsId : undefined}
              onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
            />
          </label>
        ))}
        <ul id={errorsId} className="cai-dryrun-error" role={errors.length > 0 ? 'alert' : undefined} data-testid="profile-errors">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
        <div className="cai-dialog-buttons">
          <button
            type="button"
            onClick={() => {
              setFields(fieldsOf(profileToJson(CODEAI_PROFILE)))
              setErrors([])
            }}
          >
            Reset to CodeAI's defaults
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="cai-primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  )
}
