import { describe, expect, it } from 'vitest'
import { emptyBlockTrivia, emptyTrivia, type CaiDocument, type Input } from '../model'
import { addInputEntry, removeInputEntry, renameInputKey, setInputEntry } from './inputs'
import { comment, deepFreeze, doc, docOf, led, reasonOf, step, stepIn, trailed, workflow } from './test-builders'

function input(entries: Input['entries'], extra: Partial<Input> = {}): Input {
  return { kind: 'input', ...emptyBlockTrivia(), entries, ...extra }
}

function sample(): CaiDocument {
  return deepFreeze(
    doc(
      workflow('w', [
        step('a', 'do.a', {
          input: input([
            led({ ...emptyTrivia(), key: 'id', value: 'workflow.input.id' }, '// who'),
            trailed({ ...emptyTrivia(), key: 'total', value: 'steps.x.output.total' }, '// money'),
          ]),
        }),
        step('b'),
        step('c', 'do.c', { input: input([{ ...emptyTrivia(), key: 'only', value: '1' }], { openTrailing: [comment('// keep')] }) }),
      ]),
      workflow('v', [step('z')]),
    ),
  )
}

const entries = (d: CaiDocument, name: string) => stepIn(d, 'w', name).input?.entries.map((e) => [e.key, e.value])

describe('setInputEntry', () => {
  it('sets a value, keeping the entry comments and the other entries', () => {
    const before = sample()
    const after = docOf(setInputEntry(before, 'w', 'a', 'total', 'steps.y.output.sum'))
    expect(entries(after, 'a')).toEqual([['id', 'workflow.input.id'], ['total', 'steps.y.output.sum']])
    const a = stepIn(after, 'w', 'a')
    expect(a.input?.entries[1].trailing[0].text).toBe('// money')
    expect(a.input?.entries[0]).toBe(stepIn(before, 'w', 'a').input?.entries[0])
    expect(after.items[1]).toBe(before.items[1])
  })

  it('refuses an unknown key and a quote', () => {
    expect(reasonOf(setInputEntry(sample(), 'w', 'a', 'nope', 'x'))).toBe('step "a" has no input named "nope"')
    expect(reasonOf(setInputEntry(sample(), 'w', 'b', 'id', 'x'))).toBe('step "b" has no input named "id"')
    expect(reasonOf(setInputEntry(sample(), 'w', 'a', 'id', '"x"'))).toBe('a value cannot contain a double quote (")')
  })

  it('refuses an ambiguous key', () => {
    const twice = deepFreeze(doc(workflow('w', [step('a', 'x', { input: input([{ ...emptyTrivia(), key: 'k', value: '1' }, { ...emptyTrivia(), key: 'k', value: '2' }]) })])))
    expect(reasonOf(setInputEntry(twice, 'w', 'a', 'k', '3'))).toBe('step "a" has 2 inputs named "k"; remove one in the text first')
  })
})

describe('addInputEntry', () => {
  it('appends an entry, creating the input block when needed', () => {
    expect(entries(docOf(addInputEntry(sample(), 'w', 'a', 'note', 'hello')), 'a')).toEqual([
      ['id', 'workflow.input.id'],
      ['total', 'steps.x.output.total'],
      ['note', 'hello'],
    ])
    expect(entries(docOf(addInputEntry(sample(), 'w', 'b')), 'b')).toEqual([['key_1', '']])
  })

  it('refuses a bad or taken key and a quote', () => {
    expect(reasonOf(addInputEntry(sample(), 'w', 'a', 'id'))).toBe('there is already an input named "id"')
    expect(reasonOf(addInputEntry(sample(), 'w', 'a', 'timeout', '5s'))).toBe('"timeout" is a reserved word and cannot name an input')
    expect(reasonOf(addInputEntry(sample(), 'w', 'a', 'order.id'))).toMatch(/cannot name an input/)
    expect(reasonOf(addInputEntry(sample(), 'w', 'a', 'q', '"'))).toBe('a value cannot contain a double quote (")')
  })
})

describe('removeInputEntry', () => {
  it('removes an entry with its comments', () => {
    const after = docOf(removeInputEntry(sample(), 'w', 'a', 'id'))
    expect(entries(after, 'a')).toEqual([['total', 'steps.x.output.total']])
    expect(JSON.stringify(stepIn(after, 'w', 'a'))).not.toContain('// who')
  })

  it('drops an input block left empty, unless it holds comments', () => {
    let after = docOf(removeInputEntry(sample(), 'w', 'a', 'id'))
    after = docOf(removeInputEntry(after, 'w', 'a', 'total'))
    expect(stepIn(after, 'w', 'a')).not.toHaveProperty('input')
    const kept = docOf(removeInputEntry(sample(), 'w', 'c', 'only'))
    expect(stepIn(kept, 'w', 'c').input?.entries).toEqual([])
    expect(stepIn(kept, 'w', 'c').input?.openTrailing[0].text).toBe('// keep')
  })

  it('refuses an unknown key', () => {
    expect(reasonOf(removeInputEntry(sample(), 'w', 'a', 'nope'))).toBe('step "a" has no input named "nope"')
  })
})

describe('renameInputKey', () => {
  it('renames a key, keeping value and comments', () => {
    const after = docOf(renameInputKey(sample(), 'w', 'a', 'id', 'order_id'))
    expect(entries(after, 'a')?.[0]).toEqual(['order_id', 'workflow.input.id'])
    expect(stepIn(after, 'w', 'a').input?.entries[0].leading[0].text).toBe('// who')
  })

  it('changes nothing for the same key', () => {
    const before = sample()
    expect(docOf(renameInputKey(before, 'w', 'a', 'id', 'id'))).toBe(before)
  })

  it('refuses a taken, reserved or invalid key', () => {
    expect(reasonOf(renameInputKey(sample(), 'w', 'a', 'id', 'total'))).toBe('there is already an input named "total"')
    expect(reasonOf(renameInputKey(sample(), 'w', 'a', 'id', 'input'))).toBe('"input" is a reserved word and cannot name an input')
    expect(reasonOf(renameInputKey(sample(), 'w', 'a', 'id', '9'))).toMatch(/cannot name an input/)
    expect(reasonOf(renameInputKey(sample(), 'w', 'a', 'ghost', 'x'))).toBe('step "a" has no input named "ghost"')
  })
})
