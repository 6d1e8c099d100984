import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { run as calendar } from './calendar'
import { runCli, type CliIO } from './commands'
import { run as simulate } from './simulate'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const FILES: Record<string, string> = {
  'ex.cai': read('examples/09-workflows/with_workflows.cai'),
  'fails.json': read('examples/scenarios/order-payment-fails.json'),
  'retries.json': read('examples/scenarios/order-payment-retries.json'),
  'profile.json': read('examples/scenarios/profile-low-priority.json'),
  'bad.json': '{"steps": {"pay": {"behaviour": "flaky"}}}',
  'broken.cai': 'workflow w {\n\ttrigger manual\n',
}

function io() {
  const out = { stdout: '', stderr: '' }
  return {
    out,
    io: {
      stdout: (s: string) => (out.stdout += s),
      stderr: (s: string) => (out.stderr += s),
      readFile(path: string) {
        if (!(path in FILES)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
        return FILES[path]
      },
    },
  }
}

describe('codeai simulate', () => {
  it('exits 1 and prints the table and the summary when the workflow fails', () => {
    const { io: cli, out } = io()
    expect(simulate(['ex.cai', '--workflow', 'order_fulfillment', '--scenario', 'fails.json'], cli)).toBe(1)
    expect(out.stdout).toContain('process_payment               1        2.5s   5.5s   failed\n')
    expect(out.stdout).toContain('send_confirmation             -        -      -      not-reached')
    expect(out.stdout).toMatch(/order_fulfillment: fails after 41.5 s: process_payment failed after 3 attempts; not reached: reserve_inventory, notify_warehouse, send_confirmation\n$/)
  })

  it('exits 0 when it completes, and prints the trace with --json', () => {
    const { io: cli, out } = io()
    expect(simulate(['ex.cai', '--workflow=order_fulfillment', '--scenario', 'retries.json', '--json'], cli)).toBe(0)
    const trace = JSON.parse(out.stdout)
    expect(trace.outcome).toEqual({ kind: 'completed' })
    expect(trace.durationMs).toBe(87_000)
  })

  it('exits 2 on bad usage, unreadable files, a bad scenario and a file with errors', () => {
    const cases: Array<[string[], string]> = [
      [['ex.cai'], 'codeai simulate: needs --workflow NAME; ex.cai has: order_fulfillment, daily_sales_report, user_onboarding\n'],
      [['ex.cai', '--workflow', 'nope'], 'codeai simulate: no workflow "nope" in ex.cai; it has: order_fulfillment, daily_sales_report, user_onboarding\n'],
      [['missing.cai', '--workflow', 'x'], 'codeai simulate: cannot read missing.cai: no such file\n'],
      [['ex.cai', '--workflow', 'order_fulfillment', '--scenario', 'bad.json'], 'codeai simulate: bad.json: steps.pay.behaviour must be one of "succeeds", "fails-then-succeeds", "always-fails", not "flaky"\n'],
      [['ex.cai', '--workflow', 'order_fulfillment', '--speed', '2'], "codeai simulate: unknown option '--speed' for 'simulate'\n"],
    ]
    for (const [args, message] of cases) {
      const { io: cli, out } = io()
      expect(simulate(args, cli)).toBe(2)
      expect(out.stderr).toBe(message)
    }
    const { io: cli, out } = io()
    expect(simulate(['broken.cai', '--workflow', 'w'], cli)).toBe(2)
    expect(out.stderr).toMatch(/^codeai simulate: broken.cai has errors; fix them first/)
  })

  it('is wired into the codeai command', () => {
    const fileIO: CliIO = { readFile: (path) => FILES[path], writeFile: () => {}, readStdin: () => '' }
    const result = runCli(['simulate', 'ex.cai', '--workflow', 'user_onboarding'], fileIO, '0')
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('user_onboarding: completes in 4 s')
  })
})

describe('codeai calendar', () => {
  it('prints the runs by queue and flags the unserved queue, until the profile serves it', () => {
    const { io: cli, out } = io()
    expect(calendar(['ex.cai', '--from', '2025-01-06T00:00Z', '--days', '1'], cli)).toBe(0)
    expect(out.stdout).toMatch(/^7 jobs, 385 runs from 2025-01-06T00:00:00.000Z to 2025-01-07T00:00:00.000Z\n/)
    expect(out.stdout).toContain('queue low_priority (NOT SERVED: its tasks are never processed): 24 runs\n  Mon 2025-01-06 00:00 UTC  cleanup_sessions\n')
    expect(out.stdout).toContain('job cleanup_sessions: queue "low_priority" is not served')
    const served = io()
    expect(calendar(['ex.cai', '--from', '2025-01-06', '--days', '1', '--profile', 'profile.json'], served.io)).toBe(0)
    expect(served.out.stdout).toContain('queue low_priority (served, weight 1): 24 runs')
    expect(served.out.stdout).not.toContain('warnings:')
  })

  it('refuses a bad date or day count', () => {
    const { io: cli, out } = io()
    expect(calendar(['ex.cai', '--from', 'tomorrow'], cli)).toBe(2)
    expect(calendar(['ex.cai', '--days', '0'], cli)).toBe(2)
    expect(out.stderr).toBe(
      "codeai calendar: --from must be an ISO date or time such as 2025-01-06 or 2025-01-06T09:00Z, not 'tomorrow'\ncodeai calendar: --days must be a whole number from 1 to 366, not '0'\n",
    )
  })
})
