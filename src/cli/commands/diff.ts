/**
 * `codeai diff BEFORE AFTER [--format text|json|markdown] [--svg OUT.svg]`:
 * what changed in meaning between two versions of a .cai file (src/review),
 * in plain words grouped by workflow and job, as JSON for tools, or as a
 * pull-request comment in Markdown; `--svg` also draws the after version with
 * the changes marked. Exit 0 same meaning, 1 different, 2 bad usage or an
 * unreadable file.
 */
import { workflowsSvg } from '../../diagram/svg'
import { DARK_THEME, LIGHT_THEME } from '../../diagram/theme'
import type { Workflow } from '../../language/model'
import { parse } from '../../language/parse'
import { diffAsMarkdown, diffAsText, diffDocuments, reviewMarks, type DocumentDiff } from '../../review'
import { EXIT_OK, EXIT_PROBLEMS, parseArgs, UsageError, type Command } from '../command'
import { readCaiText, themeOption } from '../render-options'
import { writeSource } from '../sources'

const FORMATS = ['text', 'json', 'markdown'] as const

export const command: Command = {
  name: 'diff',
  usage: 'BEFORE AFTER',
  summary: 'What changed in meaning between two versions, one change per line by workflow and job; exit 1 when the meaning differs.',
  options: [
    ['--format F', 'text (default), json, or markdown (a pull-request comment).'],
    ['--svg OUT.svg', 'Also draw the after version with the changes marked.'],
    ['--theme dark', 'Dark colours for --svg (default: light).'],
  ],
  async run(args, io) {
    const parsed = parseArgs('diff', args, { values: ['--format', '--svg', '--theme'] })
    if (parsed.operands.length !== 2) throw new UsageError(`'diff' takes two files, BEFORE and AFTER, got ${parsed.operands.length}`)
    const format = parsed.values.get('--format') ?? 'text'
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`'--format' is text, json or markdown, not '${format}'`)
    const theme = themeOption(parsed.values.get('--theme'))
    const [beforePath, afterPath] = parsed.operands
    const beforeText = readCaiText(beforePath, io)
    const afterText = readCaiText(afterPath, io)
    const afterParsed = parse(afterText)
    const diff = diffDocuments(beforeText, { text: afterText, parsed: afterParsed })

    const svgPath = parsed.values.get('--svg')
    if (svgPath !== undefined) {
      const workflows = afterParsed.doc.items.filter((item): item is Workflow => item.kind === 'workflow')
      writeSource(svgPath, reviewSvg(diff, workflows, theme), io)
    }

    if (format === 'json') io.stdout(`${JSON.stringify(diff, null, 2)}\n`)
    else if (format === 'markdown') io.stdout(diffAsMarkdown(diff, `Changes to ${afterPath}`))
    else io.stdout(diffAsText(diff))
    return diff.meaning === 'same' ? EXIT_OK : EXIT_PROBLEMS
  },
}

/** The after version's workflows that changed (all of them when none did), with the review's marks. */
function reviewSvg(diff: DocumentDiff, workflows: readonly Workflow[], theme: 'light' | 'dark'): string {
  const touched = new Set(diff.changes.flatMap((change) => ('workflow' in change ? [change.workflow] : [])))
  const shown = workflows.some((w) => touched.has(w.name)) ? workflows.filter((w) => touched.has(w.name)) : workflows
  const { marks, notes } = reviewMarks(diff)
  return workflowsSvg(shown, { marks, notes, theme: theme === 'dark' ? DARK_THEME : LIGHT_THEME })
}
