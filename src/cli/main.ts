/**
 * Entry point of the `codeai` command (bundled to dist-cli/codeai.mjs, run by
 * bin/codeai): the process's own input and output, nothing else.
 */
import { readFileSync } from 'node:fs'
import { runCli } from './cli'
import { nodeIO } from './node-io'

/**
 * A closed pipe (`codeai validate . | head -1`) is not an error: the rest of
 * the output is dropped and the command ends with the status it would have
 * had. Node ignores SIGPIPE, so a write to a closed pipe fails with EPIPE,
 * reported on the stream's 'error' event; with no listener it would crash
 * with a stack trace.
 */
function quietWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!open) return
    open = false
    if (error.code !== 'EPIPE' && stream !== process.stderr) {
      process.stderr.write(`codeai: cannot write the output: ${error.message}\n`)
      process.exitCode = 2
    }
  })
  return (text) => {
    if (open && text !== '') stream.write(text)
  }
}

/** The bundle sits in dist-cli/, the source in src/cli/: package.json is one or two levels up. */
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string }
      if (json.name === 'cai-designer' && json.version) return json.version
    } catch {
      // Not this level.
    }
  }
  return 'unknown'
}

async function main(): Promise<void> {
  const io = nodeIO({ stdout: quietWriter(process.stdout), stderr: quietWriter(process.stderr) })
  try {
    const exitCode = await runCli(process.argv.slice(2), io, packageVersion)
    // An output error seen while running (exit code 2) wins over the command's own status.
    process.exitCode = Math.max(exitCode, Number(process.exitCode ?? 0))
  } catch (error) {
    // A bug, not a user mistake: one line, no stack trace, a distinct exit code.
    io.stderr(`codeai: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 3
  }
}

void main()
