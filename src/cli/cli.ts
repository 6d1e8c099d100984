/**
 * `codeai ARGS`: finds the command, answers --help and --version, and turns
 * a CliError into one line on stderr with exit code 2.
 */
import { CliError, errorLine, EXIT_OK, EXIT_USAGE, UsageError, type Command } from './command'
import { COMMANDS } from './commands'
import type { CliIO } from './io'

const HELP_FLAGS = ['-h', '--help']

/** Runs one command line (without `node` and the script name) and resolves to its exit code. */
export async function runCli(args: readonly string[], io: CliIO, version: () => string): Promise<number> {
  try {
    const [first, ...rest] = args
    if (first === undefined || first === '--') throw new UsageError('missing command')
    if (HELP_FLAGS.includes(first) || first === 'help') {
      const named = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined
      io.stdout(named ? commandHelp(named) : usage())
      return EXIT_OK
    }
    if (first === '-v' || first === '--version') {
      io.stdout(`codeai ${version()}\n`)
      return EXIT_OK
    }
    const command = COMMANDS.find((c) => c.name === first)
    if (!command) throw new UsageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`)
    const end = rest.indexOf('--')
    if ((end < 0 ? rest : rest.slice(0, end)).some((arg) => HELP_FLAGS.includes(arg))) {
      io.stdout(commandHelp(command))
      return EXIT_OK
    }
    return await command.run(rest, io)
  } catch (error) {
    if (!(error instanceof CliError)) throw error
    io.stderr(errorLine(error))
    return EXIT_USAGE
  }
}

const FOOTER = `FILE may be - to read standard input. A DIR stands for every *.cai file below
it, in name order, skipping node_modules and directories starting with a dot.
A file that is not UTF-8 is refused and never written.

Exit codes: 0 success; 1 problems found (an error, or with --check a file not
in canonical layout); 2 bad usage, or a file that cannot be read or written.
`

export function usage(): string {
  const lines = ['Usage: codeai <command> [options] FILE|DIR...', '', 'Commands:']
  for (const command of COMMANDS) lines.push(...commandLines(command))
  lines.push(
    '  help [COMMAND]',
    '      Show this help, or the help of one command.',
    '',
    'Options:',
    '  -h, --help        Show this help.',
    '  -v, --version     Show the version.',
    '  --                End of options: what follows are files, even if they start with -.',
    '',
  )
  return lines.join('\n') + '\n' + FOOTER
}

/** Options line up in one column, two spaces past the longest. */
function optionLines(options: readonly (readonly [string, string])[], indent: string): string[] {
  const width = Math.max(...options.map(([option]) => option.length)) + 2
  return options.map(([option, text]) => `${indent}${option.padEnd(width)}${text}`)
}

function commandHelp(command: Command): string {
  const lines = [`Usage: codeai ${command.name} ${command.usage}`, '', command.summary, '']
  if (command.options) lines.push('Options:', ...optionLines(command.options, '  '), '')
  return lines.join('\n') + '\n' + FOOTER
}

function commandLines(command: Command): string[] {
  return [
    `  ${command.name} ${command.usage}`,
    `      ${command.summary}`,
    ...optionLines(command.options ?? [], '      '),
  ]
}
