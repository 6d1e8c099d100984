/** What the canvas search finds: steps, workflows and jobs whose name or activity contains the query. */
import { allSteps } from '../language/locate'
import type { CaiDocument } from '../language/model'
import { jobNodeId, stepNodeId } from '../store/node-ids'

export interface SearchHit {
  kind: 'workflow' | 'step' | 'job'
  name: string
  /** Where it is and what it runs: "in order_fulfillment, activity inventory.check". */
  detail: string
  workflow?: string
  /** The node to select; none for a workflow (it is shown, not selected). */
  nodeId?: string
}

export function searchDocument(doc: CaiDocument, query: string): SearchHit[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return []
  const found = (...texts: (string | undefined)[]) => texts.some((text) => text?.toLowerCase().includes(needle))
  const hits: SearchHit[] = []
  for (const item of doc.items) {
    if (item.kind === 'workflow') {
      if (found(item.name)) hits.push({ kind: 'workflow', name: item.name, detail: 'workflow', workflow: item.name })
      for (const step of allSteps(item)) {
        const activity = step.activity?.value
        if (found(step.name, activity)) {
          hits.push({
            kind: 'step',
            name: step.name,
            detail: `step in ${item.name}${activity ? `, activity ${activity}` : ''}`,
            workflow: item.name,
            nodeId: stepNodeId(item.name, step.name),
          })
        }
      }
    } else if (item.kind === 'job') {
      const task = item.task.value
      if (found(item.name, task)) hits.push({ kind: 'job', name: item.name, detail: `job${task ? `, task ${task}` : ''}`, nodeId: jobNodeId(item.name) })
    }
  }
  return hits
}
