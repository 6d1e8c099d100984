import { describe, expect, it } from 'vitest'
import { ariaShortcut, matches, shortcutLabel, type KeyPress } from './keys'

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('matches', () => {
  it('reads Mod as Ctrl elsewhere and Cmd on macOS', () => {
    expect(matches('Mod+D', press('d', { ctrlKey: true }), false)).toBe(true)
    expect(matches('Mod+D', press('d', { metaKey: true }), false)).toBe(false)
    expect(matches('Mod+D', press('d', { metaKey: true }), true)).toBe(true)
    expect(matches('Mod+D', press('d', { ctrlKey: true }), true)).toBe(false)
  })

  it('wants the modifiers exactly', () => {
    expect(matches('Mod+Z', press('z', { ctrlKey: true }), false)).toBe(true)
    expect(matches('Mod+Z', press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(false)
    expect(matches('Mod+Shift+Z', press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(true)
    expect(matches('Delete', press('Delete', { altKey: true }))).toBe(false)
    expect(matches('D', press('d', { ctrlKey: true }))).toBe(false)
  })

  it('takes Ctrl as the Control key on every system', () => {
    expect(matches('Ctrl+Y', press('y', { ctrlKey: true }), true)).toBe(true)
    expect(matches('Ctrl+Y', press('y', { metaKey: true }), true)).toBe(false)
  })
})

describe('labels', () => {
  it('shows shortcuts as each system writes them', () => {
    expect(shortcutLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z')
    expect(shortcutLabel('Mod+Shift+Z', true)).toBe('⌘⇧Z')
    expect(shortcutLabel('ArrowDown', false)).toBe('↓')
    expect(shortcutLabel('Delete', true)).toBe('Delete')
  })

  it('names the modifiers as aria-keyshortcuts wants', () => {
    expect(ariaShortcut('Mod+D', false)).toBe('Control+D')
    expect(ariaShortcut('Mod+D', true)).toBe('Meta+D')
    expect(ariaShortcut('Ctrl+Y', true)).toBe('Control+Y')
  })
})
