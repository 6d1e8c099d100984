import { useEffect, useId, useRef } from 'react'
import { useStore } from 'zustand'
import { dialogs } from './dialog'

/**
 * The open question as a native modal <dialog>: the browser makes the rest of
 * the page inert, keeps focus inside and closes it on Escape (answered null).
 */
export function DialogHost() {
  const open = useStore(dialogs, (state) => state.open)
  const element = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const messageId = useId()

  useEffect(() => {
    const dialog = element.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={element}
      className="cai-dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        event.preventDefault()
        open?.resolve(null)
      }}
    >
      {open && (
        <div className="cai-dialog-body">
          <h2 id={titleId}>{open.title}</h2>
          <div id={messageId}>
            {open.message.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
          {open.detail && (
            <label className="cai-dialog-detail">
              {open.detail.label}
              <textarea readOnly value={open.detail.text} rows={3} onFocus={(event) => event.currentTarget.select()} />
            </label>
          )}
          <div className="cai-dialog-actions">
            {open.actions.map((action) => (
              <button
                key={action.label}
                type="button"
                className={action.primary ? 'cai-primary' : undefined}
                autoFocus={action.primary}
                onClick={() => open.resolve(action.value)}
              >
                {action.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </dialog>
  )
}
