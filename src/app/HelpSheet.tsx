/** The help sheet (`?`, Alt+F1, the toolbar's ? button): every command of the registry and its keys, searchable. */
import { useEffect, useId, useRef, useState } from 'react'
import { create } from 'zustand'
import { helpEntries, type HelpEntry } from './help-entries'
import './help.css'

const useHelpSheet = create<{ open: boolean }>()(() => ({ open: false }))

export function openHelpSheet(): void {
  useHelpSheet.setState({ open: true })
}

function Rows({ entries }: { entries: HelpEntry[] }) {
  const groups = [...new Set(entries.map((entry) => entry.group))]
  return (
    <>
      {groups.map((group) => (
        <section key={group} className="cai-help-group">
          <h3>{group === 'Text' ? 'Text pane' : group}</h3>
          <dl>
            {entries
              .filter((entry) => entry.group === group)
              .map((entry) => (
                <div key={entry.id} className="cai-help-row" data-action={entry.id}>
                  <dt>{entry.label}</dt>
                  <dd>{entry.keys.length > 0 ? entry.keys.map((key) => <kbd key={key}>{key}</kbd>) : <span className="cai-help-none">toolbar or menu</span>}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </>
  )
}

export function HelpSheet() {
  const open = useHelpSheet((state) => state.open)
  const element = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const titleId = useId()
  const entries = helpEntries(query)

  useEffect(() => {
    const dialog = element.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={element}
      className="cai-dialog cai-help"
      aria-labelledby={titleId}
      data-testid="help-sheet"
      onClose={() => {
        useHelpSheet.setState({ open: false })
        setQuery('')
      }}
    >
      {open && (
        <div className="cai-dialog-body">
          <h2 id={titleId}>Keyboard shortcuts and commands</h2>
          <p>
            In the text, Tab indents: press Esc then Tab to leave, or Ctrl+M to make Tab move the focus. F6 moves between
            the toolbar, outline, canvas, text, inspector and problems.
          </p>
          <label className="cai-help-search">
            Search commands
            <input type="search" value={query} autoFocus onChange={(event) => setQuery(event.target.value)} />
          </label>
          <div className="cai-help-list" role="region" aria-label="Commands" tabIndex={0}>
            {entries.length > 0 ? <Rows entries={entries} /> : <p>No command matches “{query}”.</p>}
          </div>
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
