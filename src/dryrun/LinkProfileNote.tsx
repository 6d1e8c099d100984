import { runtimeStore, useRuntime } from '../store/runtime'

/**
 * Said wherever the runtime profile shapes what is shown, while it is the one
 * a share link carried: that view uses the sender's profile, the user's saved
 * settings are unchanged, and one click goes back to them.
 */
export function LinkProfileNote() {
  const fromLink = useRuntime((state) => state.profileSource === 'link')
  if (!fromLink) return null
  return (
    <p className="cai-link-profile" data-testid="link-profile" role="note">
      This link carries its own runtime profile, used in this view only; your saved settings are unchanged.{' '}
      <button type="button" onClick={() => runtimeStore.getState().restoreSavedProfile()}>
        Use my own profile
      </button>
    </p>
  )
}
