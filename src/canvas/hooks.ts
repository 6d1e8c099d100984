/** Hooks shared by the workflow canvas and the jobs board. */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useReactFlow, useStore, type Viewport } from '@xyflow/react'
import { useFitPicture } from './fit'
import type { CanvasNode } from './flow-elements'
import { reuseUnchanged } from './reuse'
import { isCulled } from './cull'
import { endStage, stageStart } from '../store/timing'

/**
 * Up to this many nodes a picture is redrawn in the same render as the text
 * change: that costs a few milliseconds, less than the frame deferring it loses.
 */
const REDRAW_AT_ONCE_UP_TO = 150
/**
 * A culled picture (cull.ts) draws a screen's worth whatever its size, so up
 * to this many nodes it is redrawn at once as well: its graph costs about
 * 10 ms at 1,000 steps, while a deferred redraw came a render later (the
 * canvas updated 72 ms after the key instead of 24). Past it, building the
 * graph (85 ms at 10,000 steps) would hold up typing.
 */
const CULLED_AT_ONCE_UP_TO = 3_000

/** Whether a picture of `count` nodes is redrawn after the text change, in a render of its own. */
const deferredRedraw = (count: number, culledAtOnce: boolean) =>
  count > REDRAW_AT_ONCE_UP_TO && !(culledAtOnce && isCulled(count) && count <= CULLED_AT_ONCE_UP_TO)

/** The order in which sources were first rendered: a later one is newer (the store only moves forward). */
const sourceAge = new WeakMap<object, number>()
let sourcesSeen = 0
function ageOf(source: object): number {
  let age = sourceAge.get(source)
  if (age === undefined) {
    age = ++sourcesSeen
    sourceAge.set(source, age)
  }
  return age
}

/**
 * The source (store values, one object per change) a picture is drawn from.
 * When the picture on screen or the one coming is big (deferredRedraw;
 * `nodeCount` estimates its size cheaply), the redraw is deferred: typing
 * never waits on the canvas, and a big first picture is drawn in a render of
 * its own, after the text change has been committed.
 *
 * The picture never goes back to an older source than the one last drawn:
 * `useDeferredValue` can lag behind a source that was drawn at once, and
 * drawing that older source again would change the node count, switch the
 * deferral off and on, and loop (React error #185).
 */
export function useDrawnSource<T extends object>(
  source: T,
  nodeCount: (source: T) => number,
  /** Redraw a culled picture at once up to CULLED_AT_ONCE_UP_TO nodes (a workflow's; a board of that many jobs costs more). */
  culledAtOnce = false,
): T {
  // Dated when first rendered, whether drawn then or not.
  ageOf(source)
  const deferred = useDeferredValue(source)
  const drawn = useRef(source)
  const defer = deferredRedraw(nodeCount(drawn.current), culledAtOnce) || deferredRedraw(nodeCount(source), culledAtOnce)
  let shown = defer ? deferred : source
  if (ageOf(shown) < ageOf(drawn.current)) shown = drawn.current
  useEffect(() => {
    drawn.current = shown
  }, [shown])
  return shown
}

/** Keeps the identity of unchanged elements from the last committed list (see reuse.ts); `enabled` false passes the list on as it is. */
export function useShared<T extends { id: string }>(next: readonly T[], same: (a: T, b: T) => boolean, enabled = true): readonly T[] {
  const committed = useRef<readonly T[]>([])
  const shared = useMemo(() => {
    if (!enabled) return next
    const start = stageStart()
    const kept = reuseUnchanged(committed.current, next, same)
    endStage('reuse', start)
    return kept
  }, [next, same, enabled])
  useEffect(() => {
    committed.current = shared
  }, [shared])
  return shared
}

/** The first value seen for the current key: recomputing with an equal key keeps the old value. */
export function useKeyed<T>(value: T, key: string): T {
  const held = useRef<{ key: string; value: T } | null>(null)
  if (held.current === null || held.current.key !== key) held.current = { key, value }
  return held.current.value
}

/**
 * useMemo that survives a render React throws away: the last value is held in
 * a ref with its inputs. A deferred render that an urgent update restarts (the
 * caret moving after a keystroke) does not compute it again: at 10,000 steps
 * the graph was built twice in one keystroke in one keystroke out of seven.
 */
export function useRetained<T>(compute: () => T, inputs: readonly unknown[]): T {
  const held = useRef<{ inputs: readonly unknown[]; value: T } | null>(null)
  const last = held.current
  if (last && last.inputs.length === inputs.length && last.inputs.every((input, i) => Object.is(input, inputs[i]))) return last.value
  const value = compute()
  held.current = { inputs, value }
  return value
}

/** The previous list while every element is the same object as before. */
export function useShallowStable<T>(list: readonly T[]): readonly T[] {
  const held = useRef(list)
  const previous = held.current
  if (previous !== list && (previous.length !== list.length || previous.some((element, i) => element !== list[i]))) {
    held.current = list
  }
  return held.current
}

const MINUTE = 60_000

/** The current time, to the minute; changes every minute (so "next runs" move on while the page is open). */
export function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / MINUTE) * MINUTE)
  useEffect(() => {
    const timer = setTimeout(() => setMinute(Math.floor(Date.now() / MINUTE) * MINUTE), minute + MINUTE - Date.now())
    return () => clearTimeout(timer)
  }, [minute])
  return minute
}

/** Marks the selected node; nodes whose flag does not change keep their identity. */
export function useSelection(nodes: readonly CanvasNode[], selectedId: string | null): CanvasNode[] {
  return useMemo(
    () =>
      nodes.map((node) => {
        const selected = node.id === selectedId
        return !!node.selected === selected ? node : { ...node, selected }
      }),
    [nodes, selectedId],
  )
}

/** Above this many nodes the first view shows the top of the graph, readable, instead of all of it as dots. */
const FIT_ALL_LIMIT = 40
export const FIRST_VIEW_NODES = 12

/** Where each picture (a workflow by name, or the jobs board) was last looked at, for as long as the page lives. */
const viewports = new Map<string, Viewport>()

/**
 * Fits the view when a picture is first shown, and restores the user's zoom
 * and pan when it is shown again. Edits never move the view: renaming the
 * shown workflow (its old name gone, its new name not there before) keeps it.
 * `keys` are the pictures the document has now.
 */
export function useFirstFit(
  pictureKey: string | undefined,
  nodes: readonly CanvasNode[],
  keys: ReadonlySet<string>,
  /** The nodes the first view of a big picture frames (default: its first top-level nodes). */
  firstView: (nodes: readonly CanvasNode[]) => CanvasNode[] = (all) => all.filter((node) => !node.parentId).slice(0, FIRST_VIEW_NODES),
): void {
  const { getViewport, setViewport } = useReactFlow()
  const fit = useFitPicture()
  const ready = useStore((state) => state.width > 0 && state.height > 0 && state.panZoom !== null)
  const hasNodes = nodes.length > 0
  const latestNodes = useRef(nodes)
  latestNodes.current = nodes
  /** The keys as of the last commit: what the document had before the change being committed. */
  const committedKeys = useRef(keys)
  const shown = useRef<{ key: string; keys: ReadonlySet<string> } | null>(null)

  useEffect(() => {
    if (!pictureKey || !ready || !hasNodes) return
    const previous = shown.current
    const renamed = !!previous && previous.key !== pictureKey && !keys.has(previous.key) && !previous.keys.has(pictureKey)
    const saved = viewports.get(pictureKey)
    if (saved) void setViewport(saved)
    else if (!renamed) {
      const all = latestNodes.current
      const top = all.length > FIT_ALL_LIMIT ? firstView(all) : undefined
      fit({ minZoom: 0.3, nodes: top })
    }
    return () => {
      viewports.set(pictureKey, getViewport())
      shown.current = { key: pictureKey, keys: committedKeys.current }
    }
    // `keys` is read when the picture changes, not watched: edits elsewhere must not refit.
  }, [pictureKey, ready, hasNodes, fit, getViewport, setViewport])

  // Declared after the effect above, so its clean-up still sees the keys from before this commit.
  useEffect(() => {
    committedKeys.current = keys
  }, [keys])
}
