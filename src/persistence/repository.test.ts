import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, test } from 'vitest'
import { RECENT_LIMIT, STORAGE_FORMAT, type DocumentDraft } from './records'
import { DATABASE_NAME, Repository, StorageUnavailableError, describeError } from './repository'

let clock = 1_000
const opened: Repository[] = []

async function openRepository(indexedDB = new IDBFactory()) {
  const repository = await Repository.open({ indexedDB, now: () => ++clock })
  opened.push(repository)
  return repository
}

afterEach(() => {
  for (const repository of opened.splice(0)) repository.close()
})

function draft(id: string, text = `job ${id.replace(/-/g, '_')} {\n\ttask "t"\n}\n`): DocumentDraft {
  return { id, name: `${id}.cai`, text, selectedWorkflow: null, cursorOffset: 0, dirty: false, bom: false }
}

/** Writes a raw value into one of the stores, as another version of the designer (or damage) would. */
async function putRaw(indexedDB: IDBFactory, store: string, value: unknown) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite')
    tx.objectStore(store).put(value)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  db.close()
}

describe('the repository', () => {
  test('saves a document and loads it back exactly, as revision 1', async () => {
    const repository = await openRepository()
    const text = '\ufeff// ünïcödé 😀\r\nworkflow w {}\r\n'
    const outcome = await repository.save({ ...draft('a', text), selectedWorkflow: 'w', cursorOffset: 5, dirty: true }, 0)
    expect(outcome.kind).toBe('saved')
    const { document } = await repository.load('a')
    expect(document).toMatchObject({ format: STORAGE_FORMAT, id: 'a', text, selectedWorkflow: 'w', cursorOffset: 5, dirty: true, revision: 1 })
  })

  test('leaves out a file handle the browser cannot store, and still saves', async () => {
    const repository = await openRepository()
    const handle = { kind: 'file', name: 'a.cai', getFile() {} } as unknown as FileSystemFileHandle
    expect((await repository.save({ ...draft('a'), fileHandle: handle }, 0)).kind).toBe('saved')
    const { document } = await repository.load('a')
    expect(document?.text).toBe(draft('a').text)
    expect(document).not.toHaveProperty('fileHandle')
  })

  test('lists the Recent documents newest first, without their texts', async () => {
    const repository = await openRepository()
    await repository.save(draft('a'), 0)
    await repository.save(draft('b'), 0)
    await repository.save(draft('a', 'job a {\n\ttask "changed"\n}\n'), 1)
    const { entries, setAside } = await repository.recent()
    expect(entries.map((entry) => [entry.id, entry.revision])).toEqual([
      ['a', 2],
      ['b', 1],
    ])
    expect(entries[0]).not.toHaveProperty('text')
    expect(setAside).toEqual([])
  })

  test('keeps the last ten documents and drops the oldest', async () => {
    const repository = await openRepository()
    for (let i = 0; i < RECENT_LIMIT + 3; i++) await repository.save(draft(`d${i}`), 0)
    const { entries } = await repository.recent()
    expect(entries).toHaveLength(RECENT_LIMIT)
    expect(entries.at(-1)!.id).toBe('d3')
    expect((await repository.load('d0')).document).toBeUndefined()
    expect((await repository.load('d12')).document).toBeDefined()
  })

  test('refuses to save over a newer revision saved by another tab', async () => {
    const repository = await openRepository()
    await repository.save(draft('a', 'mine'), 0)
    await repository.save(draft('a', 'theirs'), 1)
    const outcome = await repository.save(draft('a', 'stale'), 1)
    expect(outcome).toMatchObject({ kind: 'conflict', theirs: { id: 'a', revision: 2 } })
    expect((await repository.load('a')).document?.text).toBe('theirs')
  })

  describe('stored data that passes the checks but is wrong (issue 14, item 8)', () => {
    test('a stored file handle that is a plain object is no handle', async () => {
      const indexedDB = new IDBFactory()
      const repository = await openRepository(indexedDB)
      await putRaw(indexedDB, 'documents', { ...draft('x'), format: STORAGE_FORMAT, revision: 1, savedAt: 1, fileHandle: { kind: 'file', name: 'x.cai' } })
      const { document, setAside } = await repository.load('x')
      expect(setAside).toBeUndefined()
      expect(document?.text).toBe(draft('x').text)
      expect(document).not.toHaveProperty('fileHandle')
    })

    test('a Recent entry whose revision is ahead of its document recovers by itself', async () => {
      const indexedDB = new IDBFactory()
      const repository = await openRepository(indexedDB)
      await repository.save(draft('x', 'one'), 0)
      await putRaw(indexedDB, 'recent', { format: STORAGE_FORMAT, id: 'x', name: 'x.cai', savedAt: 1, revision: 99, length: 3 })
      const outcome = await repository.save(draft('x', 'two'), 1)
      expect(outcome).toMatchObject({ kind: 'saved', document: { text: 'two', revision: 2 } })
      expect((await repository.recent()).entries).toMatchObject([{ id: 'x', revision: 2 }])
      expect(await repository.quarantined()).toEqual([expect.objectContaining({ store: 'recent', reason: expect.stringMatching(/ahead of its document/) })])
      // A document that really is newer still stops the save.
      await repository.save(draft('x', 'three'), 2)
      expect((await repository.save(draft('x', 'stale'), 2)).kind).toBe('conflict')
    })

    test('after another tab deletes the database, it reconnects and saves', async () => {
      const indexedDB = new IDBFactory()
      const repository = await openRepository(indexedDB)
      await repository.save(draft('x', 'one'), 0)
      await new Promise((resolve, reject) => {
        const deleting = indexedDB.deleteDatabase(DATABASE_NAME)
        deleting.onsuccess = resolve
        deleting.onerror = reject
      })
      const outcome = await repository.save(draft('x', 'two'), 1)
      expect(outcome).toMatchObject({ kind: 'saved', document: { text: 'two', revision: 2 } })
      expect((await repository.load('x')).document?.text).toBe('two')
    })

    test('after another tab upgrades the database, it says so (not “storage is not allowed”)', async () => {
      const indexedDB = new IDBFactory()
      const repository = await openRepository(indexedDB)
      await new Promise((resolve, reject) => {
        const upgrading = indexedDB.open(DATABASE_NAME, 2)
        upgrading.onsuccess = () => resolve(upgrading.result.close())
        upgrading.onerror = reject
      })
      const failure = repository.save(draft('x', 'two'), 0)
      await expect(failure).rejects.toThrow(StorageUnavailableError)
      const message = describeError(await failure.catch((error) => error))
      expect(message).toMatch(/another tab opened a newer version of the designer/)
      expect(message).not.toMatch(/does not allow storage/)
    })
  })

  describe('sets aside what it cannot read, and keeps it', () => {
    test.each([
      ['a newer format', { ...draft('x'), format: STORAGE_FORMAT + 1, revision: 1, savedAt: 1 }, /newer version/],
      ['an older format', { ...draft('x'), format: 0, revision: 1, savedAt: 1 }, /older version/],
      ['no format at all', { ...draft('x'), revision: 1, savedAt: 1 }, /no format/],
      ['a damaged text', { ...draft('x'), text: 42, format: STORAGE_FORMAT, revision: 1, savedAt: 1 }, /"text"/],
      ['a cursor outside the text', { ...draft('x'), cursorOffset: 1e6, format: STORAGE_FORMAT, revision: 1, savedAt: 1 }, /cursor/],
    ])('a document with %s', async (_, value, reason) => {
      const indexedDB = new IDBFactory()
      const repository = await openRepository(indexedDB)
      await putRaw(indexedDB, 'documents', value)
      const loaded = await repository.load('x')
      expect(loaded.document).toBeUndefined()
      expect(loaded.setAside).toMatchObject({ key: 'x', reason: expect.stringMatching(reason) })
      const quarantined = await repository.quarantined()
      expect(quarantined).toEqual([expect.objectContaining({ store: 'documents', key: 'x', value })])
      // Set aside, not in the way: loading again finds nothing, saving works.
      expect(await repository.load('x')).toEqual({})
      expect((await repository.save(draft('x'), 0)).kind).toBe('saved')
    })

    test('a damaged Recent entry', async () => {
      const indexedDB = new IDBFactory()
      const repository = await openRepository(indexedDB)
      await repository.save(draft('good'), 0)
      await putRaw(indexedDB, 'recent', { id: 'bad', format: STORAGE_FORMAT, name: 7 })
      await putRaw(indexedDB, 'recent', { id: 'worse', format: 'one' })
      const { entries, setAside } = await repository.recent()
      expect(entries.map((entry) => entry.id)).toEqual(['good'])
      expect(setAside.map((note) => note.key).sort()).toEqual(['bad', 'worse'])
      expect(await repository.quarantined()).toHaveLength(2)
    })
  })

  test('reports storage that cannot be opened', async () => {
    const broken = {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError')
      },
    } as unknown as IDBFactory
    await expect(Repository.open({ indexedDB: broken })).rejects.toThrow(StorageUnavailableError)
    const failing = {
      open() {
        const request = { error: new DOMException('blocked', 'InvalidStateError') } as unknown as IDBOpenDBRequest
        setTimeout(() => request.onerror?.(new Event('error')))
        return request
      },
    } as unknown as IDBFactory
    await expect(Repository.open({ indexedDB: failing })).rejects.toThrow(StorageUnavailableError)
  })

  test('describes storage errors in words', () => {
    expect(describeError(new DOMException('x', 'QuotaExceededError'))).toBe('the browser storage is full')
    expect(describeError(new DOMException('x', 'VersionError'))).toMatch(/newer version/)
  })
})
