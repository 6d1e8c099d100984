import { describe, expect, it } from 'vitest'
import type { Workflow } from '../language/model'
import type { CanvasEdge, CanvasNode, SkipEdgeData, StepData } from './flow-elements'
import { CONDITION_LABEL_MAX } from '../diagram/graph'
import { workflowGraph } from './flow-graph'
import { layoutWorkflow } from '../diagram/layout'
import { diagnostic, parallel, step, workflow } from './test-fixtures'

const graphOf = (wf: Workflow, dataFlow = false) => workflowGraph(wf, [], { dataFlow })
const ids = (list: Array<{ id: string }>) => list.map((element) => element.id)
const edge = (edges: CanvasEdge[], id: string) => {
  const found = edges.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no edge ${id} in ${ids(edges).join(', ')}`)
  return found
}
const node = (nodes: CanvasNode[], id: string) => {
  const found = nodes.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no node ${id} in ${ids(nodes).join(', ')}`)
  return found
}

/** The seed's order fulfillment workflow, in shape. */
function orderFulfillment(): Workflow {
  return workflow('orders', {
    trigger: { type: 'event', value: 'order.created' },
    timeout: '2h',
    steps: () => [
      step('validate', { activity: 'orders.validate', inputs: { order_id: 'workflow.input.order_id' } }),
      step('check', { activity: 'inventory.check', inputs: { items: 'steps.validate.output.items' } }),
      step('pay', {
        activity: 'payments.process',
        inputs: { amount: 'steps.validate.output.total', customer: 'workflow.input.customer_id' },
        if: 'steps.check.output.all_available == true',
      }),
      parallel(() => [
        step('reserve', { activity: 'inventory.reserve', inputs: { payment: 'steps.pay.output.payment_id' } }),
        step('notify', { activity: 'warehouse.notify' }),
      ]),
      step('confirm', { activity: 'notifications.send_email', inputs: { total: 'steps.validate.output.total' } }),
    ],
    retry: { maxAttempts: '3', initialInterval: '10s', backoffMultiplier: '2.0' },
  })
}

describe('workflowGraph nodes', () => {
  it('names nodes as the node-id contract says, containers before their children', () => {
    const { nodes } = graphOf(orderFulfillment())
    expect(ids(nodes)).toEqual([
      'orders/@trigger',
      'orders/validate',
      'orders/check',
      'orders/pay',
      'orders/@parallel-0',
      'orders/reserve',
      'orders/notify',
      'orders/confirm',
      'orders/@end',
    ])
    expect(node(nodes, 'orders/reserve').parentId).toBe('orders/@parallel-0')
    expect(node(nodes, 'orders/notify').parentId).toBe('orders/@parallel-0')
    expect(node(nodes, 'orders/validate').parentId).toBeUndefined()
  })

  it('numbers parallel blocks from 0 in order', () => {
    const wf = workflow('w', {
      steps: () => [parallel(() => [step('a'), step('b')]), step('c'), parallel(() => [step('d')])],
    })
    const groups = graphOf(wf).nodes.filter((n) => n.type === 'parallel')
    expect(ids(groups)).toEqual(['w/@parallel-0', 'w/@parallel-1'])
  })

  it('gives every node a fixed size, measured size and handles, and containers a sized style', () => {
    for (const n of graphOf(orderFulfillment()).nodes) {
      expect(n.width).toBeGreaterThan(0)
      expect(n.height).toBeGreaterThan(0)
      expect(n.measured).toEqual({ width: n.width, height: n.height })
      expect(n.handles?.length).toBeGreaterThan(0)
    }
    const group = node(graphOf(orderFulfillment()).nodes, 'orders/@parallel-0')
    expect(group.style).toEqual({ width: group.width, height: group.height })
  })

  it('shows a step with its activity, number of inputs, condition and the workflow retry policy', () => {
    const data = node(graphOf(orderFulfillment()).nodes, 'orders/pay').data as StepData
    expect(data).toMatchObject({
      name: 'pay',
      activity: 'payments.process',
      inputs: 2,
      condition: 'steps.check.output.all_available == true',
      retryBadge: '↻ 3',
    })
    expect(data.retryTitle).toContain('10s, 20s')
  })

  it('leaves out the retry badge when the workflow has no retry policy', () => {
    const data = node(graphOf(workflow('w', { steps: () => [step('a')] })).nodes, 'w/a').data as StepData
    expect(data.retryBadge).toBeUndefined()
  })

  it('describes the trigger and the timeout in words', () => {
    const wf = workflow('report', { trigger: { type: 'schedule', value: '0 6 * * *' }, timeout: '1h30m' })
    const { nodes } = graphOf(wf)
    expect(node(nodes, 'report/@trigger').data).toMatchObject({ type: 'schedule', value: '0 6 * * *', words: 'At 06:00 AM' })
    expect(node(nodes, 'report/@end').data).toMatchObject({ timeout: '1h30m', timeoutWords: '1 hour 30 minutes' })
    expect(node(graphOf(workflow('m', { timeout: '1d' })).nodes, 'm/@end').data).toMatchObject({
      timeout: '1d',
      timeoutWords: undefined,
    })
  })

  it('keeps node ids unique when a step name is duplicated', () => {
    const wf = workflow('w', { steps: () => [step('a'), parallel(() => [step('a'), step('b')])] })
    expect(ids(graphOf(wf).nodes)).toEqual(['w/@trigger', 'w/a', 'w/@parallel-0', 'w/a~2', 'w/b', 'w/@end'])
  })
})

describe('workflowGraph flow edges', () => {
  it('chains trigger, steps and end', () => {
    const wf = workflow('w', { steps: () => [step('a'), step('b')] })
    expect(ids(graphOf(wf).edges)).toEqual(['flow:w/@trigger->w/a', 'flow:w/a->w/b', 'flow:w/b->w/@end'])
  })

  it('joins trigger and end directly when there are no steps', () => {
    expect(ids(graphOf(workflow('w')).edges)).toEqual(['flow:w/@trigger->w/@end'])
  })

  it('fans out into each branch of a parallel block and back in', () => {
    const { edges } = graphOf(orderFulfillment())
    const fanOut = ['flow:orders/pay->orders/reserve', 'flow:orders/pay->orders/notify']
    const fanIn = ['flow:orders/reserve->orders/confirm', 'flow:orders/notify->orders/confirm']
    for (const id of fanOut) expect(edge(edges, id).data).toMatchObject({ fan: 'out' })
    for (const id of fanIn) expect(edge(edges, id).data).toMatchObject({ fan: 'in' })
    expect(edge(edges, fanOut[0]).className).toContain('cai-edge-fan-out')
    expect(edge(edges, fanIn[0]).className).toContain('cai-edge-fan-in')
  })

  it('fans out of a parallel block container into the branches of the next block', () => {
    const wf = workflow('w', { steps: () => [parallel(() => [step('a'), step('b')]), parallel(() => [step('c'), step('d')])] })
    const flow = ids(graphOf(wf).edges)
    expect(flow).toContain('flow:w/@parallel-0->w/c')
    expect(flow).toContain('flow:w/@parallel-0->w/d')
    expect(flow.filter((id) => id.startsWith('flow:w/a->') || id.startsWith('flow:w/b->'))).toEqual([])
  })

  it('passes the flow through an empty parallel block', () => {
    const wf = workflow('w', { steps: () => [step('a'), parallel(() => []), step('b')] })
    expect(ids(graphOf(wf).edges)).toEqual([
      'flow:w/@trigger->w/a',
      'flow:w/a->w/@parallel-0',
      'flow:w/@parallel-0->w/b',
      'flow:w/b->w/@end',
    ])
  })

  it('labels the edge into a conditional step with its condition', () => {
    const into = edge(graphOf(orderFulfillment()).edges, 'flow:orders/check->orders/pay')
    expect(into.data).toMatchObject({
      label: 'steps.check.output.all_available ==…',
      title: 'if steps.check.output.all_available == true',
    })
    expect((into.data?.label as string).length).toBe(CONDITION_LABEL_MAX)
    expect(into.className).toContain('cai-edge-condition')
  })

  it('labels only the first of several edges into a conditional step', () => {
    const wf = workflow('w', { steps: () => [parallel(() => [step('a'), step('b')]), step('c', { if: 'x == 1' })] })
    const { edges } = graphOf(wf)
    expect(edge(edges, 'flow:w/a->w/c').data?.label).toBe('x == 1')
    expect(edge(edges, 'flow:w/b->w/c').data?.label).toBeUndefined()
  })
})

describe('workflowGraph skip edges', () => {
  it('bypasses a conditional step from what precedes it to what follows it', () => {
    const skip = edge(graphOf(orderFulfillment()).edges, 'skip:orders/pay')
    expect(skip).toMatchObject({ type: 'skip', source: 'orders/check', target: 'orders/@parallel-0', className: 'cai-edge-skip' })
    expect(skip.data).toMatchObject({ label: 'skip' })
  })

  it('goes to the end node when the conditional step is last, and from the trigger when it is first', () => {
    const wf = workflow('w', { steps: () => [step('a', { if: 'c' })] })
    expect(edge(graphOf(wf).edges, 'skip:w/a')).toMatchObject({ source: 'w/@trigger', target: 'w/@end' })
  })

  it('bypasses the whole parallel block for a conditional branch, right of the block', () => {
    const wf = workflow('w', {
      steps: () => [step('a'), parallel(() => [step('b', { if: 'x' }), step('c', { if: 'y' })]), step('d')],
    })
    const { nodes, edges } = graphOf(wf)
    const group = node(nodes, 'w/@parallel-0')
    const b = edge(edges, 'skip:w/b')
    const c = edge(edges, 'skip:w/c')
    expect(b).toMatchObject({ source: 'w/a', target: 'w/d' })
    expect(c).toMatchObject({ source: 'w/a', target: 'w/d' })
    const right = group.position.x + group.width!
    const [laneB, laneC] = [b, c].map((e) => (e.data as SkipEdgeData).laneX)
    expect(laneB).toBeGreaterThan(right)
    expect(laneC).toBeGreaterThan(laneB)
  })

  it('runs the bypasses of consecutive conditional steps on different lines', () => {
    const wf = workflow('w', { steps: () => [step('a', { if: 'x' }), step('b', { if: 'y' })] })
    const { edges } = graphOf(wf)
    const lanes = ['skip:w/a', 'skip:w/b'].map((id) => (edge(edges, id).data as SkipEdgeData).laneX)
    expect(lanes[0]).not.toBe(lanes[1])
  })
})

describe('workflowGraph data flow', () => {
  it('adds nothing unless asked', () => {
    expect(graphOf(orderFulfillment()).edges.filter((e) => e.type === 'data')).toEqual([])
  })

  it('draws a dotted edge from A to B for each input of B that reads steps.A', () => {
    const data = graphOf(orderFulfillment(), true).edges.filter((e) => e.type === 'data')
    expect(ids(data)).toEqual([
      'data:orders/validate->orders/check:items',
      'data:orders/validate->orders/pay:amount',
      'data:orders/pay->orders/reserve:payment',
      'data:orders/validate->orders/confirm:total',
    ])
    expect(data[0]).toMatchObject({ sourceHandle: 'data-out', targetHandle: 'data-in', className: 'cai-edge-data' })
  })

  it('ignores unknown steps, a step reading itself, and references that are not steps.X', () => {
    const wf = workflow('w', {
      steps: () => [
        step('a'),
        step('b', { inputs: { x: 'steps.ghost.output', y: 'steps.b.output', z: 'workflow.steps.a', w: 'mysteps.a.q' } }),
      ],
    })
    expect(graphOf(wf, true).edges.filter((e) => e.type === 'data')).toEqual([])
  })

  it('draws one edge per input even when it names the step twice', () => {
    const wf = workflow('w', { steps: () => [step('a'), step('b', { inputs: { x: 'steps.a.p + steps.a.q' } })] })
    expect(ids(graphOf(wf, true).edges.filter((e) => e.type === 'data'))).toEqual(['data:w/a->w/b:x'])
  })
})

describe('workflowGraph diagnostics', () => {
  it('marks the step, branch, block, trigger or end node whose text holds the diagnostic', () => {
    const wf = orderFulfillment()
    const steps = wf.steps.items
    const pay = steps[2]
    const block = steps[3]
    if (block.kind !== 'parallel') throw new Error('fixture')
    const notify = block.branches[1]
    const diagnostics = [
      diagnostic(wf.nameSpan!, 'warning', 'workflow-level'),
      diagnostic(wf.trigger.valueSpan ?? wf.trigger.span!, 'error', 'bad event'),
      diagnostic(pay.kind === 'step' ? pay.activity!.span! : pay.span!, 'warning', 'odd activity'),
      diagnostic({ start: block.span!.start, end: block.span!.start + 1 }, 'info', 'one branch'),
      diagnostic(notify.nameSpan!, 'error', 'no activity'),
      diagnostic(wf.timeout!.span!, 'error', 'bad timeout'),
      diagnostic(wf.retry!.span!, 'warning', 'retry too long'),
    ]
    const { nodes } = workflowGraph(wf, diagnostics, { dataFlow: false })
    const classOf = (id: string) => node(nodes, id).className
    const titleOf = (id: string) => node(nodes, id).domAttributes?.title
    expect(classOf('orders/@trigger')).toContain('cai-node-error')
    expect(titleOf('orders/@trigger')).toBe('warning: workflow-level\nerror: bad event')
    expect(classOf('orders/pay')).toContain('cai-node-warning')
    expect(titleOf('orders/pay')).toBe('warning: odd activity')
    expect(classOf('orders/@parallel-0')).toContain('cai-node-info')
    expect(classOf('orders/notify')).toContain('cai-node-error')
    expect(classOf('orders/reserve')).not.toMatch(/cai-node-(error|warning|info)/)
    expect(classOf('orders/@end')).toContain('cai-node-error')
    expect(titleOf('orders/@end')).toBe('error: bad timeout\nwarning: retry too long')
    expect(node(nodes, 'orders/notify').data.severity).toBe('error')
    expect(titleOf('orders/validate')).toBeUndefined()
  })

  it('ignores diagnostics outside the workflow', () => {
    const wf = workflow('w', { steps: () => [step('a')] })
    const outside = diagnostic({ start: wf.span!.end + 5, end: wf.span!.end + 9 })
    const { nodes } = workflowGraph(wf, [outside], { dataFlow: false })
    expect(nodes.every((n) => !n.className?.includes('cai-node-error'))).toBe(true)
  })
})

describe('workflowGraph stale pictures', () => {
  it('greys every node and makes it read-only', () => {
    const wf = orderFulfillment()
    const { nodes } = workflowGraph(wf, [diagnostic(wf.trigger.span!)], { dataFlow: false, stale: true })
    for (const n of nodes) {
      expect(n.className).toContain('cai-node-stale')
      expect(n.className).not.toContain('cai-node-error')
      expect(n.selectable).toBe(false)
      expect(n.focusable).toBe(false)
      expect(n.draggable).toBe(false)
      expect(n.domAttributes?.title).toBe('Read-only: fix the syntax error first')
    }
  })
})

describe('workflowGraph dragging', () => {
  it('lets steps be dragged, and nothing else', () => {
    const { nodes } = workflowGraph(orderFulfillment(), [], { dataFlow: false })
    for (const n of nodes) expect(n.draggable, n.id).toBe(n.type === 'step')
  })
})

describe('workflowGraph determinism and scale', () => {
  it('gives the same graph for the same workflow, and for an equal one parsed again', () => {
    expect(graphOf(orderFulfillment(), true)).toEqual(graphOf(orderFulfillment(), true))
  })

  it('builds a 1,000-step workflow with one node per step and unique edge ids', () => {
    const wf = workflow('big', {
      steps: () =>
        Array.from({ length: 250 }, (_, i) =>
          i % 5 === 4
            ? parallel(() => [step(`p${i}a`), step(`p${i}b`), step(`p${i}c`), step(`p${i}d`)])
            : step(`s${i}`, { activity: 'x.y', inputs: { v: `steps.s${i - 1}.output` }, if: i % 3 === 0 ? 'c' : undefined }),
        ).concat(Array.from({ length: 600 }, (_, i) => step(`t${i}`, { inputs: { v: `steps.t${Math.max(0, i - 1)}.out` } }))),
    })
    // Its speed is measured by bench/, not asserted here.
    const { nodes, edges } = workflowGraph(wf, [], { dataFlow: true })
    expect(nodes.filter((n) => n.type === 'step')).toHaveLength(1000)
    expect(new Set(ids(edges)).size).toBe(edges.length)
  })
})

describe('a layout passed in (the canvas lays a workflow out once, for its picture and for drops)', () => {
  it('gives the same graph as laying it out inside', () => {
    const wf = orderFulfillment()
    for (const dataFlow of [false, true]) {
      expect(workflowGraph(wf, [], { dataFlow }, layoutWorkflow(wf))).toEqual(workflowGraph(wf, [], { dataFlow }))
    }
  })
})
