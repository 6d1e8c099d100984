import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { xmlProblems } from '../../diagram/test-xml'
import { runCli } from '../cli'
import { memoryIO } from '../testing/memory-io'

const EXAMPLE = readFileSync('examples/09-workflows/with_workflows.cai', 'utf8')
const RENAMED = EXAMPLE.replace(/check_inventory/g, 'check_stock')

/** Runs `codeai COMMAND ARGS` on an in-memory file system, through the real dispatch. */
async function run(command: 'diff' | 'render', args: string[], files: Record<string, string>) {
  const memory = memoryIO(files)
  const code = await runCli([command, ...args], memory.io, () => 'test')
  const written = Object.fromEntries(memory.writes.map(([path]) => [path, memory.text(path)]))
  return { code, stdout: memory.stdout(), stderr: memory.stderr(), files: written }
}

describe('codeai diff', () => {
  it('prints the changes in plain words and exits 1 when the meaning differs', async () => {
    const result = await run('diff', ['a.cai', 'b.cai'], { 'a.cai': EXAMPLE, 'b.cai': RENAMED })
    expect(result).toMatchObject({ code: 1, stderr: '' })
    expect(result.stdout).toBe('workflow order_fulfillment:\n  renamed step check_inventory to check_stock (similarity 0.91, 2 references updated)\n1 change in meaning\n')
  })

  it('exits 0 when only comments or layout changed, and says so', async () => {
    const result = await run('diff', ['a.cai', 'b.cai'], { 'a.cai': EXAMPLE, 'b.cai': EXAMPLE.replace(/\n\n/g, '\n') })
    expect(result).toMatchObject({ code: 0, stdout: 'No change in meaning (only layout changed)\n' })
  })

  it('prints JSON for tools and Markdown for a pull request', async () => {
    const json = await run('diff', ['--format', 'json', 'a.cai', 'b.cai'], { 'a.cai': EXAMPLE, 'b.cai': RENAMED })
    expect(JSON.parse(json.stdout)).toMatchObject({ meaning: 'different', changes: [{ kind: 'step-renamed', from: 'check_inventory', to: 'check_stock' }] })
    const markdown = await run('diff', ['a.cai', 'b.cai', '--format=markdown'], { 'a.cai': EXAMPLE, 'b.cai': RENAMED })
    expect(markdown.stdout).toMatch(/^### Changes to b\.cai\n\n\*\*1 change in meaning\*\*\n/)
    expect(markdown.code).toBe(1)
  })

  it('draws the after version with the changes marked, with --svg', async () => {
    const result = await run('diff', ['a.cai', 'b.cai', '--svg', 'out.svg'], { 'a.cai': EXAMPLE, 'b.cai': RENAMED })
    const svg = result.files['out.svg']
    expect(xmlProblems(svg)).toEqual([])
    expect(svg).toContain('data-mark="renamed" data-mark-node="order_fulfillment/check_stock"')
    expect(svg).toContain('>was check_inventory</text>')
  })

  it('exits 2 on bad usage, unreadable files and files that are not text, with one line', async () => {
    const files = { 'a.cai': EXAMPLE, 'bin.cai': 'PK\u0003\u0004\u0000\u0000binary' }
    for (const args of [['a.cai'], ['a.cai', 'a.cai', 'a.cai'], ['--format', 'xml', 'a.cai', 'a.cai'], ['--nope', 'a.cai', 'a.cai'], ['a.cai', 'missing.cai'], ['a.cai', 'bin.cai'], ['--format']]) {
      const result = await run('diff', args, { ...files })
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^codeai: [^\n]+\n$/)
    }
    expect((await run('diff', ['a.cai', 'missing.cai'], { ...files })).stderr).toContain('cannot read missing.cai: no such file')
    expect((await run('diff', ['a.cai', 'bin.cai'], { ...files })).stderr).toContain('bin.cai is not .cai text')
  })
})

describe('codeai render', () => {
  it('draws every workflow as a standalone SVG on standard output', async () => {
    const result = await run('render', ['ex.cai'], { 'ex.cai': EXAMPLE })
    expect(result.code).toBe(0)
    expect(xmlProblems(result.stdout)).toEqual([])
    expect([...result.stdout.matchAll(/data-workflow="([^"]+)"/g)].map((m) => m[1])).toEqual(['order_fulfillment', 'daily_sales_report', 'user_onboarding'])
  })

  it('draws one workflow into a file with --workflow and -o, or the jobs board with --jobs', async () => {
    const one = await run('render', ['ex.cai', '--workflow', 'user_onboarding', '-o', 'out.svg'], { 'ex.cai': EXAMPLE })
    expect(one).toMatchObject({ code: 0, stdout: '' })
    expect([...one.files['out.svg'].matchAll(/data-workflow="([^"]+)"/g)].map((m) => m[1])).toEqual(['user_onboarding'])
    const jobs = await run('render', ['ex.cai', '--jobs', '--theme', 'dark'], { 'ex.cai': EXAMPLE })
    expect(jobs.stdout.match(/data-kind="job"/g)).toHaveLength(7)
    expect(xmlProblems(jobs.stdout)).toEqual([])
  })

  it('says which workflows exist when the one asked for does not, and which were left out for syntax errors', async () => {
    const missing = await run('render', ['ex.cai', '--workflow', 'nope'], { 'ex.cai': EXAMPLE })
    expect(missing).toMatchObject({ code: 2 })
    expect(missing.stderr).toContain("has no workflow 'nope' (it has: order_fulfillment, daily_sales_report, user_onboarding)")
    const broken = EXAMPLE.replace('workflow user_onboarding {', 'workflow user_onboarding {{')
    const partial = await run('render', ['ex.cai'], { 'ex.cai': broken })
    expect(partial.code).toBe(1)
    expect(partial.stderr).toContain('left out for syntax errors: workflow user_onboarding')
    expect(xmlProblems(partial.stdout)).toEqual([])
    expect((await run('render', ['ex.cai', '--workflow', 'user_onboarding'], { 'ex.cai': broken })).code).toBe(1)
  })
})
