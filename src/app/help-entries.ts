/** The help sheet's content, generated from the action registry so it cannot drift from what the keys do. */
import { shortcutLabel } from '../actions/keys'
import { ACTIONS, type ActionGroup } from '../actions/registry'

export interface HelpEntry {
  id: string
  label: string
  keys: string[]
  group: ActionGroup
}

const ORDER: readonly ActionGroup[] = ['File', 'Edit', 'View', 'Canvas', 'Text', 'Help']

/** Every action, grouped in ORDER; those matching `query` (label, key or group, any case) when one is given. */
export function helpEntries(query = '', mac?: boolean): HelpEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return ORDER.flatMap((group) =>
    ACTIONS.filter((action) => action.group === group)
      .map((action) => ({ id: action.id, label: action.label, keys: action.shortcuts.map((shortcut) => shortcutLabel(shortcut, mac)), group }))
      .filter((entry) => {
        const haystack = `${entry.label} ${entry.keys.join(' ')} ${entry.group}`.toLowerCase()
        return words.every((word) => haystack.includes(word))
      }),
  )
}
