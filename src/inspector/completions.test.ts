import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import type { Workflow } from '../language/model'
import { COMPLETION_STEPS_MAX, earlierSteps, inputValueCompletions } from './completions'
import { ORDERS } from './test-documents'

const { doc } = parse(ORDERS)
const orders = doc.items[0] as Workflow

describe('earlierSteps', () => {
  it('lists the steps of earlier entries only', () => {
    expect(earlierSteps(orders, 'validate')).toEqual([])
    expect(earlierSteps(orders, 'charge').map((step) => step.name)).toEqual(['validate'])
  })

  it('leaves out the siblings of a parallel branch', () => {
    expect(earlierSteps(orders, 'notify').map((step) => step.name)).toEqual(['validate', 'charge'])
  })

  it('is empty for an unknown step', () => {
    expect(earlierSteps(orders, 'missing')).toEqual([])
  })
})

describe('inputValueCompletions', () => {
  it('offers the prefixes and the paths already used, for the earlier steps only', () => {
    expect(inputValueCompletions(doc, orders, 'notify')).toEqual([
      'workflow.input.',
      'workflow.input.order_id',
      'config.',
      'config.billing.account',
      'config.billing.region',
      'steps.validate.output.',
      'steps.validate.output.ok',
      'steps.validate.output.total',
      'steps.charge.output.',
      'steps.charge.output.payment_id',
    ])
  })

  it('offers no step output to the first step', () => {
    expect(inputValueCompletions(doc, orders, 'validate')).toEqual([
      'workflow.input.',
      'workflow.input.order_id',
      'config.',
      'config.billing.account',
      'config.billing.region',
    ])
  })
})

describe('inputValueCompletions in a long workflow', () => {
  const steps = Array.from({ length: 1_000 }, (_, n) =>
    `\t\ts${n} {\n\t\t\tactivity "a.b"\n${n > 0 ? `\t\t\tinput {\n\t\t\t\tv: "steps.s${n - 1}.output.v${n}"\n\t\t\t}\n` : ''}\t\t}`,
  )
  const long = parse(`workflow long {\n\ttrigger manual\n\tsteps {\n${steps.join('\n')}\n\t}\n}\n`)
  const workflow = long.doc.items[0] as Workflow

  it('offers the nearest earlier steps, each with the paths read from it', () => {
    const offered = inputValueCompletions(long.doc, workflow, 's999')
    const prefixes = offered.filter((candidate) => candidate.endsWith('.output.'))
    expect(prefixes).toHaveLength(COMPLETION_STEPS_MAX)
    expect(prefixes[0]).toBe(`steps.s${999 - COMPLETION_STEPS_MAX}.output.`)
    expect(prefixes[prefixes.length - 1]).toBe('steps.s998.output.')
    expect(offered.slice(-2)).toEqual(['steps.s998.output.', 'steps.s998.output.v999'])
    expect(offered).not.toContain('steps.s0.output.')
  })

  it('is the same for a short one as before: every earlier step', () => {
    expect(inputValueCompletions(long.doc, workflow, 's3')).toEqual([
      'workflow.input.',
      'config.',
      'steps.s0.output.',
      'steps.s0.output.v1',
      'steps.s1.output.',
      'steps.s1.output.v2',
      'steps.s2.output.',
      'steps.s2.output.v3',
    ])
  })
})
