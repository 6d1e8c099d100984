/**
 * A review in words: one line per change, grouped by workflow, job and
 * block (`codeai diff`), and as a pull-request comment in Markdown.
 */
import type { Change, DocumentDiff, FieldChange, Place } from './changes'

export function describePlace(place: Place): string {
  return place.branch === undefined ? `step ${place.entry}` : `branch ${place.branch} of the parallel block at step ${place.entry}`
}

const quoted = (value: string) => JSON.stringify(value)

function describeField(field: FieldChange): string {
  const label = field.field.startsWith('input.') ? `input ${field.field.slice(6)}` : field.field.replace('.', ' ')
  let line: string
  if (field.before === undefined) line = `${label} added: ${quoted(field.after ?? '')}`
  else if (field.after === undefined) line = `${label} removed (was ${quoted(field.before)})`
  else line = `${label} ${quoted(field.before)} → ${quoted(field.after)}`
  if (field.beforeWords !== undefined || field.afterWords !== undefined) {
    const side = (words?: string, runs?: string[]) => (words === undefined ? '' : `${words}${runs && runs.length > 0 ? ` (next: ${runs.join(', ')})` : ''}`)
    line += `; was ${side(field.beforeWords, field.beforeRuns) || 'none'}, now ${side(field.afterWords, field.afterRuns) || 'none'}`
  }
  return line
}

/** One change in plain words, without its workflow or job (the group heading names it). */
export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'workflow-added':
      return 'workflow added'
    case 'workflow-removed':
      return 'workflow removed'
    case 'workflow-changed':
      return `changed ${change.fields.map(describeField).join('; ')}`
    case 'step-added':
      return `added step ${change.step} (${describePlace(change.place)})`
    case 'step-removed':
      return `removed step ${change.step} (was ${describePlace(change.place)})`
    case 'step-changed':
      return `changed step ${change.step}: ${change.fields.map(describeField).join('; ')}`
    case 'step-moved':
      return `moved step ${change.step} from ${describePlace(change.from)} to ${describePlace(change.to)}`
    case 'step-renamed': {
      const references = change.references === 0 ? '' : `, ${change.references} ${change.references === 1 ? 'reference' : 'references'} updated`
      return `renamed step ${change.from} to ${change.to} (similarity ${change.similarity.toFixed(2)}${references})`
    }
    case 'job-added':
      return 'job added'
    case 'job-removed':
      return 'job removed'
    case 'job-changed':
      return `changed ${change.fields.map(describeField).join('; ')}`
    case 'block-added':
      return 'block added'
    case 'block-removed':
      return 'block removed'
    case 'block-changed':
      return 'block changed'
    case 'not-comparable':
      return `not comparable: syntax errors in the ${change.broken === 'both' ? 'two versions' : `${change.broken} version`}: ${change.errors.join('; ') || 'unreadable'}`
  }
}

/** The heading a change is grouped under: `workflow NAME`, `job NAME`, or the block's heading. */
export function changeGroup(change: Change): string {
  if ('workflow' in change) return `workflow ${change.workflow}`
  if ('job' in change) return `job ${change.job}`
  if ('block' in change) return change.block
  return `${change.declaration} ${change.name}`
}

function groups(diff: DocumentDiff): Array<{ heading: string; lines: string[] }> {
  const byHeading = new Map<string, string[]>()
  for (const change of diff.changes) {
    const heading = changeGroup(change)
    const lines = byHeading.get(heading) ?? []
    lines.push(describeChange(change))
    byHeading.set(heading, lines)
  }
  return [...byHeading].map(([heading, lines]) => ({ heading, lines }))
}

/** The verdict in one line. */
export function summaryLine(diff: DocumentDiff): string {
  if (diff.meaning === 'different') return `${diff.changes.length} ${diff.changes.length === 1 ? 'change' : 'changes'} in meaning`
  if (diff.cosmetic.length === 0) return 'No change'
  return `No change in meaning (only ${diff.cosmetic.join(' and ')} changed)`
}

/** Plain text: each group's heading, then its changes indented, one per line; the verdict last. */
export function diffAsText(diff: DocumentDiff): string {
  const lines: string[] = []
  for (const group of groups(diff)) {
    lines.push(`${group.heading}:`)
    for (const line of group.lines) lines.push(`  ${line}`)
  }
  lines.push(summaryLine(diff))
  return `${lines.join('\n')}\n`
}

/** Markdown text is escaped so a name or value can never become a link, an image or HTML in the comment. */
function markdownEscape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ')
}

const COUNTED: Array<[string, (change: Change) => boolean]> = [
  ['Added', (c) => c.kind.endsWith('-added')],
  ['Removed', (c) => c.kind.endsWith('-removed')],
  ['Changed', (c) => c.kind.endsWith('-changed')],
  ['Moved', (c) => c.kind === 'step-moved'],
  ['Renamed', (c) => c.kind === 'step-renamed'],
  ['Not comparable', (c) => c.kind === 'not-comparable'],
]

/** A pull-request comment: a heading with the verdict, a summary table, and the changes by workflow and job. */
export function diffAsMarkdown(diff: DocumentDiff, title = 'CodeAI workflow changes'): string {
  const lines = [`### ${markdownEscape(title)}`, '', `**${markdownEscape(summaryLine(diff))}**`, '']
  if (diff.changes.length > 0) {
    lines.push('| Added | Removed | Changed | Moved | Renamed | Not comparable |', '|---:|---:|---:|---:|---:|---:|')
    lines.push(`| ${COUNTED.map(([, test]) => diff.changes.filter(test).length).join(' | ')} |`, '')
    for (const group of groups(diff)) {
      lines.push(`**${markdownEscape(group.heading)}**`, '')
      for (const line of group.lines) lines.push(`- ${markdownEscape(line)}`)
      lines.push('')
    }
  }
  return `${lines.join('\n').trimEnd()}\n`
}
