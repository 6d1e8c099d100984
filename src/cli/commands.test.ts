import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli, usage } from './cli'
import type { DocumentJson } from './json'
import { memoryIO } from './testing/memory-io'

async function run(args: string[], files: Record<string, string | Uint8Array> = {}, stdin = '') {
  const memory = memoryIO(files, stdin)
  const exitCode = await runCli(args, memory.io, () => '1.2.3')
  return { exitCode, stdout: memory.stdout(), stderr: memory.stderr(), writes: memory.writes, files: memory.files }
}

const SEED_EXAMPLE = readFileSync(new URL('../../examples/09-workflows/with_workflows.cai', import.meta.url), 'utf8')

const SMALL = `workflow greet {
	trigger manual

	steps {
		say {
			activity "greetings.say"
		}
	}
}

job ping {
	task "monitoring.ping"
}
`

const DIAGNOSTIC_LINE = /^[^:]+:\d+:\d+: (error|warning|info): .+ \[[a-z0-9-]+\]$/

describe('codeai parse', () => {
  it('prints every part of a document as clean JSON', async () => {
    const text = `config {
    name: "shop"
}

workflow checkout {
	trigger event "cart.checked_out"
	timeout "15m"

	steps {
		charge {
			activity "payments.charge"
			input {
				amount: "workflow.input.total"
				currency: "EUR"
			}
		}

		parallel {
			email {
				activity "notifications.send_email"
				if "steps.charge.output.ok == true"
			}
		}
	}

	retry {
		max_attempts 3
		initial_interval "1s"
		backoff_multiplier 1.5
	}
}

job nightly {
	schedule "0 1 * * *"
	task "reports.nightly"
	queue "low_priority"

	retry {
		max_attempts 2
	}
}
`
    const result = await run(['parse', 'shop.cai'], { 'shop.cai': text })
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({
      workflows: [
        {
          name: 'checkout',
          trigger: { type: 'event', value: 'cart.checked_out' },
          timeout: '15m',
          steps: [
            { name: 'charge', activity: 'payments.charge', input: { amount: 'workflow.input.total', currency: 'EUR' } },
            { parallel: [{ name: 'email', activity: 'notifications.send_email', if: 'steps.charge.output.ok == true' }] },
          ],
          retry: { max_attempts: 3, initial_interval: '1s', backoff_multiplier: 1.5 },
        },
      ],
      jobs: [
        { name: 'nightly', schedule: '0 1 * * *', task: 'reports.nightly', queue: 'low_priority', retry: { max_attempts: 2 } },
      ],
      other: [{ keyword: 'config', text: 'config {\n    name: "shop"\n}' }],
    })
  })

  it('leaves out the parts a declaration does not write', async () => {
    const result = await run(['parse', 'small.cai'], { 'small.cai': SMALL })
    expect(JSON.parse(result.stdout)).toEqual({
      workflows: [{ name: 'greet', trigger: { type: 'manual' }, steps: [{ name: 'say', activity: 'greetings.say' }] }],
      jobs: [{ name: 'ping', task: 'monitoring.ping' }],
      other: [],
    })
  })

  it('reads the seed example: three workflows, seven jobs, input mappings and parallel steps', async () => {
    const result = await run(['parse', 'seed.cai'], { 'seed.cai': SEED_EXAMPLE })
    expect(result.exitCode).toBe(0)
    const json = JSON.parse(result.stdout) as DocumentJson
    expect(json.workflows.map((w) => [w.name, w.trigger.type])).toEqual([
      ['order_fulfillment', 'event'],
      ['daily_sales_report', 'schedule'],
      ['user_onboarding', 'manual'],
    ])
    expect(json.jobs.map((j) => [j.name, j.schedule, j.queue])).toEqual([
      ['cleanup_sessions', '0 * * * *', 'low_priority'],
      ['weekly_backup', '0 2 * * 0', 'critical'],
      ['sync_inventory', '*/30 * * * *', 'default'],
      ['send_reminders', '0 9 * * *', 'default'],
      ['archive_logs', '0 0 1 * *', 'low_priority'],
      ['generate_analytics', '15 * * * *', 'default'],
      ['health_check_services', '*/5 * * * *', 'critical'],
    ])
    const order = json.workflows[0]
    expect(order.steps[2]).toMatchObject({
      name: 'process_payment',
      input: { amount: 'steps.validate_order.output.total' },
    })
    expect(order.steps[3]).toEqual({
      parallel: [
        expect.objectContaining({ name: 'reserve_inventory', activity: 'inventory.reserve' }),
        expect.objectContaining({ name: 'notify_warehouse', activity: 'warehouse.notify' }),
      ],
    })
  })

  it('prints syntax errors to stderr, nothing to stdout, and exits 1', async () => {
    const result = await run(['parse', 'bad.cai'], { 'bad.cai': 'workflow w {\n\ttimeout "5m"\n}\n' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).toMatch(DIAGNOSTIC_LINE)
    expect(lines[0]).toMatch(/^bad\.cai:2:2: error: /)
  })

  it('prints max_attempts and backoff_multiplier as JSON numbers written as in the file, not rounded', async () => {
    const text = 'job j { task "t" retry { max_attempts 99999999999999999999 backoff_multiplier 2.0 } }\njob k { task "t" retry { max_attempts 007 backoff_multiplier 1.50 } }\n'
    const result = await run(['parse', 'n.cai'], { 'n.cai': text })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('"max_attempts": 99999999999999999999,\n        "backoff_multiplier": 2.0\n')
    // Leading zeros are not JSON: they are dropped, the rest is kept.
    expect(result.stdout).toContain('"max_attempts": 7,\n        "backoff_multiplier": 1.50\n')
    const json = JSON.parse(result.stdout) as { jobs: { retry: unknown }[] }
    expect(json.jobs.map((job) => job.retry)).toEqual([
      { max_attempts: 1e20, backoff_multiplier: 2 },
      { max_attempts: 7, backoff_multiplier: 1.5 },
    ])
  })

  it('prints an octal max_attempts as the value CodeAI reads: 010 is 8', async () => {
    const octal = 'job j {\n\ttask "t.run"\n\tretry {\n\t\tmax_attempts 010\n\t}\n}\n'
    const { stdout, exitCode } = await run(['parse', 'octal.cai'], { 'octal.cai': octal })
    expect(exitCode).toBe(0)
    expect((JSON.parse(stdout) as { jobs: { retry: { max_attempts: number } }[] }).jobs[0].retry.max_attempts).toBe(8)
  })

  it('lays the JSON out as JSON.stringify does, numerals aside', async () => {
    const { stdout } = await run(['parse', 'seed.cai'], { 'seed.cai': SEED_EXAMPLE })
    expect(stdout).toMatch(/"backoff_multiplier": 2\.0\n/)
    expect(stdout.replace(/(\d)\.0\n/g, '$1\n')).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`)
  })

  it('reads standard input when FILE is -', async () => {
    const result = await run(['parse', '-'], {}, SMALL)
    expect(result.exitCode).toBe(0)
    expect((JSON.parse(result.stdout) as DocumentJson).jobs[0].name).toBe('ping')
  })
})

describe('codeai validate', () => {
  it('prints only the summary for a clean file and exits 0', async () => {
    const result = await run(['validate', 'small.cai'], { 'small.cai': SMALL })
    expect(result).toMatchObject({ exitCode: 0, stderr: '', stdout: '1 workflow, 1 job: 0 errors, 0 warnings\n' })
  })

  it('finds nothing to report in the seed example', async () => {
    const result = await run(['validate', 'seed.cai'], { 'seed.cai': SEED_EXAMPLE })
    expect(result).toMatchObject({ exitCode: 0, stdout: '3 workflows, 7 jobs: 0 errors, 0 warnings\n' })
  })

  it('prints each diagnostic as FILE:LINE:COL, sorted by position, and exits 1 on errors', async () => {
    const text = `job b {
	schedule "@daily"
	task "t.b"
	queue "low-priority"
}

job a {
	task "t.a"
	queue "bulk"
}
`
    const result = await run(['validate', 'jobs.cai'], { 'jobs.cai': text })
    expect(result.exitCode).toBe(1)
    const lines = result.stdout.trimEnd().split('\n')
    const summary = lines.pop()
    expect(summary).toBe('0 workflows, 2 jobs: 2 errors, 0 warnings, 1 info')
    expect(lines).toHaveLength(3)
    for (const line of lines) expect(line).toMatch(DIAGNOSTIC_LINE)
    expect(lines.map((line) => line.split(': ')[0] + ': ' + line.split(': ')[1])).toEqual([
      'jobs.cai:2:11: error',
      'jobs.cai:4:8: error',
      'jobs.cai:9:8: info',
    ])
  })

  it('exits 0 with warnings only, counting one warning in the singular', async () => {
    const text = SMALL.replace('\t\t\tactivity "greetings.say"\n', '\t\t\tactivity "greetings.say"\n\t\t\tif "steps.nowhere.output.ok"\n')
    const result = await run(['validate', 'w.cai'], { 'w.cai': text })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^w\.cai:7:14: warning: .+ \[step-unknown-ref\]\n1 workflow, 1 job: 0 errors, 1 warning\n$/)
  })

  it('reports syntax errors and counts the declarations they break', async () => {
    const text = `workflow broken {
	timeout "5m"
	trigger manual
}

job fine {
	task "t.fine"
}
`
    const result = await run(['validate', 'b.cai'], { 'b.cai': text })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/^b\.cai:2:2: error: .+\[syntax\]\n/)
    expect(result.stdout.trimEnd().split('\n').pop()).toMatch(/^1 workflow, 1 job: \d+ errors?, 0 warnings$/)
  })
})

describe('codeai format', () => {
  const messy = 'job   ping{task "monitoring.ping"   queue "default"}\n'
  const canonical = 'job ping {\n\ttask "monitoring.ping"\n\tqueue "default"\n}\n'

  it('prints the canonical text', async () => {
    expect(await run(['format', 'm.cai'], { 'm.cai': messy })).toMatchObject({ exitCode: 0, stdout: canonical, stderr: '' })
  })

  it('--check exits 1 naming the file when formatting would change it, 0 when not', async () => {
    const changed = await run(['format', '--check', 'm.cai'], { 'm.cai': messy })
    expect(changed.exitCode).toBe(1)
    expect(changed.stderr).toContain('m.cai')
    expect(changed.writes).toEqual([])
    expect((await run(['format', 'c.cai', '--check'], { 'c.cai': canonical })).exitCode).toBe(0)
  })

  it('--write rewrites the file only when it changes', async () => {
    const changed = await run(['format', '--write', 'm.cai'], { 'm.cai': messy })
    expect(changed.exitCode).toBe(0)
    expect(changed.writes).toEqual([['m.cai', canonical]])
    const unchanged = await run(['format', '--write', 'c.cai'], { 'c.cai': canonical })
    expect(unchanged.exitCode).toBe(0)
    expect(unchanged.writes).toEqual([])
  })

  it('never rewrites or prints a file with syntax errors', async () => {
    const broken = 'job ping {\n\tqueue "default"\n}\n'
    for (const flags of [[], ['--write'], ['--check']]) {
      const result = await run(['format', ...flags, 'b.cai'], { 'b.cai': broken })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^b\.cai:\d+:\d+: error: /)
      expect(result.writes).toEqual([])
    }
  })
})

describe('usage', () => {
  it('shows help for --help, -h and help, and the version for --version', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      expect(await run(args)).toMatchObject({ exitCode: 0, stdout: usage(), stderr: '' })
    }
    expect(await run(['--version'])).toMatchObject({ exitCode: 0, stdout: 'codeai 1.2.3\n' })
  })

  it('shows one command\'s help for COMMAND --help and help COMMAND, and lists every command in the main help', async () => {
    for (const args of [['format', '--help'], ['help', 'format'], ['format', '--write', '-h']]) {
      const result = await run(args)
      expect(result).toMatchObject({ exitCode: 0, stderr: '' })
      expect(result.stdout).toMatch(/^Usage: codeai format \[--check \| --write\] FILE\|DIR\.\.\.\n\nPrint FILE in canonical layout.*\n\nOptions:\n  --check  Exit with code 1/)
    }
    expect((await run(['format', '--', '--help'])).stderr).toBe("codeai: cannot read --help: no such file\n")
    for (const name of ['parse FILE', 'validate FILE|DIR...', 'format [--check | --write] FILE|DIR...']) expect(usage()).toContain(`\n  ${name}\n`)
  })

  it('takes everything after -- as FILE, even a name starting with -', async () => {
    expect(await run(['validate', '--', '-odd.cai'], { '-odd.cai': SMALL })).toMatchObject({ exitCode: 0, stdout: '1 workflow, 1 job: 0 errors, 0 warnings\n' })
    const named = await run(['parse', '--', '--help'], { '--help': SMALL })
    expect(named.exitCode).toBe(0)
    expect((JSON.parse(named.stdout) as DocumentJson).jobs).toHaveLength(1)
    expect(await run(['format', '--check', '--', '-c.cai'], { '-c.cai': SMALL })).toMatchObject({ exitCode: 0, stdout: '-c.cai: already formatted\n' })
  })

  it.each([
    [[], 'missing command'],
    [['--', 'validate', 'a.cai'], 'missing command'],
    [['compile', 'a.cai'], "unknown command 'compile'"],
    [['validate'], "'validate' needs a FILE or DIR"],
    [['parse', 'a.cai', 'b.cai'], "'parse' takes one FILE, got 2"],
    [['parse', '--write', 'a.cai'], "unknown option '--write'"],
    [['format', '--fix', 'a.cai'], "unknown option '--fix'"],
    [['format', '--write', '--check', 'a.cai'], 'cannot be used together'],
    [['format', '--write', '-'], 'needs files, not standard input'],
    [['validate', 'missing.cai'], 'cannot read missing.cai: no such file'],
    [['parse', 'examples/'], 'cannot read examples/: is a directory'],
  ])('exits 2 with one line on stderr for %j', async (args, message) => {
    const result = await run(args, { 'a.cai': SMALL, 'b.cai': SMALL, 'examples/x.cai': SMALL })
    expect(result.exitCode).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(message)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})
