/**
 * bin/codeai runs the bundle and builds it when it is missing or older than
 * one of its sources; when it cannot be built, it runs from source with tsx.
 * Tried on a copy of the project (the sources, the build script, the
 * launcher; node_modules linked), so the real dist-cli/ is never touched.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './testing/process'

const copy = mkdtempSync(join(tmpdir(), 'codeai-build-'))
beforeAll(() => {
  for (const path of ['bin', 'scripts', 'src', 'package.json']) cpSync(join(ROOT, path), join(copy, path), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'))
})
afterAll(() => rmSync(copy, { recursive: true, force: true }))

const SEED = join(ROOT, 'examples/09-workflows/with_workflows.cai')
const SUMMARY = '3 workflows, 7 jobs: 0 errors, 0 warnings\n'

function codeai(...args: string[]) {
  const result = spawnSync(join(copy, 'bin/codeai'), args, { cwd: tmpdir(), encoding: 'utf8', timeout: 120_000 })
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status }
}

describe('bin/codeai and its bundle', { timeout: 240_000 }, () => {
  it('builds a missing bundle, says so on stderr, then runs it', () => {
    expect(codeai('validate', SEED)).toEqual({
      stdout: SUMMARY,
      stderr: 'codeai: dist-cli/codeai.mjs is missing; building it (npm run build:cli)\n',
      exitCode: 0,
    })
    expect(existsSync(join(copy, 'dist-cli/codeai.mjs'))).toBe(true)
    expect(codeai('validate', SEED)).toEqual({ stdout: SUMMARY, stderr: '', exitCode: 0 })
  })

  it('rebuilds the bundle when a source is newer', () => {
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(copy, 'src/language/parse.ts'), later, later)
    expect(codeai('validate', SEED)).toEqual({
      stdout: SUMMARY,
      stderr: 'codeai: src/language/parse.ts changed since dist-cli/codeai.mjs was built; building it (npm run build:cli)\n',
      exitCode: 0,
    })
  })

  it('runs from source with tsx when the bundle cannot be built', () => {
    rmSync(join(copy, 'dist-cli'), { recursive: true })
    writeFileSync(join(copy, 'scripts/build-cli.mjs'), 'process.exit(1)\n')
    expect(codeai('validate', SEED)).toEqual({
      stdout: SUMMARY,
      stderr:
        'codeai: dist-cli/codeai.mjs is missing; building it (npm run build:cli)\n' +
        'codeai: the build failed; running from source with tsx\n',
      exitCode: 0,
    })
  })
})
