import { describe, expect, it } from 'vitest'
import type { Broken, CaiDocument, Parallel } from '../model'
import { PLACEHOLDER_ACTIVITY } from './nodes'
import { addParallel, addStep, duplicateStep, moveStep, removeStep, unwrapParallel, wrapInParallel } from './steps'
import {
  comment,
  commentTexts,
  deepFreeze,
  doc,
  docOf,
  flowOf,
  job,
  led,
  parallel,
  reasonOf,
  step,
  stepIn,
  trailed,
  workflow,
  workflowIn,
} from './test-builders'

/** orders: validate, charge, parallel { reserve notify }, confirm;  then job cleanup;  then workflow other: x. */
function sample(): CaiDocument {
  return deepFreeze(
    doc(
      workflow('orders', [
        step('validate'),
        step('charge', 'pay.charge', {
          input: {
            kind: 'input',
            leading: [],
            trailing: [],
            blankBefore: false,
            openTrailing: [],
            inner: [],
            entries: [{ key: 'total', value: 'steps.validate.output.total', leading: [], trailing: [], blankBefore: false }],
          },
        }),
        parallel(step('reserve'), step('notify')),
        step('confirm', 'mail.confirm', { condition: { value: 'steps.charge.output.ok == true', leading: [], trailing: [], blankBefore: false } }),
      ]),
      job('cleanup'),
      workflow('other', [step('x')]),
    ),
  )
}

const broken: Broken = { kind: 'broken', declaration: 'workflow', name: 'bad', text: 'workflow bad { ', leading: [], trailing: [], blankBefore: false }

/** The declarations of `after` other than `names` are the very objects of `before`. */
function expectOthersKept(before: CaiDocument, after: CaiDocument, names: string[]) {
  before.items.forEach((item, i) => {
    if (item.kind === 'foreign' || !names.includes(item.name ?? '')) expect(after.items[i]).toBe(item)
  })
}

describe('addStep', () => {
  it('adds step_N with a placeholder activity at a gap of the sequence', () => {
    const before = sample()
    const result = addStep(before, { workflow: 'orders', index: 1 })
    const after = docOf(result)
    expect(flowOf(after, 'orders')).toEqual(['validate', 'step_1', 'charge', ['reserve', 'notify'], 'confirm'])
    expect(stepIn(after, 'orders', 'step_1').activity?.value).toBe(PLACEHOLDER_ACTIVITY)
    expect(stepIn(after, 'orders', 'step_1').span).toBeUndefined()
    expect(result.ok && result.changed).toEqual(['orders'])
    expectOthersKept(before, after, ['orders'])
  })

  it('takes the first free number', () => {
    const before = deepFreeze(doc(workflow('w', [step('step_1'), step('step_3')])))
    expect(flowOf(docOf(addStep(before, { workflow: 'w', index: 2 })), 'w')).toEqual(['step_1', 'step_3', 'step_2'])
  })

  it('adds a step into a parallel block at a branch position', () => {
    const after = docOf(addStep(sample(), { workflow: 'orders', index: 2, branch: 2 }, { name: 'audit', activity: 'log.audit' }))
    expect(flowOf(after, 'orders')[2]).toEqual(['reserve', 'notify', 'audit'])
    expect(stepIn(after, 'orders', 'audit').activity?.value).toBe('log.audit')
  })

  it('adds the given input entries and condition', () => {
    const after = docOf(
      addStep(sample(), { workflow: 'orders', index: 4 }, { name: 'bill', input: [{ key: 'id', value: 'workflow.input.id' }], condition: 'true' }),
    )
    const added = stepIn(after, 'orders', 'bill')
    expect(added.input?.entries.map((e) => [e.key, e.value])).toEqual([['id', 'workflow.input.id']])
    expect(added.condition?.value).toBe('true')
  })

  it('does not touch the existing steps', () => {
    const before = sample()
    const after = docOf(addStep(before, { workflow: 'orders', index: 0 }))
    const old = workflowIn(before, 'orders').steps.items
    expect(workflowIn(after, 'orders').steps.items.slice(1)).toEqual(old)
    workflowIn(after, 'orders').steps.items.slice(1).forEach((entry, i) => expect(entry).toBe(old[i]))
  })

  it.each([
    [{ name: 'timeout' }, '"timeout" is a reserved word and cannot name a step'],
    [{ name: 'my-step' }, '"my-step" cannot name a step: use letters, digits and _, and do not start with a digit'],
    [{ name: '1st' }, '"1st" cannot name a step: use letters, digits and _, and do not start with a digit'],
    [{ name: '' }, 'a step name cannot be empty'],
    [{ name: 'notify' }, 'workflow orders already has a step named "notify"'],
    [{ activity: 'say "hi"' }, 'a value cannot contain a double quote (")'],
    [{ condition: 'x == "y"' }, 'a value cannot contain a double quote (")'],
    [{ input: [{ key: 'a', value: '"' }] }, 'a value cannot contain a double quote (")'],
    [{ input: [{ key: 'queue', value: 'x' }] }, '"queue" is a reserved word and cannot name an input'],
    [{ input: [{ key: 'a', value: 'x' }, { key: 'a', value: 'y' }] }, 'there is already an input named "a"'],
  ])('refuses %j', (init, reason) => {
    expect(reasonOf(addStep(sample(), { workflow: 'orders', index: 0 }, init))).toBe(reason)
  })

  it('refuses positions outside the flow', () => {
    expect(reasonOf(addStep(sample(), { workflow: 'orders', index: 5 }))).toBe('position 5 is outside the steps of workflow orders (0 to 4)')
    expect(reasonOf(addStep(sample(), { workflow: 'orders', index: -1 }))).toMatch(/outside/)
    expect(reasonOf(addStep(sample(), { workflow: 'orders', index: 0, branch: 0 }))).toBe('entry 0 of workflow orders is not a parallel block')
    expect(reasonOf(addStep(sample(), { workflow: 'orders', index: 2, branch: 3 }))).toBe(
      'position 3 is outside the parallel block (0 to 2)',
    )
  })

  it('refuses unknown, ambiguous and broken workflows', () => {
    expect(reasonOf(addStep(sample(), { workflow: 'nope', index: 0 }))).toBe('there is no workflow named "nope"')
    const twice = deepFreeze(doc(workflow('w', [step('a')]), workflow('w', [step('b')])))
    expect(reasonOf(addStep(twice, { workflow: 'w', index: 0 }))).toBe('there are 2 workflows named "w"; rename one in the text first')
    expect(reasonOf(addStep(deepFreeze(doc(broken)), { workflow: 'bad', index: 0 }))).toBe(
      'workflow bad has syntax errors; fix them in the text first',
    )
  })
})

describe('removeStep', () => {
  it('removes a step of the sequence and says which references remain', () => {
    const before = sample()
    const result = removeStep(before, 'orders', 'validate')
    expect(flowOf(docOf(result), 'orders')).toEqual(['charge', ['reserve', 'notify'], 'confirm'])
    expect(result.ok && result.info).toBe('1 reference to steps.validate remains in workflow orders')
    expectOthersKept(before, docOf(result), ['orders'])
  })

  it('says nothing when no reference remains', () => {
    const result = removeStep(sample(), 'orders', 'notify')
    expect(flowOf(docOf(result), 'orders')).toEqual(['validate', 'charge', ['reserve'], 'confirm'])
    expect(result.ok && result.info).toBeUndefined()
  })

  it('removes the step with its own comments', () => {
    const before = deepFreeze(doc(workflow('w', [step('a'), led(step('b'), '// about b'), step('c')])))
    const after = docOf(removeStep(before, 'w', 'b'))
    expect(flowOf(after, 'w')).toEqual(['a', 'c'])
    expect(JSON.stringify(after)).not.toContain('about b')
  })

  it('dissolves a parallel block it empties, moving the block comments to the next entry', () => {
    const block = { ...led(parallel(step('p')), '// fan out'), inner: [comment('// end of fan')], blankBefore: true } as Parallel
    const before = deepFreeze(doc(workflow('w', [step('a'), block, led(step('c'), '// then c')])))
    const after = docOf(removeStep(before, 'w', 'p'))
    expect(flowOf(after, 'w')).toEqual(['a', 'c'])
    const c = stepIn(after, 'w', 'c')
    expect(commentTexts(c.leading)).toEqual(['// fan out', '// end of fan', '// then c'])
    expect(c.blankBefore).toBe(true)
  })

  it('moves the comments of a dissolved last block to the end of the steps block', () => {
    const block = trailed(parallel(step('p')), '// the end')
    const after = docOf(removeStep(deepFreeze(doc(workflow('w', [step('a'), block]))), 'w', 'p'))
    expect(flowOf(after, 'w')).toEqual(['a'])
    expect(commentTexts(workflowIn(after, 'w').steps.inner)).toEqual(['// the end'])
  })

  it('refuses to remove the only entry of a workflow', () => {
    expect(reasonOf(removeStep(sample(), 'other', 'x'))).toBe(
      '"x" is the only step of workflow other, and CodeAI rejects a workflow with no steps',
    )
    const lonely = deepFreeze(doc(workflow('w', [parallel(step('p'))])))
    expect(reasonOf(removeStep(lonely, 'w', 'p'))).toMatch(/only step/)
  })

  it('keeps a workflow whose other entry is an empty parallel block', () => {
    const after = docOf(removeStep(deepFreeze(doc(workflow('w', [parallel(), step('a')]))), 'w', 'a'))
    expect(flowOf(after, 'w')).toEqual([[]])
  })

  it('refuses unknown and ambiguous steps', () => {
    expect(reasonOf(removeStep(sample(), 'orders', 'ghost'))).toBe('workflow orders has no step named "ghost"')
    const twice = deepFreeze(doc(workflow('w', [step('a'), parallel(step('a'))])))
    expect(reasonOf(removeStep(twice, 'w', 'a'))).toBe('there are 2 steps named "a" in workflow w; rename one in the text first')
  })
})

describe('duplicateStep', () => {
  it('puts NAME_copy right after the step, comments and all, without spans', () => {
    const original = {
      ...led(trailed(step('a'), '// same line'), '// about a'),
      span: { start: 10, end: 30 },
      nameSpan: { start: 10, end: 11 },
    }
    const before = deepFreeze(doc(workflow('w', [original, step('b')])))
    const after = docOf(duplicateStep(before, 'w', 'a'))
    expect(flowOf(after, 'w')).toEqual(['a', 'a_copy', 'b'])
    const copy = stepIn(after, 'w', 'a_copy')
    expect(commentTexts(copy.leading)).toEqual(['// about a'])
    expect(commentTexts(copy.trailing)).toEqual(['// same line'])
    expect(copy.activity?.value).toBe('do.a')
    expect(JSON.stringify(copy)).not.toContain('pan')
    expect(stepIn(after, 'w', 'a')).toBe(original)
  })

  it('numbers further copies', () => {
    const before = deepFreeze(doc(workflow('w', [step('a'), step('a_copy')])))
    expect(flowOf(docOf(duplicateStep(before, 'w', 'a')), 'w')).toEqual(['a', 'a_copy_2', 'a_copy'])
  })

  it('copies a branch into the same parallel block', () => {
    expect(flowOf(docOf(duplicateStep(sample(), 'orders', 'reserve')), 'orders')[2]).toEqual(['reserve', 'reserve_copy', 'notify'])
  })

  it('refuses an unknown step', () => {
    expect(reasonOf(duplicateStep(sample(), 'orders', 'ghost'))).toBe('workflow orders has no step named "ghost"')
  })
})

describe('moveStep', () => {
  it('moves forward and backward in the sequence (gaps counted before the move)', () => {
    expect(flowOf(docOf(moveStep(sample(), 'orders', 'validate', { workflow: 'orders', index: 4 })), 'orders')).toEqual([
      'charge',
      ['reserve', 'notify'],
      'confirm',
      'validate',
    ])
    expect(flowOf(docOf(moveStep(sample(), 'orders', 'confirm', { workflow: 'orders', index: 1 })), 'orders')).toEqual([
      'validate',
      'confirm',
      'charge',
      ['reserve', 'notify'],
    ])
  })

  it('changes nothing when dropped beside itself', () => {
    const before = sample()
    for (const to of [
      { workflow: 'orders', index: 1 },
      { workflow: 'orders', index: 2 },
    ]) {
      const result = moveStep(before, 'orders', 'charge', to)
      expect(result).toEqual({ ok: true, doc: before, changed: [] })
    }
    expect(docOf(moveStep(before, 'orders', 'notify', { workflow: 'orders', index: 2, branch: 1 }))).toBe(before)
  })

  it('moves into a parallel block, and within one', () => {
    expect(flowOf(docOf(moveStep(sample(), 'orders', 'validate', { workflow: 'orders', index: 2, branch: 1 })), 'orders')).toEqual([
      'charge',
      ['reserve', 'validate', 'notify'],
      'confirm',
    ])
    expect(flowOf(docOf(moveStep(sample(), 'orders', 'reserve', { workflow: 'orders', index: 2, branch: 2 })), 'orders')).toEqual([
      'validate',
      'charge',
      ['notify', 'reserve'],
      'confirm',
    ])
  })

  it('moves out of a parallel block', () => {
    expect(flowOf(docOf(moveStep(sample(), 'orders', 'notify', { workflow: 'orders', index: 0 })), 'orders')).toEqual([
      'notify',
      'validate',
      'charge',
      ['reserve'],
      'confirm',
    ])
  })

  it('dissolves the block it leaves empty, keeping the block comments with the next entry', () => {
    const block = { ...led(parallel(step('p')), '// fan out'), openTrailing: [comment('// open')] }
    const before = deepFreeze(doc(workflow('w', [step('a'), block, step('c')])))
    const after = docOf(moveStep(before, 'w', 'p', { workflow: 'w', index: 0 }))
    expect(flowOf(after, 'w')).toEqual(['p', 'a', 'c'])
    expect(commentTexts(stepIn(after, 'w', 'c').leading)).toEqual(['// fan out', '// open'])
  })

  it('carries the step comments and keeps the step object', () => {
    const moving = led(trailed(step('b'), '// why b'), '// b first')
    const before = deepFreeze(doc(workflow('w', [step('a'), moving, parallel(step('p'))])))
    const after = docOf(moveStep(before, 'w', 'b', { workflow: 'w', index: 2, branch: 0 }))
    expect(flowOf(after, 'w')).toEqual(['a', ['b', 'p']])
    expect(stepIn(after, 'w', 'b')).toBe(moving)
  })

  it('moves a step to another workflow', () => {
    const before = sample()
    const result = moveStep(before, 'orders', 'confirm', { workflow: 'other', index: 0 })
    const after = docOf(result)
    expect(flowOf(after, 'orders')).toEqual(['validate', 'charge', ['reserve', 'notify']])
    expect(flowOf(after, 'other')).toEqual(['confirm', 'x'])
    expect(result.ok && result.changed).toEqual(['orders', 'other'])
    expect(after.items[1]).toBe(before.items[1])
  })

  it('refuses what cannot be', () => {
    const clash = deepFreeze(doc(workflow('a', [step('s'), step('t')]), workflow('b', [step('s')])))
    expect(reasonOf(moveStep(clash, 'a', 's', { workflow: 'b', index: 0 }))).toBe('workflow b already has a step named "s"')
    expect(reasonOf(moveStep(sample(), 'other', 'x', { workflow: 'orders', index: 0 }))).toBe(
      '"x" is the only step of workflow other, and CodeAI rejects a workflow with no steps',
    )
    expect(reasonOf(moveStep(sample(), 'orders', 'validate', { workflow: 'orders', index: 9 }))).toMatch(/outside/)
    expect(reasonOf(moveStep(sample(), 'orders', 'validate', { workflow: 'orders', index: 1, branch: 0 }))).toBe(
      'entry 1 of workflow orders is not a parallel block',
    )
    expect(reasonOf(moveStep(sample(), 'orders', 'ghost', { workflow: 'orders', index: 0 }))).toMatch(/no step named "ghost"/)
    expect(reasonOf(moveStep(sample(), 'orders', 'validate', { workflow: 'ghost', index: 0 }))).toBe('there is no workflow named "ghost"')
  })
})

describe('wrapInParallel', () => {
  it('wraps adjacent steps, given in any order, where the first stood', () => {
    const before = deepFreeze(doc(workflow('w', [step('a'), { ...led(step('b'), '// b'), blankBefore: true }, step('c'), step('d')])))
    const after = docOf(wrapInParallel(before, 'w', ['c', 'b']))
    expect(flowOf(after, 'w')).toEqual(['a', ['b', 'c'], 'd'])
    const block = workflowIn(after, 'w').steps.items[1] as Parallel
    expect(block.blankBefore).toBe(true)
    expect(block.branches[0].blankBefore).toBe(false)
    expect(commentTexts(block.branches[0].leading)).toEqual(['// b'])
    expect(block.branches[1]).toBe(workflowIn(before, 'w').steps.items[2])
  })

  it('wraps a single step', () => {
    expect(flowOf(docOf(wrapInParallel(sample(), 'orders', ['validate'])), 'orders')[0]).toEqual(['validate'])
  })

  it('refuses what cannot be wrapped', () => {
    expect(reasonOf(wrapInParallel(sample(), 'orders', []))).toBe('choose at least one step to put in a parallel block')
    expect(reasonOf(wrapInParallel(sample(), 'orders', ['validate', 'confirm']))).toBe(
      'the steps to put in a parallel block must stand next to each other',
    )
    expect(reasonOf(wrapInParallel(sample(), 'orders', ['charge', 'reserve']))).toBe('step "reserve" is already in a parallel block')
    expect(reasonOf(wrapInParallel(sample(), 'orders', ['ghost']))).toMatch(/no step named "ghost"/)
  })
})

describe('unwrapParallel', () => {
  it('puts the branches in the sequence, keeping the block comments in place', () => {
    const block = {
      ...led(parallel(step('p'), step('q')), '// fan out'),
      openTrailing: [comment('// open')],
      inner: [comment('// last inside')],
      trailing: [comment('// after close')],
      blankBefore: true,
    } as Parallel
    const before = deepFreeze(doc(workflow('w', [step('a'), block, step('c')])))
    const after = docOf(unwrapParallel(before, 'w', 1))
    expect(flowOf(after, 'w')).toEqual(['a', 'p', 'q', 'c'])
    expect(commentTexts(stepIn(after, 'w', 'p').leading)).toEqual(['// fan out', '// open'])
    expect(stepIn(after, 'w', 'p').blankBefore).toBe(true)
    expect(stepIn(after, 'w', 'q')).toBe(block.branches[1])
    expect(commentTexts(stepIn(after, 'w', 'c').leading)).toEqual(['// last inside', '// after close'])
  })

  it('removes an empty block, keeping its comments', () => {
    const after = docOf(unwrapParallel(deepFreeze(doc(workflow('w', [step('a'), led(parallel(), '// later')]))), 'w', 1))
    expect(flowOf(after, 'w')).toEqual(['a'])
    expect(commentTexts(workflowIn(after, 'w').steps.inner)).toEqual(['// later'])
  })

  it('refuses a non-block and an only entry', () => {
    expect(reasonOf(unwrapParallel(sample(), 'orders', 0))).toBe('entry 0 of workflow orders is not a parallel block')
    expect(reasonOf(unwrapParallel(sample(), 'orders', 7))).toBe('entry 7 of workflow orders is not a parallel block')
    expect(reasonOf(unwrapParallel(deepFreeze(doc(workflow('w', [parallel()]))), 'w', 0))).toBe(
      'the parallel block is the only entry of workflow w, and CodeAI rejects a workflow with no steps',
    )
  })
})

describe('addParallel', () => {
  it('adds an empty block to the sequence', () => {
    const before = sample()
    const after = docOf(addParallel(before, { workflow: 'orders', index: 4 }))
    expect(flowOf(after, 'orders')).toEqual(['validate', 'charge', ['reserve', 'notify'], 'confirm', []])
    expectOthersKept(before, after, ['orders'])
  })

  it('refuses a block inside a block and a bad position', () => {
    expect(reasonOf(addParallel(sample(), { workflow: 'orders', index: 2, branch: 0 }))).toBe(
      'a parallel block cannot hold another parallel block',
    )
    expect(reasonOf(addParallel(sample(), { workflow: 'orders', index: 6 }))).toMatch(/outside/)
  })
})
