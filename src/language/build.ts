/**
 * The grammar's postprocessors: each builds one model node, with its spans,
 * from the tokens and child nodes the parser hands it. Trivia start empty;
 * comments and blank lines are attached after the parse (comments.ts).
 * They run once per node of a 10,000-step file, so they stay cheap: plain
 * object literals (object spread costs microseconds a call here), absent
 * parts left out rather than set to undefined.
 */
import type { Token } from './lexer'
import type {
  Input,
  InputEntry,
  Job,
  NumberProp,
  Parallel,
  Retry,
  Span,
  Step,
  StepItem,
  Steps,
  StringProp,
  Trigger,
  TriggerType,
  Workflow,
} from './model'

type Data = unknown[]

function tokenSpan(token: Token): Span {
  return { start: token.offset, end: token.offset + token.text.length }
}

function spanning(first: Token, last: Token): Span {
  return { start: first.offset, end: last.offset + last.text.length }
}

function stringValue(token: Token): string {
  return token.text.slice(1, -1)
}

export function first(d: Data): unknown {
  return d[0]
}

export function emptyList(): unknown[] {
  return []
}

/**
 * Appends in place (EBNF's `:*` copies the list at every item: quadratic).
 * Safe because the grammar is unambiguous: a list is extended only along the
 * one parse that continues, and a parse that fails is discarded whole.
 */
export function append(d: Data): unknown[] {
  const list = d[0] as unknown[]
  list.push(d[1])
  return list
}

export function workflow(d: Data): Workflow {
  const [keyword, name, , trigger, timeout, steps, retry, close] = d as [
    Token, Token, Token, Trigger, StringProp | null, Steps, Retry | null, Token,
  ]
  const node: Workflow = {
    kind: 'workflow',
    leading: [],
    trailing: [],
    blankBefore: false,
    openTrailing: [],
    inner: [],
    name: name.text,
    trigger,
    steps,
    span: spanning(keyword, close),
    nameSpan: tokenSpan(name),
  }
  if (timeout) node.timeout = timeout
  if (retry) node.retry = retry
  return node
}

export function trigger(d: Data): Trigger {
  const [keyword, [type, value]] = d as [Token, [Token, Token | undefined]]
  const node: Trigger = {
    kind: 'trigger',
    leading: [],
    trailing: [],
    blankBefore: false,
    type: type.text as TriggerType,
    span: spanning(keyword, value ?? type),
  }
  if (value) {
    node.value = stringValue(value)
    node.valueSpan = tokenSpan(value)
  }
  return node
}

export function stringProp(d: Data): StringProp {
  const keyword = d[0] as Token
  const value = d[1] as Token
  return {
    leading: [],
    trailing: [],
    blankBefore: false,
    value: stringValue(value),
    span: spanning(keyword, value),
    valueSpan: tokenSpan(value),
  }
}

export function numberProp(d: Data): NumberProp {
  const keyword = d[0] as Token
  const value = d[1] as Token
  return { leading: [], trailing: [], blankBefore: false, raw: value.text, span: spanning(keyword, value), valueSpan: tokenSpan(value) }
}

export function steps(d: Data): Steps {
  const [keyword, , items, close] = d as [Token, Token, StepItem[], Token]
  return {
    kind: 'steps',
    leading: [],
    trailing: [],
    blankBefore: false,
    openTrailing: [],
    inner: [],
    items,
    span: spanning(keyword, close),
  }
}

export function parallel(d: Data): Parallel {
  const [keyword, , branches, close] = d as [Token, Token, Step[], Token]
  return {
    kind: 'parallel',
    leading: [],
    trailing: [],
    blankBefore: false,
    openTrailing: [],
    inner: [],
    branches,
    span: spanning(keyword, close),
  }
}

export function step(d: Data): Step {
  const [name, , activity, input, condition, close] = d as [
    Token, Token, StringProp | null, Input | null, StringProp | null, Token,
  ]
  const node: Step = {
    kind: 'step',
    leading: [],
    trailing: [],
    blankBefore: false,
    openTrailing: [],
    inner: [],
    name: name.text,
    span: spanning(name, close),
    nameSpan: tokenSpan(name),
  }
  if (activity) node.activity = activity
  if (input) node.input = input
  if (condition) node.condition = condition
  return node
}

export function input(d: Data): Input {
  const [keyword, , entries, close] = d as [Token, Token, InputEntry[], Token]
  return {
    kind: 'input',
    leading: [],
    trailing: [],
    blankBefore: false,
    openTrailing: [],
    inner: [],
    entries,
    span: spanning(keyword, close),
  }
}

export function inputEntry(d: Data): InputEntry {
  const key = d[0] as Token
  const value = d[2] as Token
  return {
    leading: [],
    trailing: [],
    blankBefore: false,
    key: key.text,
    value: stringValue(value),
    span: spanning(key, value),
    keySpan: tokenSpan(key),
    valueSpan: tokenSpan(value),
  }
}

export function retry(d: Data): Retry {
  const [keyword, , maxAttempts, initialInterval, backoffMultiplier, close] = d as [
    Token, Token, NumberProp | null, StringProp | null, NumberProp | null, Token,
  ]
  const node: Retry = {
    kind: 'retry',
    leading: [],
    trailing: [],
    blankBefore: false,
    openTrailing: [],
    inner: [],
    span: spanning(keyword, close),
  }
  if (maxAttempts) node.maxAttempts = maxAttempts
  if (initialInterval) node.initialInterval = initialInterval
  if (backoffMultiplier) node.backoffMultiplier = backoffMultiplier
  return node
}

export function job(d: Data): Job {
  const [keyword, name, , schedule, task, queue, retry, close] = d as [
    Token, Token, Token, StringProp | null, StringProp, StringProp | null, Retry | null, Token,
  ]
  const node: Job = {
    kind: 'job',
    leading: [],
    trailing: [],
    blankBefore: false,
    openTrailing: [],
    inner: [],
    name: name.text,
    task,
    span: spanning(keyword, close),
    nameSpan: tokenSpan(name),
  }
  if (schedule) node.schedule = schedule
  if (queue) node.queue = queue
  if (retry) node.retry = retry
  return node
}
