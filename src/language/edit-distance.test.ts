import { describe, expect, it } from 'vitest'
import { editDistance, editDistanceWithin } from './edit-distance'

/** The textbook table, for comparison. */
function reference(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
  }
  return table[a.length][b.length]
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('workfow', 'workflow')).toBe(1)
    expect(editDistance('flaw', 'lawn')).toBe(2)
  })
})

describe('editDistanceWithin', () => {
  it('is the distance up to the limit and limit + 1 beyond it', () => {
    expect(editDistanceWithin('kitten', 'sitting', 3)).toBe(3)
    expect(editDistanceWithin('kitten', 'sitting', 2)).toBe(3)
    expect(editDistanceWithin('step_00000x', 'step_09999', 3)).toBe(4)
    expect(editDistanceWithin('a', 'abcdef', 2)).toBe(3)
  })

  it('agrees with the textbook table on random names, short and longer than its rows', () => {
    const next = random(7)
    const alphabet = 'ab_c1'
    const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
    for (let n = 0; n < 3000; n++) {
      const a = word(Math.floor(next() * (n % 10 === 0 ? 90 : 12)))
      const b = word(Math.floor(next() * (n % 10 === 0 ? 90 : 12)))
      const limit = Math.floor(next() * 6)
      const exact = reference(a, b)
      expect(editDistance(a, b), `${a} ${b}`).toBe(exact)
      expect(editDistanceWithin(a, b, limit), `${a} ${b} within ${limit}`).toBe(Math.min(exact, limit + 1))
    }
  })
})
