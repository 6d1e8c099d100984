import { describe, expect, it } from 'vitest'
import { diagnosticTarget, diagnosticsKey, diagnosticsWithin, diagnosticsWithinAny, summarise } from './node-diagnostics'
import { diagnostic, job, parallel, step, workflow } from './test-fixtures'

describe('diagnosticTarget', () => {
  const wf = workflow('w', {
    trigger: { type: 'event', value: 'x' },
    timeout: '1m',
    steps: () => [step('a', { activity: 'x.y' }), parallel(() => [step('b'), step('c')]), step('d')],
    retry: { maxAttempts: '2' },
  })
  const [a, block, d] = wf.steps.items
  if (block.kind !== 'parallel') throw new Error('fixture')
  const [b, c] = block.branches

  it('finds the innermost step, else the block, trigger, end or workflow', () => {
    expect(diagnosticTarget(wf, diagnostic(a.kind === 'step' ? a.activity!.span! : a.span!))).toBe(a)
    expect(diagnosticTarget(wf, diagnostic(c.nameSpan!))).toBe(c)
    expect(diagnosticTarget(wf, diagnostic(b.span!))).toBe(b)
    expect(diagnosticTarget(wf, diagnostic(block.span!))).toBe(block)
    expect(diagnosticTarget(wf, diagnostic(d.span!))).toBe(d)
    expect(diagnosticTarget(wf, diagnostic(wf.trigger.span!))).toBe('trigger')
    expect(diagnosticTarget(wf, diagnostic(wf.timeout!.span!))).toBe('end')
    expect(diagnosticTarget(wf, diagnostic(wf.retry!.maxAttempts!.span!))).toBe('end')
    expect(diagnosticTarget(wf, diagnostic(wf.steps.span!))).toBe('trigger')
    expect(diagnosticTarget(wf, diagnostic(wf.nameSpan!))).toBe('trigger')
  })

  it('does not give a step a diagnostic that only starts inside it', () => {
    const across = diagnostic({ start: a.span!.start + 1, end: block.span!.start + 1 })
    expect(diagnosticTarget(wf, across)).toBe('trigger')
  })
})

describe('diagnostics filters', () => {
  it('keeps the diagnostics inside one span, or inside any of several', () => {
    const [x, y, z] = [job('x'), job('y'), job('z')]
    const inX = diagnostic(x.task.span!)
    const inZ = diagnostic(z.nameSpan!)
    const between = diagnostic({ start: x.span!.end, end: y.span!.start + 1 })
    const all = [inX, between, inZ]
    expect(diagnosticsWithin(all, x.span)).toEqual([inX])
    expect(diagnosticsWithin(all, undefined)).toEqual([])
    expect(diagnosticsWithinAny(all, [x.span!, z.span!])).toEqual([inX, inZ])
    expect(diagnosticsWithinAny(all, [y.span!])).toEqual([])
  })

  it('keys diagnostics by what the canvas shows of them', () => {
    const one = diagnostic({ start: 1, end: 2 }, 'error', 'm')
    expect(diagnosticsKey([one])).toBe(diagnosticsKey([{ ...one, code: 'other' }]))
    expect(diagnosticsKey([one])).not.toBe(diagnosticsKey([{ ...one, message: 'n' }]))
  })

  it('summarises to the most severe diagnostic, listing every message', () => {
    expect(summarise([])).toBeUndefined()
    expect(summarise([diagnostic({ start: 0, end: 1 }, 'info', 'i'), diagnostic({ start: 0, end: 1 }, 'warning', 'w')])).toEqual({
      severity: 'warning',
      title: 'info: i\nwarning: w',
    })
  })
})
