/** The canvas: the selected workflow as a graph, and the jobs board. */
export { WorkflowCanvas } from './WorkflowCanvas'
export { JobsBoard } from './JobsBoard'
