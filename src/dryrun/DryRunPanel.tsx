/**
 * The Dry run view of the selected workflow: a plain-words summary, the
 * scenario (sample payload and per-step behaviour, as JSON and as a table),
 * the timeline with step-through, and the runtime profile. The canvas above
 * it is coloured by the outcomes (through the runtime store).
 */
import { useEffect, useId, useRef, useState } from 'react'
import { allSteps } from '../language/locate'
import { scenarioToJson } from '../runtime/scenario'
import { runtimeStore } from '../store/runtime'
import { marksOf, useDryRun } from './use-dry-run'
import { SPEEDS, usePlayback } from './use-playback'
import { exportTimeline, Timeline } from './Timeline'
import { LinkProfileNote } from './LinkProfileNote'
import { ProfileDialog } from './ProfileDialog'
import { scenarioText, withStepChange } from './scenario-text'
import { StepBehaviourTable } from './StepBehaviourTable'
import { formatSpan } from '../runtime/summary'
import './dryrun.css'

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function DryRunPanel() {
  const run = useDryRun()
  const { workflowName, workflow, trace, reading } = run
  const playback = usePlayback(trace)
  const svg = useRef<SVGSVGElement>(null)
  const [profileOpen, setProfileOpen] = useState(false)
  const scenarioId = useId()
  const errorId = useId()
  const text = run.scenarioText

  // The marker highlights the steps running at its time on the canvas.
  useEffect(() => {
    if (trace) runtimeStore.getState().setDryRun(trace, marksOf(trace, playback.atMs ?? undefined))
  }, [trace, playback.atMs])

  if (!workflowName) return <section className="cai-dryrun" data-testid="dry-run"><p>Select a workflow to dry-run it.</p></section>

  const setText = (value: string) => {
    runtimeStore.getState().setScenarioText(workflowName, value)
  }
  const scenario = reading.ok ? reading.scenario : null
  const steps = workflow ? allSteps(workflow) : []
  const changeStep = (name: string, change: Parameters<typeof withStepChange>[2]) => scenario && setText(withStepChange(scenario, name, change))

  return (
    <section className="cai-dryrun" data-testid="dry-run" aria-label={`Dry run of ${workflowName}`}>
      <header className="cai-dryrun-head">
        <h2>Dry run: {workflowName}</h2>
        <p className={run.stale ? 'cai-dryrun-summary cai-dryrun-stale' : 'cai-dryrun-summary'} data-testid="dry-run-summary" aria-live="polite">
          {trace ? trace.summary : 'No run yet.'}
          {run.stale && ' (last good run: fix the errors to update it)'}
        </p>
        <LinkProfileNote />
        <div className="cai-dryrun-actions">
          <label>
            Conditions{' '}
            <select
              value={scenario?.conditions ?? 'codeai-today'}
              disabled={!scenario}
              onChange={(event) => scenario && setText(scenarioText(scenarioToJson({ ...scenario, conditions: event.target.value as 'codeai-today' | 'as-written' })))}
            >
              <option value="codeai-today">as CodeAI runs it today (all true)</option>
              <option value="as-written">as written (evaluated on the sample data)</option>
            </select>
          </label>
          <button type="button" onClick={() => setProfileOpen(true)}>
            Runtime profile…
          </button>
        </div>
      </header>

      <div className="cai-dryrun-body">
        <div className="cai-dryrun-scenario">
          <label htmlFor={scenarioId}>Scenario (JSON: input, config, conditions, default, steps)</label>
          <textarea
            id={scenarioId}
            data-testid="scenario-json"
            spellCheck={false}
            rows={8}
            value={text}
            aria-invalid={!reading.ok}
            aria-describedby={errorId}
            placeholder={'{\n  "input": { "order_id": "A-1" },\n  "steps": { "process_payment": { "behaviour": "always-fails" } }\n}'}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={errorId} className="cai-dryrun-error" role={reading.ok ? undefined : 'alert'} data-testid="scenario-error">
            {reading.ok ? '' : reading.message}
          </p>
          <StepBehaviourTable names={steps.map((step) => step.name)} scenario={scenario} changeStep={changeStep} />
        </div>

        <div className="cai-dryrun-result">
          <div className="cai-dryrun-playback" role="group" aria-label="Step-through">
            {playback.playing ? (
              <button type="button" onClick={playback.pause}>
                Pause
              </button>
            ) : (
              <button type="button" onClick={playback.play} disabled={!trace}>
                Play
              </button>
            )}
            <button type="button" onClick={playback.step} disabled={!trace}>
              Step
            </button>
            <button type="button" onClick={playback.reset} disabled={!trace}>
              Reset
            </button>
            <label>
              Speed{' '}
              <select value={playback.speed} onChange={(event) => playback.setSpeed(Number(event.target.value))}>
                {SPEEDS.map((speed) => (
                  <option key={speed} value={speed}>{`${speed}×`}</option>
                ))}
              </select>
            </label>
            <span className="cai-muted" aria-live="off">
              {playback.atMs === null ? '' : `at ${formatSpan(playback.atMs)}`}
            </span>
            <button type="button" disabled={!trace} onClick={() => svg.current && download(`${workflowName}-dry-run.svg`, exportTimeline(svg.current), 'image/svg+xml')}>
              Export SVG
            </button>
          </div>
          <div className="cai-dryrun-chart">{trace && <Timeline ref={svg} trace={trace} atMs={playback.atMs} stale={run.stale} />}</div>
        </div>
      </div>
      {profileOpen && <ProfileDialog onClose={() => setProfileOpen(false)} />}
    </section>
  )
}
