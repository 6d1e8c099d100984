import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { MemoryStorage } from '../persistence/memory-storage.test-helper'
import { CODEAI_PROFILE, profileFromJson, type RuntimeProfile } from '../runtime/profile'

const PROFILE_KEY = 'cai-designer.runtime-profile'
let storage: MemoryStorage

function profile(json: unknown): RuntimeProfile {
  const result = profileFromJson(json)
  if (!result.ok) throw new Error(result.errors.join('; '))
  return result.profile
}

/** The store as a page loads it, with `storage` as its localStorage. */
async function load() {
  vi.resetModules()
  return import('./runtime')
}

beforeEach(() => {
  storage = new MemoryStorage()
  vi.stubGlobal('localStorage', storage)
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the runtime profile: the user\'s saved settings, or a link\'s for one view', () => {
  test('the user\'s own change is saved with the browser\'s settings (only what differs from the defaults)', async () => {
    const { runtimeStore } = await load()
    runtimeStore.getState().setProfile(profile({ concurrency: 20 }))
    expect(JSON.parse(storage.getItem(PROFILE_KEY)!)).toEqual({ concurrency: 20 })
    expect((await load()).runtimeStore.getState().profile.concurrency).toBe(20)
  })

  test('a link\'s profile is used in the view and never saved: no setting is changed by it', async () => {
    storage.setItem(PROFILE_KEY, JSON.stringify({ concurrency: 20 }))
    const { runtimeStore } = await load()
    const theirs = profile({ workflowTimeout: '1m', queues: { low_priority: 1 } })
    runtimeStore.getState().applyLinkProfile(theirs)
    expect(runtimeStore.getState()).toMatchObject({ profile: theirs, profileSource: 'link' })
    // Even an edit of the link's profile stays in the view.
    runtimeStore.getState().setProfile(profile({ workflowTimeout: '2m' }))
    expect(runtimeStore.getState().profile.workflowTimeoutMs).toBe(120_000)
    expect(JSON.parse(storage.getItem(PROFILE_KEY)!)).toEqual({ concurrency: 20 })
    expect((await load()).runtimeStore.getState().profile.concurrency).toBe(20)

    runtimeStore.getState().restoreSavedProfile()
    expect(runtimeStore.getState()).toMatchObject({ profileSource: 'settings' })
    expect(runtimeStore.getState().profile.concurrency).toBe(20)
    expect(runtimeStore.getState().profile.workflowTimeoutMs).toBe(CODEAI_PROFILE.workflowTimeoutMs)
  })
})

describe('scenarios belong to the document shown, not to the browser\'s settings', () => {
  test('editing one writes nothing to localStorage (the autosave keeps it with the document)', async () => {
    const { runtimeStore, scenarioOf } = await load()
    runtimeStore.getState().setScenarioText('orders', '{"steps": {}}')
    expect(scenarioOf(runtimeStore.getState().scenarios, 'orders')).toBe('{"steps": {}}')
    expect(storage.length).toBe(0)
    runtimeStore.getState().setScenarioText('orders', '')
    expect(Object.keys(runtimeStore.getState().scenarios)).toEqual([])
  })

  test('another document brings its own scenarios', async () => {
    const { runtimeStore, scenarioOf } = await load()
    runtimeStore.getState().setScenarioText('orders', '{}')
    runtimeStore.getState().replaceScenarios({ reports: '{"conditions": "as-written"}' })
    expect(scenarioOf(runtimeStore.getState().scenarios, 'orders')).toBe('')
    expect(scenarioOf(runtimeStore.getState().scenarios, 'reports')).toBe('{"conditions": "as-written"}')
  })

  test('a workflow named constructor or __proto__ has no scenario until one is written', async () => {
    const { runtimeStore, scenarioOf } = await load()
    expect(scenarioOf(runtimeStore.getState().scenarios, 'constructor')).toBe('')
    expect(scenarioOf(runtimeStore.getState().scenarios, '__proto__')).toBe('')
  })

  test('scenarios an older version kept for all documents are taken out of storage once', async () => {
    storage.setItem('cai-designer.scenarios', JSON.stringify({ orders: '{}', odd: 5 }))
    const { takeLegacyScenarios } = await load()
    expect({ ...takeLegacyScenarios() }).toEqual({ orders: '{}' })
    expect(storage.getItem('cai-designer.scenarios')).toBeNull()
    expect(takeLegacyScenarios()).toBeUndefined()
  })
})
