import { useStore } from 'zustand'
import { dismiss, notices } from './notices'

/** The messages about files, links and saving; errors and warnings are announced at once. */
export function Notices() {
  const list = useStore(notices, (state) => state.list)
  return (
    <div className="cai-notices" data-testid="notices">
      {list.map((notice) => (
        <div key={notice.id} className={`cai-notice cai-notice-${notice.kind}`} role={notice.kind === 'info' ? 'status' : 'alert'}>
          <span className="cai-notice-text">{notice.text}</span>
          <button type="button" aria-label="Dismiss" title="Dismiss" onClick={() => dismiss(notice.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  )
}
