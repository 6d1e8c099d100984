/**
 * The context menu of a canvas node or of the canvas pane: the registry's
 * actions that apply there. A WAI-ARIA menu: focus goes to its first item,
 * the arrow keys, Home and End move between items, Enter or Space runs one,
 * Escape (or a click elsewhere, or Tab) closes it and gives focus back.
 */
import './actions.css'
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { designerStore } from '../store/designer'
import { ariaShortcut, shortcutLabel } from './keys'
import { menuActions, type Action } from './registry'
import type { ActionTarget } from './targets'

export interface MenuRequest {
  target: ActionTarget
  /** Where it opens, in viewport pixels. */
  x: number
  y: number
  /** What gets focus back when it closes. */
  returnFocus: HTMLElement | null
}

interface ActionMenuProps {
  request: MenuRequest
  onClose(): void
  /** Runs the chosen action (the canvas then puts focus on the selected node). */
  onRun(action: Action, target: ActionTarget): void
}

const MARGIN = 8

export function ActionMenu({ request, onClose, onRun }: ActionMenuProps) {
  // The entries are fixed when the menu opens: a menu does not change under the pointer.
  const [actions] = useState(() => menuActions(designerStore().getState(), request.target))
  const menu = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState({ left: request.x, top: request.y })

  useLayoutEffect(() => {
    const element = menu.current
    if (!element) return
    const { width, height } = element.getBoundingClientRect()
    setPlace({
      left: Math.max(MARGIN, Math.min(request.x, window.innerWidth - width - MARGIN)),
      top: Math.max(MARGIN, Math.min(request.y, window.innerHeight - height - MARGIN)),
    })
    element.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [request])

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose()
    }
    const onBlur = () => onClose()
    document.addEventListener('pointerdown', onPointerDown, true)
    window.addEventListener('blur', onBlur)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true)
      window.removeEventListener('blur', onBlur)
    }
  }, [onClose])

  const close = () => {
    onClose()
    request.returnFocus?.focus()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys pressed in the menu are the menu's, not the canvas's.
    event.stopPropagation()
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const current = items.indexOf(document.activeElement as HTMLElement)
    const focus = (index: number) => items[(index + items.length) % items.length]?.focus()
    switch (event.key) {
      case 'ArrowDown':
        focus(current + 1)
        break
      case 'ArrowUp':
        focus(current - 1)
        break
      case 'Home':
        focus(0)
        break
      case 'End':
        focus(items.length - 1)
        break
      case 'Escape':
      case 'Tab':
        close()
        break
      default:
        return
    }
    event.preventDefault()
  }

  const run = (action: Action) => {
    onClose()
    request.returnFocus?.focus()
    onRun(action, request.target)
  }

  return createPortal(
    <div
      ref={menu}
      className="cai-menu"
      role="menu"
      aria-label="Actions"
      data-testid="context-menu"
      style={{ left: place.left, top: place.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="cai-menu-item"
          data-action={action.id}
          aria-keyshortcuts={action.shortcuts.map((shortcut) => ariaShortcut(shortcut)).join(' ') || undefined}
          onClick={() => run(action)}
        >
          <span>{action.label}</span>
          {action.shortcuts[0] && <kbd>{shortcutLabel(action.shortcuts[0])}</kbd>}
        </button>
      ))}
    </div>,
    document.body,
  )
}
