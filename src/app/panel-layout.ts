/**
 * The page's panel layout: the size limits of each panel, the window width
 * below which they collapse to toggles, and the layout remembered between
 * visits (localStorage; a browser that refuses storage gets the defaults).
 */
import { DEFAULT_PANELS, type DesignerStore, type PanelId, type PanelState, type ViewState } from '../store/designer'

/** Below this window width the panels collapse by themselves, so the canvas and text keep the room. */
export const COMPACT_QUERY = '(max-width: 1199px)'

export const PANEL_LIMITS: Record<PanelId, { min: number; max: number }> = {
  outline: { min: 140, max: 480 },
  inspector: { min: 240, max: 640 },
  problems: { min: 64, max: 640 },
}

const STORAGE_KEY = 'cai-designer.layout'
const PANELS: readonly PanelId[] = ['outline', 'inspector', 'problems']

/** What is remembered: the panels, the split between canvas and text, the minimap. */
type RememberedLayout = Pick<ViewState, 'panels' | 'split' | 'minimap'>

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

function panelFrom(value: unknown, panel: PanelId): PanelState {
  const fallback = DEFAULT_PANELS[panel]
  if (!isRecord(value)) return fallback
  const { min, max } = PANEL_LIMITS[panel]
  const size = typeof value.size === 'number' && Number.isFinite(value.size) ? Math.min(max, Math.max(min, Math.round(value.size))) : fallback.size
  return { open: typeof value.open === 'boolean' ? value.open : fallback.open, size }
}

/** The layout saved in `raw` (JSON), each value checked: anything missing or odd falls back to the default. */
export function parseLayout(raw: string | null): Partial<RememberedLayout> {
  let saved: unknown
  try {
    saved = raw === null ? null : JSON.parse(raw)
  } catch {
    return {}
  }
  if (!isRecord(saved)) return {}
  const layout: Partial<RememberedLayout> = {}
  if (isRecord(saved.panels)) {
    const panels = saved.panels
    layout.panels = Object.fromEntries(PANELS.map((panel) => [panel, panelFrom(panels[panel], panel)])) as Record<PanelId, PanelState>
  }
  if (typeof saved.split === 'number' && saved.split >= 0.15 && saved.split <= 0.85) layout.split = saved.split
  if (typeof saved.minimap === 'boolean') layout.minimap = saved.minimap
  return layout
}

const remembered = ({ panels, split, minimap }: ViewState): RememberedLayout => ({ panels, split, minimap })

function attempt<T>(action: () => T): T | null {
  try {
    return action()
  } catch {
    return null
  }
}

/** Applies the remembered layout to `store`, then remembers every change to it. Returns the unsubscribe. */
export function rememberLayout(store: DesignerStore, storage: Storage | null = attempt(() => window.localStorage)): () => void {
  const saved = parseLayout(attempt(() => storage?.getItem(STORAGE_KEY) ?? null))
  if (Object.keys(saved).length > 0) store.getState().setView(saved)
  let last = JSON.stringify(remembered(store.getState().view))
  return store.subscribe((state, previous) => {
    if (state.view === previous.view) return
    const next = JSON.stringify(remembered(state.view))
    if (next === last) return
    last = next
    attempt(() => storage?.setItem(STORAGE_KEY, next))
  })
}
