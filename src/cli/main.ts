/** Entry point of the `codeai` command (run by bin/codeai): process I/O only. */
import { readFileSync, writeFileSync } from 'node:fs'
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

try {
  const result = runCli(process.argv.slice(2), nodeIO, packageVersion())
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
  process.exitCode = result.exitCode
} catch (error) {
  // A bug, not a user mistake: one line, no stack trace, a distinct exit code.
  process.stderr.write(`codeai: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 3
}
