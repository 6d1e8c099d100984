import type { CaiDocument, Diagnostic, Job } from '../language/model'
import { setJobField } from '../language/operations'
import { designerStore } from '../store/designer'
import { jobNodeId } from '../store/node-ids'
import { findingsWithin, nameFindings, scheduleFindings, taskFindings } from './checks'
import { useEdit } from './edit-context'
import { scheduleHint } from './hints'
import { QueueField } from './QueueField'
import { RemoveEmptyValue } from './RemoveEmptyValue'
import { RetrySection } from './RetrySection'
import { TextField } from './TextField'

export function JobForm({ doc, job, diagnostics }: { doc: CaiDocument; job: Job; diagnostics: readonly Diagnostic[] }) {
  const { run } = useEdit()
  const owner = `job "${job.name}"`
  const otherNames = doc.items.flatMap((item) =>
    (item.kind === 'job' || (item.kind === 'broken' && item.declaration === 'job')) && item.name !== undefined && item !== job
      ? [item.name]
      : [],
  )

  return (
    <>
      <TextField
        id="inspector-job-name"
        label="Name"
        value={job.name}
        check={(name) => nameFindings(name, 'job', otherNames)}
        findings={findingsWithin(diagnostics, job.nameSpan)}
        commit={(name = '') =>
          run(
            (current) => setJobField(current, job.name, 'name', name),
            () => designerStore().getState().selectNode(jobNodeId(name), { reveal: false }),
          )
        }
      />
      <TextField
        id="inspector-job-schedule"
        label="Schedule (cron)"
        value={job.schedule?.value ?? ''}
        optional
        placeholder="none; minute hour day month weekday"
        check={(value) => scheduleFindings(value, owner)}
        findings={findingsWithin(diagnostics, job.schedule?.span)}
        hint={scheduleHint}
        fix={<RemoveEmptyValue diagnostics={diagnostics} span={job.schedule?.span} target={{ job: job.name, statement: 'schedule' }} />}
        commit={(value) => run((current) => setJobField(current, job.name, 'schedule', value))}
      />
      <TextField
        id="inspector-job-task"
        label="Task"
        value={job.task.value}
        placeholder="e.g. sessions.cleanup"
        check={(value) => taskFindings(value, owner)}
        findings={findingsWithin(diagnostics, job.task.span)}
        commit={(value = '') => run((current) => setJobField(current, job.name, 'task', value))}
      />
      <QueueField doc={doc} job={job} diagnostics={diagnostics} />
      <RetrySection owner={{ job: job.name }} retry={job.retry} diagnostics={diagnostics} />
    </>
  )
}
