import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import { validate } from '../language/validate'
import {
  activityFindings,
  attemptsFindings,
  durationFindings,
  eventFindings,
  findingsWithCode,
  findingsWithin,
  isRejected,
  multiplierFindings,
  nameFindings,
  queueFindings,
  scheduleFindings,
  stringFindings,
  taskFindings,
} from './checks'

const OWNER = 'workflow "orders"'
const severities = (findings: { severity: string }[]) => findings.map((finding) => finding.severity)

describe('names', () => {
  it('refuses a reserved word, a non-identifier and an empty name', () => {
    expect(nameFindings('timeout', 'step', [])).toEqual([
      { severity: 'error', message: '"timeout" is a reserved word and cannot name a step' },
    ])
    expect(nameFindings('send-mail', 'step', [])[0].message).toBe(
      '"send-mail" cannot name a step: use letters, digits and _, and do not start with a digit',
    )
    expect(nameFindings('', 'input', [])[0].message).toBe('an input name cannot be empty')
  })

  it('refuses a name already taken', () => {
    expect(nameFindings('charge', 'step', ['validate', 'charge'])).toEqual([
      { severity: 'error', message: 'there is already a step named "charge"' },
    ])
  })

  it('accepts an identifier that is free', () => {
    expect(nameFindings('task_id', 'input', ['task'])).toEqual([])
  })
})

describe('string values', () => {
  it('refuses a double quote, which a CodeAI string cannot hold', () => {
    expect(stringFindings('say "hi"')).toEqual([{ severity: 'error', message: 'a value cannot contain a double quote (")' }])
    expect(stringFindings('back\\slash is fine')).toEqual([])
  })

  it('refuses an empty activity or task', () => {
    expect(activityFindings('', 'step "a" of workflow "w"')[0].message).toBe(
      'step "a" of workflow "w" has an empty activity; name the activity it runs, e.g. "orders.validate"',
    )
    expect(isRejected(activityFindings('orders."validate"', 'step'))).toBe(true)
    expect(activityFindings('orders.validate', 'step')).toEqual([])
    expect(taskFindings('', 'job "j"')[0]).toEqual({
      severity: 'error',
      message: 'job "j" has an empty task; name the task type it runs, e.g. "sessions.cleanup"',
    })
  })
})

describe('event names', () => {
  it('uses the validator rule', () => {
    expect(eventFindings('order.created', OWNER)).toEqual([])
    expect(eventFindings('order-created', OWNER)).toEqual([
      {
        severity: 'error',
        message:
          'workflow "orders": event "order-created" is not a valid event name; use dot-separated words of letters, digits and "_", each starting with a letter, e.g. "order.created"',
      },
    ])
    expect(isRejected(eventFindings('', OWNER))).toBe(true)
    expect(isRejected(eventFindings('order..x', OWNER))).toBe(true)
  })
})

describe('schedules', () => {
  it('accepts a five-field cron expression, with a time zone too', () => {
    expect(scheduleFindings('0 6 * * *', OWNER)).toEqual([])
    expect(scheduleFindings('CRON_TZ=Europe/Berlin 30 7 * * MON-FRI', OWNER)).toEqual([])
  })

  it('refuses what robfig/cron rejects, with its reason', () => {
    const findings = scheduleFindings('@daily', OWNER)
    expect(severities(findings)).toEqual(['error'])
    expect(findings[0].message).toMatch(/^workflow "orders": schedule "@daily": /)
    expect(isRejected(scheduleFindings('0 6 * * 7', OWNER))).toBe(true)
    expect(isRejected(scheduleFindings('0 6 * *', OWNER))).toBe(true)
    expect(isRejected(scheduleFindings('', OWNER))).toBe(true)
  })
})

describe('durations', () => {
  const timeout = (value: string) => durationFindings(value, OWNER, 'timeout', 'so the workflow would time out at once')

  it('accepts a Go duration', () => {
    expect(timeout('1h30m')).toEqual([])
    expect(timeout('.5h')).toEqual([])
  })

  it('refuses what Go cannot parse', () => {
    for (const value of ['1d', '10', '5 s']) expect(isRejected(timeout(value)), value).toBe(true)
    // An empty timeout is valid to CodeAI (it then uses 24h): a warning, not a refusal.
    expect(isRejected(timeout(''))).toBe(false)
  })

  it('warns, without refusing, about a zero duration', () => {
    expect(timeout('0s')).toEqual([
      {
        severity: 'warning',
        message: 'workflow "orders": timeout "0s" is zero, so the workflow would time out at once; use a positive duration',
      },
    ])
    expect(isRejected(timeout('0s'))).toBe(false)
  })
})

describe('queues', () => {
  it('refuses a queue that is not an identifier, and notes an unusual one', () => {
    expect(isRejected(queueFindings('low-priority', 'job "j"'))).toBe(true)
    expect(queueFindings('bulk', 'job "j"')).toEqual([
      {
        severity: 'info',
        message: 'job "j": queue "bulk" is not one of critical, default, low_priority; make sure an Asynq worker serves it',
      },
    ])
    expect(queueFindings('critical', 'job "j"')).toEqual([])
  })
})

describe('retry numbers', () => {
  it('takes max_attempts as a whole number of 0 or more (0: unlimited attempts until the workflow timeout)', () => {
    expect(attemptsFindings('3')).toEqual([])
    expect(attemptsFindings('0')).toEqual([])
    for (const value of ['3.0', '-1', 'three']) expect(isRejected(attemptsFindings(value)), value).toBe(true)
  })

  it('takes a backoff multiplier with or without a decimal point', () => {
    expect(multiplierFindings('2')).toEqual([])
    expect(multiplierFindings('1.5')).toEqual([])
    for (const value of ['-2.0', '2.', 'x']) expect(isRejected(multiplierFindings(value)), value).toBe(true)
  })
})

describe('findings from the file', () => {
  const text = 'workflow w {\n\ttrigger event "bad-name"\n\tsteps {\n\t\ta {\n\t\t\tactivity ""\n\t\t}\n\t}\n}\n'
  const { doc } = parse(text)
  const diagnostics = validate(doc, text)
  const workflow = doc.items[0]
  if (workflow.kind !== 'workflow') throw new Error('expected a workflow')
  const step = workflow.steps.items[0]
  if (step.kind !== 'step') throw new Error('expected a step')

  it('picks the diagnostics of one statement', () => {
    expect(severities(findingsWithin(diagnostics, workflow.trigger.span))).toEqual(['error'])
    expect(findingsWithin(diagnostics, workflow.trigger.span)[0].message).toMatch(/event "bad-name" is not a valid event name/)
    expect(findingsWithin(diagnostics, step.activity?.span)[0].message).toMatch(/has an empty activity/)
    expect(findingsWithin(diagnostics, undefined)).toEqual([])
  })

  it('picks diagnostics by code within a wider span', () => {
    expect(findingsWithCode(diagnostics, workflow.span, ['activity-missing'])).toHaveLength(1)
    expect(findingsWithCode(diagnostics, workflow.span, ['cron-invalid'])).toEqual([])
  })
})
