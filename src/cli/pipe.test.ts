/**
 * A closed output pipe (`codeai validate FILE | head -c 1`) ends the command
 * quietly, with the exit status it would have had: no EPIPE stack trace.
 * Real processes and real pipes, made by bash as a user's shell makes them
 * (Node's own child-process streams are sockets with larger buffers): the
 * reader takes one byte and exits while codeai has hundreds of kilobytes
 * left to write.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, ensureBundle, STACK_TRACE } from './testing/process'

const dir = mkdtempSync(join(tmpdir(), 'codeai-pipe-'))
const JOBS = 4000

/** Files whose output is far more than a pipe holds (64 KiB on Linux). */
const files = {
  // One warning per job (an empty retry block): exit 0.
  warnings: Array.from({ length: JOBS }, (_, i) => `job j${i} {\n\ttask "t.run"\n\n\tretry { }\n}\n`).join('\n'),
  // One error per job (a queue name with a hyphen): exit 1.
  errors: Array.from({ length: JOBS }, (_, i) => `job j${i} {\n\ttask "t.run"\n\tqueue "low-priority"\n}\n`).join('\n'),
}
const path = (name: keyof typeof files) => join(dir, `${name}.cai`)
/** A directory of files that are not UTF-8: one line each on stderr, exit 2. */
const latin1 = join(dir, 'latin1')

beforeAll(() => {
  for (const [name, text] of Object.entries(files)) writeFileSync(path(name as keyof typeof files), text)
  mkdirSync(latin1)
  for (let i = 0; i < 1500; i++) writeFileSync(join(latin1, `file_${i}.cai`), Buffer.from('job caf\xe9 {}\n', 'latin1'))
  ensureBundle()
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Runs `codeai ARGS | head -c 1` (or with stderr into the pipe and stdout
 * discarded) and returns codeai's own exit status and what else it printed.
 */
function pipeToHead(args: readonly string[], stream: 'stdout' | 'stderr') {
  const redirect = stream === 'stdout' ? '' : '2>&1 >/dev/null'
  const script = `"$@" ${redirect} | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`
  const result = spawnSync('bash', ['-c', script, 'bash', BIN, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { exitCode: Number(result.stdout.trim()), stderr: result.stderr }
}

describe('a closed output pipe', { timeout: 120_000 }, () => {
  it.each([
    ['validate with warnings only', ['validate', path('warnings')], 0],
    ['validate with errors', ['validate', path('errors')], 1],
    ['parse', ['parse', path('warnings')], 0],
    ['format', ['format', path('warnings')], 0],
  ] as const)('on stdout ends %s quietly with its own exit status', (_name, args, exitCode) => {
    const result = pipeToHead(args, 'stdout')
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(exitCode)
  })

  it('on stderr ends validate of many unreadable files quietly with exit status 2', () => {
    // The stack trace would go to the closed pipe: the exit status (1 for a crash) tells.
    expect(pipeToHead(['validate', latin1], 'stderr')).toEqual({ exitCode: 2, stderr: '' })
  })
})
