/**
 * Reading `if` conditions and input mappings "as written": against the
 * scenario's sample data. (CodeAI itself does neither today: its
 * evaluateCondition returns true and resolveMapping passes the string on.)
 *
 * A path names a value: `workflow.input.a.b`, `steps.NAME.output.a.b` or
 * `config.a.b`. A condition is one of
 *   PATH             true when the value is truthy
 *   !PATH            true when it is not
 *   PATH == LITERAL  true when the value equals the literal
 *   PATH != LITERAL  true when it does not
 * (either side may be the literal), where LITERAL is true, false, null, a
 * number, or a string in single or double quotes. Truthy: anything but a
 * missing value, null, false, 0, "" and []. Equality is JSON equality
 * (1 and "1" differ). Anything else cannot be read: it is taken as true, as
 * CodeAI does, and the trace says so.
 */

/** The data a dry run reads paths in. */
export interface DataContext {
  input: unknown
  config: unknown
  /** Outputs of the steps that have succeeded so far. */
  outputs: ReadonlyMap<string, unknown>
}

const PATH = /^(?:workflow\.input|config|steps\.[A-Za-z_][A-Za-z0-9_]*\.output)(?:\.[A-Za-z0-9_-]+)*$/

export function isPath(text: string): boolean {
  return PATH.test(text)
}

/** The value a path names; `found: false` when it names nothing in the data. */
export function resolvePath(path: string, data: DataContext): { found: boolean; value: unknown } {
  const parts = path.split('.')
  let value: unknown
  let rest: string[]
  if (parts[0] === 'workflow') {
    value = data.input
    rest = parts.slice(2)
  } else if (parts[0] === 'config') {
    value = data.config
    rest = parts.slice(1)
  } else {
    if (!data.outputs.has(parts[1])) return { found: false, value: undefined }
    value = data.outputs.get(parts[1])
    rest = parts.slice(3)
  }
  for (const key of rest) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) return { found: false, value: undefined }
    value = (value as Record<string, unknown>)[key]
  }
  return { found: true, value }
}

export interface ConditionResult {
  value: boolean
  /** Why, in words: "steps.check.output.ok is false", "steps.a.output.n is 3, not 4". */
  reason: string
  /** False when the condition is not of a supported form, and was taken as true. */
  understood: boolean
}

type Literal = { ok: true; value: unknown } | { ok: false }

function literal(text: string): Literal {
  if (text === 'true') return { ok: true, value: true }
  if (text === 'false') return { ok: true, value: false }
  if (text === 'null') return { ok: true, value: null }
  if (/^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/.test(text)) return { ok: true, value: Number(text) }
  const quoted = /^"([^"\\]*)"$|^'([^'\\]*)'$/.exec(text)
  if (quoted) return { ok: true, value: quoted[1] ?? quoted[2] }
  return { ok: false }
}

export function evaluateCondition(condition: string, data: DataContext): ConditionResult {
  const text = condition.trim()
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(text)
  if (comparison) {
    const [, left, operator, right] = comparison
    const [path, lit] = isPath(left.trim()) ? [left.trim(), literal(right.trim())] : [right.trim(), literal(left.trim())]
    if (isPath(path) && lit.ok) {
      const resolved = resolvePath(path, data)
      const equal = resolved.found && JSON.stringify(resolved.value) === JSON.stringify(lit.value)
      const value = operator === '==' ? equal : !equal
      const shown = show(resolved)
      const reason = equal ? `${path} is ${shown}` : `${path} is ${shown}, not ${JSON.stringify(lit.value)}`
      return { value, reason, understood: true }
    }
  } else {
    const negated = text.startsWith('!')
    const path = negated ? text.slice(1).trim() : text
    if (isPath(path)) {
      const resolved = resolvePath(path, data)
      const truthy = isTruthy(resolved)
      return { value: negated ? !truthy : truthy, reason: `${path} is ${show(resolved)}`, understood: true }
    }
  }
  return { value: true, reason: 'the condition is not a form the dry run reads, so it is taken as true, as CodeAI does', understood: false }
}

function isTruthy(resolved: { found: boolean; value: unknown }): boolean {
  const { found, value } = resolved
  if (!found || value === null || value === false || value === 0 || value === '') return false
  return !(Array.isArray(value) && value.length === 0)
}

function show(resolved: { found: boolean; value: unknown }): string {
  if (!resolved.found) return 'missing'
  const json = JSON.stringify(resolved.value)
  return json === undefined ? 'missing' : json.length > 60 ? `${json.slice(0, 57)}...` : json
}

/** An input mapping's value as the dry run evaluates it: the value a path names (undefined when missing), else the literal text. */
export function resolveMapping(value: string, data: DataContext): unknown {
  return isPath(value) ? resolvePath(value, data).value : value
}
