/**
 * The canonical printer. One tab per level, one statement per line, `name {`
 * to open a block and `}` on its own line, `key: "value"` in input blocks,
 * an empty block as `name { }`, a multiplier always with a decimal point.
 *
 * Blank lines are kept where the model has them (`blankBefore`: a run of
 * blank lines was read as one), never at the start of a file or block, never
 * before `}`; between top-level items too, only where the user had one. A
 * node made by an operation (no span) among parsed siblings follows the
 * block's prevailing spacing: a blank line before it if most parsed siblings
 * after the first have one.
 *
 * Comments: leading ones on their own lines at the node's indentation,
 * same-line ones after one space (a line comment ends the line: anything
 * after it in the list goes on the next line); block comments that span
 * lines are printed as written. Foreign and broken items print their text
 * byte for byte. The file ends with exactly one newline.
 */
import type {
  BlockTrivia,
  CaiDocument,
  Comment,
  Input,
  InputEntry,
  Job,
  NumberProp,
  Retry,
  Span,
  Step,
  StepItem,
  Steps,
  StringProp,
  TopItem,
  Trigger,
  Trivia,
  Workflow,
} from './model'

type Node = Trivia & { span?: Span }

export function print(doc: CaiDocument): string {
  const out = new Output()
  const spacing = prevailingSpacing(doc.items)
  doc.items.forEach((item, i) => printItemTo(out, item, i > 0 && wantsBlank(item, spacing)))
  doc.endComments.forEach((comment, i) => {
    if (comment.blankBefore && (i > 0 || doc.items.length > 0)) out.blank()
    out.line(0, comment.text)
  })
  return out.text
}

/**
 * One top-level item in canonical layout, to splice over its `span` in the
 * file: no blank line before it and no newline after its last line. Comments
 * of a parsed item that stand outside its span (written before or after it
 * in the file) stay in the file around the splice, so they are not printed;
 * comments with no span (added by an operation) or inside the span are.
 */
export function printItem(item: TopItem): string {
  const out = new Output()
  const span = item.span
  const inside = (comment: Comment) => !span || !comment.span || (comment.span.start >= span.start && comment.span.end <= span.end)
  printItemTo(out, { ...item, leading: item.leading.filter(inside), trailing: item.trailing.filter(inside) }, false)
  return out.text.replace(/\n$/, '')
}

function printItemTo(out: Output, item: TopItem, blank: boolean): void {
  out.leading(item, 0, blank)
  switch (item.kind) {
    case 'workflow':
      return workflow(out, item)
    case 'job':
      return job(out, item)
    default:
      return out.withComments(0, item.text, item.trailing)
  }
}

/** Whether a blank line goes before a node made by an operation (no span) among these siblings. */
function prevailingSpacing(siblings: readonly Node[]): boolean {
  let parsed = 0
  let blank = 0
  for (let i = 1; i < siblings.length; i++) {
    if (!siblings[i].span) continue
    parsed++
    if (siblings[i].blankBefore) blank++
  }
  return parsed > 0 && blank * 2 > parsed
}

function wantsBlank(node: Node, blankByDefault: boolean): boolean {
  return node.blankBefore || (!node.span && blankByDefault)
}

function quoted(value: string | undefined): string {
  return `"${value ?? ''}"`
}

function multiplier(raw: string): string {
  return raw.includes('.') ? raw : `${raw}.0`
}

const INDENT = Array.from({ length: 8 }, (_, depth) => '\t'.repeat(depth))

class Output {
  text = ''

  blank(): void {
    this.text += '\n'
  }

  line(depth: number, text: string): void {
    this.text += (INDENT[depth] ?? '\t'.repeat(depth)) + text + '\n'
  }

  /** `text` and same-line comments after it; after a line comment, the rest go on their own lines. */
  withComments(depth: number, text: string, comments: readonly Comment[]): void {
    let current = text
    for (const comment of comments) {
      current += (current ? ' ' : '') + comment.text
      if (comment.kind === 'line') {
        this.line(depth, current)
        current = ''
      }
    }
    if (current) this.line(depth, current)
  }

  /** The blank line before a node (if wanted) and its leading comments. */
  leading(node: Node, depth: number, blank: boolean): void {
    if (blank) this.blank()
    const { leading } = node
    for (let i = 0; i < leading.length; i++) {
      if (i > 0 && leading[i].blankBefore) this.blank()
      this.line(depth, leading[i].text)
    }
    if (leading.length > 0 && leading[leading.length - 1].blankAfter) this.blank()
  }

  /**
   * A block: header and `{`, each child (blank line, leading comments, then
   * `child` prints its own lines), inner comments, `}`.
   */
  block<C extends Node>(node: Node & BlockTrivia, depth: number, header: string, children: readonly C[], child: (out: Output, node: C, depth: number) => void): void {
    if (children.length === 0 && node.openTrailing.length === 0 && node.inner.length === 0) {
      this.withComments(depth, `${header} { }`, node.trailing)
      return
    }
    this.withComments(depth, `${header} {`, node.openTrailing)
    const blankByDefault = prevailingSpacing(children)
    for (let i = 0; i < children.length; i++) {
      this.leading(children[i], depth + 1, i > 0 && wantsBlank(children[i], blankByDefault))
      child(this, children[i], depth + 1)
    }
    node.inner.forEach((comment, i) => {
      if (comment.blankBefore && (i > 0 || children.length > 0)) this.blank()
      this.line(depth + 1, comment.text)
    })
    this.withComments(depth, '}', node.trailing)
  }
}

function present<T>(nodes: (T | undefined)[]): T[] {
  return nodes.filter((node): node is T => node !== undefined)
}

function workflow(out: Output, w: Workflow): void {
  out.block(w, 0, `workflow ${w.name}`, present<Node>([w.trigger, w.timeout, w.steps, w.retry]), (o, part, depth) => {
    if (part === w.trigger) trigger(o, w.trigger, depth)
    else if (part === w.timeout) stringLine(o, 'timeout', w.timeout, depth)
    else if (part === w.steps) steps(o, w.steps, depth)
    else retry(o, w.retry!, depth)
  })
}

function job(out: Output, j: Job): void {
  out.block(j, 0, `job ${j.name}`, present<Node>([j.schedule, j.task, j.queue, j.retry]), (o, part, depth) => {
    if (part === j.schedule) stringLine(o, 'schedule', j.schedule, depth)
    else if (part === j.task) stringLine(o, 'task', j.task, depth)
    else if (part === j.queue) stringLine(o, 'queue', j.queue, depth)
    else retry(o, j.retry!, depth)
  })
}

function trigger(out: Output, t: Trigger, depth: number): void {
  out.withComments(depth, `trigger ${t.type}${t.type === 'manual' ? '' : ` ${quoted(t.value)}`}`, t.trailing)
}

function stringLine(out: Output, keyword: string, prop: StringProp, depth: number): void {
  out.withComments(depth, `${keyword} ${quoted(prop.value)}`, prop.trailing)
}

function steps(out: Output, s: Steps, depth: number): void {
  out.block(s, depth, 'steps', s.items, stepItem)
}

function stepItem(out: Output, item: StepItem, depth: number): void {
  if (item.kind === 'step') step(out, item, depth)
  else out.block(item, depth, 'parallel', item.branches, step)
}

function step(out: Output, s: Step, depth: number): void {
  out.block(s, depth, s.name, present<Node>([s.activity, s.input, s.condition]), (o, part, d) => {
    if (part === s.activity) stringLine(o, 'activity', s.activity, d)
    else if (part === s.input) input(o, s.input, d)
    else stringLine(o, 'if', s.condition!, d)
  })
}

function input(out: Output, i: Input, depth: number): void {
  out.block(i, depth, 'input', i.entries, inputEntry)
}

function inputEntry(out: Output, entry: InputEntry, depth: number): void {
  out.withComments(depth, `${entry.key}: ${quoted(entry.value)}`, entry.trailing)
}

function retry(out: Output, r: Retry, depth: number): void {
  out.block(r, depth, 'retry', present<Node>([r.maxAttempts, r.initialInterval, r.backoffMultiplier]), (o, part, d) => {
    if (part === r.maxAttempts) numberLine(o, 'max_attempts', r.maxAttempts.raw, r.maxAttempts, d)
    else if (part === r.initialInterval) stringLine(o, 'initial_interval', r.initialInterval, d)
    else numberLine(o, 'backoff_multiplier', multiplier(r.backoffMultiplier!.raw), r.backoffMultiplier!, d)
  })
}

function numberLine(out: Output, keyword: string, raw: string, prop: NumberProp, depth: number): void {
  out.withComments(depth, `${keyword} ${raw}`, prop.trailing)
}
