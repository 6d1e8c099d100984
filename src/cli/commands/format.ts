/**
 * `codeai format`: canonical layout. Without an option it prints one FILE;
 * `--check` and `--write` take FILE|DIR... and report each file on its own
 * line (then a summary when there are several). A file with syntax errors
 * is never rewritten; a file that is not UTF-8 is never read, so never written.
 */
import { parse } from '../../language/parse'
import { print } from '../../language/print'
import { CliError, errorLine, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parseArgs, plural, UsageError, type Command } from '../command'
import { errorsOf, formatDiagnostics } from '../diagnostics'
import type { CliIO } from '../io'
import { collectFiles, readSource, STDIN, writeSource } from '../sources'

type Mode = 'print' | 'check' | 'write'

/** What happened to one file. */
type Outcome = 'already formatted' | 'not formatted' | 'reformatted' | 'syntax errors' | 'not read'

export const command: Command = {
  name: 'format',
  usage: '[--check | --write] FILE|DIR...',
  summary: 'Print FILE in canonical layout; with an option, check or rewrite files and directories.',
  options: [
    ['--check', 'Exit with code 1 if a file is not in canonical layout.'],
    ['--write', 'Rewrite each file that is not in canonical layout.'],
  ],
  async run(args, io) {
    const { flags, operands } = parseArgs('format', args, { flags: ['--check', '--write'] })
    const check = flags.has('--check')
    const write = flags.has('--write')
    if (check && write) throw new UsageError("'--write' and '--check' cannot be used together")
    const mode: Mode = write ? 'write' : check ? 'check' : 'print'
    if (write && operands.includes(STDIN)) throw new UsageError("'--write' needs files, not standard input")
    const files = collectFiles('format', operands, io)
    if (mode === 'print') {
      // Printed canonical texts one after the other could not be told apart.
      if (!files.single) throw new UsageError("'format' prints one FILE; use --check or --write for several files or a directory")
      return printOne(files.paths[0], io)
    }
    const outcomes = files.paths.map((path) => formatFile(path, mode, io))
    if (outcomes.length > 1) io.stdout(summary(outcomes) + '\n')
    if (outcomes.includes('not read')) return EXIT_USAGE
    return outcomes.some((o) => o === 'syntax errors' || o === 'not formatted') ? EXIT_PROBLEMS : EXIT_OK
  },
}

function printOne(path: string, io: CliIO): number {
  const source = readSource(path, io)
  const { doc, diagnostics } = parse(source.text)
  const syntaxErrors = errorsOf(diagnostics)
  if (syntaxErrors.length > 0) {
    io.stderr(formatDiagnostics(source.name, syntaxErrors))
    return EXIT_PROBLEMS
  }
  io.stdout(print(doc))
  return EXIT_OK
}

function formatFile(path: string, mode: 'check' | 'write', io: CliIO): Outcome {
  try {
    const source = readSource(path, io)
    const { doc, diagnostics } = parse(source.text)
    const syntaxErrors = errorsOf(diagnostics)
    if (syntaxErrors.length > 0) {
      const verb = mode === 'check' ? 'not checked' : 'not formatted'
      io.stderr(`${formatDiagnostics(source.name, syntaxErrors)}${source.name}: ${verb} because of syntax errors\n`)
      return 'syntax errors'
    }
    const formatted = print(doc)
    if (formatted === source.text) {
      io.stdout(`${source.name}: already formatted\n`)
      return 'already formatted'
    }
    if (mode === 'check') {
      io.stderr(`${source.name}: not formatted (run: codeai format --write ${source.name})\n`)
      return 'not formatted'
    }
    writeSource(path, formatted, io)
    io.stdout(`${source.name}: reformatted\n`)
    return 'reformatted'
  } catch (error) {
    if (!(error instanceof CliError)) throw error
    io.stderr(errorLine(error))
    return 'not read'
  }
}

/** `12 files: 10 already formatted, 2 not formatted`, parts in a fixed order, empty ones left out. */
function summary(outcomes: readonly Outcome[]): string {
  const order: Outcome[] = ['already formatted', 'reformatted', 'not formatted', 'syntax errors', 'not read']
  const parts = order
    .map((outcome) => [outcome, outcomes.filter((o) => o === outcome).length] as const)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => (outcome === 'syntax errors' ? `${n} with syntax errors` : `${n} ${outcome}`))
  return `${plural(outcomes.length, 'file')}: ${parts.join(', ')}`
}
