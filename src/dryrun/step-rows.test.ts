import { describe, expect, it } from 'vitest'
import { shownSteps, STEP_ROWS_MAX } from './step-rows'

const names = Array.from({ length: 10_000 }, (_, n) => `step_${String(n).padStart(5, '0')}`)

describe('shownSteps', () => {
  it('lists a short workflow whole, in flow order', () => {
    expect(shownSteps(['validate', 'charge', 'ship'], '')).toEqual({ rows: ['validate', 'charge', 'ship'], matching: 3 })
  })

  it('lists the first rows of a long one, and counts them all', () => {
    const { rows, matching } = shownSteps(names, '')
    expect(rows).toEqual(names.slice(0, STEP_ROWS_MAX))
    expect(matching).toBe(10_000)
  })

  it('finds steps by part of their name, ignoring case and spaces around it', () => {
    expect(shownSteps(names, ' STEP_0999 ')).toEqual({ rows: names.slice(9_990, 10_000), matching: 10 })
    expect(shownSteps(names, '07777').rows).toEqual(['step_07777'])
    expect(shownSteps(names, 'nothing')).toEqual({ rows: [], matching: 0 })
  })
})
