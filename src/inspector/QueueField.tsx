import { useRef, useState } from 'react'
import type { CaiDocument, Diagnostic, Job } from '../language/model'
import { setJobField } from '../language/operations'
import { Findings } from './Findings'
import { findingsWithin, queueFindings } from './checks'
import { useEdit } from './edit-context'
import { RemoveEmptyValue } from './RemoveEmptyValue'
import { queueChoices } from './summaries'
import { TextField } from './TextField'

const NONE = ''
const NEW = '\u0000new'

/** A job's queue, chosen from the file's queues (written at once), or a new one typed in. */
export function QueueField({ doc, job, diagnostics }: { doc: CaiDocument; job: Job; diagnostics: readonly Diagnostic[] }) {
  const { readOnly, run } = useEdit()
  const [typingNew, setTypingNew] = useState(false)
  const newInput = useRef<HTMLInputElement>(null)
  const current = job.queue?.value
  const choices = queueChoices(doc)
  if (current !== undefined && !choices.includes(current)) choices.unshift(current)
  const owner = `job "${job.name}"`
  const written = typingNew ? [] : findingsWithin(diagnostics, job.queue?.span)

  function choose(choice: string) {
    if (choice === NEW) {
      setTypingNew(true)
      requestAnimationFrame(() => newInput.current?.focus())
      return
    }
    setTypingNew(false)
    run((doc) => setJobField(doc, job.name, 'queue', choice === NONE ? undefined : choice))
  }

  return (
    <div className="cai-field-group-plain">
      <div className="cai-field">
        <label htmlFor="inspector-job-queue" className="cai-field-label">
          Queue
        </label>
        <select
          id="inspector-job-queue"
          value={typingNew ? NEW : (current ?? NONE)}
          disabled={readOnly !== undefined}
          aria-describedby={written.length > 0 ? 'inspector-job-queue-findings' : undefined}
          onChange={(event) => choose(event.target.value)}
        >
          <option value={NONE}>none (default)</option>
          {choices.map((queue) => (
            <option key={queue} value={queue}>
              {queue}
            </option>
          ))}
          <option value={NEW}>New queue…</option>
        </select>
        <Findings id="inspector-job-queue-findings" findings={written} />
        {typingNew ? null : <RemoveEmptyValue diagnostics={diagnostics} span={job.queue?.span} target={{ job: job.name, statement: 'queue' }} />}
      </div>
      {typingNew ? (
        <TextField
          id="inspector-job-new-queue"
          label="New queue name"
          inputRef={newInput}
          value=""
          placeholder="e.g. bulk_exports"
          check={(value) => queueFindings(value, owner)}
          commit={(value) => run((doc) => setJobField(doc, job.name, 'queue', value ?? ''), () => setTypingNew(false))}
          onRevert={() => setTypingNew(false)}
        />
      ) : null}
    </div>
  )
}
