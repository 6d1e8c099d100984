/**
 * Questions to the user, answered in an accessible in-page modal dialog
 * (Dialog.tsx), never window.confirm: `ask` resolves with the chosen action's
 * value, or null when the dialog is dismissed (Escape). One at a time; a new
 * question dismisses an open one.
 */
import { createStore } from 'zustand/vanilla'

export interface DialogAction<T> {
  label: string
  value: T
  /** The default action: focused first. */
  primary?: boolean
}

export interface DialogRequest<T = unknown> {
  title: string
  /** Plain text; each string is one paragraph. */
  message: string[]
  actions: DialogAction<T>[]
  /** A text to show selectable (e.g. a link to copy by hand). */
  detail?: { label: string; text: string }
}

interface OpenDialog extends DialogRequest {
  resolve(value: unknown): void
}

export const dialogs = createStore<{ open: OpenDialog | null }>()(() => ({ open: null }))

export function ask<T>(request: DialogRequest<T>): Promise<T | null> {
  dialogs.getState().open?.resolve(null)
  return new Promise((resolve) => {
    dialogs.setState({
      open: {
        ...(request as DialogRequest),
        resolve(value) {
          if (dialogs.getState().open === this) dialogs.setState({ open: null })
          resolve(value as T | null)
        },
      },
    })
  })
}
