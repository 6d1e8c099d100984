/** Workflows for the diagram tests, parsed from .cai text (the picture is drawn from what the parser gives). */
import { parse } from '../language/parse'
import type { Workflow } from '../language/model'

export function parseWorkflows(text: string): Workflow[] {
  const { doc, diagnostics } = parse(text)
  const errors = diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) throw new Error(`test text does not parse: ${errors.map((e) => e.message).join('; ')}`)
  return doc.items.filter((item): item is Workflow => item.kind === 'workflow')
}

export const parseWorkflow = (text: string): Workflow => parseWorkflows(text)[0]

/** Steps as text: a name alone is `NAME { activity "svc.NAME" }`; an array is a parallel block. */
export function workflowText(name: string, entries: Array<string | string[]>, extra = ''): string {
  const step = (s: string, indent: string) => `${indent}${s} { activity "svc.${s}" }\n`
  const body = entries
    .map((entry) => (typeof entry === 'string' ? step(entry, '    ') : `    parallel {\n${entry.map((s) => step(s, '      ')).join('')}    }\n`))
    .join('')
  return `workflow ${name} {\n  trigger manual\n${extra}  steps {\n${body}  }\n}\n`
}
