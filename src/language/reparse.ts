/**
 * Parsing again below the declaration. A keystroke inside one step of a
 * 10,000-step workflow need not lex and parse the other 9,999: when the edit
 * lies strictly inside one step (or one parallel block), only that step's new
 * text is parsed, as the grammar's `step` (or `parallel`). The steps before
 * it are kept as they are (same objects, so what is derived from them can be
 * kept too), the steps after it are moved by the edit's length, and the
 * blocks around it are copied with their ends moved.
 *
 * This gives exactly what a whole parse gives (tested on random edits, see
 * reparse.test.ts) because:
 * - the step's first and last characters (its name's first letter and its
 *   `}`) are untouched, so the lexer reaches the same token boundaries and
 *   the text before and after the step lexes as before;
 * - a step or parallel block ends with `}`, so the parse of its tokens never
 *   looks past them, and the fragment must be exactly one of them;
 * - comments inside a step are attached inside it; those before it (its
 *   `leading`) and after it on its last line (`trailing`) are the same
 *   comments as before. The one case where a whole parse merges the two (a
 *   line comment before the step's `{`) is left to the whole parse.
 * Anything else (a parse error, an edit at a step's edge or outside the
 * steps) returns undefined, and the caller parses the declaration whole.
 */
import { parseFragment } from './declaration'
import { entryIndexAt } from './locate'
import type { Comment, Parallel, Step, StepItem, Steps, Workflow } from './model'
import { movedStepItem, shifted } from './shift'

/** One replacement in the previous text: [start, oldEnd) replaced by text `delta` characters longer. */
export interface Edit {
  start: number
  oldEnd: number
  delta: number
}

/**
 * A workflow made by reparsedWorkflow: `previous` with its entry `index` (a
 * step or a parallel block) parsed again. Every other entry is the same
 * object or a moved copy (the same content, spans shifted), and the
 * workflow's other parts hold the same values: what is derived from the
 * entries alone (the canvas's graph) need only be redone for that entry.
 */
export interface EntryEdit {
  previous: Workflow
  index: number
}

const entryEdits = new WeakMap<Workflow, EntryEdit>()

/** How `workflow` was made from the one before it, when only one of its entries was parsed again. */
export function entryEditOf(workflow: Workflow): EntryEdit | undefined {
  return entryEdits.get(workflow)
}

/** The documents' copies of parsed declarations (parse.ts copies each to attach the comments around it). */
const documentCopies = new WeakMap<Workflow, Workflow>()

/**
 * `copy` is the document's copy of the parsed `workflow`: it was made from
 * the document's copy of the previous one as `workflow` was from that one.
 */
export function noteDocumentCopy(workflow: Workflow, copy: Workflow): void {
  documentCopies.set(workflow, copy)
  const edit = entryEdits.get(workflow)
  const previous = edit && documentCopies.get(edit.previous)
  if (edit && previous) entryEdits.set(copy, { previous, index: edit.index })
}

/** `previous` (parsed from the text before `edit`) as `file` now has it; undefined when the whole declaration must be parsed again. */
export function reparsedWorkflow(previous: Workflow, file: string, edit: Edit): Workflow | undefined {
  const { steps } = previous
  const index = containing(steps.items, edit)
  if (index < 0) return undefined
  const item = steps.items[index]
  let replacement: StepItem | undefined
  if (item.kind === 'parallel') {
    const branch = containing(item.branches, edit)
    if (branch >= 0) {
      const step = reparsedNode(item.branches[branch], 'step', file, edit)
      replacement = step && { ...enclosing(item, edit), branches: replaced(item.branches, branch, step as Step, edit.delta) }
    } else {
      replacement = reparsedNode(item, 'parallel', file, edit)
    }
  } else {
    replacement = reparsedNode(item, 'step', file, edit)
  }
  if (!replacement) return undefined
  const newSteps: Steps = { ...enclosing(steps, edit), items: replaced(steps.items, index, replacement, edit.delta) }
  const workflow: Workflow = { ...enclosing(previous, edit), steps: newSteps }
  if (previous.retry) workflow.retry = shifted(previous.retry, edit.delta)
  entryEdits.set(workflow, { previous, index })
  return workflow
}

/** The index of the node the edit lies strictly inside (its first and last characters untouched), or -1. */
function containing(nodes: readonly StepItem[], edit: Edit): number {
  // The last node starting before the edit.
  const index = entryIndexAt(nodes, edit.start - 1)
  return index >= 0 && edit.oldEnd < nodes[index].span!.end ? index : -1
}

/** The node at the old node's place, parsed again from the new text, with the comments around it kept. */
function reparsedNode(old: StepItem, nonterminal: 'step' | 'parallel', file: string, edit: Edit): StepItem | undefined {
  const { start, end } = old.span!
  const node = parseFragment(file, start, end + edit.delta, nonterminal)
  if (!node || node.span!.start !== start || node.span!.end !== end + edit.delta) return undefined
  // A line comment before the step's `{` is one of its `leading` comments, after those before the step: a whole parse orders them.
  if (node.leading.length > 0 || old.leading.some((comment) => comment.span!.start >= start)) return undefined
  if (old.trailing.some((comment) => comment.span!.start < end)) return undefined
  node.leading = old.leading
  node.trailing = shifted(old.trailing, edit.delta)
  node.blankBefore = old.blankBefore
  return node
}

/** `nodes` with the one at `index` replaced: those before it kept, those after it moved. */
function replaced<T extends StepItem>(nodes: readonly T[], index: number, node: T, delta: number): T[] {
  const result = nodes.slice(0, index)
  result.push(node)
  for (let i = index + 1; i < nodes.length; i++) result.push(movedStepItem(nodes[i], delta) as T)
  return result
}

type Block = Workflow | Steps | Parallel

/** A copy of a block holding the edit: its end moved, and its comments after the edit moved. */
function enclosing<T extends Block>(block: T, edit: Edit): T {
  const { delta } = edit
  return {
    ...block,
    span: { start: block.span!.start, end: block.span!.end + delta },
    leading: after(block.leading, edit),
    trailing: after(block.trailing, edit),
    openTrailing: after(block.openTrailing, edit),
    inner: after(block.inner, edit),
  }
}

/** Comments, those after the edit moved (none lies across it: that one would be inside the step parsed again). */
function after(comments: Comment[], edit: Edit): Comment[] {
  if (!comments.some((comment) => comment.span!.start >= edit.oldEnd)) return comments
  return comments.map((comment) => (comment.span!.start >= edit.oldEnd ? shifted(comment, edit.delta) : comment))
}
