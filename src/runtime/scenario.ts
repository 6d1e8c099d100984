/**
 * A dry run's scenario: what the outside world does while a workflow runs.
 * The trigger's sample payload (`workflow.input`), `config` values, and for
 * each step a duration and a behaviour. With no setup at all every step takes
 * 1 s and succeeds with an empty output, conditions read as CodeAI runs them
 * today (all true).
 *
 * In memory durations are milliseconds; as JSON they are Go duration strings.
 */
import { formatDuration, NANOS, parseGoDuration } from '../language/duration'

/** `codeai-today`: every condition true (CodeAI's evaluateCondition is a placeholder); `as-written`: evaluated on the sample data. */
export type ConditionReading = 'codeai-today' | 'as-written'

export type Behaviour = 'succeeds' | 'fails-then-succeeds' | 'always-fails'

export const BEHAVIOURS: readonly Behaviour[] = ['succeeds', 'fails-then-succeeds', 'always-fails']

export interface StepBehaviour {
  /** How long each attempt takes. */
  durationMs: number
  behaviour: Behaviour
  /** For `fails-then-succeeds`: how many attempts fail first. */
  failures: number
  /** The output of a successful attempt (read by `steps.NAME.output...`). */
  output: unknown
}

export interface Scenario {
  input: unknown
  config: unknown
  conditions: ConditionReading
  /** Every step not named in `steps`. */
  defaultStep: StepBehaviour
  /** Per step, by name: what differs from `defaultStep`. */
  steps: Record<string, Partial<StepBehaviour>>
}

export const DEFAULT_STEP: StepBehaviour = Object.freeze({ durationMs: 1000, behaviour: 'succeeds', failures: 0, output: {} }) as StepBehaviour

export function defaultScenario(): Scenario {
  return { input: {}, config: {}, conditions: 'codeai-today', defaultStep: { ...DEFAULT_STEP, output: {} }, steps: {} }
}

/** What the scenario says step `name` does. */
export function behaviourOf(scenario: Scenario, name: string): StepBehaviour {
  const own = Object.prototype.hasOwnProperty.call(scenario.steps, name) ? scenario.steps[name] : undefined
  return own ? { ...scenario.defaultStep, ...own } : scenario.defaultStep
}

// ---------------------------------------------------------------------------
// JSON

export interface StepBehaviourJson {
  duration?: string
  behaviour?: Behaviour
  failures?: number
  output?: unknown
}

export interface ScenarioJson {
  input?: unknown
  config?: unknown
  conditions?: ConditionReading
  default?: StepBehaviourJson
  steps?: Record<string, StepBehaviourJson>
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] }

const MAX_DURATION_MS = 366 * 24 * 3600 * 1000
const MAX_FAILURES = 1_000_000

/** A scenario from JSON (parsed already): every field optional, every mistake named. */
export function scenarioFromJson(value: unknown): ScenarioResult {
  if (!isRecord(value)) return { ok: false, errors: ['a scenario is a JSON object, e.g. {"input": {"order_id": "A-1"}}'] }
  const errors: string[] = []
  const scenario = defaultScenario()
  for (const key of Object.keys(value)) {
    if (!['input', 'config', 'conditions', 'default', 'steps'].includes(key)) {
      errors.push(`unknown field "${key}" (known: input, config, conditions, default, steps)`)
    }
  }
  if (value.input !== undefined) scenario.input = value.input
  if (value.config !== undefined) scenario.config = value.config
  if (value.conditions !== undefined) {
    if (value.conditions === 'codeai-today' || value.conditions === 'as-written') scenario.conditions = value.conditions
    else errors.push(`conditions must be "codeai-today" or "as-written", not ${JSON.stringify(value.conditions)}`)
  }
  if (value.default !== undefined) {
    const parsed = behaviourFromJson('default', value.default, errors)
    scenario.defaultStep = { ...scenario.defaultStep, ...parsed }
  }
  if (value.steps !== undefined) {
    if (!isRecord(value.steps)) errors.push('steps must be an object keyed by step name')
    else for (const [name, entry] of Object.entries(value.steps)) scenario.steps[name] = behaviourFromJson(`steps.${name}`, entry, errors)
  }
  return errors.length === 0 ? { ok: true, scenario } : { ok: false, errors }
}

function behaviourFromJson(field: string, value: unknown, errors: string[]): Partial<StepBehaviour> {
  if (!isRecord(value)) {
    errors.push(`${field} must be an object such as {"duration": "2s", "behaviour": "always-fails"}`)
    return {}
  }
  const result: Partial<StepBehaviour> = {}
  for (const key of Object.keys(value)) {
    if (!['duration', 'behaviour', 'failures', 'output'].includes(key)) errors.push(`unknown field "${field}.${key}" (known: duration, behaviour, failures, output)`)
  }
  if (value.duration !== undefined) {
    const parsed = typeof value.duration === 'string' ? parseGoDuration(value.duration) : undefined
    if (!parsed?.ok) errors.push(`${field}.duration must be a duration such as "1s" or "2m30s", not ${JSON.stringify(value.duration)}`)
    else if (parsed.nanos < 0 || parsed.nanos / NANOS.millisecond > MAX_DURATION_MS) {
      errors.push(`${field}.duration must be between 0s and a year, not "${value.duration}"`)
    } else result.durationMs = parsed.nanos / NANOS.millisecond
  }
  if (value.behaviour !== undefined) {
    if ((BEHAVIOURS as readonly unknown[]).includes(value.behaviour)) result.behaviour = value.behaviour as Behaviour
    else errors.push(`${field}.behaviour must be one of ${BEHAVIOURS.map((b) => `"${b}"`).join(', ')}, not ${JSON.stringify(value.behaviour)}`)
  }
  if (value.failures !== undefined) {
    const failures = value.failures
    if (typeof failures !== 'number' || !Number.isInteger(failures) || failures < 0 || failures > MAX_FAILURES) {
      errors.push(`${field}.failures must be a whole number from 0 to ${MAX_FAILURES}, not ${JSON.stringify(failures)}`)
    } else {
      result.failures = failures
      // Failures alone say what the step does: fails that many times, then succeeds.
      if (value.behaviour === undefined) result.behaviour = 'fails-then-succeeds'
    }
  }
  if (value.output !== undefined) result.output = value.output
  return result
}

export function scenarioToJson(scenario: Scenario): ScenarioJson {
  const json: ScenarioJson = {}
  if (!isEmptyObject(scenario.input)) json.input = scenario.input
  if (!isEmptyObject(scenario.config)) json.config = scenario.config
  if (scenario.conditions !== 'codeai-today') json.conditions = scenario.conditions
  const defaults = behaviourToJson(scenario.defaultStep, DEFAULT_STEP)
  if (Object.keys(defaults).length > 0) json.default = defaults
  const steps = Object.entries(scenario.steps).map(([name, entry]) => [name, behaviourToJson(entry, {})] as const)
  if (steps.length > 0) json.steps = Object.fromEntries(steps)
  return json
}

function behaviourToJson(entry: Partial<StepBehaviour>, base: Partial<StepBehaviour>): StepBehaviourJson {
  const json: StepBehaviourJson = {}
  if (entry.durationMs !== undefined && entry.durationMs !== base.durationMs) json.duration = formatDuration(entry.durationMs * NANOS.millisecond)
  if (entry.behaviour !== undefined && entry.behaviour !== base.behaviour) json.behaviour = entry.behaviour
  if (entry.failures !== undefined && entry.failures !== base.failures && entry.behaviour === 'fails-then-succeeds') json.failures = entry.failures
  if (entry.output !== undefined && !isEmptyObject(entry.output)) json.output = entry.output
  return json
}

function isEmptyObject(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 0
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
