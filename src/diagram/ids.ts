/**
 * React Flow node ids, a stable contract with the end-to-end tests:
 * a step `<workflow>/<step>`, the trigger `<workflow>/@trigger`, the end
 * `<workflow>/@end`, the n-th parallel block (from 0) `<workflow>/@parallel-<n>`,
 * a job card `@job/<job>`.
 */
export const stepNodeId = (workflow: string, step: string) => `${workflow}/${step}`
export const triggerNodeId = (workflow: string) => `${workflow}/@trigger`
export const endNodeId = (workflow: string) => `${workflow}/@end`
export const parallelNodeId = (workflow: string, index: number) => `${workflow}/@parallel-${index}`
export const jobNodeId = (job: string) => `@job/${job}`

export type NodeRef =
  | { kind: 'step'; workflow: string; step: string }
  | { kind: 'trigger' | 'end'; workflow: string }
  | { kind: 'parallel'; workflow: string; index: number }
  | { kind: 'job'; job: string }

export function parseNodeId(id: string): NodeRef | undefined {
  if (id.startsWith('@job/')) return { kind: 'job', job: id.slice(5) }
  const slash = id.indexOf('/')
  if (slash < 0) return undefined
  const workflow = id.slice(0, slash)
  const rest = id.slice(slash + 1)
  if (rest === '@trigger') return { kind: 'trigger', workflow }
  if (rest === '@end') return { kind: 'end', workflow }
  const parallel = /^@parallel-(\d+)$/.exec(rest)
  if (parallel) return { kind: 'parallel', workflow, index: Number(parallel[1]) }
  return { kind: 'step', workflow, step: rest }
}
