import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import { FILE } from './test-fixture'
import { targetAt } from './targets'

const offsetOf = (needle: string, delta = 1) => FILE.indexOf(needle) + delta

describe('targetAt', () => {
  const { doc } = parse(FILE)

  it('finds the workflow trigger schedule and the job schedule', () => {
    expect(targetAt(doc, offsetOf('"0 6'))).toMatchObject({ kind: 'schedule', value: '0 6 * * *' })
    expect(targetAt(doc, offsetOf('"TZ='))).toMatchObject({ kind: 'schedule', value: 'TZ=Europe/Berlin 30 2 * * SUN' })
  })

  it('finds the timeout and the retry interval', () => {
    expect(targetAt(doc, offsetOf('"1h30m"'))).toMatchObject({ kind: 'duration', label: 'Timeout', value: '1h30m' })
    expect(targetAt(doc, offsetOf('"10s"', 2))).toMatchObject({ kind: 'duration', value: '10s' })
  })

  it('finds `steps.X` in input values and conditions, with the span of the whole reference', () => {
    const inInput = targetAt(doc, offsetOf('steps.fetch', 8))
    expect(inInput).toMatchObject({ kind: 'step-reference', step: 'fetch' })
    expect(FILE.slice(inInput!.span.start, inInput!.span.end)).toBe('steps.fetch')
    expect(targetAt(doc, offsetOf('steps.upload', 0))).toMatchObject({ kind: 'step-reference', step: 'upload' })
  })

  it('finds nothing elsewhere', () => {
    expect(targetAt(doc, offsetOf('"sales.fetch"'))).toBeUndefined()
    expect(targetAt(doc, offsetOf('.output.pdf', 3))).toBeUndefined()
    expect(targetAt(doc, offsetOf('workflow', 0))).toBeUndefined()
  })
})
