/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Infinity)
}

// Two rows of the table, reused: a suggestion compares one name with every step's.
let previous = new Int32Array(64)
let current = new Int32Array(64)

/**
 * Levenshtein distance when it is at most `limit`; otherwise `limit + 1`,
 * found as soon as a whole row of the table is past the limit (every later
 * row is at least as far).
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  if (previous.length <= b.length) {
    previous = new Int32Array(b.length + 1)
    current = new Int32Array(b.length + 1)
  }
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMin = i
    const char = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const cost = previous[j - 1] + (char === b.charCodeAt(j - 1) ? 0 : 1)
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, cost)
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > limit) return limit + 1
    const row = previous
    previous = current
    current = row
  }
  const distance = previous[b.length]
  return distance > limit ? limit + 1 : distance
}
