import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export interface MenuItem {
  label: string
  /** Tells items with the same label apart. */
  key?: string
  onSelect(): void
  disabled?: boolean
  /** A longer description (tooltip). */
  title?: string
}

export interface MenuSection {
  /** Shown above its items; sections without one follow on directly. */
  heading?: string
  items: MenuItem[]
}

/**
 * A button opening a menu (the WAI-ARIA menu button pattern): arrow keys move
 * between items, Escape or a click elsewhere closes it, focus returns to the
 * button. `onOpen` runs as it opens (e.g. to refresh its items).
 */
export function MenuButton({
  label,
  title,
  sections,
  onOpen,
  empty,
}: {
  label: ReactNode
  title?: string
  sections: MenuSection[]
  onOpen?: () => void
  empty?: string
}) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])]

  useEffect(() => {
    if (!open) return
    items()[0]?.focus()
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', closeOutside)
    return () => document.removeEventListener('pointerdown', closeOutside)
  }, [open])

  const close = (focusButton: boolean) => {
    setOpen(false)
    if (focusButton) button.current?.focus()
  }

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items()
    const at = all.indexOf(document.activeElement as HTMLButtonElement)
    const move = (to: number) => {
      event.preventDefault()
      all[(to + all.length) % all.length]?.focus()
    }
    if (event.key === 'ArrowDown') move(at + 1)
    else if (event.key === 'ArrowUp') move(at - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(all.length - 1)
    else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close(true)
    } else if (event.key === 'Tab') close(false)
  }

  const count = sections.reduce((sum, section) => sum + section.items.length, 0)

  return (
    <div className="cai-file-menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={title}
        onClick={() => {
          if (!open) onOpen?.()
          setOpen(!open)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            onOpen?.()
            setOpen(true)
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" className="cai-file-menu-list" onKeyDown={onMenuKey}>
          {count === 0 && <p className="cai-file-menu-empty">{empty ?? 'Nothing here yet.'}</p>}
          {sections.map((section, index) => (
            <div key={section.heading ?? index} role="group" aria-label={section.heading}>
              {section.heading && (
                <div className="cai-file-menu-heading" aria-hidden="true">
                  {section.heading}
                </div>
              )}
              {section.items.map((item) => (
                <button
                  key={item.key ?? item.label}
                  type="button"
                  role="menuitem"
                  disabled={item.disabled}
                  title={item.title}
                  onClick={() => {
                    close(true)
                    item.onSelect()
                  }}
                >
                  {item.label}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
