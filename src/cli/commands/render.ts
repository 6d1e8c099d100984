/**
 * `codeai render FILE [--workflow NAME] [--jobs] [--theme light|dark] [-o OUT.svg]`:
 * the canvas picture as a standalone SVG, without a browser (src/diagram).
 * Every workflow side by side, or the one named, or the jobs board. Exit 0
 * drawn; 1 the workflow asked for has syntax errors (nothing drawn), or a
 * workflow was left out for its syntax errors; 2 bad usage or an unreadable file.
 */
import { jobsSvg } from '../../diagram/jobs-svg'
import { workflowsSvg } from '../../diagram/svg'
import { DARK_THEME, LIGHT_THEME } from '../../diagram/theme'
import type { Job, Workflow } from '../../language/model'
import { parse } from '../../language/parse'
import { EXIT_OK, EXIT_PROBLEMS, parseArgs, UsageError, type Command } from '../command'
import { readCaiText, themeOption } from '../render-options'
import { writeSource } from '../sources'

export const command: Command = {
  name: 'render',
  usage: 'FILE',
  summary: 'Draw the workflows of FILE as a standalone SVG, without a browser.',
  options: [
    ['--workflow NAME', 'Only that workflow.'],
    ['--jobs', 'The jobs board instead.'],
    ['--data-flow', 'Also draw which step reads which step\'s output.'],
    ['--theme dark', 'Dark colours (default: light).'],
    ['-o OUT.svg', 'Write to OUT.svg instead of standard output.'],
  ],
  async run(args, io) {
    const parsed = parseArgs('render', args, { values: ['--workflow', '-o', '--output', '--theme'], flags: ['--jobs', '--data-flow'] })
    if (parsed.operands.length !== 1) throw new UsageError(`'render' takes one FILE, got ${parsed.operands.length}`)
    const theme = themeOption(parsed.values.get('--theme'))
    const wanted = parsed.values.get('--workflow')
    if (wanted !== undefined && parsed.flags.has('--jobs')) throw new UsageError("'--workflow' and '--jobs' cannot be used together")
    const path = parsed.operands[0]
    const { doc } = parse(readCaiText(path, io))
    const options = { theme: theme === 'dark' ? DARK_THEME : LIGHT_THEME, dataFlow: parsed.flags.has('--data-flow') }
    const broken = doc.items.flatMap((item) => (item.kind === 'broken' ? [`${item.declaration} ${item.name ?? '(unnamed)'}`] : []))

    let svg: string
    if (parsed.flags.has('--jobs')) {
      svg = jobsSvg(
        doc.items.filter((item): item is Job => item.kind === 'job'),
        { now: new Date(), theme: options.theme },
      )
    } else {
      const workflows = doc.items.filter((item): item is Workflow => item.kind === 'workflow')
      if (wanted !== undefined) {
        const workflow = workflows.find((w) => w.name === wanted)
        if (!workflow) {
          if (broken.includes(`workflow ${wanted}`)) {
            io.stderr(`${path}: workflow ${wanted} has syntax errors: run codeai validate ${path}\n`)
            return EXIT_PROBLEMS
          }
          const names = workflows.map((w) => w.name)
          throw new UsageError(`${path} has no workflow '${wanted}'${names.length > 0 ? ` (it has: ${names.join(', ')})` : ''}`)
        }
        svg = workflowsSvg([workflow], options)
      } else svg = workflowsSvg(workflows, options)
    }

    const out = parsed.values.get('-o') ?? parsed.values.get('--output')
    if (out === undefined) io.stdout(svg)
    else writeSource(out, svg, io)
    const left = wanted === undefined ? broken : []
    if (left.length > 0) io.stderr(`${path}: left out for syntax errors: ${left.join(', ')} (run codeai validate ${path})\n`)
    return left.length > 0 ? EXIT_PROBLEMS : EXIT_OK
  },
}
