import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import type { Job, Workflow } from '../language/model'
import { inspectorTarget, type Selection } from './target'
import { ORDERS } from './test-documents'

function selection(text: string, selectedNodeId: string | null, selectedWorkflow: string | null, lastGood: Selection['lastGood'] = {}): Selection {
  const { doc, diagnostics } = parse(text)
  return { doc, diagnostics, lastGood, selectedNodeId, selectedWorkflow }
}

const describeTarget = (s: Selection) => {
  const target = inspectorTarget(s)
  switch (target.kind) {
    case 'workflow':
      return { kind: target.kind, name: target.workflow.name, readOnly: target.readOnly }
    case 'step':
      return { kind: target.kind, name: `${target.workflow.name}/${target.step.name}`, readOnly: target.readOnly }
    case 'job':
      return { kind: target.kind, name: target.job.name, readOnly: target.readOnly }
    case 'none':
      return { kind: target.kind, message: target.message }
  }
}

describe('inspectorTarget', () => {
  it('shows the selected workflow when no node is selected', () => {
    expect(describeTarget(selection(ORDERS, null, 'refunds'))).toEqual({ kind: 'workflow', name: 'refunds', readOnly: undefined })
  })

  it('shows a selected step, in a parallel block too', () => {
    expect(describeTarget(selection(ORDERS, 'orders/charge', 'orders'))).toMatchObject({ kind: 'step', name: 'orders/charge' })
    expect(describeTarget(selection(ORDERS, 'orders/notify', 'orders'))).toMatchObject({ kind: 'step', name: 'orders/notify' })
  })

  it('shows the workflow of a selected trigger, end or parallel block', () => {
    for (const id of ['orders/@trigger', 'orders/@end', 'orders/@parallel-0']) {
      expect(describeTarget(selection(ORDERS, id, 'refunds'))).toMatchObject({ kind: 'workflow', name: 'orders' })
    }
  })

  it('shows a selected job', () => {
    expect(describeTarget(selection(ORDERS, '@job/nightly', 'orders'))).toEqual({ kind: 'job', name: 'nightly', readOnly: undefined })
  })

  it('falls back to the workflow when the selected step no longer exists', () => {
    expect(describeTarget(selection(ORDERS, 'orders/gone', 'orders'))).toMatchObject({ kind: 'workflow', name: 'orders' })
  })

  it('says so when nothing is selected', () => {
    expect(describeTarget(selection(ORDERS, null, null))).toMatchObject({ kind: 'none' })
    expect(describeTarget(selection(ORDERS, '@job/missing', null))).toMatchObject({ kind: 'none' })
  })

  it('shows a broken workflow read-only as it last parsed, naming the first syntax error', () => {
    const good = parse(ORDERS).doc.items[1] as Workflow
    const broken = ORDERS.replace('trigger manual', 'trigger manual\n\ttimeout 30m')
    const target = describeTarget(selection(broken, 'refunds/refund', 'refunds', { 'workflow:refunds': good }))
    expect(target).toMatchObject({ kind: 'step', name: 'refunds/refund' })
    expect(target.readOnly).toBe(
      'The workflow refunds has syntax errors (line 40: values are always quoted strings: write timeout "30m"); fix them in the text to edit it here. Showing it as it last parsed.',
    )
  })

  it('shows nothing for a broken declaration that never parsed, and says why', () => {
    const broken = ORDERS.replace('task "reports.nightly"', 'task reports')
    const target = describeTarget(selection(broken, '@job/nightly', null))
    expect(target.kind).toBe('none')
    expect(target.message).toMatch(/^The job nightly has syntax errors \(line \d+: .+\); fix them in the text to edit it here\.$/)
  })

  it('shows a job read-only when its name is shared', () => {
    const text = `${ORDERS}\njob nightly {\n\ttask "other"\n}\n`
    const target = describeTarget(selection(text, '@job/nightly', null))
    expect(target).toEqual({ kind: 'job', name: 'nightly', readOnly: 'There are 2 jobs named "nightly": rename one in the text first.' })
  })

  it('shows a step read-only when its name is shared within the workflow', () => {
    const text = ORDERS.replace('ship {', 'validate {')
    expect(describeTarget(selection(text, 'orders/validate', null)).readOnly).toBe(
      'There are 2 steps named "validate" in this workflow: rename one in the text first.',
    )
  })

  it('keeps the job object as parsed', () => {
    const s = selection(ORDERS, '@job/nightly', null)
    const target = inspectorTarget(s)
    expect(target.kind === 'job' && target.job).toBe(s.doc.items[2] as Job)
  })
})
