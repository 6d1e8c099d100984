import { useCallback, useRef, type KeyboardEvent, type PointerEvent } from 'react'

const STEP = 16
const BIG_STEP = 64

/** Which edge of its panel the resizer sits on: dragging away from the panel makes it bigger. */
export type ResizerEdge = 'right' | 'left' | 'top'

interface PanelResizerProps {
  /** What it resizes, for its name: "outline". */
  label: string
  /** The panel's element id. */
  controls: string
  edge: ResizerEdge
  size: number
  min: number
  max: number
  onResize(size: number): void
}

/**
 * The handle on a panel's inner edge (WAI-ARIA window splitter): drag it, or
 * focus it and use the arrow keys (Shift for bigger steps), Home and End.
 */
export function PanelResizer({ label, controls, edge, size, min, max, onResize }: PanelResizerProps) {
  const drag = useRef<{ from: number; size: number } | null>(null)
  const clamp = useCallback((value: number) => Math.round(Math.min(max, Math.max(min, value))), [min, max])
  const vertical = edge !== 'top'
  /** +1 when moving the pointer right (or down) makes the panel bigger. */
  const grows = edge === 'right' ? 1 : -1

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    event.preventDefault()
    // From the size shown, which a narrow window may cap below the size asked for.
    const shown = event.currentTarget.parentElement?.getBoundingClientRect()
    drag.current = { from: vertical ? event.clientX : event.clientY, size: shown ? Math.round(vertical ? shown.width : shown.height) : size }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current
    if (!start || !event.currentTarget.hasPointerCapture(event.pointerId)) return
    onResize(clamp(start.size + grows * ((vertical ? event.clientX : event.clientY) - start.from)))
  }
  const onPointerUp = () => {
    drag.current = null
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = (event.shiftKey ? BIG_STEP : STEP) * (vertical ? grows : 1)
    const moves: Record<string, number> = vertical
      ? { ArrowRight: size + step, ArrowLeft: size - step, Home: min, End: max }
      : { ArrowUp: size + step, ArrowDown: size - step, Home: min, End: max }
    if (!(event.key in moves)) return
    event.preventDefault()
    onResize(clamp(moves[event.key]))
  }

  return (
    <div
      className={`cai-panel-resizer cai-panel-resizer-${edge}`}
      role="separator"
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-label={`Resize the ${label}`}
      aria-controls={controls}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={size}
      aria-valuetext={`${label} ${size} pixels`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
