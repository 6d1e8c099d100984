import { describe, expect, it } from 'vitest'
import { parse } from '../language/parse'
import { profile, EXAMPLE_TEXT } from './test-helpers'
import { runtimeWarnings } from './warnings'

function warnings(text: string, patch = {}) {
  return runtimeWarnings(parse(text).doc, text, profile(patch))
}

const wf = (extra: string, timeout = '') => `workflow w {\n\ttrigger manual\n${timeout}\tsteps {\n\t\ta {\n\t\t\tactivity "x"\n\t\t}\n\t}\n${extra}}\n`

describe('runtime warnings', () => {
  it('warns that max_attempts 0 on a workflow means attempts until the timeout, 24 h when none is set', () => {
    const [d] = warnings(wf('\tretry {\n\t\tmax_attempts 0\n\t}\n'))
    expect(d.code).toBe('runtime/unlimited-attempts')
    expect(d.severity).toBe('warning')
    expect(d.message).toBe(
      'workflow "w": max_attempts 0 means unlimited attempts: a failing activity is retried until the timeout, which is 24h when none is set (here the default timeout, 24h, as none is set); write the number of attempts you want, the first included',
    )
    expect(d.fix?.edits[0].newText).toBe('3')
    expect(warnings(wf('\tretry {\n\t\tinitial_interval "1s"\n\t}\n')).map((w) => w.code)).toEqual(['runtime/unlimited-attempts'])
  })

  it('warns when the retries cannot fit in the workflow timeout with the profile numbers', () => {
    const retry = '\tretry {\n\t\tmax_attempts 4\n\t\tinitial_interval "10s"\n\t\tbackoff_multiplier 2.0\n\t}\n'
    expect(warnings(wf(retry, '\ttimeout "1m"\n')).map((d) => d.code)).toEqual(['runtime/retry-exceeds-timeout'])
    expect(warnings(wf(retry, '\ttimeout "70s"\n'))).toEqual([])
    // Without a retry block the profile's default policy applies.
    expect(warnings(wf('', '\ttimeout "2s"\n')).map((d) => d.code)).toEqual(['runtime/retry-exceeds-timeout'])
    expect(warnings(wf('', '\ttimeout "2s"\n'), { defaultRetry: { maxAttempts: 1, initialIntervalMs: 1000, backoffMultiplier: 2 } })).toEqual([])
  })

  it("warns that a job's initial_interval and backoff_multiplier have no effect", () => {
    const text = 'job j {\n\ttask "t"\n\tretry {\n\t\tmax_attempts 2\n\t\tinitial_interval "30s"\n\t\tbackoff_multiplier 2.0\n\t}\n}\n'
    const found = warnings(text)
    expect(found.map((d) => d.code)).toEqual(['runtime/job-retry-ignored', 'runtime/job-retry-ignored'])
    expect(found[0].message).toContain('initial_interval has no effect on a job')
  })

  it("warns when a job's queue is not served, with the fix", () => {
    const found = warnings(EXAMPLE_TEXT).filter((d) => d.code === 'runtime/queue-unserved')
    expect(found.map((d) => d.message.split(' by the worker')[0])).toEqual([
      'job "cleanup_sessions": its queue "low_priority" is not served',
      'job "archive_logs": its queue "low_priority" is not served',
    ])
    expect(found[0].message).toContain('add "low_priority" to the served queues of the runtime profile')
    expect(found[0].fix?.edits[0].newText).toBe('"low"')
    const served = warnings(EXAMPLE_TEXT, { queues: [{ name: 'low_priority', weight: 1 }, ...profile().queues] })
    expect(served.filter((d) => d.code === 'runtime/queue-unserved')).toEqual([])
  })
})
