/**
 * Pure operations on the document for the canvas, inspector and palette.
 * Each takes a document and returns an OpResult: a new document (unchanged
 * declarations are the same objects) or the reason it refused. None throws or
 * mutates its input. `applyToText` writes a result back into the file text.
 */
export type { OpResult } from './result'
export type { FlowPosition, StepLocation } from './paths'
export type { NewStep } from './nodes'
export { PLACEHOLDER_ACTIVITY, PLACEHOLDER_TASK } from './nodes'
export { isIdentifier, isReservedWord, nameProblem, valueProblem, numberedName, freeName } from './names'
export { addStep, removeStep, duplicateStep, moveStep, wrapInParallel, unwrapParallel, addParallel } from './steps'
export { renameStep } from './rename'
export { setWorkflowField, setStepField, setJobField } from './fields'
export type { TriggerSetting, WorkflowFields, StepFields, JobFields } from './fields'
export { setInputEntry, addInputEntry, removeInputEntry, renameInputKey } from './inputs'
export { setRetryField, addRetry, removeRetry, DEFAULT_RETRY } from './retry'
export type { RetryOwner, RetryFields } from './retry'
export { addWorkflow, addJob, removeWorkflow, removeJob, moveItem } from './declarations'
export type { NewWorkflow, NewJob } from './declarations'
export { applyToText } from './splice'
export { removeEmptyValue } from './empty-values'
export type { EmptyStatement } from './empty-values'
