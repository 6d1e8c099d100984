import './files.css'
import { ConflictBanner } from './ConflictBanner'
import { DialogHost } from './Dialog'
import { DropZone } from './DropZone'
import { Notices } from './Notices'

/** Everything files add over the page: questions, messages, the tab-conflict banner and the drop hint. */
export function FileOverlays() {
  return (
    <>
      <ConflictBanner />
      <Notices />
      <DropZone />
      <DialogHost />
    </>
  )
}
