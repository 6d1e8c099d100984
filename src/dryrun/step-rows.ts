/** Which steps the Dry run view's per-step table lists (StepBehaviourTable). */

/** The most rows the table shows at once. */
export const STEP_ROWS_MAX = 100

/**
 * The steps whose names contain `filter` (ignoring case), in flow order, at
 * most STEP_ROWS_MAX of them; `matching` counts them all.
 */
export function shownSteps(names: readonly string[], filter: string): { rows: string[]; matching: number } {
  const wanted = filter.trim().toLowerCase()
  const rows: string[] = []
  let matching = 0
  for (const name of names) {
    if (wanted && !name.toLowerCase().includes(wanted)) continue
    matching++
    if (rows.length < STEP_ROWS_MAX) rows.push(name)
  }
  return { rows, matching }
}
