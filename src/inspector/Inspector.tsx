import { useMemo, useState } from 'react'
import { designerStore, useDesigner } from '../store/designer'
import { EditContextValue, type EditContext } from './edit-context'
import { JobForm } from './JobForm'
import { StepForm } from './StepForm'
import { inspectorTarget, type InspectorTarget } from './target'
import { useInspectorVisibility, useInspectorVisible } from './visibility'
import { WorkflowForm } from './WorkflowForm'
import './inspector.css'

/** A note from the last operation (e.g. "2 references updated"), shown while the selection is the one it left. */
interface Notice {
  text: string
  selection: string
}

const selectionKey = (state: { selectedNodeId: string | null; selectedWorkflow: string | null }) =>
  `${state.selectedNodeId ?? ''}|${state.selectedWorkflow ?? ''}`

function heading(target: InspectorTarget): { kind: string; name: string; context?: string } | undefined {
  switch (target.kind) {
    case 'workflow':
      return { kind: 'Workflow', name: target.workflow.name }
    case 'step':
      return { kind: 'Step', name: target.step.name, context: `in workflow ${target.workflow.name}` }
    case 'job':
      return { kind: 'Job', name: target.job.name }
    case 'none':
      return undefined
  }
}

/** Fields are keyed by what they edit: a new selection starts with nothing typed. */
function targetKey(target: InspectorTarget): string {
  switch (target.kind) {
    case 'workflow':
      return `workflow:${target.workflow.name}`
    case 'step':
      return `step:${target.workflow.name}/${target.step.name}`
    case 'job':
      return `job:${target.job.name}`
    case 'none':
      return 'none'
  }
}

/**
 * The selected step, workflow or job as a form. Each field writes through a
 * document operation, as one undo step; a broken or ambiguous declaration is
 * shown read-only, saying why.
 */
export function Inspector() {
  const doc = useDesigner((state) => state.parsed.doc)
  const diagnostics = useDesigner((state) => state.diagnostics)
  const lastGood = useDesigner((state) => state.lastGood)
  const selectedNodeId = useDesigner((state) => state.selectedNodeId)
  const selectedWorkflow = useDesigner((state) => state.selectedWorkflow)
  const [notice, setNotice] = useState<Notice | null>(null)

  const target = useMemo(
    () => inspectorTarget({ doc, diagnostics, lastGood, selectedNodeId, selectedWorkflow }),
    [doc, diagnostics, lastGood, selectedNodeId, selectedWorkflow],
  )
  const readOnly = target.kind === 'none' ? target.message : target.readOnly

  const edit = useMemo<EditContext>(
    () => ({
      readOnly,
      run(operation, after) {
        if (readOnly !== undefined) return { ok: false, reason: readOnly }
        const store = designerStore()
        const result = store.getState().runOperation(operation)
        if (result.ok) {
          after?.(result)
          setNotice(result.info ? { text: result.info, selection: selectionKey(store.getState()) } : null)
        }
        return result
      },
    }),
    [readOnly],
  )

  const title = heading(target)
  // Spans of a declaration shown as it last parsed belong to an older text: its diagnostics would be misplaced.
  const shownDeclaration = target.kind === 'none' ? undefined : target.kind === 'job' ? target.job : target.workflow
  const fieldDiagnostics = shownDeclaration && doc.items.includes(shownDeclaration) ? diagnostics : []
  const shownNotice = notice && notice.selection === selectionKey({ selectedNodeId, selectedWorkflow }) ? notice.text : ''

  return (
    <section className="cai-inspector" data-testid="inspector" aria-labelledby="inspector-title">
      <header className="cai-inspector-header">
        <h2 id="inspector-title">Inspector</h2>
        <button
          type="button"
          className="cai-icon-button"
          aria-label="Hide the inspector"
          title="Hide the inspector"
          onClick={() => useInspectorVisibility.getState().setVisible(false)}
        >
          <span aria-hidden="true">⟩</span>
        </button>
      </header>
      {title ? (
        <p className="cai-inspector-title" data-testid="inspector-title">
          <span className="cai-inspector-kind">{title.kind}</span> <span className="cai-inspector-name">{title.name}</span>
          {title.context ? <span className="cai-inspector-context"> {title.context}</span> : null}
        </p>
      ) : null}
      <p className="cai-inspector-notice" role="status" data-testid="inspector-notice">
        {shownNotice}
      </p>
      {target.kind === 'none' ? (
        <p className="cai-inspector-muted">{target.message}</p>
      ) : (
        <EditContextValue.Provider value={edit}>
          {target.readOnly ? (
            <p className="cai-inspector-readonly" data-testid="inspector-read-only">
              {target.readOnly}
            </p>
          ) : null}
          <div className="cai-inspector-form" key={targetKey(target)}>
            {target.kind === 'workflow' ? (
              <WorkflowForm doc={doc} workflow={target.workflow} diagnostics={fieldDiagnostics} />
            ) : target.kind === 'step' ? (
              <StepForm doc={doc} workflow={target.workflow} step={target.step} diagnostics={fieldDiagnostics} />
            ) : (
              <JobForm doc={doc} job={target.job} diagnostics={fieldDiagnostics} />
            )}
          </div>
        </EditContextValue.Provider>
      )}
    </section>
  )
}

/** The toolbar's toggle for the inspector panel. */
export function InspectorToggle() {
  const visible = useInspectorVisible()
  return (
    <button
      type="button"
      aria-pressed={visible}
      onClick={() => useInspectorVisibility.getState().setVisible(!visible)}
      title={visible ? 'Hide the inspector' : 'Show the inspector'}
    >
      Inspector
    </button>
  )
}
