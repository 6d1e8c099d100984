import { useEffect, useState } from 'react'
import { openFile } from './documents'
import { readFile } from './file-access'
import { notify } from './notices'

const carriesFiles = (event: DragEvent) => !!event.dataTransfer && [...event.dataTransfer.types].includes('Files')

/** Dropping a file anywhere on the page opens it; while a file is dragged over the page, a hint says so. */
export function DropZone() {
  const [dragging, setDragging] = useState(false)

  useEffect(() => {
    let depth = 0
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth++
      setDragging(true)
    }
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      event.dataTransfer!.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = 0
      setDragging(false)
      // A dialog that takes files itself (Compare…) gets them.
      if (event.target instanceof Element && event.target.closest('[data-own-drop]')) return
      // Ours, not the editor's nor the browser's (which would navigate to the file).
      event.preventDefault()
      event.stopPropagation()
      depth = 0
      setDragging(false)
      const file = event.dataTransfer!.files[0]
      if (!file) return
      readFile(file)
        .then(openFile)
        .catch((error) => notify('error', `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}.`))
    }
    window.addEventListener('dragenter', onEnter, true)
    window.addEventListener('dragleave', onLeave, true)
    window.addEventListener('dragover', onOver, true)
    window.addEventListener('drop', onDrop, true)
    return () => {
      window.removeEventListener('dragenter', onEnter, true)
      window.removeEventListener('dragleave', onLeave, true)
      window.removeEventListener('dragover', onOver, true)
      window.removeEventListener('drop', onDrop, true)
    }
  }, [])

  if (!dragging) return null
  return (
    <div className="cai-drop-hint" aria-hidden="true">
      Drop a .cai file to open it
    </div>
  )
}
