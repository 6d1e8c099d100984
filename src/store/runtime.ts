/**
 * The dry run's state beside the document: the runtime profile (kept with the
 * browser's settings, or carried by a share link for one view), each
 * workflow's scenario text (kept with the document, see files/documents.ts),
 * and the outcomes of the current dry run, which the canvas reads to colour
 * its step nodes. The trace itself is derived in the Dry run view.
 */
import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { CODEAI_PROFILE, profileChanges, profileFromJson, type RuntimeProfile } from '../runtime/profile'
import type { StepOutcome, Trace } from '../runtime/trace'

/** What the canvas shows on a step node after a dry run. */
export interface StepRunMark {
  outcome: StepOutcome
  attempts: number
  /** e.g. "3 attempts, 41.5 s". */
  label: string
  /** Running at the step-through marker. */
  active: boolean
}

export interface RuntimeState {
  /** The profile the dry run, the jobs calendar and the runtime warnings use: the saved one, or the one a share link carries. */
  profile: RuntimeProfile
  /** The profile kept with the browser's settings. */
  savedProfile: RuntimeProfile
  /** `link`: `profile` came with the share link this view was opened from; it is never saved. */
  profileSource: 'settings' | 'link'
  /** Scenario JSON text per workflow name, as typed (it may be invalid), for the document shown; saved with it. */
  scenarios: Record<string, string>
  /** Step name -> mark, for the workflow on the canvas; null when no dry run is shown. */
  dryRunOutcomes: Record<string, StepRunMark> | null
  /** The dry run on screen (the last good one while the scenario or the workflow has errors). */
  dryRunTrace: Trace | null
  setDryRun(trace: Trace | null, outcomes: Record<string, StepRunMark> | null): void
  /**
   * The user's own change of the profile. Saved with the browser's settings,
   * unless the view shows a link's profile: then it changes this view only.
   */
  setProfile(profile: RuntimeProfile): void
  /** Shows a share link's profile in this view, never saving it. */
  applyLinkProfile(profile: RuntimeProfile): void
  /** Back to the saved profile (a link's profile is dropped). */
  restoreSavedProfile(): void
  setScenarioText(workflow: string, text: string): void
  /** The scenarios of another document (opened, restored, or from a link). */
  replaceScenarios(scenarios: Record<string, string>): void
}

const PROFILE_KEY = 'cai-designer.runtime-profile'
/** Where older versions kept every scenario, by workflow name, for all documents at once. */
const LEGACY_SCENARIOS_KEY = 'cai-designer.scenarios'

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined // storage disabled: settings last for the page's life
  }
}

/** The saved profile, or CodeAI's defaults when none is saved or it no longer reads. */
function loadProfile(): RuntimeProfile {
  const saved = storage()?.getItem(PROFILE_KEY)
  if (!saved) return CODEAI_PROFILE
  try {
    const result = profileFromJson(JSON.parse(saved))
    return result.ok ? result.profile : CODEAI_PROFILE
  } catch {
    return CODEAI_PROFILE
  }
}

/** A map with no prototype: a workflow named "constructor" or "__proto__" is just a name. */
export function scenarioMap(entries: Record<string, string> = {}): Record<string, string> {
  const map = Object.create(null) as Record<string, string>
  for (const [name, text] of Object.entries(entries)) if (typeof text === 'string') map[name] = text
  return map
}

/** The scenario text of `workflow` ('' when none). */
export function scenarioOf(scenarios: Record<string, string>, workflow: string): string {
  return Object.prototype.hasOwnProperty.call(scenarios, workflow) ? scenarios[workflow] : ''
}

/**
 * The scenarios an older version kept for all documents at once, taken out
 * of storage (once): the document restored first adopts them.
 */
export function takeLegacyScenarios(): Record<string, string> | undefined {
  const store = storage()
  try {
    const raw = store?.getItem(LEGACY_SCENARIOS_KEY)
    if (!raw) return undefined
    store?.removeItem(LEGACY_SCENARIOS_KEY)
    const saved = JSON.parse(raw) as unknown
    if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return undefined
    return scenarioMap(saved as Record<string, string>)
  } catch {
    return undefined
  }
}

function save(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value))
  } catch {
    // Full or disabled storage: the setting still holds for this page.
  }
}

export const runtimeStore = createStore<RuntimeState>()((set, get) => {
  const saved = loadProfile()
  return {
    profile: saved,
    savedProfile: saved,
    profileSource: 'settings',
    scenarios: scenarioMap(),
    dryRunOutcomes: null,
    dryRunTrace: null,
    setProfile(profile) {
      // A link's profile is the sender's: changing it changes this view, never the user's settings.
      if (get().profileSource === 'link') return set({ profile })
      // Only what differs from the defaults is kept: a later change of defaults reaches everyone else.
      save(PROFILE_KEY, profileChanges(profile))
      set({ profile, savedProfile: profile })
    },
    applyLinkProfile(profile) {
      set({ profile, profileSource: 'link' })
    },
    restoreSavedProfile() {
      set({ profile: get().savedProfile, profileSource: 'settings' })
    },
    setScenarioText(workflow, text) {
      const scenarios = scenarioMap(get().scenarios)
      if (text === '') delete scenarios[workflow]
      else scenarios[workflow] = text
      set({ scenarios })
    },
    replaceScenarios(scenarios) {
      set({ scenarios: scenarioMap(scenarios) })
    },
    setDryRun(trace, outcomes) {
      set({ dryRunTrace: trace, dryRunOutcomes: outcomes })
    },
  }
})

export function currentProfile(): RuntimeProfile {
  return runtimeStore.getState().profile
}

export function useRuntime<T>(selector: (state: RuntimeState) => T): T {
  return useStore(runtimeStore, selector)
}
