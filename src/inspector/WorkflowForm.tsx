import type { CaiDocument, Diagnostic, Workflow } from '../language/model'
import { setWorkflowField } from '../language/operations'
import { designerStore } from '../store/designer'
import { durationFindings, findingsWithin, nameFindings } from './checks'
import { useEdit } from './edit-context'
import { durationHint } from './hints'
import { RemoveEmptyValue } from './RemoveEmptyValue'
import { RetrySection } from './RetrySection'
import { TextField } from './TextField'
import { TriggerField } from './TriggerField'

/** After a rename, the same workflow (or its selected node) stays selected under its new name. */
function keepSelected(from: string, to: string) {
  const store = designerStore().getState()
  const id = store.selectedNodeId
  if (id?.startsWith(`${from}/`)) store.selectNode(`${to}${id.slice(from.length)}`, { reveal: false })
  else store.selectWorkflow(to)
}

export function WorkflowForm({ doc, workflow, diagnostics }: { doc: CaiDocument; workflow: Workflow; diagnostics: readonly Diagnostic[] }) {
  const { run } = useEdit()
  const owner = `workflow "${workflow.name}"`
  const otherNames = doc.items.flatMap((item) =>
    (item.kind === 'workflow' || (item.kind === 'broken' && item.declaration === 'workflow')) && item.name !== undefined && item !== workflow
      ? [item.name]
      : [],
  )

  return (
    <>
      <TextField
        id="inspector-workflow-name"
        label="Name"
        value={workflow.name}
        check={(name) => nameFindings(name, 'workflow', otherNames)}
        findings={findingsWithin(diagnostics, workflow.nameSpan)}
        commit={(name = '') =>
          run(
            (current) => setWorkflowField(current, workflow.name, 'name', name),
            () => keepSelected(workflow.name, name),
          )
        }
      />
      <TriggerField workflow={workflow} diagnostics={diagnostics} />
      <TextField
        id="inspector-workflow-timeout"
        label="Timeout"
        value={workflow.timeout?.value ?? ''}
        optional
        placeholder="none, e.g. 30m"
        check={(value) => durationFindings(value, owner, 'timeout', 'so the workflow would time out at once')}
        findings={findingsWithin(diagnostics, workflow.timeout?.span)}
        hint={durationHint}
        fix={<RemoveEmptyValue diagnostics={diagnostics} span={workflow.timeout?.span} target={{ workflow: workflow.name, statement: 'timeout' }} />}
        commit={(value) => run((current) => setWorkflowField(current, workflow.name, 'timeout', value))}
      />
      <RetrySection owner={{ workflow: workflow.name }} retry={workflow.retry} diagnostics={diagnostics} />
    </>
  )
}
