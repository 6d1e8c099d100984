import { useStore } from 'zustand'
import { autosaveStatus, keepMineAsNew, takeTheirs } from './documents'

/** Shown while another tab has saved a newer version of this document: this tab saves nothing until the user chooses. */
export function ConflictBanner() {
  const status = useStore(autosaveStatus(), (state) => state)
  if (status.state !== 'conflict') return null
  return (
    <div className="cai-conflict" role="alert" data-testid="conflict">
      <p>
        Another tab saved a newer version of “{status.theirs?.name}”. This tab stopped saving it, so neither version is lost.
      </p>
      <div className="cai-conflict-actions">
        <button type="button" onClick={() => void takeTheirs()}>
          Load theirs
        </button>
        <button type="button" onClick={() => void keepMineAsNew()}>
          Keep mine as a new document
        </button>
      </div>
    </div>
  )
}
