/**
 * Which document a page shows, as tiny metadata outside IndexedDB: the tab's
 * own document (sessionStorage: survives a reload of this tab) and the last
 * document any tab saved (localStorage: for a page closed and opened again).
 * Storage may be disabled: every access is allowed to fail.
 */
const TAB_KEY = 'cai-designer.document'
const LAST_KEY = 'cai-designer.last'
const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/

export function rememberDocument(id: string): void {
  attempt(() => sessionStorage.setItem(TAB_KEY, id))
  attempt(() => localStorage.setItem(LAST_KEY, id))
}

/** The ids to try at start-up, most wanted first: this tab's, then the last saved. Malformed values are ignored. */
export function rememberedDocuments(): string[] {
  const ids = [attempt(() => sessionStorage.getItem(TAB_KEY)), attempt(() => localStorage.getItem(LAST_KEY))]
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && ID_PATTERN.test(id)))]
}

/** A random id. (Not crypto.randomUUID: that needs a secure context, and the page may be served over plain http.) */
export function newDocumentId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function attempt<T>(action: () => T): T | undefined {
  try {
    return action()
  } catch {
    return undefined
  }
}
