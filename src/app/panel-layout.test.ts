import { describe, expect, it } from 'vitest'
import { createDesignerStore, DEFAULT_PANELS } from '../store/designer'
import { parseLayout, rememberLayout } from './panel-layout'

/** A Storage kept in memory. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial))
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

describe('parseLayout', () => {
  it('reads a saved layout, keeping sizes within limits', () => {
    const raw = JSON.stringify({
      panels: { outline: { open: false, size: 5000 }, inspector: { open: true, size: 300 }, problems: { open: false, size: 10 } },
      split: 0.4,
      minimap: true,
    })
    expect(parseLayout(raw)).toEqual({
      panels: { outline: { open: false, size: 480 }, inspector: { open: true, size: 300 }, problems: { open: false, size: 64 } },
      split: 0.4,
      minimap: true,
    })
  })

  it('falls back to the defaults for anything missing or odd', () => {
    expect(parseLayout(null)).toEqual({})
    expect(parseLayout('not json')).toEqual({})
    expect(parseLayout('[1]')).toEqual({})
    expect(parseLayout(JSON.stringify({ panels: { outline: { open: 'yes', size: 'big' } }, split: 7, minimap: 1 }))).toEqual({
      panels: DEFAULT_PANELS,
    })
  })
})

describe('rememberLayout', () => {
  it('restores the layout saved by an earlier page', () => {
    const storage = memoryStorage()
    const first = createDesignerStore()
    const stop = rememberLayout(first, storage)
    first.getState().setPanel('outline', { open: false, size: 300 })
    first.getState().setView({ split: 0.3, minimap: true })
    stop()

    const second = createDesignerStore()
    rememberLayout(second, storage)
    const { view } = second.getState()
    expect(view.panels.outline).toEqual({ open: false, size: 300 })
    expect(view.split).toBe(0.3)
    expect(view.minimap).toBe(true)
  })

  it('keeps working when the browser refuses storage', () => {
    const refusing = memoryStorage()
    refusing.getItem = () => {
      throw new Error('SecurityError')
    }
    refusing.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    const store = createDesignerStore()
    rememberLayout(store, refusing)
    expect(() => store.getState().setPanel('problems', { open: false })).not.toThrow()
    expect(store.getState().view.panels.problems.open).toBe(false)
  })
})
