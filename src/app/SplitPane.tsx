import { useCallback, useId, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'

const MIN_SPLIT = 0.15
const MAX_SPLIT = 0.85
const STEP = 0.02
const BIG_STEP = 0.1

const clamp = (value: number) => Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, value))

interface Pane {
  label: string
  visible: boolean
  content: ReactNode
}

interface SplitPaneProps {
  first: Pane
  second: Pane
  /** The first pane's share of the width, 0..1. */
  split: number
  onSplitChange(split: number): void
}

/**
 * Two panes side by side with a draggable separator that the keyboard can move
 * too (WAI-ARIA window splitter). A hidden pane stays mounted, so the editor
 * keeps its state and the canvas its viewport.
 */
export function SplitPane({ first, second, split, onSplitChange }: SplitPaneProps) {
  const container = useRef<HTMLDivElement>(null)
  const firstId = useId()
  const both = first.visible && second.visible

  const onPointerDown = useCallback((event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    event.preventDefault()
  }, [])

  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      if (!event.currentTarget.hasPointerCapture(event.pointerId) || !container.current) return
      const box = container.current.getBoundingClientRect()
      if (box.width > 0) onSplitChange(clamp((event.clientX - box.left) / box.width))
    },
    [onSplitChange],
  )

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const step = event.shiftKey ? BIG_STEP : STEP
      const moves: Record<string, number> = {
        ArrowLeft: split - step,
        ArrowDown: split - step,
        ArrowRight: split + step,
        ArrowUp: split + step,
        Home: MIN_SPLIT,
        End: MAX_SPLIT,
      }
      if (!(event.key in moves)) return
      event.preventDefault()
      onSplitChange(clamp(moves[event.key]))
    },
    [split, onSplitChange],
  )

  const percent = Math.round(split * 100)
  return (
    <div className="cai-split" ref={container}>
      <section
        id={firstId}
        className="cai-pane"
        aria-label={first.label}
        hidden={!first.visible}
        style={both ? { flex: `0 0 ${split * 100}%` } : undefined}
      >
        {first.content}
      </section>
      {both && (
        <div
          className="cai-separator"
          role="separator"
          aria-orientation="vertical"
          aria-label={`Resize ${first.label.toLowerCase()} and ${second.label.toLowerCase()}`}
          aria-controls={firstId}
          aria-valuemin={Math.round(MIN_SPLIT * 100)}
          aria-valuemax={Math.round(MAX_SPLIT * 100)}
          aria-valuenow={percent}
          aria-valuetext={`${first.label} ${percent}%`}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onKeyDown={onKeyDown}
        />
      )}
      <section className="cai-pane" aria-label={second.label} hidden={!second.visible}>
        {second.content}
      </section>
    </div>
  )
}
