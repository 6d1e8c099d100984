/** Summaries and table rows the benchmark scripts print. */

export interface Summary {
  median: number
  p95: number
  runs: number
}

export function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  // Nearest-rank percentile.
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]
  return { median, p95, runs: sorted.length }
}

export const formatMs = (value: number): string => `${value.toFixed(1)} ms`

/** A table row: the first cell left-aligned, the others right-aligned, each to its width. */
export function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
}
