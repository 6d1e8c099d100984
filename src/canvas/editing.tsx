/**
 * Editing on the canvas, shared by the workflow picture and the jobs board:
 * the context menus, the keyboard shortcuts of nodes, palette drops, the
 * transient position of a dragged node and the insertion marker. Every edit
 * runs a registry action or an operation through the store.
 */
import { useCallback, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react'
import { ViewportPortal, useReactFlow, type Node, type NodeChange, type XYPosition } from '@xyflow/react'
import { ActionMenu, type MenuRequest } from '../actions/ActionMenu'
import type { NewKind } from '../actions/insert'
import { tell } from '../actions/perform'
import { menuActions, type Action } from '../actions/registry'
import { runKey } from '../actions/shortcuts'
import { boardTarget, paneTarget, readOnlyReason, targetOfNode, type ActionTarget } from '../actions/targets'
import { designerStore, type DesignerStore } from '../store/designer'
import { draggedKind } from '../palette/palette'
import type { CanvasNode } from './flow-elements'
import type { Box } from '../diagram/layout'

/** The node element a key or pointer event came from. */
function nodeElement(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest('.react-flow__node') as HTMLElement | null) : null
}

/** Where a drag event happened, in viewport pixels (a touch: where the finger left or last was). */
export function clientPoint(event: MouseEvent | TouchEvent): XYPosition {
  if ('changedTouches' in event) {
    const touch = event.changedTouches[0] ?? event.touches[0]
    return { x: touch?.clientX ?? 0, y: touch?.clientY ?? 0 }
  }
  return { x: event.clientX, y: event.clientY }
}

/** Elements with keys of their own: buttons, links, fields, menu items. */
const OWN_KEYS = 'button, a, input, textarea, select, [role="menuitem"], .monaco-editor'

/** Frames to wait for a node to appear after an edit (a big picture redraws a little later). */
const FOCUS_FRAMES = 10

/** Puts keyboard focus on the selected node, once the canvas in `container` shows it. */
function focusSelectedNode(container: HTMLElement | null, store: DesignerStore = designerStore()): void {
  let frames = 0
  const attempt = () => {
    const id = store.getState().selectedNodeId
    const element = id ? container?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) : null
    if (element && element.tabIndex >= 0) element.focus()
    else if (frames++ < FOCUS_FRAMES) requestAnimationFrame(attempt)
  }
  // At once when the node is already there (the next key press must start from it), else once it is drawn.
  attempt()
}

/** The context menu and keyboard shortcuts of a canvas. */
export function useCanvasActions(board: 'workflow' | 'jobs') {
  const container = useRef<HTMLDivElement>(null)
  const [menu, setMenu] = useState<MenuRequest | null>(null)
  const closeMenu = useCallback(() => setMenu(null), [])

  const openMenu = useCallback((target: ActionTarget, x: number, y: number, returnFocus: HTMLElement | null) => {
    const state = designerStore().getState()
    const readOnly = readOnlyReason(state.parsed.doc, target)
    if (readOnly) tell(readOnly)
    else if (menuActions(state, target).length > 0) setMenu({ target, x, y, returnFocus })
  }, [])

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: Node) => {
      event.preventDefault()
      const target = targetOfNode(node.id)
      if (!target) {
        tell('Another node has the same name, so this one cannot be edited here: rename one of them in the text first.')
        return
      }
      if (node.selectable !== false) designerStore().getState().selectNode(node.id, { reveal: false })
      openMenu(target, event.clientX, event.clientY, nodeElement(event.target))
    },
    [openMenu],
  )

  const onPaneContextMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent) => {
      event.preventDefault()
      openMenu(paneTarget(designerStore().getState(), board), event.clientX, event.clientY, container.current)
    },
    [board, openMenu],
  )

  const onRun = useCallback((action: Action, target: ActionTarget) => {
    void Promise.resolve(action.run(designerStore(), target)).then(() => focusSelectedNode(container.current))
  }, [])

  const onKeyDownCapture = useCallback(
    (event: KeyboardEvent) => {
      if (!(event.target instanceof Element) || event.target.closest(OWN_KEYS)) return
      const element = nodeElement(event.target)
      const store = designerStore()
      const state = store.getState()
      const id = element?.getAttribute('data-id')
      if (event.key === ' ' && id) {
        // Space selects the focused node, as a click does.
        event.preventDefault()
        event.stopPropagation()
        store.getState().selectNode(id)
        return
      }
      // Keys act on the focused node (none on a node whose name another node has too), else on the selection.
      const target = id ? targetOfNode(id) : boardTarget(state, board)
      if (!target) return
      if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
        event.preventDefault()
        const box = (element ?? container.current)?.getBoundingClientRect()
        if (box) openMenu(target, box.left + Math.min(box.width / 2, 40), box.top + box.height / 2, element ?? container.current)
        return
      }
      const outcome = runKey(store, event, 'canvas', target, () => focusSelectedNode(container.current))
      if (outcome === 'none') return
      // The key is the canvas's: React Flow must not also move the node or select it.
      event.preventDefault()
      event.stopPropagation()
    },
    [board, openMenu],
  )

  const menuElement = menu && <ActionMenu request={menu} onClose={closeMenu} onRun={onRun} />
  return { container, menuElement, onNodeContextMenu, onPaneContextMenu, onKeyDownCapture }
}

/**
 * Nodes as React Flow shows them while one is dragged: the dragged node where
 * the pointer took it, above the others. Nothing of it is kept: when the drag
 * ends the node goes where the new text's layout puts it, or back.
 */
export function useDraggedNode(nodes: CanvasNode[]) {
  const [dragged, setDragged] = useState<{ id: string; position: XYPosition } | null>(null)
  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.position && change.dragging) setDragged({ id: change.id, position: change.position })
    }
  }, [])
  const endDrag = useCallback(() => setDragged(null), [])
  const shown = useMemo(
    () =>
      dragged
        ? nodes.map((node) => (node.id === dragged.id ? ({ ...node, position: dragged.position, zIndex: 1000 } as CanvasNode) : node))
        : nodes,
    [nodes, dragged],
  )
  return { nodes: shown, onNodesChange, endDrag }
}

/** Where a drop is about to land: a line (in a gap) or a box (a queue lane), in flow coordinates. */
export interface Marker {
  box: Box
  kind: 'horizontal' | 'vertical' | 'lane'
}

function sameMarker(a: Marker | null, b: Marker | null): boolean {
  if (a === b) return true
  if (!a || !b || a.kind !== b.kind) return false
  return a.box.x === b.box.x && a.box.y === b.box.y && a.box.width === b.box.width && a.box.height === b.box.height
}

/** A marker as state, set on every pointer move but re-rendering only when it moves. */
export function useMarker() {
  const [marker, setMarker] = useState<Marker | null>(null)
  const update = useCallback((next: Marker | null) => setMarker((previous) => (sameMarker(previous, next) ? previous : next)), [])
  return [marker, update] as const
}

/** The insertion marker, drawn in the flow's coordinates above the nodes. */
export function DropMarkerView({ marker }: { marker: Marker | null }) {
  if (!marker) return null
  const { box, kind } = marker
  return (
    <ViewportPortal>
      <div
        className={`cai-drop-marker cai-drop-marker-${kind}`}
        data-testid="drop-marker"
        aria-hidden="true"
        style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }}
      />
    </ViewportPortal>
  )
}

/**
 * Palette drops on a canvas: while an item is dragged over it, `locate` (given
 * the item and the pointer in flow coordinates) says where it would land, as a
 * marker; on drop, `drop` inserts it. Anything else dragged (a file) is left
 * to others.
 */
export function usePaletteDrop(
  locate: (kind: NewKind, point: XYPosition) => Marker | null,
  drop: (kind: NewKind, point: XYPosition | null) => void,
  flowShown: boolean,
) {
  const { screenToFlowPosition } = useReactFlow()
  const [marker, setMarker] = useMarker()
  /** A palette item is over the canvas (a workflow or job lands in the file, not at a place in the picture). */
  const [over, setOver] = useState(false)
  const pointOf = (event: DragEvent) => (flowShown ? screenToFlowPosition({ x: event.clientX, y: event.clientY }) : null)

  const onDragOver = (event: DragEvent) => {
    const kind = draggedKind([...event.dataTransfer.types])
    if (!kind) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    const point = pointOf(event)
    setMarker(point ? locate(kind, point) : null)
    setOver(true)
  }
  const onDragLeave = (event: DragEvent) => {
    if ((event.currentTarget as Element).contains(event.relatedTarget as globalThis.Node | null)) return
    setMarker(null)
    setOver(false)
  }
  const onDrop = (event: DragEvent) => {
    const kind = draggedKind([...event.dataTransfer.types])
    if (!kind) return
    event.preventDefault()
    setMarker(null)
    setOver(false)
    drop(kind, pointOf(event))
  }
  // Entering an element says as much as moving over it: both show where the item would land.
  return { marker, over, onDragEnter: onDragOver, onDragOver, onDragLeave, onDrop }
}
