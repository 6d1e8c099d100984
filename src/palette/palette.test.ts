import { describe, expect, it } from 'vitest'
import { draggedKind, paletteMime } from './palette'

describe('the palette’s drag data', () => {
  it('carries the item in the drag type, which a drop target can read while dragging', () => {
    expect(draggedKind(['text/plain', paletteMime('parallel')])).toBe('parallel')
    expect(draggedKind([paletteMime('job')])).toBe('job')
  })

  it('is nothing for other drags (a file) or an unknown item', () => {
    expect(draggedKind(['Files'])).toBeNull()
    expect(draggedKind(['application/x-cai-new-nothing'])).toBeNull()
  })
})
