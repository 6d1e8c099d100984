import { useMemo, useState, type KeyboardEvent } from 'react'
import { perform } from '../actions/perform'
import { actionById, PAGE_TARGET } from '../actions/registry'
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

/** Where the focus was when the inspector took it (Enter on a node): Esc gives it back. */
let returnFocusTo: HTMLElement | null = null

const FIELDS = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])'

/** Shows the inspector and, once it shows the selection, puts the focus in its first field. */
export function focusInspector(): void {
  returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
  useInspectorVisibility.getState().setVisible(true)
  let frames = 0
  const attempt = () => {
    const field = document.querySelector<HTMLElement>(`.cai-inspector-form ${FIELDS.split(', ').join(', .cai-inspector-form ')}`)
    if (field) field.focus()
    else if (frames++ < 10) requestAnimationFrame(attempt)
  }
  requestAnimationFrame(attempt)
}

/** Esc in the inspector (outside an open list) goes back to where Enter came from, else to the selected node. */
function onInspectorKeyDown(event: KeyboardEvent) {
  if (event.key !== 'Escape' || event.defaultPrevented) return
  const id = designerStore().getState().selectedNodeId
  const node = id ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) : null
  const back = returnFocusTo?.isConnected ? returnFocusTo : node
  if (!back) return
  event.preventDefault()
  back.focus()
  returnFocusTo = null
}

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
  const title = heading(target)
  const editName = title ? `edit ${title.kind.toLowerCase()} ${title.name}` : 'edit'

  const edit = useMemo<EditContext>(
    () => ({
      readOnly,
      run(operation, after) {
        if (readOnly !== undefined) return { ok: false, reason: readOnly }
        const store = designerStore()
        // The same path as every other edit: one named undo step, refusals and notes told the same way.
        const result = perform(store, operation, { name: editName, after })
        if (result.ok) setNotice(result.info ? { text: result.info, selection: selectionKey(store.getState()) } : null)
        return result
      },
    }),
    [readOnly, editName],
  )

  // Spans of a declaration shown as it last parsed belong to an older text: its diagnostics would be misplaced.
  const shownDeclaration = target.kind === 'none' ? undefined : target.kind === 'job' ? target.job : target.workflow
  const fieldDiagnostics = shownDeclaration && doc.items.includes(shownDeclaration) ? diagnostics : []
  const shownNotice = notice && notice.selection === selectionKey({ selectedNodeId, selectedWorkflow }) ? notice.text : ''

  return (
    <section className="cai-inspector" data-testid="inspector" aria-labelledby="inspector-title" onKeyDown={onInspectorKeyDown}>
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
      data-action="toggle-inspector"
      aria-pressed={visible}
      onClick={() => void actionById('toggle-inspector').run(designerStore(), PAGE_TARGET)}
      title={visible ? 'Hide the inspector' : 'Show the inspector'}
    >
      Inspector
    </button>
  )
}
