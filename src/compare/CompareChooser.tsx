/**
 * "Compare…": what to compare the document with. A file (picked or dropped
 * here), pasted text, or a review link. The document open in the designer is
 * one side (the after version unless the user says it is the before one);
 * nothing is written to it.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { provideServices } from '../actions/services'
import { decodeReviewFragment } from '../share/review-link'
import { compareStore } from '../store/compare'
import { designerStore } from '../store/designer'
import { readComparedFile } from './read-file'

type Role = 'after' | 'before'

export function CompareChooser() {
  const dialog = useRef<HTMLDialogElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const [role, setRole] = useState<Role>('after')
  const [pasted, setPasted] = useState('')
  const [link, setLink] = useState('')
  const [error, setError] = useState('')
  const titleId = useId()
  const errorId = useId()

  useEffect(
    () =>
      provideServices({
        chooseComparison: () => {
          setError('')
          if (!dialog.current?.open) dialog.current?.showModal()
        },
      }),
    [],
  )

  const close = () => dialog.current?.close()

  const compareWith = (text: string, label: string) => {
    const { text: current, docName } = designerStore().getState()
    const mine = { text: current, label: `${docName} (open in the designer)` }
    const other = { text, label }
    compareStore.getState().open(role === 'after' ? { before: other, after: mine, name: docName } : { before: mine, after: other, name: docName })
    close()
  }

  const fromFile = async (file: File | undefined) => {
    if (!file) return
    const read = await readComparedFile(file)
    if (read.ok) compareWith(read.text, file.name)
    else setError(read.message)
  }

  const fromLink = () => {
    const hash = link.includes('#') ? link.slice(link.indexOf('#')) : link
    const decoded = decodeReviewFragment(hash)
    if (decoded.kind === 'refused') return setError(decoded.message)
    if (decoded.kind === 'none') return setError('This is not a review link: a review link has “#review=” in it. Nothing was changed.')
    const { review } = decoded
    compareStore.getState().open({
      before: { text: review.before, label: review.beforeLabel },
      after: { text: review.after, label: review.afterLabel },
      name: review.name,
    })
    close()
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    void fromFile(event.dataTransfer.files[0])
  }

  return (
    <dialog ref={dialog} className="cai-compare-chooser" aria-labelledby={titleId} aria-describedby={error ? errorId : undefined} data-own-drop="true" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <h2 id={titleId}>Compare the document with…</h2>
      <fieldset>
        <legend>The document open in the designer is</legend>
        <label>
          <input type="radio" name="compare-role" checked={role === 'after'} onChange={() => setRole('after')} /> the after version (newer)
        </label>
        <label>
          <input type="radio" name="compare-role" checked={role === 'before'} onChange={() => setRole('before')} /> the before version (older)
        </label>
      </fieldset>

      <section aria-label="A file">
        <h3>A file</h3>
        <p>Choose a .cai file, or drop one on this dialog.</p>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Choose a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".cai,text/plain"
          hidden
          aria-label="File to compare with"
          onChange={(event) => {
            void fromFile(event.target.files?.[0])
            event.target.value = ''
          }}
        />
      </section>

      <section aria-label="Pasted text">
        <h3>Pasted text</h3>
        <textarea aria-label="Text to compare with" value={pasted} onChange={(event) => setPasted(event.target.value)} rows={6} spellCheck={false} />
        <button type="button" disabled={pasted === ''} onClick={() => compareWith(pasted, 'pasted text')}>
          Compare with this text
        </button>
      </section>

      <section aria-label="A review link">
        <h3>A review link</h3>
        <input type="text" aria-label="Review link" value={link} onChange={(event) => setLink(event.target.value)} placeholder="https://…#review=1&…" spellCheck={false} />
        <button type="button" disabled={link.trim() === ''} onClick={fromLink}>
          Open review link
        </button>
      </section>

      <p className="cai-compare-note-line">The autosave keeps only the latest version of each document, so there is no earlier saved version to compare with.</p>
      {error && (
        <p className="cai-compare-error" role="alert" id={errorId}>
          {error}
        </p>
      )}
      <div className="cai-compare-chooser-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
