import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Change } from './changes'
import { diffAsMarkdown, diffAsText } from './describe'
import { diffDocuments, RENAME_THRESHOLD, stepSimilarity } from './diff'
import { parse } from '../language/parse'
import type { Workflow } from '../language/model'

const NOW = { now: new Date('2026-03-02T00:00:00Z') }
const EXAMPLE = readFileSync('examples/09-workflows/with_workflows.cai', 'utf8')

const changes = (before: string, after: string) => diffDocuments(before, after, NOW).changes

/** A change seen from the other side: what diff(after, before) must report for it. */
function reversed(change: Change): Change {
  const swapFields = <T extends { fields: Array<{ field: string; before?: string; after?: string }> }>(c: T) => ({
    ...c,
    fields: c.fields.map(({ field, before, after }) => ({ field, ...(after !== undefined && { before: after }), ...(before !== undefined && { after: before }) })),
  })
  switch (change.kind) {
    case 'workflow-added':
      return { ...change, kind: 'workflow-removed' }
    case 'workflow-removed':
      return { ...change, kind: 'workflow-added' }
    case 'job-added':
      return { ...change, kind: 'job-removed' }
    case 'job-removed':
      return { ...change, kind: 'job-added' }
    case 'block-added':
      return { ...change, kind: 'block-removed' }
    case 'block-removed':
      return { ...change, kind: 'block-added' }
    case 'step-added':
      return { ...change, kind: 'step-removed' }
    case 'step-removed':
      return { ...change, kind: 'step-added' }
    case 'step-moved':
      return { ...change, from: change.to, to: change.from }
    case 'step-renamed':
      return { ...change, from: change.to, to: change.from }
    case 'step-changed':
    case 'workflow-changed':
    case 'job-changed':
      return swapFields(change) as Change
    default:
      return change
  }
}

/** Checks the forward diff, and that the reverse diff reports each change undone (schedule words aside). */
function expectBothWays(before: string, after: string, expected: Change[]) {
  const strip = (list: Change[]) =>
    list.map((c) => ('fields' in c ? { ...c, fields: c.fields.map(({ field, before: b, after: a }) => ({ field, ...(b !== undefined && { before: b }), ...(a !== undefined && { after: a }) })) } : c))
  expect(strip(changes(before, after))).toEqual(expected)
  expect(strip(changes(after, before))).toEqual(expected.map(reversed))
}

const wf = (steps: string, extra = '', name = 'w') => `workflow ${name} {\n  trigger manual\n${extra}  steps {\n${steps}  }\n}\n`
const step = (name: string, body = `activity "svc.${name}"`) => `    ${name} { ${body} }\n`

describe('diffDocuments: each kind of change, both ways', () => {
  it('workflows added and removed', () => {
    expectBothWays(wf(step('a')), wf(step('a')) + wf(step('b'), '', 'v'), [{ kind: 'workflow-added', workflow: 'v' }])
  })

  it('steps added and removed, with their place', () => {
    expectBothWays(wf(step('a') + step('c')), wf(step('a') + step('b') + step('c')), [
      { kind: 'step-added', workflow: 'w', step: 'b', place: { entry: 2 } },
    ])
  })

  it('a step changed: activity, each input, condition', () => {
    expectBothWays(
      wf(step('a', 'activity "x.a" input { k: "1" gone: "2" }')),
      wf(step('a', 'activity "x.b" input { k: "3" new: "4" } if "ok"')),
      [
        {
          kind: 'step-changed',
          workflow: 'w',
          step: 'a',
          fields: [
            { field: 'activity', before: 'x.a', after: 'x.b' },
            { field: 'input.gone', before: '2' },
            { field: 'input.k', before: '1', after: '3' },
            { field: 'input.new', after: '4' },
            { field: 'condition', after: 'ok' },
          ],
        },
      ],
    )
  })

  it('trigger, timeout and retry as fields of the workflow', () => {
    expectBothWays(
      wf(step('a'), '  timeout "1h"\n'),
      wf(step('a'), '  timeout "2h"\n').replace('trigger manual', 'trigger event "x.y"').replace(/\}\n$/, '  retry { max_attempts 5 }\n}\n'),
      [
        {
          kind: 'workflow-changed',
          workflow: 'w',
          fields: [
            { field: 'trigger', before: 'manual', after: 'event "x.y"' },
            { field: 'timeout', before: '1h', after: '2h' },
            { field: 'retry', after: 'a retry policy' },
            { field: 'retry.max_attempts', after: '5' },
          ],
        },
      ],
    )
  })

  it('a step moved in the sequence, into a parallel block, and between blocks', () => {
    expectBothWays(wf(step('a') + step('b') + step('c')), wf(step('b') + step('c') + step('a')), [
      { kind: 'step-moved', workflow: 'w', step: 'a', from: { entry: 1 }, to: { entry: 3 } },
    ])
    const block = (...names: string[]) => `    parallel {\n${names.map((n) => `  ${step(n)}`).join('')}    }\n`
    expectBothWays(wf(step('a') + block('b', 'c') + step('d')), wf(block('b', 'c', 'a') + step('d')), [
      { kind: 'step-moved', workflow: 'w', step: 'a', from: { entry: 1 }, to: { entry: 1, branch: 3 } },
    ])
    expectBothWays(wf(block('a', 'b') + block('c', 'd')), wf(block('a') + block('c', 'd', 'b')), [
      { kind: 'step-moved', workflow: 'w', step: 'b', from: { entry: 1, branch: 2 }, to: { entry: 2, branch: 3 } },
    ])
  })

  it('reordering the branches of a parallel block moves nothing', () => {
    const block = (...names: string[]) => `    parallel {\n${names.map((n) => `  ${step(n)}`).join('')}    }\n`
    expect(changes(wf(block('a', 'b')), wf(block('b', 'a')))).toEqual([])
  })

  it('a renamed step whose references were rewritten is one rename, not a removal and an addition', () => {
    const before = wf(step('check', 'activity "inv.check"') + step('pay', 'activity "pay.x" input { ok: "steps.check.output.ok" } if "steps.check.output.ok"'))
    const after = before.replace(/check\b/g, 'verify').replace('"inv.verify"', '"inv.check"')
    expectBothWays(before, after, [{ kind: 'step-renamed', workflow: 'w', from: 'check', to: 'verify', similarity: expect.any(Number) as unknown as number, references: 2 }])
  })

  it('a renamed step whose references were not rewritten leaves them as changes (they now dangle)', () => {
    const before = wf(step('check', 'activity "inv.check"') + step('pay', 'activity "pay.x" input { ok: "steps.check.output.ok" }'))
    const after = before.replace('check {', 'verify {')
    expect(changes(before, after)).toMatchObject([
      { kind: 'step-renamed', from: 'check', to: 'verify', references: 0 },
      { kind: 'step-changed', step: 'pay', fields: [{ field: 'input.ok', before: 'steps.verify.output.ok', after: 'steps.check.output.ok' }] },
    ])
  })

  it('a step with another activity, other inputs and another name is a removal and an addition', () => {
    expect(changes(wf(step('a', 'activity "x.one" input { k: "1" }')), wf(step('zz', 'activity "y.two"')))).toEqual([
      { kind: 'step-added', workflow: 'w', step: 'zz', place: { entry: 1 } },
      { kind: 'step-removed', workflow: 'w', step: 'a', place: { entry: 1 } },
    ])
  })

  it('documents the rename threshold: the same activity and most inputs under a related name pass, a new activity does not', () => {
    const step = (name: string, activity: string, inputs: Record<string, string>) =>
      (parse(wf(`    ${name} { activity "${activity}" input { ${Object.entries(inputs).map(([k, v]) => `${k}: "${v}"`).join(' ')} } }\n`)).doc.items[0] as Workflow).steps.items[0] as never
    expect(stepSimilarity(step('charge', 'pay.charge', { a: '1', b: '2', c: '3' }), step('charge_card', 'pay.charge', { a: '1', b: '2', c: '4' }))).toBeGreaterThanOrEqual(RENAME_THRESHOLD)
    expect(stepSimilarity(step('charge', 'pay.charge', { a: '1' }), step('charge_v2', 'pay.refund', { a: '1' }))).toBeLessThan(RENAME_THRESHOLD)
  })

  it('jobs: schedule (in words, with the next runs of each), task, queue and retry', () => {
    const job = (body: string) => `job nightly {\n${body}}\n`
    const before = job('  schedule "0 2 * * *"\n  task "report.build"\n')
    const after = job('  schedule "30 3 * * 1"\n  task "report.make"\n  queue "critical"\n  retry { max_attempts 2 }\n')
    const [change] = changes(before, after)
    expect(change).toMatchObject({
      kind: 'job-changed',
      job: 'nightly',
      fields: [
        { field: 'schedule', before: '0 2 * * *', after: '30 3 * * 1', beforeRuns: expect.any(Array), afterRuns: expect.any(Array) },
        { field: 'task', before: 'report.build', after: 'report.make' },
        { field: 'queue', before: 'default', after: 'critical' },
        { field: 'retry', after: 'a retry policy' },
        { field: 'retry.max_attempts', after: '2' },
      ],
    })
    const schedule = (change as Extract<Change, { kind: 'job-changed' }>).fields[0]
    expect(schedule.beforeWords).toMatch(/02:00/)
    expect(schedule.afterWords).toMatch(/03:30/)
    expect(schedule.beforeRuns).toHaveLength(3)
    expectBothWays(before, after.replace('  schedule "30 3 * * 1"\n', '  schedule "0 2 * * *"\n').replace('  retry { max_attempts 2 }\n', ''), [
      { kind: 'job-changed', job: 'nightly', fields: [{ field: 'task', before: 'report.build', after: 'report.make' }, { field: 'queue', before: 'default', after: 'critical' }] },
    ])
  })

  it('a job naming the default queue means the same as one naming none', () => {
    expect(changes('job j {\n  task "t.x"\n}\n', 'job j {\n  task "t.x"\n  queue "default"\n}\n')).toEqual([])
  })

  it('jobs and other CodeAI blocks added, removed and changed', () => {
    const block = 'entity Order {\n  id: uuid\n}\n'
    expectBothWays('job j {\n  task "t.x"\n}\n', 'job j {\n  task "t.x"\n}\njob k {\n  task "t.y"\n}\n' + block, [
      { kind: 'job-added', job: 'k' },
      { kind: 'block-added', block: 'entity Order' },
    ])
    expectBothWays(block, block.replace('uuid', 'string'), [{ kind: 'block-changed', block: 'entity Order' }])
  })

  it('a declaration with syntax errors is not comparable, with its errors; the others are still compared', () => {
    const before = wf(step('a')) + wf(step('x'), '', 'v')
    const after = wf(step('a') + step('b')) + wf(step('x'), '', 'v').replace('steps {', 'steps {{')
    const diff = diffDocuments(before, after, NOW)
    expect(diff.meaning).toBe('different')
    expect(diff.changes).toMatchObject([
      { kind: 'step-added', workflow: 'w', step: 'b' },
      { kind: 'not-comparable', declaration: 'workflow', name: 'v', broken: 'after', errors: [expect.stringMatching(/^line \d+: /)] },
    ])
  })

  it('says "no change in meaning" for comment-only and layout-only changes', () => {
    expect(diffDocuments(EXAMPLE, EXAMPLE.replace('// Only charge', '// Never charge'), NOW)).toEqual({ meaning: 'same', cosmetic: ['comments'], changes: [] })
    expect(diffDocuments(EXAMPLE, EXAMPLE.replace(/\t/g, '    ').replace(/\n\n/g, '\n'), NOW)).toEqual({ meaning: 'same', cosmetic: ['layout'], changes: [] })
    const moved = EXAMPLE.split(/\n(?=workflow |job )/)
    expect(diffDocuments(EXAMPLE, [moved[0], ...moved.slice(1).reverse()].join('\n'), NOW)).toMatchObject({ meaning: 'same', changes: [] })
    expect(diffDocuments(EXAMPLE, EXAMPLE, NOW)).toEqual({ meaning: 'same', cosmetic: [], changes: [] })
  })

  it('never throws on text that is not .cai', () => {
    const junk = ['\u0000\u0001binary', '{{{{', '}}}', 'workflow', 'job j {', '"unterminated', '\uD800']
    for (const a of junk) for (const b of junk) expect(() => diffDocuments(a, b, NOW)).not.toThrow()
  })
})

describe('diff descriptions', () => {
  const before = EXAMPLE
  const after = EXAMPLE.replace(/check_inventory/g, 'check_stock').replace('activity "orders.validate"', 'activity "orders.check"')

  it('prints one change per line, grouped by workflow, with the verdict last', () => {
    expect(diffAsText(diffDocuments(before, after, NOW))).toBe(
      [
        'workflow order_fulfillment:',
        '  changed step validate_order: activity "orders.validate" → "orders.check"',
        '  renamed step check_inventory to check_stock (similarity 0.91, 2 references updated)',
        '2 changes in meaning',
        '',
      ].join('\n'),
    )
    expect(diffAsText(diffDocuments(before, before.replace('// Only', '// Just'), NOW))).toBe('No change in meaning (only comments changed)\n')
  })

  it('writes a pull-request comment with a summary table, and no name can become markup', () => {
    const markdown = diffAsMarkdown(diffDocuments(before, after, NOW))
    expect(markdown).toContain('| Added | Removed | Changed | Moved | Renamed | Not comparable |')
    expect(markdown).toContain('| 0 | 0 | 1 | 0 | 1 | 0 |')
    expect(markdown).toContain('- renamed step check\\_inventory to check\\_stock')
    const hostile = diffAsMarkdown(diffDocuments(wf(step('a')), wf(step('a', 'activity "<img src=x onerror=alert(1)>[x](javascript:y)"')), NOW))
    // Every markup character comes escaped: no tag, no link.
    expect(hostile).toContain('\\<img src=x onerror=alert(1)\\>\\[x\\](javascript:y)')
    expect(hostile).not.toMatch(/(?<!\\)<img|(?<!\\)\]\(/)
  })
})
