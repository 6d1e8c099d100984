/** Entry point of the `codeai` command (run by bin/codeai): process I/O only. */
import { readFileSync, writeFileSync } from 'node:fs'
import type { CommandIO } from './command-io'
import { runCli, type CliIO } from './commands'

const nodeIO: CliIO = {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
}

function packageVersion(): string {
  const packageJson = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  return (JSON.parse(packageJson) as { version: string }).version
}

/** A bug, not a user mistake: one line, no stack trace, a distinct exit code. */
function internalError(error: unknown): void {
  process.stderr.write(`codeai: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 3
}

// `diff` and `render` are modules of their own (src/cli/diff.ts, render.ts), asynchronous, writing as they go.
const commandModules = { diff: () => import('./diff'), render: () => import('./render') } as const
const commandIO: CommandIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: nodeIO.readFile,
  writeFile: nodeIO.writeFile,
}

const command = process.argv[2]
if (command === 'diff' || command === 'render') {
  commandModules[command]()
    .then((module) => module.run(process.argv.slice(3), commandIO))
    .then((code) => (process.exitCode = code), internalError)
} else {
  try {
    const result = runCli(process.argv.slice(2), nodeIO, packageVersion())
    process.stdout.write(result.stdout)
    process.stderr.write(result.stderr)
    process.exitCode = result.exitCode
  } catch (error) {
    internalError(error)
  }
}
