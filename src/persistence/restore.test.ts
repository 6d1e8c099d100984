import { IDBFactory } from 'fake-indexeddb'
import { expect, test } from 'vitest'
import { STORAGE_FORMAT, type DocumentDraft } from './records'
import { Repository } from './repository'
import { restore } from './restore'

function draft(id: string, text: string): DocumentDraft {
  return { id, name: `${id}.cai`, text, selectedWorkflow: 'w', cursorOffset: 2, dirty: true, bom: false }
}

async function seeded(drafts: DocumentDraft[]) {
  const indexedDB = new IDBFactory()
  let clock = 0
  const repository = await Repository.open({ indexedDB, now: () => ++clock })
  for (const each of drafts) await repository.save(each, 0)
  repository.close()
  return indexedDB
}

test('brings back the remembered document, with its selection and cursor', async () => {
  const indexedDB = await seeded([draft('a', 'text a'), draft('b', 'text b')])
  const restored = await restore({ indexedDB, remembered: ['a'] })
  expect(restored.document).toMatchObject({ id: 'a', text: 'text a', selectedWorkflow: 'w', cursorOffset: 2, dirty: true })
  expect(restored.recent.map((entry) => entry.id)).toEqual(['b', 'a'])
  restored.repository?.close()
})

test('falls back to the newest Recent document', async () => {
  const indexedDB = await seeded([draft('a', 'text a'), draft('b', 'text b')])
  const restored = await restore({ indexedDB, remembered: ['gone'] })
  expect(restored.document?.id).toBe('b')
  restored.repository?.close()
})

test('sets aside a document it cannot read, reports it, and starts with the next one', async () => {
  const indexedDB = await seeded([draft('a', 'text a'), draft('b', 'text b')])
  const db = await new Promise<IDBDatabase>((resolve) => {
    const request = indexedDB.open('cai-designer')
    request.onsuccess = () => resolve(request.result)
  })
  await new Promise((resolve) => {
    const tx = db.transaction('documents', 'readwrite')
    tx.objectStore('documents').put({ ...draft('b', 'text b'), format: STORAGE_FORMAT + 1, revision: 1, savedAt: 5 })
    tx.oncomplete = resolve
  })
  db.close()
  const restored = await restore({ indexedDB, remembered: ['b'] })
  expect(restored.setAside).toEqual([{ key: 'b', reason: expect.stringMatching(/newer version/) }])
  expect(restored.document?.id).toBe('a')
  expect(restored.recent.map((entry) => entry.id)).toEqual(['a'])
  expect(await restored.repository!.quarantined()).toHaveLength(1)
  restored.repository?.close()
})

test('starts with nothing on an empty database', async () => {
  const restored = await restore({ indexedDB: new IDBFactory(), remembered: [] })
  expect(restored.document).toBeUndefined()
  expect(restored.repository).not.toBeNull()
  restored.repository?.close()
})

test('starts with autosave off when storage is disabled', async () => {
  const disabled = {
    open() {
      throw new DOMException('denied', 'SecurityError')
    },
  } as unknown as IDBFactory
  const restored = await restore({ indexedDB: disabled })
  expect(restored).toMatchObject({ repository: null, offReason: 'the browser does not allow storage here' })
})
