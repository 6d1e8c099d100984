/**
 * `validate` and `format --check` / `--write` on several files and whole
 * directories, as linters and formatters take them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { validateCommand } from './commands'
import { memoryIO } from './testing/memory-io'
import { codeai, ensureBundle, ROOT } from './testing/process'

async function run(args: string[], files: Record<string, string | Uint8Array>) {
  const memory = memoryIO(files)
  const exitCode = await runCli(args, memory.io, () => '1.2.3')
  return { exitCode, stdout: memory.stdout(), stderr: memory.stderr(), writes: memory.writes, text: memory.text }
}

const CLEAN = 'job ping {\n\ttask "monitoring.ping"\n}\n'
const WARNING = 'job backup {\n\ttask "db.backup"\n\n\tretry { }\n}\n'
const ERROR = 'job sweep {\n\ttask "t.sweep"\n\tqueue "low-priority"\n}\n'
const MESSY = 'job   ping{task "monitoring.ping"}\n'
const SYNTAX_ERROR = 'job broken {\n\tqueue "default"\n}\n'

describe('codeai validate on several files and directories', () => {
  it('checks every file in order, directories recursed in name order, and counts files in the summary', async () => {
    // Inserted out of order: the listing is sorted, not taken as the file system gives it.
    const result = await run(['validate', 'single.cai', 'tree'], {
      'tree/b/deep.cai': ERROR,
      'tree/a.cai': WARNING,
      'tree/c.cai': CLEAN,
      'single.cai': CLEAN,
    })
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines.map((line) => line.split(': ')[0])).toEqual(['tree/a.cai:4:2', 'tree/b/deep.cai:3:8', '4 files, 0 workflows, 4 jobs'])
    expect(lines.at(-1)).toBe('4 files, 0 workflows, 4 jobs: 1 error, 1 warning')
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('')
  })

  it('exits 0 when no file has an error, warnings or not', async () => {
    const result = await run(['validate', 'tree/'], { 'tree/a.cai': WARNING, 'tree/b.cai': CLEAN })
    expect(result).toMatchObject({ exitCode: 0, stderr: '' })
    expect(result.stdout).toMatch(/^tree\/a\.cai:4:2: warning: .*\n2 files, 0 workflows, 2 jobs: 0 errors, 1 warning\n$/)
  })

  it('skips node_modules, directories starting with a dot and files not ending in .cai, and reads a file named twice once', async () => {
    const result = await run(['validate', 'p/a.cai', './p', 'p//a.cai'], {
      'p/a.cai': CLEAN,
      'p/notes.txt': ERROR,
      'p/node_modules/dep/x.cai': ERROR,
      'p/.git/y.cai': ERROR,
      'p/.hidden/z.cai': ERROR,
      'p/sub/b.cai': CLEAN,
    })
    expect(result).toMatchObject({ exitCode: 0, stdout: '2 files, 0 workflows, 2 jobs: 0 errors, 0 warnings\n' })
  })

  it('takes a FILE whatever its name ends with', async () => {
    expect(await run(['validate', 'workflows.txt'], { 'workflows.txt': ERROR })).toMatchObject({ exitCode: 1 })
  })

  it('leaves the file count out when the command names one file, as before', async () => {
    expect((await run(['validate', 'one.cai'], { 'one.cai': CLEAN })).stdout).toBe('0 workflows, 1 job: 0 errors, 0 warnings\n')
    expect((await run(['validate', 'dir'], { 'dir/one.cai': CLEAN })).stdout).toBe('1 file, 0 workflows, 1 job: 0 errors, 0 warnings\n')
  })

  it('refuses a missing operand or a directory without .cai files before reading anything', async () => {
    for (const [args, message] of [
      [['validate', 'a.cai', 'missing.cai'], 'codeai: cannot read missing.cai: no such file\n'],
      [['validate', 'a.cai', 'empty'], 'codeai: no .cai file in empty\n'],
      [['validate', 'a.cai', '-'], "codeai: '-' (standard input) cannot be combined with other files (see codeai --help)\n"],
    ] as const) {
      const result = await run([...args], { 'a.cai': ERROR, 'empty/readme.md': '' })
      expect(result, args.join(' ')).toMatchObject({ exitCode: 2, stdout: '', stderr: message })
    }
  })

  it('goes on past a file it cannot read, and exits 2', async () => {
    const result = await run(['validate', 'd'], { 'd/a.cai': ERROR, 'd/b.cai': new Uint8Array([0x6a, 0x6f, 0x62, 0xe9]), 'd/c.cai': CLEAN })
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toBe('codeai: cannot read d/b.cai: not UTF-8 (first bad byte at offset 3)\n')
    expect(result.stdout).toMatch(/^d\/a\.cai:3:8: error: .*\n2 files, 0 workflows, 2 jobs: 1 error, 0 warnings\n$/)
  })
})

describe('codeai format on several files and directories', () => {
  it('--check reports each file and a summary, and exits 1 when one would change', async () => {
    const result = await run(['format', '--check', 'src'], { 'src/a.cai': CLEAN, 'src/b.cai': MESSY, 'src/c.cai': SYNTAX_ERROR })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe('src/a.cai: already formatted\n3 files: 1 already formatted, 1 not formatted, 1 with syntax errors\n')
    expect(result.stderr).toMatch(
      /^src\/b\.cai: not formatted \(run: codeai format --write src\/b\.cai\)\nsrc\/c\.cai:2:2: error: .*\nsrc\/c\.cai: not checked because of syntax errors\n$/,
    )
    expect(result.writes).toEqual([])
  })

  it('--check exits 0 and says "already formatted" when nothing would change', async () => {
    const result = await run(['format', '--check', 'a.cai', 'b.cai'], { 'a.cai': CLEAN, 'b.cai': WARNING })
    expect(result).toMatchObject({
      exitCode: 0,
      stdout: 'a.cai: already formatted\nb.cai: already formatted\n2 files: 2 already formatted\n',
      stderr: '',
    })
  })

  it('--write rewrites only the files that change and never one with syntax errors', async () => {
    const result = await run(['format', '--write', 'src'], { 'src/a.cai': CLEAN, 'src/b.cai': MESSY, 'src/c.cai': SYNTAX_ERROR })
    expect(result.writes).toEqual([['src/b.cai', CLEAN]])
    expect(result.stdout).toBe('src/a.cai: already formatted\nsrc/b.cai: reformatted\n3 files: 1 already formatted, 1 reformatted, 1 with syntax errors\n')
    expect(result.exitCode).toBe(1)
    expect(result.text('src/c.cai')).toBe(SYNTAX_ERROR)
  })

  it('refuses to print several files or a directory to stdout', async () => {
    for (const args of [['format', 'a.cai', 'b.cai'], ['format', 'dir']]) {
      const result = await run(args, { 'a.cai': CLEAN, 'b.cai': CLEAN, 'dir/c.cai': CLEAN })
      expect(result).toMatchObject({ exitCode: 2, stdout: '' })
      expect(result.stderr).toContain("'format' prints one FILE; use --check or --write")
    }
  })

  it('treats a missing final newline as a formatting difference only, never an error', async () => {
    const noNewline = CLEAN.slice(0, -1)
    expect(await run(['validate', 'n.cai'], { 'n.cai': noNewline })).toMatchObject({ exitCode: 0, stdout: '0 workflows, 1 job: 0 errors, 0 warnings\n' })
    expect(await run(['format', '--check', 'n.cai'], { 'n.cai': noNewline })).toMatchObject({ exitCode: 1, stderr: 'n.cai: not formatted (run: codeai format --write n.cai)\n' })
    const written = await run(['format', '--write', 'n.cai'], { 'n.cai': noNewline })
    expect(written).toMatchObject({ exitCode: 0, stdout: 'n.cai: reformatted\n', writes: [['n.cai', CLEAN]] })
  })
})

describe('codeai validate examples/ (the real process)', () => {
  beforeAll(ensureBundle, 120_000)

  function caiFiles(dir: string): string[] {
    return readdirSync(join(ROOT, dir), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((entry) => (entry.isDirectory() ? caiFiles(`${dir}/${entry.name}`) : entry.name.endsWith('.cai') ? [`${dir}/${entry.name}`] : []))
  }

  it('checks the whole folder in one call: every file in order, one summary, exit 1 for the invalid examples', { timeout: 60_000 }, () => {
    const result = codeai(['validate', 'examples/'])
    const files = caiFiles('examples')
    const expected = files
      .map((path) => validateCommand(path, readFileSync(join(ROOT, path), 'utf8')).stdout.replace(/[^\n]*\n$/, ''))
      .join('')
    expect(result.stderr).toBe('')
    expect(result.stdout.startsWith(expected)).toBe(true)
    expect(result.stdout.slice(expected.length)).toMatch(new RegExp(`^${files.length} files, \\d+ workflows, \\d+ jobs: [1-9]\\d* errors?, \\d+ warnings?(, \\d+ info)?\\n$`))
    expect(result.exitCode).toBe(1)
  })
})
