/**
 * Named stages of the work an edit causes (parse, validate, the canvas's
 * graph...), as `cai:` performance measures: they show in a browser's
 * performance panel and a PerformanceObserver sees them (`npm run bench:ui
 * -- --profile` adds them up per keystroke). Each is cleared from the
 * timeline at once, so a long session does not pile them up; a measure costs
 * a microsecond or so.
 */
const timeline: Performance | undefined = typeof performance === 'object' && typeof performance.measure === 'function' ? performance : undefined

/** The current time for a later `endStage` (0 where there is no performance timeline). */
export function stageStart(): number {
  return timeline ? timeline.now() : 0
}

/** Records the stage `name` (without its `cai:` prefix) as having run from `start` to now. */
export function endStage(name: string, start: number): void {
  if (!timeline) return
  const full = `cai:${name}`
  try {
    timeline.measure(full, { start, end: timeline.now() })
    timeline.clearMeasures(full)
  } catch {
    // A timeline that refuses a measure costs us only the measure.
  }
}
