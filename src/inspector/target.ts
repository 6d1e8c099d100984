/** What the inspector shows: the selected node's declaration or step, and whether it may be edited. */
import { stepsNamed } from '../language/locate'
import type { CaiDocument, Diagnostic, Job, Step, TopItem, Workflow } from '../language/model'
import { parseNodeId } from '../store/node-ids'

export type InspectorTarget =
  | { kind: 'workflow'; workflow: Workflow; readOnly?: string }
  | { kind: 'step'; workflow: Workflow; step: Step; readOnly?: string }
  | { kind: 'job'; job: Job; readOnly?: string }
  /** Nothing to show; `message` says why. */
  | { kind: 'none'; message: string }

export interface Selection {
  doc: CaiDocument
  diagnostics: readonly Diagnostic[]
  /** The last good parse of each declaration (store.lastGood), shown read-only while it is broken. */
  lastGood: Readonly<Record<string, Workflow | Job>>
  selectedNodeId: string | null
  selectedWorkflow: string | null
}

const NOTHING = 'Select a step, a workflow or a job to see its details here.'

/**
 * The selected node (a step, or a job), else the workflow of the selected
 * node, else the selected workflow. A declaration the operations cannot edit
 * (broken, or sharing its name) is shown read-only, with the reason.
 */
export function inspectorTarget(selection: Selection): InspectorTarget {
  const ref = selection.selectedNodeId === null ? undefined : parseNodeId(selection.selectedNodeId)
  if (ref?.kind === 'job') {
    const found = findDeclaration(selection, 'job', ref.job)
    return 'message' in found ? { kind: 'none', message: found.message } : { kind: 'job', job: found.item as Job, readOnly: found.readOnly }
  }
  const workflowName = ref?.workflow ?? selection.selectedWorkflow
  if (workflowName === null) return { kind: 'none', message: NOTHING }
  const found = findDeclaration(selection, 'workflow', workflowName)
  if ('message' in found) return { kind: 'none', message: found.message }
  const workflow = found.item as Workflow
  if (ref?.kind === 'step') {
    const steps = stepsNamed(workflow, ref.step)
    if (steps.length > 0) {
      const duplicate =
        steps.length > 1 ? `There are ${steps.length} steps named "${ref.step}" in this workflow: rename one in the text first.` : undefined
      return { kind: 'step', workflow, step: steps[0], readOnly: found.readOnly ?? duplicate }
    }
  }
  return { kind: 'workflow', workflow, readOnly: found.readOnly }
}

type Found = { item: Workflow | Job; readOnly?: string } | { message: string }

function findDeclaration(selection: Selection, kind: 'workflow' | 'job', name: string): Found {
  const matches = selection.doc.items.filter(
    (item) => (item.kind === kind || (item.kind === 'broken' && item.declaration === kind)) && item.name === name,
  )
  if (matches.length === 0) return { message: NOTHING }
  const parsed = matches.find((item): item is Workflow | Job => item.kind === kind)
  if (matches.length > 1) {
    const readOnly = `There are ${matches.length} ${kind}s named "${name}": rename one in the text first.`
    return parsed ? { item: parsed, readOnly } : { message: readOnly }
  }
  if (parsed) return { item: parsed }
  const reason = brokenReason(matches[0], kind, name, selection.diagnostics)
  const lastGood = selection.lastGood[`${kind}:${name}`]
  return lastGood ? { item: lastGood, readOnly: `${reason} Showing it as it last parsed.` } : { message: reason }
}

/** Why a broken declaration cannot be edited here, naming its first syntax error. */
function brokenReason(item: TopItem, kind: string, name: string, diagnostics: readonly Diagnostic[]): string {
  const span = item.span
  const first = span && diagnostics.find((d) => d.severity === 'error' && d.span.start >= span.start && d.span.start <= span.end)
  const where = first ? ` (line ${first.start.line}: ${first.message})` : ''
  return `The ${kind} ${name} has syntax errors${where}; fix them in the text to edit it here.`
}
