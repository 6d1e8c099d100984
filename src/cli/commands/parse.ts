/** `codeai parse FILE`: the document as JSON, or its syntax errors. */
import { parse } from '../../language/parse'
import { EXIT_OK, EXIT_PROBLEMS, parseArgs, UsageError, type Command } from '../command'
import { errorsOf, formatDiagnostics } from '../diagnostics'
import { documentToJson, formatJson } from '../json'
import { readSource } from '../sources'

export const command: Command = {
  name: 'parse',
  usage: 'FILE',
  summary: 'Print the workflows, jobs and other blocks of FILE as JSON.',
  async run(args, io) {
    const { operands } = parseArgs('parse', args)
    if (operands.length !== 1) {
      throw new UsageError(operands.length === 0 ? "'parse' needs a FILE" : `'parse' takes one FILE, got ${operands.length}`)
    }
    const source = readSource(operands[0], io)
    const { doc, diagnostics } = parse(source.text)
    const syntaxErrors = errorsOf(diagnostics)
    if (syntaxErrors.length > 0) {
      io.stderr(formatDiagnostics(source.name, syntaxErrors))
      return EXIT_PROBLEMS
    }
    io.stdout(formatJson(documentToJson(doc)) + '\n')
    return EXIT_OK
  },
}
