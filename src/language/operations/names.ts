import { allSteps } from '../locate'
import { RESERVED_WORDS, type ReservedWord, type Workflow } from '../model'

/** What a name names, as said in refusal reasons. */
export type NameRole = 'workflow' | 'job' | 'step' | 'input'

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_]*$/
const RESERVED: ReadonlySet<string> = new Set(RESERVED_WORDS)

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text)
}

export function isReservedWord(text: string): text is ReservedWord {
  return RESERVED.has(text)
}

/** Why `name` cannot name a `role`, or undefined when it can (collisions are checked by the caller). */
export function nameProblem(name: string, role: NameRole): string | undefined {
  const what = role === 'input' ? 'an input' : `a ${role}`
  if (name === '') return `${what} name cannot be empty`
  if (!isIdentifier(name)) {
    return `"${name}" cannot name ${what}: use letters, digits and _, and do not start with a digit`
  }
  if (isReservedWord(name)) return `"${name}" is a reserved word and cannot name ${what}`
  return undefined
}

/** Why `value` cannot be written as a CodeAI string, or undefined. CodeAI strings have no escapes. */
export function valueProblem(value: string): string | undefined {
  return value.includes('"') ? 'a value cannot contain a double quote (")' : undefined
}

/** The first of `prefix_1`, `prefix_2`, ... not in `taken`. */
export function numberedName(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let n = 1; ; n++) {
    if (!used.has(`${prefix}_${n}`)) return `${prefix}_${n}`
  }
}

/** `base` if free, else the first of `base_2`, `base_3`, ... not in `taken`. */
export function freeName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) {
    if (!used.has(`${base}_${n}`)) return `${base}_${n}`
  }
}

/** Why `name` cannot be given to a new or renamed step of `workflow`, or undefined. */
export function stepNameProblem(workflow: Workflow, name: string): string | undefined {
  return (
    nameProblem(name, 'step') ??
    (allSteps(workflow).some((step) => step.name === name)
      ? `workflow ${workflow.name} already has a step named "${name}"`
      : undefined)
  )
}

/** Why `key` cannot be given to a new or renamed input entry among `keys`, or undefined. */
export function inputKeyProblem(keys: readonly string[], key: string): string | undefined {
  return nameProblem(key, 'input') ?? (keys.includes(key) ? `there is already an input named "${key}"` : undefined)
}
