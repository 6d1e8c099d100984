import { useEffect, useState } from 'react'
import type { CaiDocument, Diagnostic, Step, Workflow } from '../language/model'
import { allSteps } from '../language/locate'
import { setStepField } from '../language/operations'
import { designerStore } from '../store/designer'
import { stepNodeId } from '../store/node-ids'
import { activityFindings, findingsWithCode, findingsWithin, nameFindings, stringFindings } from './checks'
import { inputValueCompletions } from './completions'
import { useEdit } from './edit-context'
import { InputTable } from './InputTable'
import { TextField } from './TextField'

const COMPLETIONS_ID = 'inspector-value-completions'

/**
 * Whether a field offering the completions of list `listId` has the focus:
 * they are worked out only then, not on every keystroke in the text (22 ms
 * each at 10,000 steps).
 */
function useListFocused(listId: string): boolean {
  const [focused, setFocused] = useState(() => document.activeElement?.getAttribute('list') === listId)
  useEffect(() => {
    const offers = (target: EventTarget | null) => target instanceof Element && target.getAttribute('list') === listId
    const onFocusIn = (event: FocusEvent) => setFocused(offers(event.target))
    const onFocusOut = (event: FocusEvent) => setFocused(offers(event.relatedTarget))
    document.addEventListener('focusin', onFocusIn)
    document.addEventListener('focusout', onFocusOut)
    return () => {
      document.removeEventListener('focusin', onFocusIn)
      document.removeEventListener('focusout', onFocusOut)
    }
  }, [listId])
  return focused
}

interface StepFormProps {
  doc: CaiDocument
  workflow: Workflow
  step: Step
  diagnostics: readonly Diagnostic[]
}

function otherStepNames(workflow: Workflow, step: Step): string[] {
  return allSteps(workflow)
    .filter((other) => other !== step)
    .map((other) => other.name)
}

export function StepForm({ doc, workflow, step, diagnostics }: StepFormProps) {
  const { run } = useEdit()
  const owner = `step "${step.name}" of workflow "${workflow.name}"`
  const inParallel = workflow.steps.items.some((entry) => entry.kind === 'parallel' && entry.branches.includes(step))
  // A missing activity is reported at the step's name; it belongs under the activity field.
  const activityMissing = findingsWithCode(diagnostics, step.nameSpan, ['activity-missing'])
  const suggesting = useListFocused(COMPLETIONS_ID)

  return (
    <>
      <TextField
        id="inspector-step-name"
        label="Name"
        value={step.name}
        // The other names are listed when a name is checked, not on each render (10,000 of them on each keystroke).
        check={(name) => nameFindings(name, 'step', otherStepNames(workflow, step))}
        findings={findingsWithin(
          diagnostics.filter((d) => d.code !== 'activity-missing'),
          step.nameSpan,
        )}
        commit={(name = '') =>
          run(
            (current) => setStepField(current, workflow.name, step.name, 'name', name),
            () => designerStore().getState().selectNode(stepNodeId(workflow.name, name), { reveal: false }),
          )
        }
      />
      {inParallel ? <p className="cai-inspector-muted">Runs in a parallel block, beside its other branches.</p> : null}
      <TextField
        id="inspector-step-activity"
        label="Activity"
        value={step.activity?.value ?? ''}
        placeholder="e.g. orders.validate"
        check={(value) => activityFindings(value, owner)}
        findings={step.activity ? findingsWithin(diagnostics, step.activity.span) : activityMissing}
        commit={(value = '') => run((current) => setStepField(current, workflow.name, step.name, 'activity', value))}
      />
      <InputTable workflow={workflow} step={step} diagnostics={diagnostics} completions={COMPLETIONS_ID} />
      <TextField
        id="inspector-step-condition"
        label="Condition (if)"
        value={step.condition?.value ?? ''}
        optional
        placeholder="none, e.g. steps.check.output.ok == true"
        list={COMPLETIONS_ID}
        check={stringFindings}
        findings={findingsWithin(diagnostics, step.condition?.span)}
        commit={(value) => run((current) => setStepField(current, workflow.name, step.name, 'condition', value))}
      />
      <datalist id={COMPLETIONS_ID}>
        {suggesting && inputValueCompletions(doc, workflow, step.name).map((candidate) => <option key={candidate} value={candidate} />)}
      </datalist>
    </>
  )
}
