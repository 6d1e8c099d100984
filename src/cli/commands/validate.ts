/** `codeai validate FILE|DIR...`: every diagnostic of every file, then one summary line. */
import type { CaiDocument, Diagnostic } from '../../language/model'
import { parse } from '../../language/parse'
import { validate } from '../../language/validate'
import { CliError, errorLine, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parseArgs, plural, type Command } from '../command'
import { formatDiagnostics, sortDiagnostics } from '../diagnostics'
import { collectFiles, readSource } from '../sources'

export const command: Command = {
  name: 'validate',
  usage: 'FILE|DIR...',
  summary: 'Report syntax errors, errors, warnings and information in each file.',
  async run(args, io) {
    const { operands } = parseArgs('validate', args)
    const files = collectFiles('validate', operands, io)
    const total: Counts = { files: 0, workflows: 0, jobs: 0, errors: 0, warnings: 0, infos: 0 }
    let exitCode = EXIT_OK
    for (const path of files.paths) {
      let source
      try {
        source = readSource(path, io)
      } catch (error) {
        if (!(error instanceof CliError)) throw error
        io.stderr(errorLine(error))
        exitCode = EXIT_USAGE
        continue
      }
      const checked = checkText(source.text)
      io.stdout(formatDiagnostics(source.name, checked.diagnostics))
      addCounts(total, checked)
    }
    if (total.files > 0) io.stdout(summaryLine(total, !files.single) + '\n')
    return Math.max(exitCode, total.errors > 0 ? EXIT_PROBLEMS : EXIT_OK)
  },
}

export interface Counts {
  files: number
  workflows: number
  jobs: number
  errors: number
  warnings: number
  infos: number
}

interface Checked {
  /** Sorted by position. */
  diagnostics: Diagnostic[]
  doc: CaiDocument
}

/** Parses and validates one file's text. */
export function checkText(text: string): Checked {
  const { doc, diagnostics } = parse(text)
  return { doc, diagnostics: sortDiagnostics([...diagnostics, ...validate(doc, text)]) }
}

function addCounts(total: Counts, { doc, diagnostics }: Checked): void {
  total.files++
  for (const item of doc.items) {
    // A declaration broken by a syntax error still counts as what it declares.
    const declaration = item.kind === 'broken' ? item.declaration : item.kind
    if (declaration === 'workflow') total.workflows++
    else if (declaration === 'job') total.jobs++
  }
  for (const d of diagnostics) {
    if (d.severity === 'error') total.errors++
    else if (d.severity === 'warning') total.warnings++
    else total.infos++
  }
}

/**
 * `12 files, 3 workflows, 7 jobs: 0 errors, 2 warnings` (information counted
 * only when present; the file count only when `withFiles`).
 */
export function summaryLine(counts: Counts, withFiles: boolean): string {
  const found = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')]
  if (counts.infos > 0) found.push(`${counts.infos} info`)
  const what = [plural(counts.workflows, 'workflow'), plural(counts.jobs, 'job')]
  if (withFiles) what.unshift(plural(counts.files, 'file'))
  return `${what.join(', ')}: ${found.join(', ')}`
}

/** What `codeai validate FILE` prints for one file's text, and its exit code. */
export function validateCommand(fileName: string, text: string): { stdout: string; exitCode: number } {
  const checked = checkText(text)
  const counts: Counts = { files: 0, workflows: 0, jobs: 0, errors: 0, warnings: 0, infos: 0 }
  addCounts(counts, checked)
  return {
    stdout: formatDiagnostics(fileName, checked.diagnostics) + summaryLine(counts, false) + '\n',
    exitCode: counts.errors > 0 ? EXIT_PROBLEMS : EXIT_OK,
  }
}
