/**
 * The dry run of the selected workflow, kept up to date: re-run (debounced)
 * when the text, the scenario or the profile changes. A scenario with errors
 * or a workflow with syntax errors keeps the last good run on screen, marked
 * stale, so the picture never blanks.
 */
import { useEffect, useMemo, useState } from 'react'
import type { Workflow } from '../language/model'
import { simulateWorkflow } from '../runtime/simulate'
import { formatSpan } from '../runtime/summary'
import type { Trace } from '../runtime/trace'
import { useDesigner } from '../store/designer'
import { runtimeStore, scenarioOf, useRuntime, type StepRunMark } from '../store/runtime'
import { readScenarioText, type ScenarioReading } from './scenario-text'

const DEBOUNCE_MS = 150

export interface DryRun {
  workflowName: string | null
  workflow: Workflow | null
  scenarioText: string
  reading: ScenarioReading
  trace: Trace | null
  /** The trace shown is an earlier one: the scenario or the workflow has errors now. */
  stale: boolean
}

export function marksOf(trace: Trace, atMs?: number): Record<string, StepRunMark> {
  const marks: Record<string, StepRunMark> = {}
  for (const step of trace.steps) {
    const attempts = step.attempts.length + (step.omittedAttempts ?? 0)
    const time = step.startMs !== undefined && step.endMs !== undefined ? `, ${formatSpan(step.endMs - step.startMs)}` : ''
    const active = atMs !== undefined && step.startMs !== undefined && step.endMs !== undefined && step.startMs <= atMs && atMs < step.endMs
    marks[step.name] = { outcome: step.outcome, attempts, label: `${attempts} attempt${attempts === 1 ? '' : 's'}${time}`, active }
  }
  return marks
}

export function useDryRun(): DryRun {
  const workflowName = useDesigner((state) => state.selectedWorkflow)
  const workflow = useDesigner((state) => {
    const name = state.selectedWorkflow
    const item = state.parsed.doc.items.find((entry) => entry.kind === 'workflow' && entry.name === name)
    return (item as Workflow | undefined) ?? null
  })
  const profile = useRuntime((state) => state.profile)
  const scenarioText = useRuntime((state) => (workflowName ? scenarioOf(state.scenarios, workflowName) : ''))
  const reading = useMemo(() => readScenarioText(scenarioText), [scenarioText])
  const [trace, setTrace] = useState<Trace | null>(() => runtimeStore.getState().dryRunTrace)

  useEffect(() => {
    if (!workflow || !reading.ok) return
    const timer = setTimeout(() => setTrace(simulateWorkflow(workflow, reading.scenario, profile)), trace ? DEBOUNCE_MS : 0)
    return () => clearTimeout(timer)
    // `trace` only decides whether the first run waits: not a reason to re-run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workflow, reading, profile])

  const shown = trace && trace.workflow === workflowName ? trace : null
  useEffect(() => {
    runtimeStore.getState().setDryRun(shown, shown ? marksOf(shown) : null)
  }, [shown])
  useEffect(() => () => runtimeStore.getState().setDryRun(null, null), [])

  const current = !!shown && !!workflow && reading.ok && shown.workflow === workflow.name
  return { workflowName, workflow, scenarioText, reading, trace: shown, stale: !!shown && (!current || !workflow || !reading.ok) }
}
