import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, test } from 'vitest'
import { Autosaver } from './autosave'
import { readBackups, writeBackup } from './backup'
import { MemoryStorage } from './memory-storage.test-helper'
import type { DocumentDraft } from './records'
import { Repository } from './repository'
import { restore, type Restored } from './restore'
import type { TabLocks } from './tab-locks'

const opened: { close(): void }[] = []
afterEach(() => {
  for (const each of opened.splice(0)) each.close()
})

function draft(text: string, id = 'doc'): DocumentDraft {
  return { id, name: 'doc.cai', text, selectedWorkflow: null, cursorOffset: text.length, dirty: true, bom: false }
}

async function database(...texts: string[]) {
  const indexedDB = new IDBFactory()
  const repository = await Repository.open({ indexedDB })
  for (const [revision, text] of texts.entries()) await repository.save(draft(text), revision)
  repository.close()
  return indexedDB
}

async function restoreFrom(indexedDB: IDBFactory, backups: MemoryStorage, locks: TabLocks | null = null): Promise<Restored> {
  const restored = await restore({ indexedDB, backups, locks, remembered: ['doc'] })
  if (restored.repository) opened.push(restored.repository)
  return restored
}

/** Web Locks with some tabs still open. As the real ones, a granted lock is held until its callback ends: not re-entrant. */
function locksWithOpen(...open: string[]): TabLocks {
  const granted = new Set<string>()
  return {
    async request(name: string, ...rest: unknown[]) {
      const callback = rest.at(-1) as (lock: unknown) => unknown
      const options = (rest.length > 1 ? rest[0] : {}) as { ifAvailable?: boolean }
      const held = granted.has(name) || open.some((tab) => name.endsWith(`.${tab}`))
      if (held && options.ifAvailable) return callback(null)
      if (held) return new Promise(() => {})
      granted.add(name)
      try {
        return await callback({ name })
      } finally {
        granted.delete(name)
      }
    },
  } as TabLocks
}

describe('a closing tab’s backup', () => {
  test('is brought back at the next start when nobody saved the document since, and the user is told', async () => {
    const indexedDB = await database('saved text')
    const backups = new MemoryStorage()
    writeBackup(backups, 'closedtab', draft('saved text, and the last keys'), 1)
    const restored = await restoreFrom(indexedDB, backups)
    expect(restored.document).toMatchObject({ id: 'doc', text: 'saved text, and the last keys', revision: 2, cursorOffset: 29 })
    expect(restored.promoted).toMatchObject([{ kind: 'applied', document: { id: 'doc', revision: 2 } }])
    expect(backups.size).toBe(0)
    const told: string[] = []
    const autosave = new Autosaver(restored.repository, restored.document!, {
      snapshot: () => draft(restored.document!.text),
      channel: null,
      backups,
      locks: null,
      tell: (_, text) => told.push(text),
      promoted: restored.promoted,
    })
    opened.push({ close: () => autosave.dispose() })
    expect(told).toEqual(['Restored the edits from when this tab closed.'])
  })

  test('becomes a document of its own when another tab saved the document since', async () => {
    const indexedDB = await database('base', 'another tab saved this later')
    const backups = new MemoryStorage()
    writeBackup(backups, 'closedtab', draft('base, edited in the closed tab'), 1)
    const restored = await restoreFrom(indexedDB, backups)
    expect(restored.document?.text).toBe('another tab saved this later')
    expect(restored.promoted).toMatchObject([{ kind: 'copied', original: 'doc.cai', document: { name: 'doc.cai (closed tab)', text: 'base, edited in the closed tab' } }])
    expect(restored.recent.map((entry) => entry.name).sort()).toEqual(['doc.cai', 'doc.cai (closed tab)'])
  })

  test('replaces the save its own tab had in flight when it closed', async () => {
    const indexedDB = await database('base')
    const repository = await Repository.open({ indexedDB })
    // The tab's autosave of "base, ed" committed after the backup of "base, edited" was written.
    await repository.save({ ...draft('base, ed'), writer: 'closedtab' }, 1)
    repository.close()
    const backups = new MemoryStorage()
    writeBackup(backups, 'closedtab', draft('base, edited'), 1)
    const restored = await restoreFrom(indexedDB, backups)
    expect(restored.document).toMatchObject({ text: 'base, edited', revision: 3 })
    expect(restored.recent).toHaveLength(1)
  })

  test('is left alone while its tab is still open (a hidden tab), and promoted once that tab closes', async () => {
    const indexedDB = await database('base')
    const backups = new MemoryStorage()
    writeBackup(backups, 'hiddentab', draft('base, edited in the hidden tab'), 1)
    const restored = await restoreFrom(indexedDB, backups, locksWithOpen('hiddentab'))
    expect(restored.document?.text).toBe('base')
    expect(backups.size).toBe(1)
    // The tab closes: a page still open brings its edits in, and shows them.
    let text = restored.document!.text
    const autosave = new Autosaver(restored.repository, restored.document!, {
      snapshot: () => ({ ...draft(text) }),
      channel: null,
      backups,
      locks: locksWithOpen(),
      show: (document) => (text = document.text),
    })
    opened.push({ close: () => autosave.dispose() })
    await expect.poll(() => text).toBe('base, edited in the hidden tab')
    expect(backups.size).toBe(0)
    expect(autosave.currentDocument.revision).toBe(2)
  })

  test('is promoted once, even by two pages at the same time', async () => {
    const indexedDB = await database('base', 'newer')
    const backups = new MemoryStorage()
    writeBackup(backups, 'closedtab', draft('closed tab text'), 1)
    const first = await Repository.open({ indexedDB })
    const second = await Repository.open({ indexedDB })
    opened.push(first, second)
    const [found] = readBackups(backups)
    if (!found.backup?.ok) throw new Error('unreadable')
    const backup = found.backup.value
    const outcomes = await Promise.all([first, second].map((repository) => repository.promote(backup, (name) => `${name} (closed tab)`)))
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['copied', 'unchanged'])
    expect((await first.recent()).entries).toHaveLength(2)
  })

  test('a damaged backup is set aside, not deleted', async () => {
    const indexedDB = await database('base')
    const backups = new MemoryStorage()
    backups.setItem('cai-designer.backup.closedtab.doc', '{"format":1,"text":')
    const restored = await restoreFrom(indexedDB, backups)
    expect(restored.setAside).toEqual([{ key: 'closedtab.doc', reason: 'it is not readable data' }])
    expect(await restored.repository!.quarantined()).toEqual([expect.objectContaining({ store: 'backup', value: '{"format":1,"text":' })])
    expect(restored.document?.text).toBe('base')
  })

  test('storage that refuses the backup (full, disabled) is no error: the regular save still runs', async () => {
    const indexedDB = await database('base')
    const repository = await Repository.open({ indexedDB })
    opened.push(repository)
    const backups = new MemoryStorage()
    backups.refuse = true
    let text = 'base'
    const autosave = new Autosaver(repository, { id: 'doc', revision: 1 }, { snapshot: () => draft(text), channel: null, backups, locks: null, delayMs: 60_000, maxDelayMs: 60_000 })
    opened.push({ close: () => autosave.dispose() })
    text = 'edited'
    autosave.changed()
    autosave.leaving()
    await expect.poll(async () => (await repository.load('doc')).document?.text).toBe('edited')
  })
})

test('storage whose opening never answers starts the page with saving reported as not answering', async () => {
  const silent = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory
  const restored = await restore({ indexedDB: silent, openTimeoutMs: 50, backups: null, locks: null, remembered: [] })
  expect(restored).toMatchObject({ repository: null, offReason: 'the browser storage is not answering' })
  const autosave = new Autosaver(null, { id: 'doc', revision: 0 }, { snapshot: () => draft('x'), channel: null, backups: null, locks: null }, restored.offReason)
  expect(autosave.status.getState()).toEqual({ state: 'failed', message: 'storage is not answering' })
  autosave.changed()
  expect(autosave.hasUnsavedWork()).toBe(true)
})
