/** The canvas search (Ctrl+F on the canvas): finds steps, workflows and jobs by name or activity, and selects the one chosen. */
import { useEffect, useId, useRef, useState } from 'react'
import { create } from 'zustand'
import { designerStore, useDesigner } from '../store/designer'
import { searchDocument, type SearchHit } from './canvas-search'
import './help.css'

/** Frames to wait for the chosen node to be drawn. */
const FOCUS_FRAMES = 10

const useCanvasSearch = create<{ open: boolean }>()(() => ({ open: false }))

export function openCanvasSearch(): void {
  useCanvasSearch.setState({ open: true })
}

/** Shows the hit on the canvas: its view, workflow and node, and its text highlighted. */
function choose(hit: SearchHit) {
  const store = designerStore().getState()
  if (hit.kind === 'job') store.setView({ mode: 'jobs' })
  else if (hit.workflow) store.selectWorkflow(hit.workflow)
  if (hit.nodeId) store.selectNode(hit.nodeId)
}

export function CanvasSearch() {
  const open = useCanvasSearch((state) => state.open)
  const doc = useDesigner((state) => state.parsed.doc)
  const element = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const titleId = useId()
  const hits = searchDocument(doc, query)

  useEffect(() => {
    const dialog = element.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return
    element.current?.close()
    choose(hit)
    // Back on the canvas, on the node chosen, once it is drawn (a big picture first pans to it).
    const id = hit.nodeId
    if (!id) return
    let frames = 0
    const focusNode = () => {
      const node = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      if (node) node.focus({ preventScroll: true })
      else if (frames++ < FOCUS_FRAMES) requestAnimationFrame(focusNode)
    }
    requestAnimationFrame(focusNode)
  }

  return (
    <dialog
      ref={element}
      className="cai-dialog cai-help"
      aria-labelledby={titleId}
      data-testid="canvas-search"
      onClose={() => {
        useCanvasSearch.setState({ open: false })
        setQuery('')
        setActive(0)
      }}
    >
      {open && (
        <div className="cai-dialog-body">
          <h2 id={titleId}>Find on the canvas</h2>
          <label className="cai-help-search">
            Step, workflow or job (name or activity)
            <input
              type="search"
              value={query}
              autoFocus
              role="combobox"
              aria-expanded={hits.length > 0}
              aria-controls={`${titleId}-hits`}
              aria-activedescendant={hits[active] ? `${titleId}-hit-${active}` : undefined}
              onChange={(event) => {
                setQuery(event.target.value)
                setActive(0)
              }}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, hits.length - 1))
                else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0))
                else if (event.key === 'Enter') pick(hits[active])
                else return
                event.preventDefault()
              }}
            />
          </label>
          <ul id={`${titleId}-hits`} role="listbox" aria-label="Found" className="cai-help-list cai-search-hits">
            {hits.map((hit, index) => (
              <li
                key={`${hit.kind}:${hit.workflow ?? ''}:${hit.name}`}
                id={`${titleId}-hit-${index}`}
                role="option"
                aria-selected={index === active}
                className="cai-help-row"
                onClick={() => pick(hit)}
              >
                <span>{hit.name}</span> <span className="cai-help-none">{hit.detail}</span>
              </li>
            ))}
          </ul>
          {query.trim() && hits.length === 0 ? <p>Nothing is called “{query}” or runs it.</p> : null}
          <div className="cai-dialog-actions">
            <button type="button" onClick={() => element.current?.close()}>
              Close
            </button>
          </div>
        </div>
      )}
    </dialog>
  )
}
