import { useEffect, useMemo, type ReactNode } from 'react'
import './files.css'
import { designerStore, useDesigner, workflowNames } from '../store/designer'

/** The address of the same link without its view-only flag: opens the text too, as a new document. */
const editableLink = () => location.href.replace(/([#&])view=1(&|$)/, (_, before: string, after: string) => (after ? before : ''))

/**
 * Keeps the canvas from editing: no keys (but Tab, and in the bar above it),
 * no context menus, no dragging or double-clicking nodes. Panning and zooming
 * still work. (The canvas has no read-only mode of its own yet.)
 */
function useNoEditing() {
  useEffect(() => {
    const block = (event: Event) => {
      event.preventDefault()
      event.stopPropagation()
    }
    const inBar = (event: Event) => event.target instanceof Element && !!event.target.closest('.cai-view-only-bar')
    const onNode = (event: Event) => event.target instanceof Element && !!event.target.closest('.react-flow__node')
    const listeners: [string, (event: Event) => void][] = [
      ['keydown', (event) => (event as KeyboardEvent).key !== 'Tab' && !inBar(event) && block(event)],
      ['contextmenu', block],
      ['drop', block],
      ...['mousedown', 'touchstart', 'pointerdown', 'dblclick'].map((type): [string, (event: Event) => void] => [type, (event) => onNode(event) && block(event)]),
    ]
    for (const [type, listener] of listeners) window.addEventListener(type, listener, true)
    return () => {
      for (const [type, listener] of listeners) window.removeEventListener(type, listener, true)
    }
  }, [])
}

/**
 * A view-only link: the workflow's picture and its name, nothing to edit and
 * no text pane; for embedding in documentation. `canvas` is the app's canvas.
 */
export function ViewOnlyPage({ canvas }: { canvas: ReactNode }) {
  useNoEditing()
  const docName = useDesigner((state) => state.docName)
  const doc = useDesigner((state) => state.parsed.doc)
  const selected = useDesigner((state) => state.selectedWorkflow)
  const names = useMemo(() => workflowNames(doc), [doc])

  return (
    <div className="cai-view-only" data-testid="view-only">
      <header className="cai-view-only-bar">
        <h1 className="cai-doc-name" title={docName}>
          {docName}
        </h1>
        {names.length > 1 && (
          <label>
            Workflow{' '}
            <select value={selected ?? ''} onChange={(event) => designerStore().getState().selectWorkflow(event.target.value)}>
              {names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <a href={editableLink()} target="_blank" rel="noopener noreferrer">
          Open in CAI Designer
        </a>
      </header>
      <main className="cai-view-only-main">{canvas}</main>
    </div>
  )
}
