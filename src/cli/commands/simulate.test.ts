import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli'
import { memoryIO } from '../testing/memory-io'

const root = new URL('../../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const FILES: Record<string, string> = {
  'ex.cai': read('examples/09-workflows/with_workflows.cai'),
  'fails.json': read('examples/scenarios/order-payment-fails.json'),
  'retries.json': read('examples/scenarios/order-payment-retries.json'),
  'profile.json': read('examples/scenarios/profile-low-priority.json'),
  'bad.json': '{"steps": {"pay": {"behaviour": "flaky"}}}',
  'broken.cai': 'workflow w {\n\ttrigger manual\n',
}

/** `codeai COMMAND ARGS` through the real dispatch, on the files above. */
async function codeai(command: 'simulate' | 'calendar', args: string[]) {
  const memory = memoryIO(FILES)
  const code = await runCli([command, ...args], memory.io, () => 'test')
  return { code, stdout: memory.stdout(), stderr: memory.stderr() }
}

describe('codeai simulate', () => {
  it('exits 1 and prints the table and the summary when the workflow fails', async () => {
    const out = await codeai('simulate', ['ex.cai', '--workflow', 'order_fulfillment', '--scenario', 'fails.json'])
    expect(out.code).toBe(1)
    expect(out.stdout).toContain('process_payment               1        2.5s   5.5s   failed\n')
    expect(out.stdout).toContain('send_confirmation             -        -      -      not-reached')
    expect(out.stdout).toMatch(/order_fulfillment: fails after 41.5 s: process_payment failed after 3 attempts; not reached: reserve_inventory, notify_warehouse, send_confirmation\n$/)
  })

  it('exits 0 when it completes, and prints the trace with --json', async () => {
    const out = await codeai('simulate', ['ex.cai', '--workflow=order_fulfillment', '--scenario', 'retries.json', '--json'])
    expect(out.code).toBe(0)
    const trace = JSON.parse(out.stdout)
    expect(trace.outcome).toEqual({ kind: 'completed' })
    expect(trace.durationMs).toBe(87_000)
  })

  it('completes a workflow without a scenario: every step takes 1 s and succeeds', async () => {
    const out = await codeai('simulate', ['ex.cai', '--workflow', 'user_onboarding'])
    expect(out.code).toBe(0)
    expect(out.stdout).toContain('user_onboarding: completes in 4 s')
  })

  it('exits 2 on bad usage, unreadable files, a bad scenario and a file with errors, with one line', async () => {
    const cases: Array<[string[], string]> = [
      [['ex.cai'], 'codeai: needs --workflow NAME; ex.cai has: order_fulfillment, daily_sales_report, user_onboarding (see codeai --help)\n'],
      [['ex.cai', '--workflow', 'nope'], 'codeai: no workflow "nope" in ex.cai; it has: order_fulfillment, daily_sales_report, user_onboarding (see codeai --help)\n'],
      [['missing.cai', '--workflow', 'x'], 'codeai: cannot read missing.cai: no such file\n'],
      [['ex.cai', '--workflow', 'order_fulfillment', '--scenario', 'bad.json'], 'codeai: bad.json: steps.pay.behaviour must be one of "succeeds", "fails-then-succeeds", "always-fails", not "flaky"\n'],
      [['ex.cai', '--workflow', 'order_fulfillment', '--speed', '2'], "codeai: unknown option '--speed' for 'simulate' (see codeai --help)\n"],
    ]
    for (const [args, message] of cases) {
      const out = await codeai('simulate', args)
      expect(out.code, args.join(' ')).toBe(2)
      expect(out.stderr).toBe(message)
    }
    const broken = await codeai('simulate', ['broken.cai', '--workflow', 'w'])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/^codeai: broken.cai has errors; fix them first/)
  })
})

describe('codeai calendar', () => {
  it('prints the runs by queue and flags the unserved queue, until the profile serves it', async () => {
    const out = await codeai('calendar', ['ex.cai', '--from', '2025-01-06T00:00Z', '--days', '1'])
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/^7 jobs, 385 runs from 2025-01-06T00:00:00.000Z to 2025-01-07T00:00:00.000Z\n/)
    expect(out.stdout).toContain('queue low_priority (NOT SERVED: its tasks are never processed): 24 runs\n  Mon 2025-01-06 00:00 UTC  cleanup_sessions\n')
    expect(out.stdout).toContain('job cleanup_sessions: queue "low_priority" is not served')
    const served = await codeai('calendar', ['ex.cai', '--from', '2025-01-06', '--days', '1', '--profile', 'profile.json'])
    expect(served.code).toBe(0)
    expect(served.stdout).toContain('queue low_priority (served, weight 1): 24 runs')
    expect(served.stdout).not.toContain('warnings:')
  })

  it('refuses a bad date or day count', async () => {
    const badDate = await codeai('calendar', ['ex.cai', '--from', 'tomorrow'])
    expect(badDate).toMatchObject({ code: 2, stderr: "codeai: --from must be an ISO date or time such as 2025-01-06 or 2025-01-06T09:00Z, not 'tomorrow' (see codeai --help)\n" })
    const badDays = await codeai('calendar', ['ex.cai', '--days', '0'])
    expect(badDays).toMatchObject({ code: 2, stderr: "codeai: --days must be a whole number from 1 to 366, not '0' (see codeai --help)\n" })
  })
})
