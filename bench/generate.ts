/**
 * Generates large, valid .cai files in canonical layout for benchmarks (the
 * language benchmark here, the UI benchmark for a 1,000-step workflow).
 *
 * Steps repeat a pattern of ten: a sequential step, a conditional step, a
 * parallel block of three branches, a sequential step, a parallel block of
 * three branches and a conditional step. Every step maps inputs from the step
 * before it (`steps.X.output...`), so the file exercises references; every
 * pattern starts with a comment and some statements carry trailing comments.
 * The output is deterministic.
 */

export interface GenerateOptions {
  /** Number of regular steps (parallel branches included) over all workflows. */
  steps: number
  /** Workflows to spread the steps over (default 1: one big workflow). */
  workflows?: number
  /** Also emit one job per workflow (default true). */
  jobs?: boolean
  /** Blank lines between declarations and inside them (default true); without them every line follows the previous one. */
  blankLines?: boolean
}

type Shape = 'sequential' | 'conditional' | 'parallel'

const PATTERN: readonly Shape[] = ['sequential', 'conditional', 'parallel', 'sequential', 'parallel', 'conditional']
const BRANCHES = 3
const TRIGGERS = ['trigger event "orders.created"', 'trigger schedule "*/15 8-18 * * MON-FRI"', 'trigger manual']

export function generateCaiFile(options: GenerateOptions): string {
  const workflowCount = Math.max(1, options.workflows ?? 1)
  const withJobs = options.jobs ?? true
  const out: string[] = ['// Generated benchmark file.']
  let remaining = options.steps
  for (let w = 0; w < workflowCount; w++) {
    const share = Math.ceil(remaining / (workflowCount - w))
    remaining -= share
    out.push('', ...workflowLines(w, share))
    if (withJobs) out.push('', ...jobLines(w))
  }
  const lines = options.blankLines === false ? out.filter((line) => line !== '') : out
  return lines.join('\n') + '\n'
}

function workflowLines(index: number, stepCount: number): string[] {
  const lines = [
    `workflow generated_${index} {`,
    `\t${TRIGGERS[index % TRIGGERS.length]}`,
    '\ttimeout "12h"',
    '',
    '\tsteps {',
  ]
  let made = 0
  let previous: string | undefined
  let shapeIndex = 0
  while (made < stepCount) {
    const shape = PATTERN[shapeIndex % PATTERN.length]
    if (shapeIndex % PATTERN.length === 0) {
      if (shapeIndex > 0) lines.push('')
      lines.push(`\t\t// Stage ${shapeIndex / PATTERN.length + 1}`)
    }
    shapeIndex++
    if (shape === 'parallel' && stepCount - made >= 2) {
      const width = Math.min(BRANCHES, stepCount - made)
      lines.push('\t\tparallel {')
      for (let b = 0; b < width; b++) lines.push(...stepLines(made + b, previous, false, '\t\t\t'))
      lines.push('\t\t}')
      previous = stepName(made)
      made += width
    } else {
      lines.push(...stepLines(made, previous, shape === 'conditional', '\t\t'))
      previous = stepName(made)
      made++
    }
  }
  lines.push(
    '\t}',
    '',
    '\tretry {',
    '\t\tmax_attempts 5',
    '\t\tinitial_interval "2s"',
    '\t\tbackoff_multiplier 2.0',
    '\t}',
    '}',
  )
  return lines
}

function stepLines(n: number, previous: string | undefined, conditional: boolean, indent: string): string[] {
  const source = previous ? `steps.${previous}.output` : 'workflow.input'
  const lines = [
    `${indent}${stepName(n)} {`,
    `${indent}\tactivity "stage_${n % 97}.process"${n % 7 === 0 ? ' // hot path' : ''}`,
    `${indent}\tinput {`,
    `${indent}\t\trecord_id: "${source}.record_id"`,
    `${indent}\t\tmode: "batch"`,
    `${indent}\t}`,
  ]
  if (conditional) lines.push(`${indent}\tif "${source}.ok == true"`)
  lines.push(`${indent}}`)
  return lines
}

function jobLines(index: number): string[] {
  return [
    `job generated_job_${index} {`,
    `\tschedule "${index % 60} * * * *"`,
    `\ttask "jobs.generated_${index}"`,
    '\tqueue "default"',
    '}',
  ]
}

function stepName(n: number): string {
  return `step_${String(n).padStart(5, '0')}`
}

/**
 * The hostile documents of issue 14.7, for the page's benchmark and tests.
 * `count` jobs, each with its own schedule, over the three known queues and a
 * few others (the Jobs board's worst case: a card and next runs per job).
 */
export function generateManyJobs(count: number): string {
  const queues = ['critical', 'default', 'low_priority', 'emails', 'reports']
  const out: string[] = ['// Generated: many scheduled jobs.']
  for (let i = 0; i < count; i++) {
    out.push(
      '',
      `job job_${String(i).padStart(5, '0')} {`,
      `\tschedule "${i % 60} ${(i >> 2) % 24} * * ${i % 7 === 0 ? 'MON-FRI' : '*'}"`,
      `\ttask "jobs.task_${i}"`,
      `\tqueue "${queues[i % queues.length]}"`,
      '}',
    )
  }
  return out.join('\n') + '\n'
}

/** `count` small workflows (one step each): the outline's and splitter's worst case. */
export function generateManyWorkflows(count: number): string {
  const out: string[] = ['// Generated: many small workflows.']
  for (let i = 0; i < count; i++) {
    out.push('', `workflow flow_${String(i).padStart(5, '0')} {`, '\ttrigger manual', '\tsteps {', '\t\tonly {', `\t\t\tactivity "work.item_${i}"`, '\t\t}', '\t}', '}')
  }
  return out.join('\n') + '\n'
}

/**
 * A small workflow whose activity string holds `bytes` characters over
 * `lines` lines (CodeAI's strings may hold line breaks): one token the size of
 * the file.
 */
export function generateLongString(bytes: number, lines: number): string {
  const perLine = Math.max(1, Math.floor(bytes / lines) - 1)
  const line = 'x'.repeat(perLine)
  const body = Array.from({ length: lines }, () => line).join('\n')
  return `workflow long_string {\n\ttrigger manual\n\tsteps {\n\t\tonly {\n\t\t\tactivity "${body}"\n\t\t}\n\t}\n}\n`
}
