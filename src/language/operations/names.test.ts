import { describe, expect, it } from 'vitest'
import { RESERVED_WORDS } from '../model'
import { freeName, isIdentifier, isReservedWord, nameProblem, numberedName, valueProblem } from './names'

describe('names', () => {
  it('accepts identifiers as the spec defines them', () => {
    for (const name of ['a', '_', 'task_id', 'Step2', '_x_9']) expect(isIdentifier(name)).toBe(true)
    for (const name of ['', '2x', 'a-b', 'a.b', 'é', 'a b']) expect(isIdentifier(name)).toBe(false)
  })

  it('knows the 18 reserved words and nothing else', () => {
    expect(RESERVED_WORDS.filter(isReservedWord)).toHaveLength(18)
    for (const name of ['task_id', 'Timeout', 'steps2', 'inputs']) expect(isReservedWord(name)).toBe(false)
  })

  it('explains why a name cannot be used', () => {
    expect(nameProblem('timeout', 'step')).toBe('"timeout" is a reserved word and cannot name a step')
    expect(nameProblem('if', 'input')).toBe('"if" is a reserved word and cannot name an input')
    expect(nameProblem('order-flow', 'workflow')).toBe(
      '"order-flow" cannot name a workflow: use letters, digits and _, and do not start with a digit',
    )
    expect(nameProblem('', 'job')).toBe('a job name cannot be empty')
    expect(nameProblem('task_id', 'input')).toBeUndefined()
  })

  it('refuses a double quote in a value, and nothing else', () => {
    expect(valueProblem('say "hi"')).toBe('a value cannot contain a double quote (")')
    expect(valueProblem('C:\\path\nline two {}')).toBeUndefined()
  })

  it('makes unique names', () => {
    expect(numberedName('step', [])).toBe('step_1')
    expect(numberedName('step', ['step_1', 'step_2', 'step_4'])).toBe('step_3')
    expect(freeName('a_copy', ['a'])).toBe('a_copy')
    expect(freeName('a_copy', ['a_copy', 'a_copy_2'])).toBe('a_copy_3')
  })
})
