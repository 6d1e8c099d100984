import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, test } from 'vitest'
import { Autosaver, type AutosaveOptions } from './autosave'
import { readBackups } from './backup'
import { MemoryStorage } from './memory-storage.test-helper'
import type { DocumentDraft } from './records'
import { Repository } from './repository'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const dispose of cleanup.splice(0)) dispose()
})

/** A tab: its own text, an autosaver over a shared database, and (optionally) a channel to the other tabs. */
class Tab {
  text: string
  name = 'doc.cai'
  readonly autosave: Autosaver
  constructor(
    readonly repository: Repository,
    document: { id: string; revision: number },
    text: string,
    options: Partial<AutosaveOptions> = {},
  ) {
    this.text = text
    this.autosave = new Autosaver(repository, document, {
      snapshot: () => this.draft(),
      delayMs: 20,
      maxDelayMs: 60,
      channel: null,
      backups: null,
      locks: null,
      show: (saved) => {
        this.text = saved.text
        this.name = saved.name
      },
      rename: (name) => (this.name = name),
      ...options,
    })
    cleanup.push(() => this.autosave.dispose())
  }
  draft(): DocumentDraft {
    const { id } = this.autosave.currentDocument
    return { id, name: this.name, text: this.text, selectedWorkflow: null, cursorOffset: 0, dirty: false, bom: false }
  }
  type(text: string) {
    this.text = text
    this.autosave.changed()
  }
  get state() {
    return this.autosave.status.getState().state
  }
}

async function repositoryOn(indexedDB: IDBFactory) {
  const repository = await Repository.open({ indexedDB })
  cleanup.push(() => repository.close())
  return repository
}

const stored = async (repository: Repository, id = 'doc') => (await repository.load(id)).document

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('autosave', () => {
  test('saves a change within the longest delay, and says so', async () => {
    const repository = await repositoryOn(new IDBFactory())
    const tab = new Tab(repository, { id: 'doc', revision: 0 }, 'one')
    await tab.autosave.flush()
    expect(tab.state).toBe('saved')
    tab.type('two')
    expect(tab.state).toBe('pending')
    await expect.poll(() => tab.state, { timeout: 1000 }).toBe('saved')
    expect((await stored(repository))?.text).toBe('two')
  })

  test('saves during continuous typing, not only when it stops', async () => {
    const repository = await repositoryOn(new IDBFactory())
    const tab = new Tab(repository, { id: 'doc', revision: 0 }, '', { delayMs: 40, maxDelayMs: 100 })
    await tab.autosave.flush()
    const started = Date.now()
    // A keystroke every 10 ms never leaves a 40 ms pause.
    while (Date.now() - started < 400) {
      tab.type(tab.text + 'x')
      await sleep(10)
    }
    const saved = await stored(repository)
    expect(saved!.revision).toBeGreaterThan(2)
    expect(saved!.text.length).toBeGreaterThan(5)
  })

  test('flush saves at once', async () => {
    const repository = await repositoryOn(new IDBFactory())
    const tab = new Tab(repository, { id: 'doc', revision: 0 }, 'a', { delayMs: 60_000, maxDelayMs: 60_000 })
    tab.type('flushed')
    await tab.autosave.flush()
    expect(tab.state).toBe('saved')
    expect((await stored(repository))?.text).toBe('flushed')
  })

  test('leaving writes a backup at once, synchronously, and drops it once the save holds it', async () => {
    const repository = await repositoryOn(new IDBFactory())
    const backups = new MemoryStorage()
    const tab = new Tab(repository, { id: 'doc', revision: 0 }, 'a', { delayMs: 60_000, maxDelayMs: 60_000, backups })
    await tab.autosave.flush()
    tab.autosave.leaving()
    expect(backups.size).toBe(0) // nothing unsaved, nothing written
    tab.type('typed just before closing')
    tab.autosave.leaving()
    const [found] = readBackups(backups)
    expect(found.backup).toMatchObject({ ok: true, value: { id: 'doc', text: 'typed just before closing', baseRevision: 1, tab: tab.autosave.tab } })
    expect(tab.autosave.inspect().backups).toBe(1)
    await expect.poll(() => tab.state).toBe('saved')
    expect((await stored(repository))?.text).toBe('typed just before closing')
    expect(backups.size).toBe(0)
  })

  test('a save that never answers is reported after a while, like a failed one', async () => {
    const repository = await repositoryOn(new IDBFactory())
    const tab = new Tab(repository, { id: 'doc', revision: 0 }, 'a', { stallMs: 100 })
    await tab.autosave.flush()
    const save = repository.save.bind(repository)
    let answer: () => void = () => {}
    repository.save = (...args) => new Promise((resolve) => (answer = () => resolve(save(...args))))
    tab.type('b')
    expect(tab.autosave.hasUnsavedWork()).toBe(false)
    // flush gives up too: opening another document must not hang.
    await expect.poll(() => tab.autosave.inspect().attempts).toBe(2)
    await tab.autosave.flush()
    expect(tab.autosave.status.getState()).toEqual({ state: 'failed', message: 'storage is not answering' })
    expect(tab.autosave.hasUnsavedWork()).toBe(true)
    // No second write piles up behind the one that hangs...
    tab.type('c')
    await sleep(150)
    expect(tab.autosave.inspect().attempts).toBe(2)
    // ...and once storage answers after all, saving goes on.
    repository.save = save
    answer()
    await expect.poll(() => tab.state).toBe('saved')
    expect((await stored(repository))?.text).toBe('c')
    expect(tab.autosave.hasUnsavedWork()).toBe(false)
  })

  test('changes made while showing a loaded document are not saved', async () => {
    const repository = await repositoryOn(new IDBFactory())
    await repository.save({ ...new Tab(repository, { id: 'x', revision: 0 }, '').draft(), id: 'doc', text: 'loaded' }, 0)
    const tab = new Tab(repository, { id: 'doc', revision: 1 }, 'loaded')
    tab.autosave.withoutSaving(() => tab.type('loaded'))
    await sleep(100)
    expect((await stored(repository))?.revision).toBe(1)
    expect(tab.state).toBe('saved')
  })

  test('a failed save shows a warning, and the next change tries again', async () => {
    const repository = await repositoryOn(new IDBFactory())
    const tab = new Tab(repository, { id: 'doc', revision: 0 }, 'a')
    await tab.autosave.flush()
    const save = repository.save.bind(repository)
    repository.save = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
    tab.type('b')
    await expect.poll(() => tab.autosave.status.getState(), { timeout: 1000 }).toEqual({
      state: 'failed',
      message: 'the browser storage is full',
    })
    // The warning stays while changes are pending...
    repository.save = save
    tab.type('c')
    expect(tab.state).toBe('failed')
    // ...until a save succeeds.
    await expect.poll(() => tab.state, { timeout: 1000 }).toBe('saved')
    expect((await stored(repository))?.text).toBe('c')
  })

  test('without storage, says autosave is off and saves nothing', () => {
    const autosave = new Autosaver(null, { id: 'doc', revision: 0 }, { snapshot: () => ({}) as DocumentDraft, channel: null }, 'storage is disabled')
    cleanup.push(() => autosave.dispose())
    autosave.changed()
    expect(autosave.status.getState()).toEqual({ state: 'off', message: 'storage is disabled' })
  })
})

test('moving to a new document saves the old one first, then the new one at once', async () => {
  const repository = await repositoryOn(new IDBFactory())
  const tab = new Tab(repository, { id: 'doc', revision: 0 }, 'old', { delayMs: 60_000, maxDelayMs: 60_000 })
  tab.type('old, edited')
  await tab.autosave.switchDocument({ id: 'new', revision: 0 }, () => tab.type('new text'))
  expect((await stored(repository, 'doc'))?.text).toBe('old, edited')
  expect(await stored(repository, 'new')).toMatchObject({ text: 'new text', revision: 1 })
  expect(tab.state).toBe('saved')
})

test('moving to a stored document does not save it again', async () => {
  const repository = await repositoryOn(new IDBFactory())
  const tab = new Tab(repository, { id: 'doc', revision: 0 }, 'one')
  await tab.autosave.flush()
  await repository.save({ ...tab.draft(), id: 'other', text: 'other' }, 0)
  await tab.autosave.switchDocument({ id: 'other', revision: 1 }, () => tab.type('other'))
  await sleep(100)
  expect((await stored(repository, 'other'))?.revision).toBe(1)
  expect(tab.autosave.currentDocument).toEqual({ id: 'other', revision: 1 })
})

describe('two tabs on one document', () => {
  async function twoTabs(withChannel: boolean) {
    const indexedDB = new IDBFactory()
    const first = await repositoryOn(indexedDB)
    const second = await repositoryOn(indexedDB)
    const channel = () => (withChannel ? { channel: new BroadcastChannel('two-tabs') } : {})
    const a = new Tab(first, { id: 'doc', revision: 0 }, 'base', channel())
    await a.autosave.flush()
    const b = new Tab(second, { id: 'doc', revision: 1 }, 'base', channel())
    return { a, b, repository: first }
  }

  test.each([
    ['told by the channel', true],
    ['found when saving', false],
  ])('a tab never overwrites a newer revision from the other: it keeps its text as “… (other tab)” (%s)', async (_, withChannel) => {
    const { a, b, repository } = await twoTabs(withChannel)
    a.type('A wrote this')
    b.type('B wrote this')
    await a.autosave.flush()
    await b.autosave.flush()
    await expect.poll(() => b.autosave.status.getState().fork).toBeDefined()
    expect((await stored(repository))?.text).toBe('A wrote this')
    const { fork } = b.autosave.status.getState()
    expect(fork).toMatchObject({ mine: { name: 'doc.cai (other tab)' }, theirs: { id: 'doc', name: 'doc.cai', revision: 2 } })
    expect(b.name).toBe('doc.cai (other tab)')
    expect(b.autosave.currentDocument.id).toBe(fork!.mine.id)
    expect((await stored(repository, fork!.mine.id))?.text).toBe('B wrote this')
    expect(b.state).toBe('saved')
    // B goes on saving its own copy; A's document is never touched.
    b.type('B goes on')
    await b.autosave.flush()
    expect((await stored(repository, fork!.mine.id))?.text).toBe('B goes on')
    expect((await stored(repository))?.text).toBe('A wrote this')
  })

  test('a tab with nothing unsaved follows the other tab’s newer text', async () => {
    const { a, b } = await twoTabs(true)
    a.type('A wrote this')
    await a.autosave.flush()
    await expect.poll(() => b.text).toBe('A wrote this')
    expect(b.autosave.currentDocument).toEqual({ id: 'doc', revision: 2 })
    expect(b.autosave.status.getState()).toEqual({ state: 'saved' })
    // Editing alternately: no copies, nothing lost.
    b.type('A wrote this, then B')
    await b.autosave.flush()
    await expect.poll(() => a.text).toBe('A wrote this, then B')
    expect(a.autosave.status.getState().fork).toBeUndefined()
  })

  test('after a fork, a tab can take the other tab’s version; its own copy stays', async () => {
    const { a, b, repository } = await twoTabs(true)
    a.type('A wrote this')
    b.type('B wrote this')
    await a.autosave.flush()
    await b.autosave.flush()
    await expect.poll(() => b.autosave.status.getState().fork).toBeDefined()
    const copy = b.autosave.currentDocument.id
    expect(await b.autosave.takeTheirs()).toBe(true)
    expect(b.text).toBe('A wrote this')
    expect(b.autosave.currentDocument).toEqual({ id: 'doc', revision: 2 })
    expect(b.autosave.status.getState()).toEqual({ state: 'saved' })
    expect((await stored(repository, copy))?.text).toBe('B wrote this')
    // Saving resumes, on top of their revision.
    b.type('B continues')
    await b.autosave.flush()
    expect(await stored(repository)).toMatchObject({ text: 'B continues', revision: 3 })
  })

  test('after a fork, a tab can keep its own version', async () => {
    const { a, b } = await twoTabs(true)
    a.type('A wrote this')
    b.type('B wrote this')
    await a.autosave.flush()
    await b.autosave.flush()
    await expect.poll(() => b.autosave.status.getState().fork).toBeDefined()
    b.autosave.keepThis()
    expect(b.autosave.status.getState()).toEqual({ state: 'saved' })
    expect(b.text).toBe('B wrote this')
  })

  test('opening another document while the other tab saved a newer version keeps this tab’s text first', async () => {
    const { a, b, repository } = await twoTabs(false)
    a.type('A wrote this')
    await a.autosave.flush()
    b.type('B wrote this')
    await b.autosave.switchDocument({ id: 'next', revision: 0 }, () => {
      // Opening a document shows its name and text.
      b.name = 'next.cai'
      b.type('next document')
    })
    const { entries } = await repository.recent()
    const copy = entries.find((entry) => entry.name === 'doc.cai (other tab)')
    expect(copy).toBeDefined()
    expect((await stored(repository, copy!.id))?.text).toBe('B wrote this')
    expect((await stored(repository))?.text).toBe('A wrote this')
    expect((await stored(repository, 'next'))?.text).toBe('next document')
  })

  test('a newer revision with the same text is adopted, not a fork', async () => {
    const { a, b, repository } = await twoTabs(false)
    a.type('same')
    await a.autosave.flush()
    b.type('same')
    await b.autosave.flush()
    expect(b.autosave.status.getState()).toEqual({ state: 'saved' })
    expect((await stored(repository))?.revision).toBe(3)
  })

  test.each([
    ['told by the channel', true],
    ['found when saving', false],
  ])('edits on top of a revision the other tab saved again unchanged (only its cursor moved) go into the document, no copy (%s)', async (_, withChannel) => {
    const { a, b, repository } = await twoTabs(withChannel)
    a.type('A wrote this')
    await a.autosave.flush()
    if (!withChannel) {
      // B learns of A's text as opening it would.
      await b.autosave.switchDocument({ id: 'doc', revision: 2 }, () => b.type('A wrote this'))
    }
    await expect.poll(() => b.text).toBe('A wrote this')
    // A saves the same text again (its cursor moved) while B types on top of it.
    a.autosave.changed()
    await a.autosave.flush()
    b.type('A wrote this, then B')
    await b.autosave.flush()
    await expect.poll(() => stored(repository).then((document) => document?.text)).toBe('A wrote this, then B')
    expect(b.autosave.status.getState().fork).toBeUndefined()
    expect(b.autosave.currentDocument.id).toBe('doc')
    expect((await repository.recent()).entries).toHaveLength(1)
  })
})
