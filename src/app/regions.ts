/**
 * The page's regions in screen order, for F6 and Shift+F6 (as in VS Code):
 * toolbar, outline, canvas, text, inspector, problems. A hidden region is
 * skipped; the focus goes to the region's first focusable element (on the
 * canvas, the selected node if there is one).
 */
import type { Region } from '../actions/services'

const REGIONS: readonly [Region, string][] = [
  ['toolbar', '.cai-toolbar'],
  ['outline', '.cai-outline-area'],
  ['canvas', '[data-testid="canvas"]'],
  ['text', '.cai-editor-area'],
  ['inspector', '.cai-inspector-area'],
  ['problems', '.cai-problems-area'],
]

const FOCUSABLE = 'textarea, button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

function regionElements(): { region: Region; element: HTMLElement }[] {
  return REGIONS.flatMap(([region, selector]) => {
    const element = document.querySelector<HTMLElement>(selector)
    return element && element.offsetParent !== null ? [{ region, element }] : []
  })
}

function focusInside(region: Region, element: HTMLElement): boolean {
  const preferred =
    region === 'canvas'
      ? element.querySelector<HTMLElement>('.react-flow__node.selected') ?? element.querySelector<HTMLElement>('.react-flow__node')
      : region === 'text'
        ? element.querySelector<HTMLElement>('.monaco-editor textarea')
        : null
  const target = preferred ?? element.querySelector<HTMLElement>(FOCUSABLE)
  target?.focus()
  return !!target && element.contains(document.activeElement)
}

/** Moves the focus to the next (+1) or previous (-1) region that can take it. */
export function cycleRegion(step: 1 | -1): void {
  const regions = regionElements()
  if (regions.length === 0) return
  const current = regions.findIndex(({ element }) => element.contains(document.activeElement))
  for (let n = 1; n <= regions.length; n++) {
    const index = (((current < 0 ? (step > 0 ? -1 : 0) : current) + step * n) % regions.length + regions.length) % regions.length
    const { region, element } = regions[index]
    if (focusInside(region, element)) return
  }
}
