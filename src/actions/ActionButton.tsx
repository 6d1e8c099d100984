/** A button that runs a registry action: its label, shortcut, enabled and pressed state all come from the action. */
import type { ReactNode } from 'react'
import { designerStore, useDesigner } from '../store/designer'
import { ariaShortcut, shortcutLabel } from './keys'
import { actionById, PAGE_TARGET } from './registry'

interface ActionButtonProps {
  id: string
  /** What the button shows; the action's label by default. */
  children?: ReactNode
  /** The tooltip's wording (and the name of a button showing only a symbol); the action's label by default. */
  label?: string
  /** Why it is disabled, when it is. */
  disabledReason?: string
  /** A `data-testid` for the end-to-end tests. */
  testId?: string
}

export function ActionButton({ id, children, label, disabledReason, testId }: ActionButtonProps) {
  const action = actionById(id)
  const enabled = useDesigner((state) => action.isEnabled(state, PAGE_TARGET))
  const pressed = useDesigner((state) => action.isPressed?.(state))
  const name = label ?? action.label
  const keys = action.shortcuts.map((shortcut) => shortcutLabel(shortcut)).join(' or ')
  // Visible words are the button's name (what a speech user says, what a screen reader reads);
  // only a symbol-only button is named by its label. The fuller wording goes in the tooltip.
  const named = children === undefined || typeof children === 'string' ? undefined : name
  return (
    <button
      type="button"
      data-action={id}
      data-testid={testId}
      aria-label={named}
      title={!enabled && disabledReason ? disabledReason : keys ? `${name} (${keys})` : name}
      aria-keyshortcuts={action.shortcuts.length > 0 ? action.shortcuts.map((shortcut) => ariaShortcut(shortcut)).join(' ') : undefined}
      aria-pressed={pressed}
      disabled={!enabled}
      onClick={() => void action.run(designerStore(), PAGE_TARGET)}
    >
      {children ?? action.label}
    </button>
  )
}
