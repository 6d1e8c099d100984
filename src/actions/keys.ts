/**
 * Keyboard shortcuts as written in the action registry: `+`-joined modifiers
 * and a KeyboardEvent `key`, e.g. `Delete`, `Mod+D`, `Mod+Shift+Z`, `Ctrl+Y`.
 * `Mod` is Cmd on macOS and Ctrl elsewhere; `Ctrl` is the Control key on both.
 */

/** The parts of a KeyboardEvent a shortcut looks at (so plain objects can be matched in tests). */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

/** Whether `press` is `shortcut`, modifiers exactly (Mod+Z is not Mod+Shift+Z). */
export function matches(shortcut: string, press: KeyPress, mac = isMac()): boolean {
  const parts = shortcut.split('+')
  const key = parts[parts.length - 1]
  const modifiers = new Set(parts.slice(0, -1))
  const wantCtrl = modifiers.has('Ctrl') || (modifiers.has('Mod') && !mac)
  const wantMeta = modifiers.has('Mod') && mac
  return (
    press.key.toLowerCase() === key.toLowerCase() &&
    press.ctrlKey === wantCtrl &&
    press.metaKey === wantMeta &&
    press.shiftKey === modifiers.has('Shift') &&
    press.altKey === modifiers.has('Alt')
  )
}

const KEY_NAMES: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
}

/** A shortcut as shown to the user: `Ctrl+D` (or `⌘D` on macOS), `Delete`, `↓`. */
export function shortcutLabel(shortcut: string, mac = isMac()): string {
  const parts = shortcut.split('+').map((part) => {
    if (part === 'Mod') return mac ? '⌘' : 'Ctrl'
    if (mac && part === 'Shift') return '⇧'
    if (mac && part === 'Ctrl') return '⌃'
    return KEY_NAMES[part] ?? (part.length === 1 ? part.toUpperCase() : part)
  })
  return parts.join(mac ? '' : '+')
}

/** The `aria-keyshortcuts` value of a shortcut (WAI-ARIA names the modifiers Control and Meta). */
export function ariaShortcut(shortcut: string, mac = isMac()): string {
  return shortcut
    .split('+')
    .map((part) => (part === 'Mod' ? (mac ? 'Meta' : 'Control') : part === 'Ctrl' ? 'Control' : part))
    .join('+')
}

/** Whether a key event comes from a place that handles its own keys: a text field or the text editor. */
export function isTextEntry(element: EventTarget | null): boolean {
  if (!(element instanceof Element)) return false
  if (element.closest('.monaco-editor')) return true
  const tag = element.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (element as HTMLElement).isContentEditable === true
}
