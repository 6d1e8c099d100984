/**
 * Running bin/codeai as a real process in tests. `ensureBundle` (call it in
 * beforeAll) lets bin/codeai build dist-cli/codeai.mjs if it is missing or
 * stale, so the tests run the current source and their own runs print no
 * "building" line.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const BIN = `${ROOT}bin/codeai`

export interface ProcessResult {
  stdout: string
  stderr: string
  exitCode: number | null
}

export function codeai(args: readonly string[], options: { cwd?: string; input?: string | Uint8Array } = {}): ProcessResult {
  const result = spawnSync(BIN, args, { cwd: options.cwd ?? ROOT, input: options.input, encoding: 'utf8', timeout: 60_000 })
  if (result.error) throw result.error
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status }
}

export function ensureBundle(): void {
  const result = codeai(['--version'])
  if (result.exitCode !== 0) throw new Error(`bin/codeai --version failed: ${result.stderr}`)
}

/** What a crash looks like: a JavaScript stack frame or an internal error. */
export const STACK_TRACE = /^\s+at |internal error|Error:|node:internal/m
