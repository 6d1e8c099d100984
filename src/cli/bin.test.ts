/**
 * bin/codeai run for real, as a user would: from another directory, with real
 * files, exit codes and standard streams (the bundled dist-cli/codeai.mjs).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeai as run, ensureBundle, ROOT } from './testing/process'

const SEED = join(ROOT, 'examples/09-workflows/with_workflows.cai')
const workDir = mkdtempSync(join(tmpdir(), 'codeai-cli-'))
beforeAll(ensureBundle, 120_000)
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

function codeai(args: string[], input?: string) {
  return run(args, { cwd: workDir, input })
}

describe('bin/codeai', { timeout: 30_000 }, () => {
  it('validates the seed example from another directory', () => {
    expect(codeai(['validate', SEED])).toEqual({
      stdout: '3 workflows, 7 jobs: 0 errors, 0 warnings\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('parses a file to JSON on stdout', () => {
    const result = codeai(['parse', SEED])
    expect(result.exitCode).toBe(0)
    const json = JSON.parse(result.stdout) as { workflows: { name: string }[]; jobs: unknown[] }
    expect(json.workflows.map((w) => w.name)).toEqual(['order_fulfillment', 'daily_sales_report', 'user_onboarding'])
    expect(json.jobs).toHaveLength(7)
  })

  it('exits 1 on an invalid file, printing its diagnostics', () => {
    const result = codeai(['validate', join(ROOT, 'examples/invalid/bad_queue.cai')])
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('bad_queue.cai:5:8: error: ')
  })

  it('formats a file in place, after which --check passes', () => {
    const file = join(workDir, 'free_layout.cai')
    copyFileSync(join(ROOT, 'examples/02-advanced/free_layout.cai'), file)
    expect(codeai(['format', '--check', file]).exitCode).toBe(1)
    expect(codeai(['format', '--write', file]).exitCode).toBe(0)
    expect(readFileSync(file, 'utf8')).toMatch(/^workflow squeezed \{\n\ttrigger manual/m)
    expect(codeai(['format', '--check', file])).toMatchObject({ exitCode: 0, stderr: '' })
  })

  it('reads standard input for -', () => {
    const result = codeai(['format', '-'], 'job  ping{task "monitoring.ping"}')
    expect(result).toEqual({ stdout: 'job ping {\n\ttask "monitoring.ping"\n}\n', stderr: '', exitCode: 0 })
  })

  it('answers bad usage with one line on stderr and exit code 2, never a stack trace', () => {
    for (const args of [['validate', 'no-such-file.cai'], ['validate', `${SEED}/x.cai`], ['parse', ROOT], ['lint', SEED], ['parse', '--fast', SEED], []]) {
      const result = codeai(args)
      expect(result.exitCode, args.join(' ')).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^codeai: [^\n]+\n$/)
    }
  })

  it('prints its version and help', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
    expect(codeai(['--version'])).toEqual({ stdout: `codeai ${version}\n`, stderr: '', exitCode: 0 })
    const help = codeai(['help'])
    expect(help.exitCode).toBe(0)
    expect(help.stdout).toMatch(/^Usage: codeai <command>/)
  })
})
