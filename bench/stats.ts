/** Summaries and table rows the benchmark scripts print. */

export interface Summary {
  median: number
  p95: number
  runs: number
}

/** The nearest-rank percentile of sorted values (`fraction` 0.95 for p95). */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  return { median, p95: percentile(sorted, 0.95), runs: sorted.length }
}

export const formatMs = (value: number): string => `${value.toFixed(1)} ms`

/** A table row: the first cell left-aligned, the others right-aligned, each to its width. */
export function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
}
