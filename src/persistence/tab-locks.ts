/**
 * Which tabs are still open: each page holds a Web Lock named after its tab
 * for as long as it lives, and the browser lets it go when the page closes
 * (or crashes). Another page can ask whether a tab is gone, or wait until it
 * is. Without the Web Locks API (plain http on another host, old browsers)
 * every tab is taken as gone: a backup is then promoted at the next start,
 * even one a hidden tab still holds, which that tab's own save follows.
 */
const PREFIX = 'cai-designer.tab.'

/** The parts of `navigator.locks` used here (a stand-in in tests). */
export interface TabLocks {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => unknown): Promise<unknown>
  request(name: string, callback: (lock: unknown) => unknown): Promise<unknown>
}

export function pageLocks(): TabLocks | null {
  const locks = (globalThis.navigator as { locks?: TabLocks } | undefined)?.locks
  return locks && typeof locks.request === 'function' ? locks : null
}

/** Holds this tab's lock until `release` is called (or the page goes away). */
export function holdTabLock(locks: TabLocks | null, tab: string): () => void {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  void locks?.request(PREFIX + tab, () => held).catch(() => undefined)
  return release
}

/** Whether the page that was `tab` has closed. */
export async function tabIsGone(locks: TabLocks | null, tab: string): Promise<boolean> {
  if (!locks) return true
  try {
    return (await locks.request(PREFIX + tab, { ifAvailable: true }, (lock) => lock !== null)) === true
  } catch {
    return true
  }
}

/** Runs `then` once the page that was `tab` has closed; `signal` stops waiting. Never without the Web Locks API. */
export function whenTabIsGone(locks: TabLocks | null, tab: string, signal: AbortSignal, then: () => Promise<void>): void {
  void locks?.request(PREFIX + tab, { signal }, () => then()).catch(() => undefined)
}
