/**
 * The dry run's state beside the document: the runtime profile (kept with the
 * browser's settings), each workflow's scenario text (kept per document name),
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
  profile: RuntimeProfile
  /** Scenario JSON text per workflow name, as typed (it may be invalid). */
  scenarios: Record<string, string>
  /** Step name -> mark, for the workflow on the canvas; null when no dry run is shown. */
  dryRunOutcomes: Record<string, StepRunMark> | null
  /** The dry run on screen (the last good one while the scenario or the workflow has errors). */
  dryRunTrace: Trace | null
  setDryRun(trace: Trace | null, outcomes: Record<string, StepRunMark> | null): void
  setProfile(profile: RuntimeProfile): void
  setScenarioText(workflow: string, text: string): void
}

const PROFILE_KEY = 'cai-designer.runtime-profile'
const SCENARIOS_KEY = 'cai-designer.scenarios'

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

function loadScenarios(): Record<string, string> {
  try {
    const saved = JSON.parse(storage()?.getItem(SCENARIOS_KEY) ?? '{}') as unknown
    if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return {}
    return Object.fromEntries(Object.entries(saved).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  } catch {
    return {}
  }
}

function save(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value))
  } catch {
    // Full or disabled storage: the setting still holds for this page.
  }
}

export const runtimeStore = createStore<RuntimeState>()((set, get) => ({
  profile: loadProfile(),
  scenarios: loadScenarios(),
  dryRunOutcomes: null,
  dryRunTrace: null,
  setProfile(profile) {
    // Only what differs from the defaults is kept: a later change of defaults reaches everyone else.
    save(PROFILE_KEY, profileChanges(profile))
    set({ profile })
  },
  setScenarioText(workflow, text) {
    const scenarios = { ...get().scenarios, [workflow]: text }
    save(SCENARIOS_KEY, scenarios)
    set({ scenarios })
  },
  setDryRun(trace, outcomes) {
    set({ dryRunTrace: trace, dryRunOutcomes: outcomes })
  },
}))

export function currentProfile(): RuntimeProfile {
  return runtimeStore.getState().profile
}

export function useRuntime<T>(selector: (state: RuntimeState) => T): T {
  return useStore(runtimeStore, selector)
}
