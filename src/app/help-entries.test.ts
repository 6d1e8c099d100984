import { describe, expect, it } from 'vitest'
import { ACTIONS } from '../actions/registry'
import { helpEntries } from './help-entries'

describe('the help sheet', () => {
  it('lists every action of the registry, once, with its keys', () => {
    const entries = helpEntries('', false)
    expect(entries.map((entry) => entry.id).sort()).toEqual(ACTIONS.map((action) => action.id).sort())
    expect(entries.find((entry) => entry.id === 'redo')?.keys).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y'])
    expect(entries.find((entry) => entry.id === 'save')?.keys).toEqual(['Ctrl+S'])
  })

  it('finds commands by any word of their label, key or group', () => {
    expect(helpEntries('undo', false).map((entry) => entry.id)).toEqual(['undo'])
    expect(helpEntries('ctrl+s', false).map((entry) => entry.id)).toContain('save')
    expect(helpEntries('export png', false).map((entry) => entry.id)).toEqual(['export-png'])
    expect(helpEntries('no such command', false)).toEqual([])
  })
})
