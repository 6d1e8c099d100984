/** Checks of a workflow's steps: presence, names, activities, parallel blocks, conditions and `steps.X` references. */
import type { Input, InputEntry, Parallel, Span, Step, Workflow } from '../model'
import { referenceSpan, stepReferences, type StepReference } from '../references'
import { keywordSpan, type Reporter } from './reporter'
import { valueSpan } from './values'
import { editDistanceWithin } from '../edit-distance'

interface Placed {
  step: Step
  /** Position of the step's entry in the steps block (a parallel block is one entry). */
  index: number
  parallel?: Parallel
  /** The step's span, or its nearest ancestor's. */
  span: Span
}

/** Suggesting a near name compares against every earlier step; beyond this many steps it is skipped to stay linear. */
const MAX_STEPS_FOR_SUGGESTIONS = 200

export function checkSteps(workflow: Workflow, workflowSpan: Span, report: Reporter): void {
  const owner = `workflow "${workflow.name}"`
  const stepsSpan = workflow.steps.span ?? workflowSpan
  if (workflow.steps.items.length === 0) {
    report.error(
      'steps-empty',
      `${owner} has no steps; add at least one step to its steps block`,
      keywordSpan(workflow.steps.span, 'steps', workflow.nameSpan ?? workflowSpan),
    )
  }

  const firstByName = new Map<string, Placed>()
  const placed: Placed[] = []
  const place = (step: Step, index: number, parallel: Parallel | undefined, parentSpan: Span) => {
    const entry: Placed = { step, index, parallel, span: step.span ?? parentSpan }
    placed.push(entry)
    const first = firstByName.get(step.name)
    if (!first) {
      firstByName.set(step.name, entry)
      return
    }
    const where = first.step.nameSpan ? ` (first at line ${report.lineOf(first.step.nameSpan.start)})` : ''
    report.error(
      'duplicate-step',
      `${owner}: step "${step.name}" is declared twice${where}; step names must be unique within a workflow, parallel branches included`,
      step.nameSpan ?? entry.span,
    )
  }

  const items = workflow.steps.items
  for (let index = 0; index < items.length; index++) {
    const item = items[index]
    if (item.kind === 'step') {
      place(item, index, undefined, stepsSpan)
      continue
    }
    checkParallel(item, owner, stepsSpan, report)
    for (const branch of item.branches) place(branch, index, item, item.span ?? stepsSpan)
  }

  const candidates = placed.length <= MAX_STEPS_FOR_SUGGESTIONS ? placed : undefined
  for (const entry of placed) {
    const stepOwner = () => `step "${entry.step.name}" of ${owner}`
    checkActivity(entry, stepOwner, report)
    const { input, condition } = entry.step
    if (input) {
      checkInputKeys(input, entry.span, stepOwner, report)
      for (const inputEntry of input.entries) checkReferences(inputEntry, entry, stepOwner, firstByName, candidates, report)
    }
    if (!condition) continue
    checkReferences(condition, entry, stepOwner, firstByName, candidates, report)
    if (condition.value.trim() === '') {
      report.warning(
        'condition-empty',
        `${stepOwner()} has an empty condition; write one (e.g. "steps.check.output.ok == true") or remove the if`,
        valueSpan(condition, entry.span),
        report.removalFix('Remove the empty condition', condition.span),
      )
    }
  }
}

function checkParallel(block: Parallel, owner: string, stepsSpan: Span, report: Reporter): void {
  const span = keywordSpan(block.span, 'parallel', stepsSpan)
  if (block.branches.length === 0) {
    const hasComments = block.openTrailing.length > 0 || block.inner.length > 0
    report.warning(
      'parallel-empty',
      `${owner} has an empty parallel block; add steps to it or remove it`,
      span,
      hasComments ? undefined : report.removalFix('Remove the empty parallel block', block.span),
    )
  } else if (block.branches.length === 1) {
    report.info(
      'parallel-single',
      `${owner}: the parallel block holding only step "${block.branches[0].name}" runs like a plain step; add another branch or make it a plain step`,
      span,
    )
  }
}

function checkActivity({ step, span }: Placed, stepOwner: () => string, report: Reporter): void {
  if (!step.activity) {
    report.error(
      'activity-missing',
      `${stepOwner()} has no activity; every step runs one, e.g. activity "orders.validate"`,
      step.nameSpan ?? span,
    )
  } else if (step.activity.value === '') {
    report.error(
      'activity-missing',
      `${stepOwner()} has an empty activity; name the activity it runs, e.g. "orders.validate"`,
      valueSpan(step.activity, span),
    )
  }
}

/** CodeAI keeps one value per input key: a key written twice loses a value, silently. */
function checkInputKeys(input: Input, stepSpan: Span, stepOwner: () => string, report: Reporter): void {
  const firstByKey = new Map<string, InputEntry>()
  for (const entry of input.entries) {
    const first = firstByKey.get(entry.key)
    if (!first) {
      firstByKey.set(entry.key, entry)
      continue
    }
    const where = first.keySpan ? ` (first at line ${report.lineOf(first.keySpan.start)})` : ''
    report.warning(
      'input-duplicate-key',
      `${stepOwner()}: input "${entry.key}" is given twice${where}; CodeAI keeps only one of the values, so remove or rename one`,
      entry.keySpan ?? entry.span ?? stepSpan,
    )
  }
}

/** Checks the `steps.X` references in one input value or condition of a step. */
function checkReferences(
  holder: { value: string; valueSpan?: Span; span?: Span },
  entry: Placed,
  stepOwner: () => string,
  firstByName: ReadonlyMap<string, Placed>,
  candidates: readonly Placed[] | undefined,
  report: Reporter,
): void {
  // Most values hold no reference: skip the regular expression for them.
  if (!holder.value.includes('steps.')) return
  const { step } = entry
  for (const ref of stepReferences(holder.value)) {
    const span = holder.valueSpan ? referenceSpan(holder.valueSpan, ref) : (holder.span ?? entry.span)
    const target = firstByName.get(ref.step)
    if (ref.step === step.name) {
      report.warning(
        'step-self-ref',
        `${stepOwner()} reads its own output (steps.${ref.step}); a step's output exists only after it has run, so read an earlier step`,
        span,
      )
    } else if (!target) {
      const suggestion = candidates && nearestEarlierName(ref, entry, candidates)
      const hint = suggestion ? `; did you mean "${suggestion}"?` : ''
      const fix =
        suggestion && holder.valueSpan ? { title: `Change to steps.${suggestion}`, edits: [{ span, newText: suggestion }] } : undefined
      report.warning('step-unknown-ref', `${stepOwner()} reads steps.${ref.step}, but the workflow has no step "${ref.step}"${hint}`, span, fix)
    } else if (entry.parallel && target.parallel === entry.parallel) {
      report.warning(
        'step-parallel-ref',
        `${stepOwner()} reads steps.${ref.step}, but both run in the same parallel block, so the output of "${ref.step}" may not exist yet; move "${ref.step}" before the parallel block`,
        span,
      )
    } else if (target.index > entry.index) {
      report.warning(
        'step-later-ref',
        `${stepOwner()} reads steps.${ref.step}, but "${ref.step}" runs later, so its output does not exist yet; move "${ref.step}" before "${step.name}"`,
        span,
      )
    }
  }
}

/**
 * The step a dangling reference most likely meant: the nearest name by
 * edits (at most a third of the name's length, and at least two), or a
 * name that starts or ends with the reference or the other way round (a
 * renamed step: `check_inventory` for `check_inventory_v2`). Earlier steps
 * win over later ones at the same distance; a tie between two names makes
 * no suggestion.
 */
function nearestEarlierName(ref: StepReference, entry: Placed, candidates: readonly Placed[]): string | undefined {
  const limit = Math.max(2, Math.floor(ref.step.length / 3))
  let best: string | undefined
  let bestScore = Infinity
  let tie = false
  for (const candidate of candidates) {
    const name = candidate.step.name
    if (candidate === entry || name === best) continue
    const distance = nearDistance(ref.step, name, limit)
    if (distance > limit) continue
    // Earlier steps first: a later one would only trade this warning for "runs later".
    const score = distance * 2 + (candidate.index >= entry.index ? 1 : 0)
    if (score < bestScore) {
      best = name
      bestScore = score
      tie = false
    } else if (score === bestScore) {
      tie = true
    }
  }
  return tie || best === undefined || bestScore >= 2 * Math.max(ref.step.length, 1) ? undefined : best
}

/** Edits from one name to the other; a name extended or cut at one end counts as close (a renamed step). Beyond `limit`: limit + 1. */
function nearDistance(a: string, b: string, limit: number): number {
  if (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a))) {
    return Math.min(limit, Math.abs(a.length - b.length))
  }
  return editDistanceWithin(a, b, limit)
}
