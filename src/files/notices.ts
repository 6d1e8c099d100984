/**
 * Short messages to the user about files, links and saving: what happened,
 * and what went wrong (always instead of failing silently). Information
 * disappears by itself; warnings and errors stay until dismissed.
 */
import { createStore } from 'zustand/vanilla'

export type NoticeKind = 'info' | 'warning' | 'error'

export interface Notice {
  id: number
  kind: NoticeKind
  text: string
}

const INFO_MS = 8000
const MOST = 4

export const notices = createStore<{ list: Notice[] }>()(() => ({ list: [] }))

let nextId = 0

export function notify(kind: NoticeKind, text: string): void {
  const notice = { id: ++nextId, kind, text }
  notices.setState(({ list }) => ({ list: [...list.filter((each) => each.text !== text), notice].slice(-MOST) }))
  if (kind === 'info') setTimeout(() => dismiss(notice.id), INFO_MS)
}

export function dismiss(id: number): void {
  notices.setState(({ list }) => ({ list: list.filter((notice) => notice.id !== id) }))
}
