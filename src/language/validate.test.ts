import { describe, expect, it } from 'vitest'
import type { Broken, Diagnostic, Fix, Foreign, Workflow } from './model'
import { emptyTrivia } from './model'
import { parse } from './parse'
import { validate } from './validate'
import { build, textAt, withoutSpans, type Built, type JobSpec, type StepSpec, type WorkflowSpec } from './validate/fixtures'

function run(built: Built): Diagnostic[] {
  return validate(built.doc, built.text)
}

function withCode(built: Built, code: string): Diagnostic[] {
  return run(built).filter((d) => d.code === code)
}

function only(built: Built, code: string): Diagnostic {
  const found = withCode(built, code)
  expect(found, `exactly one ${code} in ${JSON.stringify(run(built).map((d) => d.code))}`).toHaveLength(1)
  return found[0]
}

function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start)
  return edits.reduce((out, edit) => out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end), text)
}

const step = (name: string, extra: Partial<StepSpec> = {}): StepSpec => ({ step: name, activity: `x.${name}`, ...extra })

function workflow(extra: Partial<WorkflowSpec> = {}): WorkflowSpec {
  return { workflow: 'order_fulfillment', event: 'order.created', steps: [step('validate_order')], ...extra }
}

function job(extra: Partial<JobSpec> = {}): JobSpec {
  return { job: 'cleanup_sessions', schedule: '0 * * * *', task: 'sessions.cleanup', queue: 'low_priority', ...extra }
}

describe('a valid document', () => {
  it('has no diagnostics at all', () => {
    const built = build(
      workflow({
        timeout: '30m',
        steps: [
          step('validate_order', { input: { order_id: 'workflow.input.order_id' } }),
          step('charge', { input: { total: 'steps.validate_order.output.total' }, if: 'steps.validate_order.output.ok == true' }),
          { parallel: [step('reserve', { input: { id: 'steps.charge.output.id' } }), step('notify')] },
          step('confirm', { input: { reserved: 'steps.reserve.output.ok' } }),
        ],
        retry: { maxAttempts: '3', initialInterval: '1s', backoffMultiplier: '2.0' },
      }),
      { workflow: 'daily_sales_report', schedule: '0 6 * * *', timeout: '2h', steps: [step('fetch')] },
      { workflow: 'user_onboarding', steps: [step('create_profile')] },
      job({ retry: { maxAttempts: '5', initialInterval: '30s', backoffMultiplier: '1.5' } }),
      job({ job: 'weekly_backup', schedule: '0 2 * * SUN', queue: 'critical' }),
      job({ job: 'no_schedule', schedule: undefined, queue: undefined }),
    )
    expect(run(built)).toEqual([])
  })
})

describe('duplicate names', () => {
  it('reports the second workflow with a name, at its name, pointing at the first', () => {
    const built = build(workflow(), workflow())
    const d = only(built, 'duplicate-workflow')
    expect(d.severity).toBe('error')
    expect(textAt(built, d.span)).toBe('order_fulfillment')
    expect(d.span.start).toBe((built.doc.items[1] as Workflow).nameSpan!.start)
    expect(d.message).toContain('workflow "order_fulfillment" is declared twice (first at line 1)')
  })

  it('reports a second job with a name', () => {
    const built = build(job(), job())
    expect(textAt(built, only(built, 'duplicate-job').span)).toBe('cleanup_sessions')
  })

  it('lets a workflow and a job share a name, and distinct names pass', () => {
    expect(run(build(workflow({ workflow: 'same' }), job({ job: 'same' }), workflow({ workflow: 'other' })))).toEqual([])
  })
})

describe('event triggers', () => {
  it.each(['order.created', 'order', 'Order.Created_2.x9', 'a.b.c'])('accepts %s', (event) => {
    expect(withCode(build(workflow({ event })), 'event-invalid')).toEqual([])
  })

  it.each(['order-created', '1order', 'order..x', '.order', 'order.', 'order._x', 'order created'])('rejects %s at the value', (event) => {
    const built = build(workflow({ event }))
    const d = only(built, 'event-invalid')
    expect(textAt(built, d.span)).toBe(`"${event}"`)
    expect(d.message).toContain(`workflow "order_fulfillment": event "${event}" is not a valid event name`)
    expect(d.message).toContain('"order.created"')
  })

  it('rejects an empty event', () => {
    expect(only(build(workflow({ event: '' })), 'event-invalid').message).toContain('the trigger event is empty')
  })
})

describe('schedules', () => {
  it.each(['*/15 * * * *', '0 6 * * *', 'TZ=Europe/Berlin 0 6 * * *'])('accepts %s as a workflow trigger', (schedule) => {
    expect(run(build(workflow({ event: undefined, schedule })))).toEqual([])
  })

  it('reports a bad trigger schedule at the value, saying what is wrong and what is right', () => {
    const built = build(workflow({ event: undefined, schedule: '0 6 * * 7' }))
    const d = only(built, 'cron-invalid')
    expect(d.severity).toBe('error')
    expect(textAt(built, d.span)).toBe('"0 6 * * 7"')
    expect(d.message).toBe(
      'workflow "order_fulfillment": schedule "0 6 * * 7": day of week must be 0-6 or SUN-SAT (7 is not allowed; use 0 for Sunday)',
    )
    expect(d.fix?.edits).toEqual([{ span: d.span, newText: '"0 6 * * 0"' }])
  })

  it.each([
    ['@daily', '0 0 * * *'],
    ['@midnight', '0 0 * * *'],
    ['@hourly', '0 * * * *'],
    ['@weekly', '0 0 * * 0'],
    ['@monthly', '0 0 1 * *'],
    ['@yearly', '0 0 1 1 *'],
    ['@annually', '0 0 1 1 *'],
    ['0 30 6 * * *', '30 6 * * *'],
    ['0 0 6 * * 7', '0 6 * * 0'],
  ])('offers to replace job schedule %s with "%s"', (schedule, fixed) => {
    const built = build(job({ schedule }))
    const d = only(built, 'cron-invalid')
    expect(d.message).toContain(`job "cleanup_sessions": schedule "${schedule}"`)
    expect(d.fix?.title).toBe(`Replace with "${fixed}"`)
    const repaired = applyFix(built.text, d.fix!)
    expect(repaired).toContain(`schedule "${fixed}"`)
    expect(run(build(job({ schedule: fixed })))).toEqual([])
  })

  it.each(['@every 5m', '60 * * * *', '* * * * * *'])('offers no fix for %j', (schedule) => {
    const d = only(build(job({ schedule })), 'cron-invalid')
    expect(d.fix).toBeUndefined()
  })
})

describe('durations', () => {
  it.each(['30m', '1h30m', '1.5h', '300ms', '.5h', '1.s', '2h45m30.5s'])('accepts timeout %s', (timeout) => {
    expect(run(build(workflow({ timeout })))).toEqual([])
  })

  it('rejects 1d at the value and offers 24h', () => {
    const built = build(workflow({ timeout: '1d' }))
    const d = only(built, 'duration-invalid')
    expect(textAt(built, d.span)).toBe('"1d"')
    expect(d.message).toBe('workflow "order_fulfillment": timeout "1d" is not a Go duration: there is no day unit "d" (use hours: 1d is 24h)')
    expect(d.fix).toEqual({ title: 'Replace with "24h"', edits: [{ span: d.span, newText: '"24h"' }] })
  })

  it.each([
    ['5 s', '5s'],
    ['2 hours', '2h'],
    ['1d12h', '36h'],
  ])('offers to repair %j as %j', (timeout, fixed) => {
    expect(only(build(workflow({ timeout })), 'duration-invalid').fix?.edits[0].newText).toBe(`"${fixed}"`)
  })

  it.each(['10', 'h', '1hh', 'soon'])('rejects %j with no fix', (timeout) => {
    const d = only(build(workflow({ timeout })), 'duration-invalid')
    expect(d.fix).toBeUndefined()
  })

  it('checks a retry initial_interval', () => {
    const built = build(job({ retry: { maxAttempts: '3', initialInterval: '10', backoffMultiplier: '2.0' } }))
    const d = only(built, 'duration-invalid')
    expect(textAt(built, d.span)).toBe('"10"')
    expect(d.message).toContain('job "cleanup_sessions": retry initial_interval "10" is not a Go duration: the number needs a unit')
  })

  it.each([
    ['0', 'is zero'],
    ['0s', 'is zero'],
    ['-5m', 'is negative (-5m)'],
  ])('warns about a timeout of %s', (timeout, says) => {
    const built = build(workflow({ timeout }))
    const d = only(built, 'duration-not-positive')
    expect(d.severity).toBe('warning')
    expect(textAt(built, d.span)).toBe(`"${timeout}"`)
    expect(d.message).toContain(`timeout "${timeout}" ${says}`)
  })

  it('warns about a zero initial_interval but not a positive one', () => {
    expect(withCode(build(job({ retry: { maxAttempts: '3', initialInterval: '0' } })), 'duration-not-positive')).toHaveLength(1)
    expect(withCode(build(job({ retry: { maxAttempts: '3', initialInterval: '1ns' } })), 'duration-not-positive')).toEqual([])
  })
})

describe('steps', () => {
  it('rejects an empty steps block at its keyword', () => {
    const built = build(workflow({ steps: [] }))
    const d = only(built, 'steps-empty')
    expect(d.severity).toBe('error')
    expect(textAt(built, d.span)).toBe('steps')
    expect(d.message).toBe('workflow "order_fulfillment" has no steps; add at least one step to its steps block')
  })

  it('counts an empty parallel block as a step entry', () => {
    const built = build(workflow({ steps: [{ parallel: [] }] }))
    expect(withCode(built, 'steps-empty')).toEqual([])
    expect(withCode(built, 'parallel-empty')).toHaveLength(1)
  })

  it('rejects a step name used twice, including across parallel branches, at the later name', () => {
    const built = build(workflow({ steps: [step('a'), { parallel: [step('b'), step('a')] }, step('b')] }))
    const found = withCode(built, 'duplicate-step')
    expect(found.map((d) => d.message)).toEqual([
      'workflow "order_fulfillment": step "a" is declared twice (first at line 4); step names must be unique within a workflow, parallel branches included',
      'workflow "order_fulfillment": step "b" is declared twice (first at line 8); step names must be unique within a workflow, parallel branches included',
    ])
    expect(found.map((d) => textAt(built, d.span))).toEqual(['a', 'b'])
    expect(found[0].start.line).toBe(11)
  })

  it('lets two workflows use the same step names', () => {
    expect(run(build(workflow({ workflow: 'one' }), workflow({ workflow: 'two' })))).toEqual([])
  })

  it('rejects a step with no activity at its name, and one with an empty activity at the value', () => {
    const missing = build(workflow({ steps: [{ step: 'charge' }] }))
    const d = only(missing, 'activity-missing')
    expect(textAt(missing, d.span)).toBe('charge')
    expect(d.message).toContain('step "charge" of workflow "order_fulfillment" has no activity')
    const empty = build(workflow({ steps: [{ step: 'charge', activity: '' }] }))
    expect(textAt(empty, only(empty, 'activity-missing').span)).toBe('""')
  })
})

describe('parallel blocks', () => {
  it('warns about an empty one and offers to remove its line', () => {
    const built = build(workflow({ steps: [step('a'), { parallel: [] }] }))
    const d = only(built, 'parallel-empty')
    expect(d.severity).toBe('warning')
    expect(textAt(built, d.span)).toBe('parallel')
    const repaired = applyFix(built.text, d.fix!)
    expect(repaired).not.toContain('parallel')
    expect(repaired).toContain('activity "x.a"\n    }\n  }\n}')
  })

  it('notes a parallel block with one branch, and not one with two', () => {
    const single = only(build(workflow({ steps: [{ parallel: [step('a')] }] })), 'parallel-single')
    expect(single.severity).toBe('info')
    expect(single.message).toContain('only step "a"')
    expect(run(build(workflow({ steps: [{ parallel: [step('a'), step('b')] }] })))).toEqual([])
  })
})

describe('steps.X references', () => {
  it('warns about an unknown step at the name inside the string, suggesting a near earlier step', () => {
    const built = build(workflow({ steps: [step('validate_order'), step('charge', { input: { total: 'steps.validate_ordr.output.total' } })] }))
    const d = only(built, 'step-unknown-ref')
    expect(d.severity).toBe('warning')
    expect(textAt(built, d.span)).toBe('validate_ordr')
    expect(d.message).toBe(
      'step "charge" of workflow "order_fulfillment" reads steps.validate_ordr, but the workflow has no step "validate_ordr"; did you mean "validate_order"?',
    )
    expect(applyFix(built.text, d.fix!)).toContain('total: "steps.validate_order.output.total"')
  })

  it('a dangling reference to a renamed step says "did you mean" with the nearest step name', () => {
    const built = build(workflow({ steps: [step('check_inventory_v2'), step('ship', { input: { stock: 'steps.check_inventory.output.count' } })] }))
    const d = only(built, 'step-unknown-ref')
    expect(d.message).toBe(
      'step "ship" of workflow "order_fulfillment" reads steps.check_inventory, but the workflow has no step "check_inventory"; did you mean "check_inventory_v2"?',
    )
    expect(applyFix(built.text, d.fix!)).toContain('stock: "steps.check_inventory_v2.output.count"')
    // The nearest of several, and an earlier step before a later one at the same distance.
    const several = build(workflow({ steps: [step('charge_card'), step('notify', { input: { v: 'steps.charge_cart.id' } }), step('charge_carts')] }))
    expect(only(several, 'step-unknown-ref').message).toContain('did you mean "charge_card"?')
    const later = build(workflow({ steps: [step('notify', { input: { v: 'steps.send_mail.id' } }), step('send_email')] }))
    expect(only(later, 'step-unknown-ref').message).toContain('did you mean "send_email"?')
  })

  it('makes no suggestion when two names are equally near', () => {
    const d = only(build(workflow({ steps: [step('load_a'), step('load_b'), step('use', { input: { v: 'steps.load_c.x' } })] })), 'step-unknown-ref')
    expect(d.message).not.toContain('did you mean')
  })

  it('makes no suggestion when nothing is close', () => {
    const d = only(build(workflow({ steps: [step('a', { if: 'steps.zzz_unknown.ok' })] })), 'step-unknown-ref')
    expect(d.fix).toBeUndefined()
    expect(d.message).not.toContain('did you mean')
  })

  it('warns about a step reading itself, in a condition', () => {
    const built = build(workflow({ steps: [step('check', { if: 'steps.check.output.ok == true' })] }))
    const d = only(built, 'step-self-ref')
    expect(textAt(built, d.span)).toBe('check')
    expect(d.message).toContain('reads its own output')
  })

  it('warns about reading a step that runs later, and not an earlier one', () => {
    const built = build(workflow({ steps: [step('a', { input: { v: 'steps.b.output' } }), step('b', { input: { v: 'steps.a.output' } })] }))
    const d = only(built, 'step-later-ref')
    expect(textAt(built, d.span)).toBe('b')
    expect(d.message).toContain('step "a" of workflow "order_fulfillment" reads steps.b, but "b" runs later')
  })

  it('warns about reading a branch of the same parallel block, but not across blocks', () => {
    const built = build(
      workflow({
        steps: [
          step('first'),
          { parallel: [step('left', { input: { v: 'steps.first.out' } }), step('right', { input: { v: 'steps.left.out' } })] },
          step('after', { input: { l: 'steps.left.out', r: 'steps.right.out' } }),
        ],
      }),
    )
    const d = only(built, 'step-parallel-ref')
    expect(textAt(built, d.span)).toBe('left')
    expect(d.message).toContain('both run in the same parallel block')
    expect(run(built).map((x) => x.code)).toEqual(['step-parallel-ref'])
  })

  it('finds every reference in a value, each at its own place', () => {
    const built = build(workflow({ steps: [step('a', { if: 'steps.x.ok && steps.y.ok || steps.a.ok' })] }))
    const found = run(built)
    expect(found.map((d) => [d.code, textAt(built, d.span)])).toEqual([
      ['step-unknown-ref', 'x'],
      ['step-unknown-ref', 'y'],
      ['step-self-ref', 'a'],
    ])
  })

  it('ignores paths that only contain "steps." inside another word', () => {
    expect(run(build(workflow({ steps: [step('a', { input: { v: 'config.steps.x', w: 'mysteps.y' } })] })))).toEqual([])
  })
})

describe('conditions', () => {
  it.each(['', '   '])('warns about the empty condition %j and offers to remove it', (condition) => {
    const built = build(workflow({ steps: [step('a', { if: condition })] }))
    const d = only(built, 'condition-empty')
    expect(textAt(built, d.span)).toBe(`"${condition}"`)
    expect(applyFix(built.text, d.fix!)).not.toContain('if ')
  })

  it('accepts a non-empty condition', () => {
    expect(run(build(workflow({ steps: [step('a'), step('b', { if: 'steps.a.output.ok' })] })))).toEqual([])
  })
})

describe('retry blocks', () => {
  it('warns about an empty retry block at its keyword, saying what CodeAI reads it as, and offers to remove it', () => {
    const built = build(job({ retry: {} }))
    const d = only(built, 'retry-empty')
    expect(d.severity).toBe('warning')
    expect(textAt(built, d.span)).toBe('retry')
    expect(d.message).toBe(
      'job "cleanup_sessions" has an empty retry block, which CodeAI reads as no retries (no max_attempts), not as its default of 3 retries without a block; set its fields or remove it',
    )
    expect(applyFix(built.text, d.fix!)).not.toContain('retry')
    expect(only(build(workflow({ retry: {} })), 'retry-empty').message).toContain('unlimited attempts (no max_attempts)')
  })

  it('leaves max_attempts 0 and retries past the timeout to the runtime warnings, which know the profile', () => {
    expect(run(build(job({ retry: { maxAttempts: '0' } })))).toEqual([])
    expect(run(build(workflow({ retry: { maxAttempts: '0' } })))).toEqual([])
    expect(run(build(workflow({ timeout: '1m', retry: { maxAttempts: '4', initialInterval: '10s', backoffMultiplier: '2.0' } })))).toEqual([])
  })

  it('does not warn about a retry block with any field', () => {
    expect(run(build(job({ retry: { maxAttempts: '2' } })))).toEqual([])
  })

  it('checks the initial interval is a duration', () => {
    const retry = { maxAttempts: '10', initialInterval: '1d', backoffMultiplier: '2.0' }
    expect(run(build(workflow({ retry }))).map((d) => d.code)).toEqual(['duration-invalid'])
  })
})

describe('queues and tasks', () => {
  it.each(['critical', 'default', 'low_priority'])('accepts the known queue %s', (queue) => {
    expect(run(build(job({ queue })))).toEqual([])
  })

  it('rejects a queue that is not an identifier and offers the underscore spelling', () => {
    const built = build(job({ queue: 'low-priority' }))
    const d = only(built, 'queue-invalid')
    expect(d.severity).toBe('error')
    expect(textAt(built, d.span)).toBe('"low-priority"')
    expect(d.message).toContain('job "cleanup_sessions": queue "low-priority" is not an identifier')
    expect(d.fix?.edits[0].newText).toBe('"low_priority"')
  })

  it('rejects a queue with a leading digit, without a fix', () => {
    expect(only(build(job({ queue: '2fast' })), 'queue-invalid').fix).toBeUndefined()
  })

  it('notes a queue other than the known three', () => {
    const d = only(build(job({ queue: 'emails' })), 'queue-unknown')
    expect(d.severity).toBe('info')
    expect(d.message).toContain('queue "emails" is not one of critical, default, low_priority')
  })

  it('rejects an empty task at the value', () => {
    const built = build(job({ task: '' }))
    const d = only(built, 'task-empty')
    expect(textAt(built, d.span)).toBe('""')
    expect(d.message).toContain('job "cleanup_sessions" has an empty task')
  })
})

describe('positions and spans', () => {
  it('gives 1-based line and column of the span', () => {
    const built = build(job({ queue: 'low-priority' }))
    const d = only(built, 'queue-invalid')
    expect(d.start).toEqual({ line: 4, column: 9 })
    expect(d.end).toEqual({ line: 4, column: 23 })
  })

  it('puts a node without spans at its nearest ancestor that has one', () => {
    const built = build(workflow({ steps: [step('a'), step('b')] }))
    const wf = built.doc.items[0] as Workflow
    const inserted = withoutSpans({ ...(wf.steps.items[1] as object), name: 'a', activity: undefined, input: undefined }) as Workflow['steps']['items'][number]
    const doc = { ...built.doc, items: [{ ...wf, steps: { ...wf.steps, items: [wf.steps.items[0], inserted] } }] }
    const found = validate(doc, built.text)
    expect(found.map((d) => d.code)).toEqual(['duplicate-step', 'activity-missing'])
    for (const d of found) expect(d.span).toEqual(wf.steps.span)
  })

  it('uses {0,0} when nothing has a span', () => {
    const built = build(workflow({ steps: [] }), job({ task: '' }))
    const found = validate(withoutSpans(built.doc), '')
    expect(found.map((d) => d.code)).toEqual(['steps-empty', 'task-empty'])
    for (const d of found) {
      expect(d.span).toEqual({ start: 0, end: 0 })
      expect(d.start).toEqual({ line: 1, column: 1 })
      expect(d.fix).toBeUndefined()
    }
  })

  it('returns diagnostics in text order', () => {
    const built = build(job({ job: 'z', task: '', queue: 'bad-q' }), workflow({ workflow: 'y', event: 'bad-event', steps: [] }))
    const starts = run(built).map((d) => d.span.start)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(run(built).map((d) => d.code)).toEqual(['task-empty', 'queue-invalid', 'event-invalid', 'steps-empty'])
  })
})

describe('items the parser reports', () => {
  it('skips broken and foreign items, even with a duplicate name', () => {
    const built = build(workflow({ workflow: 'w' }))
    const broken: Broken = { ...emptyTrivia(), kind: 'broken', declaration: 'workflow', name: 'w', text: 'workflow w { steps' }
    const foreign: Foreign = { ...emptyTrivia(), kind: 'foreign', keyword: 'config', text: 'config { }' }
    expect(validate({ ...built.doc, items: [...built.doc.items, broken, foreign] }, built.text)).toEqual([])
  })
})

describe('scale', () => {
  // How long it takes is measured by `npm run bench` (33 ms at 10,000 steps), never asserted here: a busy machine must not fail a test.
  it('validates a 10,000-step workflow with references, each reference checked once', () => {
    const steps: StepSpec[] = Array.from({ length: 10_000 }, (_, i) =>
      step(`s${i}`, { input: { previous: `steps.s${Math.max(0, i - 1)}.output`, missing: `steps.nope${i}.x` } }),
    )
    const built = build(workflow({ steps }))
    const found = run(built)
    expect(found.filter((d) => d.code === 'step-unknown-ref')).toHaveLength(10_000)
    expect(found.filter((d) => d.code === 'step-self-ref')).toHaveLength(1)
  })
})

describe('input blocks', () => {
  it('warns about a key given twice, at the later key: CodeAI keeps only one of the values', () => {
    const text = 'workflow w {\n  trigger manual\n  steps {\n    a {\n      activity "x"\n      input {\n        k: "a"\n        j: "b"\n        k: "c"\n      }\n    }\n  }\n}\n'
    const parsed = parse(text)
    expect(parsed.diagnostics).toEqual([])
    const found = validate(parsed.doc, text)
    expect(found.map((d) => [d.severity, d.code, d.message, `${d.start.line}:${d.start.column}`, text.slice(d.span.start, d.span.end)])).toEqual([[
      'warning',
      'input-duplicate-key',
      'step "a" of workflow "w": input "k" is given twice (first at line 7); CodeAI keeps only one of the values, so remove or rename one',
      '9:9',
      'k',
    ]])
  })

  it('lets two steps use the same input keys', () => {
    expect(run(build(workflow({ steps: [step('a', { input: { k: 'v' } }), step('b', { input: { k: 'v' } })] })))).toEqual([])
  })
})

describe('through parse', () => {
  const source = [
    'job nightly {',
    '  schedule "@daily"',
    '  task "reports.build"',
    '  queue "low-priority"',
    '  retry { }',
    '}',
    '',
    'workflow order_fulfillment {',
    '  trigger event "order-created"',
    '  timeout "1d"',
    '  steps {',
    '    charge {',
    '      activity "payments.charge"',
    '      input { total: "steps.validate_order.output.total" }',
    '      if ""',
    '    }',
    '    parallel {',
    '      notify { activity "email.send" }',
    '    }',
    '    parallel { }',
    '  }',
    '}',
    '',
  ].join('\n')

  it('reports each problem at the right line and column of the text', () => {
    const parsed = parse(source)
    expect(parsed.diagnostics).toEqual([])
    const found = validate(parsed.doc, source)
    expect(found.map((d) => `${d.start.line}:${d.start.column} ${d.code} ${source.slice(d.span.start, d.span.end)}`)).toEqual([
      '2:12 cron-invalid "@daily"',
      '4:9 queue-invalid "low-priority"',
      '5:3 retry-empty retry',
      '9:17 event-invalid "order-created"',
      '10:11 duration-invalid "1d"',
      '14:29 step-unknown-ref validate_order',
      '15:10 condition-empty ""',
      '17:5 parallel-single parallel',
      '20:5 parallel-empty parallel',
    ])
  })

  it('has fixes that, applied to the text, remove their own diagnostics and keep it parseable', () => {
    const found = validate(parse(source).doc, source)
    const fixes = found.filter((d) => d.fix)
    expect(fixes.map((d) => d.code)).toEqual(['cron-invalid', 'queue-invalid', 'retry-empty', 'duration-invalid', 'condition-empty', 'parallel-empty'])
    // Apply from the end of the text backwards so earlier offsets stay valid.
    const repaired = [...fixes].reverse().reduce((text, d) => applyFix(text, d.fix!), source)
    const reparsed = parse(repaired)
    expect(reparsed.diagnostics).toEqual([])
    expect(validate(reparsed.doc, repaired).map((d) => d.code)).toEqual(['event-invalid', 'step-unknown-ref', 'parallel-single'])
    expect(repaired).toContain('schedule "0 0 * * *"')
    expect(repaired).toContain('queue "low_priority"')
    expect(repaired).toContain('timeout "24h"')
  })
})

describe('empty values CodeAI skips are valid, with a warning and a removal fix (spec section 4)', () => {
  const cases: Array<[string, () => Built, string, string]> = [
    ['timeout ""', () => build(workflow({ timeout: '' })), 'timeout "" is empty, which CodeAI accepts: the workflow then times out after its default, 24h; remove it or write a value', 'timeout ""'],
    ['initial_interval ""', () => build(job({ retry: { maxAttempts: '3', initialInterval: '' } })), 'retry initial_interval "" is empty, which CodeAI accepts: the first retry then waits the default, 1s; remove it or write a value', 'initial_interval ""'],
    ['job schedule ""', () => build(job({ schedule: '' })), 'schedule "" is empty, which CodeAI accepts: the job is never scheduled, only run when enqueued on demand; remove it or write a value', 'schedule ""'],
    ['job queue ""', () => build(job({ queue: '' })), 'queue "" is empty, which CodeAI accepts: the job goes to the "default" queue; remove it or write a value', 'queue ""'],
  ]
  it.each(cases)('%s is accepted with a value-empty warning', (_, make, message, removed) => {
    const built = make()
    const diagnostics = run(built)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const d = only(built, 'value-empty')
    expect(d.severity).toBe('warning')
    expect(d.message).toContain(message)
    expect(textAt(built, d.span)).toBe('""')
    const fixed = applyFix(built.text, d.fix!)
    expect(fixed).not.toContain(removed)
    expect(validate(parse(fixed).doc, fixed).filter((x) => x.code === 'value-empty' || x.severity === 'error')).toEqual([])
  })

  it('a workflow trigger schedule "" and an empty event stay errors', () => {
    expect(only(build(workflow({ event: undefined, schedule: '' })), 'cron-invalid').message).toContain('schedule "": it is empty')
    expect(only(build(workflow({ event: '' })), 'event-invalid').severity).toBe('error')
  })
})

describe('numbers as Go reads them (spec section 1)', () => {
  it('max_attempts 010 is octal 8: accepted with a warning and a fix writing 8', () => {
    const built = build(job({ retry: { maxAttempts: '010' } }))
    const d = only(built, 'number-octal')
    expect(d.severity).toBe('warning')
    expect(d.message).toBe('job "cleanup_sessions": max_attempts 010 is octal to CodeAI (a leading 0), so it means 8; write 8')
    expect(d.fix?.edits[0].newText).toBe('8')
    expect(run(build(job({ retry: { maxAttempts: '10' } }))).filter((x) => x.code.startsWith('number-'))).toEqual([])
    expect(run(build(job({ retry: { maxAttempts: '0' } }))).filter((x) => x.code.startsWith('number-'))).toEqual([])
  })

  it.each(['08', '09', '0189'])('max_attempts %s is an error: 8 and 9 are not octal digits', (raw) => {
    const d = only(build(job({ retry: { maxAttempts: raw } })), 'number-invalid')
    expect(d.severity).toBe('error')
    expect(d.message).toContain(`max_attempts ${raw} is not a number to CodeAI`)
  })

  it('max_attempts above 9223372036854775807 is an error; at it, valid', () => {
    expect(only(build(job({ retry: { maxAttempts: '9223372036854775808' } })), 'number-out-of-range').severity).toBe('error')
    expect(only(build(job({ retry: { maxAttempts: '01000000000000000000000' } })), 'number-out-of-range').severity).toBe('error')
    expect(run(build(job({ retry: { maxAttempts: '9223372036854775807' } }))).filter((x) => x.code.startsWith('number-'))).toEqual([])
  })

  it('backoff_multiplier beyond the largest float64 is an error; below it, valid', () => {
    const huge = `${'9'.repeat(309)}.0`
    const d = only(build(job({ retry: { backoffMultiplier: huge } })), 'number-out-of-range')
    expect(d.message).toContain('is beyond the largest float64')
    expect(run(build(job({ retry: { backoffMultiplier: `${'9'.repeat(308)}.0` } }))).filter((x) => x.code.startsWith('number-'))).toEqual([])
  })
})

describe('control characters inside strings (issue 14, item 1)', () => {
  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['a C0 control', '\u001b', 'U+001B'],
    ['form feed', '\f', 'U+000C'],
    ['vertical tab', '\v', 'U+000B'],
    ['DEL', '\u007f', 'U+007F'],
    ['a C1 control', '\u0085', 'U+0085'],
  ])('%s in a string is a warning naming its code point, at the character, with a fix', (_, char, code) => {
    const built = build(workflow({ steps: [step('a', { activity: `svc.do${char}it` })] }))
    const d = only(built, 'string-control-character')
    expect(d.severity).toBe('warning')
    expect(d.message).toBe(`workflow "order_fulfillment": a string holds the control character ${code}; CodeAI accepts it, but it is invisible and cannot be exported to SVG; remove it`)
    expect(textAt(built, d.span)).toBe(char)
    expect(applyFix(built.text, d.fix!)).toContain('activity "svc.doit"')
    expect(run(built).filter((x) => x.severity === 'error')).toEqual([])
  })

  it.each([['tab', '\t'], ['line feed', '\n'], ['carriage return', '\r'], ['no-break space', '\u00a0'], ['emoji', '😀']])('%s in a string is fine', (_, char) => {
    expect(withCode(build(workflow({ steps: [step('a', { activity: `svc.do${char}it` })] })), 'string-control-character')).toEqual([])
  })

  it('counts the others, and checks every string of a job too', () => {
    const d = only(build(job({ task: 'a\u0001b\u0002c\u0003' })), 'string-control-character')
    expect(d.message).toContain('U+0001 (and 2 more)')
  })
})
