import type { CaiDocument, Retry, StringProp } from '../model'
import { revise } from './nodes'
import { updateJob, updateWorkflow } from './paths'
import { isRefusal, refuse, type OpResult, type Refusal } from './result'
import type { RetryOwner } from './retry'

/**
 * Removing a statement whose value is empty (`timeout ""`, a job's
 * `schedule ""` or `queue ""`, a retry's `initial_interval ""`): CodeAI
 * accepts and skips it (spec section 4) and the validator warns with code
 * `value-empty`. Removing it changes nothing CodeAI does, so it is the fix
 * the inspector offers. Like every removal of a statement, its own comments
 * go with it (undo brings them back). Only an empty statement is removed: a
 * value written in the meantime is refused, never deleted.
 */
export type EmptyStatement =
  | { workflow: string; statement: 'timeout' }
  | { job: string; statement: 'schedule' | 'queue' }
  | { owner: RetryOwner; statement: 'initial_interval' }

export function removeEmptyValue(doc: CaiDocument, target: EmptyStatement): OpResult {
  const without = (prop: StringProp | undefined, owner: string): Refusal | undefined => {
    if (!prop) return refuse(`${owner} has no ${target.statement} statement`)
    if (prop.value !== '') return refuse(`${owner}: ${target.statement} "${prop.value}" is not empty, so it was not removed`)
    return undefined
  }
  const retryWithout = (retry: Retry | undefined, owner: string): Retry | Refusal => {
    return without(retry?.initialInterval, `${owner}'s retry policy`) ?? revise(retry as Retry, { initialInterval: undefined })
  }
  if ('owner' in target) {
    const { owner } = target
    if ('workflow' in owner) {
      return updateWorkflow(doc, owner.workflow, (workflow) => {
        const retry = retryWithout(workflow.retry, `workflow ${workflow.name}`)
        return isRefusal(retry) ? retry : revise(workflow, { retry })
      })
    }
    return updateJob(doc, owner.job, (job) => {
      const retry = retryWithout(job.retry, `job ${job.name}`)
      return isRefusal(retry) ? retry : revise(job, { retry })
    })
  }
  if ('workflow' in target) {
    return updateWorkflow(doc, target.workflow, (workflow) => without(workflow.timeout, `workflow ${workflow.name}`) ?? revise(workflow, { timeout: undefined }))
  }
  const field = target.statement
  return updateJob(doc, target.job, (job) => without(job[field], `job ${job.name}`) ?? revise(job, { [field]: undefined }))
}
