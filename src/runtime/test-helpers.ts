/** Builders for the runtime model's tests: documents from .cai text. */
import { readFileSync } from 'node:fs'
import type { Job, Workflow } from '../language/model'
import { parse } from '../language/parse'
import { CODEAI_PROFILE, type RuntimeProfile } from './profile'
import { defaultScenario, scenarioFromJson, type Scenario, type ScenarioJson } from './scenario'

export function parseWorkflow(text: string): Workflow {
  const { doc, diagnostics } = parse(text)
  const errors = diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) throw new Error(`test workflow has errors: ${errors.map((d) => d.message).join('; ')}`)
  const workflow = doc.items.find((item): item is Workflow => item.kind === 'workflow')
  if (!workflow) throw new Error('no workflow in test text')
  return workflow
}

/** A workflow of the given steps with optional extra lines: a timeout (put before the steps) and a retry block (put after). */
export function workflowOf(steps: string, extra = ''): Workflow {
  const retryAt = extra.indexOf('\tretry')
  const [head, tail] = retryAt < 0 ? [extra, ''] : [extra.slice(0, retryAt), extra.slice(retryAt)]
  return parseWorkflow(`workflow w {\n\ttrigger manual\n${head}\n\tsteps {\n${steps}\n\t}\n${tail}\n}\n`)
}

export function scenario(json: ScenarioJson = {}): Scenario {
  if (Object.keys(json).length === 0) return defaultScenario()
  const result = scenarioFromJson(json)
  if (!result.ok) throw new Error(result.errors.join('; '))
  return result.scenario
}

export function profile(patch: Partial<RuntimeProfile> = {}): RuntimeProfile {
  return { ...CODEAI_PROFILE, ...patch }
}

export const EXAMPLE_TEXT = readFileSync(new URL('../../examples/09-workflows/with_workflows.cai', import.meta.url), 'utf8')

export function exampleWorkflow(name: string): Workflow {
  const workflow = parse(EXAMPLE_TEXT).doc.items.find((item): item is Workflow => item.kind === 'workflow' && item.name === name)
  if (!workflow) throw new Error(`no workflow ${name}`)
  return workflow
}

export function exampleJobs(): Job[] {
  return parse(EXAMPLE_TEXT).doc.items.filter((item): item is Job => item.kind === 'job')
}
