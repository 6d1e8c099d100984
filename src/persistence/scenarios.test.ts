/** The dry run's scenarios are part of the saved document: stored, read back, checked, carried by backups. */
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, test } from 'vitest'
import { parseBackup, readBackups, writeBackup } from './backup'
import { MemoryStorage } from './memory-storage.test-helper'
import { MAX_SCENARIOS, readDocument, readScenarios, STORAGE_FORMAT, type DocumentDraft } from './records'
import { Repository } from './repository'

const SCENARIO = '{\n  "steps": { "process_payment": { "behaviour": "always-fails" } }\n}'
const opened: Repository[] = []
let clock = 1_000

async function openRepository() {
  const repository = await Repository.open({ indexedDB: new IDBFactory(), now: () => ++clock })
  opened.push(repository)
  return repository
}

afterEach(() => {
  for (const repository of opened.splice(0)) repository.close()
})

function draft(scenarios?: Record<string, string>): DocumentDraft {
  return { id: 'doc-1', name: 'a.cai', text: 'workflow w {}\n', selectedWorkflow: null, cursorOffset: 0, dirty: false, bom: false, ...(scenarios ? { scenarios } : {}) }
}

describe('scenarios saved with the document', () => {
  test('are stored with it and read back exactly, per document', async () => {
    const repository = await openRepository()
    await repository.save(draft({ order_fulfillment: SCENARIO, typing: '{"steps": ' }), 0)
    await repository.save({ ...draft(), id: 'doc-2' }, 0)
    expect((await repository.load('doc-1')).document?.scenarios).toEqual({ order_fulfillment: SCENARIO, typing: '{"steps": ' })
    expect((await repository.load('doc-2')).document).not.toHaveProperty('scenarios')
  })

  test('a record from before scenarios were saved still reads, without them', () => {
    const record = { ...draft(), format: STORAGE_FORMAT, revision: 3, savedAt: 5 }
    expect(readDocument(record)).toEqual({ ok: true, value: record })
  })

  test.each([
    ['not an object', 'scenarios'],
    ['an array', ['{}']],
    ['a text that is not text', { w: 42 }],
    ['too many', Object.fromEntries(Array.from({ length: MAX_SCENARIOS + 1 }, (_, i) => [`w${i}`, '{}']))],
  ])('damaged scenarios (%s) are dropped; the document is kept, not set aside', (_, scenarios) => {
    const record = { ...draft(), format: STORAGE_FORMAT, revision: 3, savedAt: 5, scenarios }
    const read = readDocument(record)
    expect(read.ok).toBe(true)
    expect(read.ok && read.value).not.toHaveProperty('scenarios')
    expect(read.ok && read.value.text).toBe(record.text)
    expect(readScenarios(scenarios)).toBeUndefined()
  })

  test('a workflow named __proto__ is just a name', () => {
    const scenarios = readScenarios(JSON.parse('{"__proto__": "{}"}'))
    expect(Object.keys(scenarios!)).toEqual(['__proto__'])
  })

  test('a closing tab\'s backup keeps them, and promoting it saves them', async () => {
    const storage = new MemoryStorage()
    expect(writeBackup(storage, 'tab1', draft({ w: SCENARIO }), 0)).toBe(true)
    const [{ backup }] = readBackups(storage)
    if (!backup?.ok) throw new Error('the backup does not read')
    expect(backup.value.scenarios).toEqual({ w: SCENARIO })
    const repository = await openRepository()
    const promotion = await repository.promote(backup.value, (name) => `${name} (copy)`)
    expect(promotion.kind).toBe('applied')
    expect((await repository.load('doc-1')).document?.scenarios).toEqual({ w: SCENARIO })
  })

  test('a backup whose scenarios are damaged still brings its text back', () => {
    const raw = JSON.stringify({ format: STORAGE_FORMAT, tab: 't', ...draft(), baseRevision: 0, writtenAt: 1, scenarios: { w: 7 } })
    const read = parseBackup(raw, 't', 'doc-1')
    expect(read).toMatchObject({ ok: true, value: { text: 'workflow w {}\n' } })
    expect(read.ok && read.value).not.toHaveProperty('scenarios')
  })
})
