import { useStore } from 'zustand'
import { forkCompare } from '../persistence/fork-compare'
import { autosaveStatus, keepThisVersion, takeTheirs } from './documents'

/**
 * Shown after another tab saved a newer version of this document while this
 * tab had edits of its own: this tab's text was kept as a document of its
 * own, and the user chooses which to go on with. Nothing is lost either way.
 */
export function ConflictBanner() {
  const fork = useStore(autosaveStatus(), (state) => state.fork)
  const compare = useStore(forkCompare, (state) => state.open)
  if (!fork) return null
  return (
    <div className="cai-conflict" role="alert" data-testid="conflict">
      <p>
        Another tab saved a newer version of “{fork.theirs.name}” while this tab had edits of its own. This tab’s text is kept as “
        {fork.mine.name}” (in Recent), so neither version is lost.
      </p>
      <div className="cai-conflict-actions">
        <button type="button" onClick={() => void takeTheirs()}>
          Take the other version
        </button>
        <button type="button" onClick={() => keepThisVersion()}>
          Keep this one
        </button>
        {compare && (
          <button type="button" onClick={() => compare(fork)}>
            Compare
          </button>
        )}
      </div>
    </div>
  )
}
