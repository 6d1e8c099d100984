import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import type { Workflow } from '../language/model'
import { earlierSteps, inputValueCompletions } from './completions'
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
