import type { CaiDocument, StringProp, Trigger, TriggerType } from '../model'
import { nameProblem, valueProblem } from './names'
import { revise, stringProp } from './nodes'
import { declarationNames, updateJob, updateStep, updateWorkflow } from './paths'
import { renameStep } from './rename'
import { refuse, type OpResult } from './result'

/**
 * Setting the fields of workflows, steps and jobs. Setting a field to its
 * current value changes nothing; a field whose value is `undefined` is
 * removed, with its comments. A changed statement keeps its comments.
 *
 * Refusals cover what cannot be written (a value with `"`, a name that is not
 * an identifier or is reserved), what collides, and removing what CodeAI
 * requires (a step's activity, a job's task). Whether a value makes sense
 * (a valid cron expression, duration, event name or queue) is left to the
 * validator, so a half-typed value can still reach the text and be explained.
 */

export type TriggerSetting = { type: 'manual' } | { type: Exclude<TriggerType, 'manual'>; value: string }

export interface WorkflowFields {
  /** Renames the workflow (no other declaration refers to it). */
  name: string
  trigger: TriggerSetting
  timeout: string | undefined
}

export interface StepFields {
  /** Renames the step as `renameStep` does, references included. */
  name: string
  activity: string
  condition: string | undefined
}

export interface JobFields {
  name: string
  schedule: string | undefined
  task: string
  queue: string | undefined
}

type Change<Fields> = { [K in keyof Fields]: { field: K; value: Fields[K] } }[keyof Fields]

export function setWorkflowField<K extends keyof WorkflowFields>(
  doc: CaiDocument,
  workflowName: string,
  field: K,
  value: WorkflowFields[K],
): OpResult {
  const change = { field, value } as Change<WorkflowFields>
  return updateWorkflow(doc, workflowName, (workflow) => {
    switch (change.field) {
      case 'name': {
        if (change.value === workflow.name) return workflow
        const problem =
          nameProblem(change.value, 'workflow') ??
          (declarationNames(doc, 'workflow').includes(change.value) ? `there is already a workflow named "${change.value}"` : undefined)
        return problem ? refuse(problem) : revise(workflow, { name: change.value })
      }
      case 'trigger': {
        const setting = change.value
        const value = setting.type === 'manual' ? undefined : setting.value
        const problem = value === undefined ? undefined : valueProblem(value)
        if (problem) return refuse(problem)
        if (setting.type === workflow.trigger.type && value === workflow.trigger.value) return workflow
        return revise(workflow, { trigger: revise<Trigger>(workflow.trigger, { type: setting.type, value }) })
      }
      case 'timeout': {
        const problem = change.value === undefined ? undefined : valueProblem(change.value)
        if (problem) return refuse(problem)
        const timeout = nextProp(workflow.timeout, change.value)
        return timeout === workflow.timeout ? workflow : revise(workflow, { timeout })
      }
    }
  })
}

export function setStepField<K extends keyof StepFields>(
  doc: CaiDocument,
  workflowName: string,
  stepName: string,
  field: K,
  value: StepFields[K],
): OpResult {
  const change = { field, value } as Change<StepFields>
  if (change.field === 'name') return renameStep(doc, workflowName, stepName, change.value)
  return updateStep(doc, workflowName, stepName, (step) => {
    const problem = change.value === undefined ? undefined : valueProblem(change.value)
    if (problem) return refuse(problem)
    if (change.field === 'activity') {
      const activity = nextProp(step.activity, change.value)
      return activity === step.activity ? step : revise(step, { activity })
    }
    const condition = nextProp(step.condition, change.value)
    return condition === step.condition ? step : revise(step, { condition })
  })
}

export function setJobField<K extends keyof JobFields>(doc: CaiDocument, jobName: string, field: K, value: JobFields[K]): OpResult {
  const change = { field, value } as Change<JobFields>
  return updateJob(doc, jobName, (job) => {
    if (change.field === 'name') {
      if (change.value === job.name) return job
      const problem =
        nameProblem(change.value, 'job') ??
        (declarationNames(doc, 'job').includes(change.value) ? `there is already a job named "${change.value}"` : undefined)
      return problem ? refuse(problem) : revise(job, { name: change.value })
    }
    const problem = change.value === undefined ? undefined : valueProblem(change.value)
    if (problem) return refuse(problem)
    switch (change.field) {
      case 'task': {
        const task = nextProp(job.task, change.value) as StringProp
        return task === job.task ? job : revise(job, { task })
      }
      case 'schedule': {
        const schedule = nextProp(job.schedule, change.value)
        return schedule === job.schedule ? job : revise(job, { schedule })
      }
      case 'queue': {
        const queue = nextProp(job.queue, change.value)
        return queue === job.queue ? job : revise(job, { queue })
      }
    }
  })
}

/** The statement once set to `value` (undefined: removed); the very same object when the value is unchanged. */
export function nextProp(current: StringProp | undefined, value: string | undefined): StringProp | undefined {
  if (value === undefined) return undefined
  return current?.value === value ? current : stringProp(value, current)
}
