import type { ReactNode } from 'react'
import { designerStore, panelOpen, useDesigner, type PanelId } from '../store/designer'
import { PANEL_LIMITS } from './panel-layout'
import { PanelResizer } from './PanelResizer'

interface SidePanelProps {
  panel: PanelId
  /** Left or right of the canvas and text. */
  side: 'start' | 'end'
  /** The panel's name: "Outline". */
  title: string
  className: string
  /** The panel has a Hide button of its own (the inspector's header). */
  ownHideButton?: boolean
  children: ReactNode
}

const setPanel = (panel: PanelId, patch: { open?: boolean; size?: number }) => designerStore().getState().setPanel(panel, patch)

/**
 * A panel beside the canvas and text: resizable on its inner edge, and, when
 * collapsed, a narrow rail with the button that opens it again. Its width is
 * capped relative to the window, so a remembered wide panel cannot squeeze
 * the canvas and text away on a smaller screen.
 */
export function SidePanel({ panel, side, title, className, ownHideButton, children }: SidePanelProps) {
  const open = useDesigner((state) => panelOpen(state.view, panel))
  const size = useDesigner((state) => state.view.panels[panel].size)
  const id = `cai-panel-${panel}`
  const name = title.toLowerCase()

  if (!open) {
    return (
      <div className={`cai-rail cai-rail-${side} ${className}`} data-panel={panel}>
        <button type="button" className="cai-rail-toggle" aria-expanded="false" title={`Show the ${name}`} onClick={() => setPanel(panel, { open: true })}>
          <span aria-hidden="true">{side === 'start' ? '»' : '«'}</span>
          <span className="cai-rail-label">{title}</span>
        </button>
      </div>
    )
  }
  return (
    <div id={id} className={`cai-side-panel cai-side-${side} ${className}`} data-panel={panel} style={{ width: `min(${size}px, 35vw)` }}>
      {!ownHideButton && (
        <button
          type="button"
          className="cai-panel-hide"
          aria-expanded="true"
          aria-controls={id}
          aria-label={`Hide the ${name}`}
          title={`Hide the ${name}`}
          onClick={() => setPanel(panel, { open: false })}
        >
          <span aria-hidden="true">{side === 'start' ? '«' : '»'}</span>
        </button>
      )}
      {children}
      <PanelResizer
        label={name}
        controls={id}
        edge={side === 'start' ? 'right' : 'left'}
        size={size}
        {...PANEL_LIMITS[panel]}
        onResize={(value) => setPanel(panel, { size: value })}
      />
    </div>
  )
}
