import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import { searchDocument } from './canvas-search'

const TEXT = `workflow orders {
	trigger manual
	steps {
		check_stock {
			activity "inventory.check"
		}
		charge {
			activity "payments.charge"
		}
	}
}

job nightly_report {
	task "reports.build"
}
`

describe('canvas search', () => {
  const doc = parse(TEXT).doc

  it('finds steps by name or activity, workflows and jobs by name or task', () => {
    expect(searchDocument(doc, 'inventory').map((hit) => hit.nodeId)).toEqual(['orders/check_stock'])
    expect(searchDocument(doc, 'CHARGE').map((hit) => hit.name)).toEqual(['charge'])
    expect(searchDocument(doc, 'orders').map((hit) => hit.kind)).toEqual(['workflow'])
    expect(searchDocument(doc, 'reports').map((hit) => hit.nodeId)).toEqual(['@job/nightly_report'])
  })

  it('finds nothing for an empty query', () => {
    expect(searchDocument(doc, '  ')).toEqual([])
  })
})
