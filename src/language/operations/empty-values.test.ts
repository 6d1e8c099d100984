import { describe, expect, it } from 'vitest'
import type { CaiDocument } from '../model'
import { parse } from '../parse'
import { printItem } from '../print'
import { validate } from '../validate'
import { removeEmptyValue, type EmptyStatement } from './empty-values'
import type { OpResult } from './result'
import { applyToText } from './splice'
import { deepFreeze, docOf, reasonOf } from './test-builders'

const TEXT = `workflow orders {
\ttrigger manual
\t// the SLA, to be decided
\ttimeout ""
\tsteps {
\t\ta {
\t\t\tactivity "tasks.a"
\t\t}
\t}
\tretry {
\t\tmax_attempts 3
\t\tinitial_interval ""
\t}
}

job cleanup {
\tschedule ""
\ttask "sessions.cleanup"
\tqueue ""
}

job backup {
\tschedule "0 2 * * *"
\ttask "db.backup"
\tqueue "low"
}
`

function parsed(text: string): CaiDocument {
  return deepFreeze(parse(text).doc)
}

function edit(text: string, op: (doc: CaiDocument) => OpResult): string {
  const before = parsed(text)
  return applyToText(text, before, docOf(op(before)), printItem)
}

const emptyWarnings = (text: string) => validate(parse(text).doc, text).filter((d) => d.code === 'value-empty')

describe('removeEmptyValue: the inspector\'s fix for a value-empty warning', () => {
  it.each<[EmptyStatement, string]>([
    [{ workflow: 'orders', statement: 'timeout' }, '\ttimeout ""\n'],
    [{ owner: { workflow: 'orders' }, statement: 'initial_interval' }, '\t\tinitial_interval ""\n'],
    [{ job: 'cleanup', statement: 'schedule' }, '\tschedule ""\n'],
    [{ job: 'cleanup', statement: 'queue' }, '\tqueue ""\n'],
  ])('removes %j: that line goes, everything else stays', (target, line) => {
    expect(emptyWarnings(TEXT)).toHaveLength(4)
    const after = edit(TEXT, (doc) => removeEmptyValue(doc, target))
    expect(after).not.toContain(line)
    expect(emptyWarnings(after)).toHaveLength(3)
    // Nothing but that line is removed.
    expect(after.length).toBe(TEXT.length - line.length - (target.statement === 'timeout' ? '\t// the SLA, to be decided\n'.length : 0))
  })

  it('takes the comment above the statement with it, like every removal', () => {
    const after = edit(TEXT, (doc) => removeEmptyValue(doc, { workflow: 'orders', statement: 'timeout' }))
    expect(after).not.toContain('the SLA')
  })

  it('refuses a statement that is not empty, or not there, and an unknown owner', () => {
    const doc = parsed(TEXT)
    expect(reasonOf(removeEmptyValue(doc, { job: 'backup', statement: 'queue' }))).toBe('job backup: queue "low" is not empty, so it was not removed')
    expect(reasonOf(removeEmptyValue(doc, { owner: { job: 'backup' }, statement: 'initial_interval' }))).toBe(
      "job backup's retry policy has no initial_interval statement",
    )
    expect(reasonOf(removeEmptyValue(doc, { job: 'nope', statement: 'schedule' }))).toBe('there is no job named "nope"')
  })

  it('changes only the declaration it edits', () => {
    const doc = parsed(TEXT)
    const result = removeEmptyValue(doc, { job: 'cleanup', statement: 'queue' })
    expect(result.ok && result.changed).toEqual(['cleanup'])
    expect(docOf(result).items[0]).toBe(doc.items[0])
  })
})
