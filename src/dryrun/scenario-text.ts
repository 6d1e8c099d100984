/** The scenario as the user types it: JSON text, read with a message that says where it is wrong. */
import { defaultScenario, scenarioFromJson, scenarioToJson, type Scenario, type ScenarioJson } from '../runtime/scenario'

export type ScenarioReading = { ok: true; scenario: Scenario } | { ok: false; message: string; line?: number; column?: number }

/** Line and column (1-based) of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

export function readScenarioText(text: string): ScenarioReading {
  if (text.trim() === '') return { ok: true, scenario: defaultScenario() }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const offset = /position (\d+)/.exec(message)
    if (!offset) return { ok: false, message: `Not JSON: ${message}` }
    const { line, column } = positionOf(text, Number(offset[1]))
    return { ok: false, message: `Not JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`, line, column }
  }
  const result = scenarioFromJson(value)
  return result.ok ? result : { ok: false, message: result.errors.join('; ') }
}

export function scenarioText(json: ScenarioJson): string {
  return JSON.stringify(json, null, 2)
}

/** The scenario text with one step's behaviour changed (a field set to undefined is removed). */
export function withStepChange(scenario: Scenario, step: string, change: Partial<Scenario['steps'][string]>): string {
  const own = { ...(scenario.steps[step] ?? {}), ...change }
  for (const key of Object.keys(own) as Array<keyof typeof own>) if (own[key] === undefined) delete own[key]
  const steps = { ...scenario.steps, [step]: own }
  if (Object.keys(own).length === 0) delete steps[step]
  return scenarioText(scenarioToJson({ ...scenario, steps }))
}
