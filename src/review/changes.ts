/**
 * What a review reports: the changes in meaning between two versions of a
 * .cai document. Plain data, serialisable as JSON (`codeai diff --format json`).
 */

/** Where a step stands in its workflow's flow, numbered from 1 as people count. */
export interface Place {
  /** The entry of `steps`: a step, or the parallel block holding it. */
  entry: number
  /** The branch of that parallel block, when the step is one. */
  branch?: number
}

export interface FieldChange {
  /** `activity`, `condition`, `input.KEY`, `trigger`, `timeout`, `retry.max_attempts`, `schedule`, `task`, `queue`... */
  field: string
  /** Absent when the field was added. */
  before?: string
  /** Absent when the field was removed. */
  after?: string
  /** For a schedule: both in words, with their next runs. */
  beforeWords?: string
  afterWords?: string
  beforeRuns?: string[]
  afterRuns?: string[]
}

export type Change =
  | { kind: 'workflow-added' | 'workflow-removed'; workflow: string }
  | { kind: 'workflow-changed'; workflow: string; fields: FieldChange[] }
  | { kind: 'step-added' | 'step-removed'; workflow: string; step: string; place: Place }
  | { kind: 'step-changed'; workflow: string; step: string; fields: FieldChange[] }
  | { kind: 'step-moved'; workflow: string; step: string; from: Place; to: Place }
  | {
      kind: 'step-renamed'
      workflow: string
      from: string
      to: string
      /** How alike the two steps are, 0 to 1 (see RENAME_THRESHOLD). */
      similarity: number
      /** `steps.FROM.` references rewritten to `steps.TO.` elsewhere in the workflow. */
      references: number
    }
  | { kind: 'job-added' | 'job-removed'; job: string }
  | { kind: 'job-changed'; job: string; fields: FieldChange[] }
  | { kind: 'block-added' | 'block-removed' | 'block-changed'; block: string }
  | {
      kind: 'not-comparable'
      declaration: 'workflow' | 'job'
      name: string
      /** The version(s) where it has syntax errors. */
      broken: 'before' | 'after' | 'both'
      /** Its syntax errors, "line N: message". */
      errors: string[]
    }

export type ChangeKind = Change['kind']

export interface DocumentDiff {
  /** `same`: no change in meaning (possibly in comments or layout); `different` otherwise. */
  meaning: 'same' | 'different'
  /** Changes that carry no meaning: `comments`, `layout` (spacing, line breaks, order of declarations). */
  cosmetic: Array<'comments' | 'layout'>
  /** In a stable order: by workflow, job and block (in the order of the after version), then by place. */
  changes: Change[]
}
