import { describe, expect, test } from 'vitest'
import { provideServices, services } from './services'

describe('services provided by views', () => {
  test('are withdrawn in any order without withdrawing each other', () => {
    const first = () => undefined
    const second = () => undefined
    const withdrawFirst = provideServices({ openHelp: first })
    const withdrawSecond = provideServices({ chooseComparison: second })
    expect(services().openHelp).toBe(first)
    expect(services().chooseComparison).toBe(second)
    // The first goes before the second: the second stays.
    withdrawFirst()
    expect(services().openHelp).not.toBe(first)
    expect(services().chooseComparison).toBe(second)
    withdrawSecond()
    expect(services().chooseComparison).not.toBe(second)
  })

  test('a service provided again over another is put back when it goes', () => {
    const outer = () => undefined
    const inner = () => undefined
    const withdrawOuter = provideServices({ openHelp: outer })
    const withdrawInner = provideServices({ openHelp: inner })
    withdrawInner()
    expect(services().openHelp).toBe(outer)
    withdrawOuter()
    expect(services().openHelp).not.toBe(outer)
  })
})
