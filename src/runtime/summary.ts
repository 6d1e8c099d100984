/** A dry run in plain words: "completes in 4 min 12 s; process_payment retried twice; notify_warehouse skipped (...)". */
import type { Trace } from './trace'

/** Milliseconds the way a person says them: "4 min 12 s", "2 h", "1.5 s", "250 ms". */
export function formatSpan(ms: number): string {
  if (!Number.isFinite(ms)) return 'forever'
  if (ms < 1000) return `${Math.round(ms * 1000) / 1000} ms`
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`
  const totalSeconds = Math.round(ms / 1000)
  const days = Math.floor(totalSeconds / 86_400)
  const hours = Math.floor((totalSeconds % 86_400) / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  const parts: string[] = []
  if (days > 0) parts.push(`${days} d`)
  if (hours > 0) parts.push(`${hours} h`)
  if (minutes > 0) parts.push(`${minutes} min`)
  if (seconds > 0) parts.push(`${seconds} s`)
  return parts.join(' ')
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`
}

export function summariseTrace(trace: Trace): string {
  const parts: string[] = []
  const { outcome } = trace
  if (outcome.kind === 'completed') parts.push(`completes in ${formatSpan(trace.durationMs)}`)
  else if (outcome.kind === 'failed') {
    const step = trace.steps.find((s) => s.name === outcome.step)
    const attempts = step ? step.attempts.length + (step.omittedAttempts ?? 0) : 0
    parts.push(`fails after ${formatSpan(trace.durationMs)}: ${outcome.step} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}`)
  } else {
    const where = outcome.step ? ` during ${outcome.step}` : ''
    const whose = trace.timeoutSource === 'written' ? 'its timeout' : 'the default timeout, as none is set'
    parts.push(`times out after ${formatSpan(trace.timeoutMs)} (${whose})${where}`)
  }
  for (const step of trace.steps) {
    const retries = step.attempts.length + (step.omittedAttempts ?? 0) - 1
    if (step.outcome === 'ran' && retries > 0) parts.push(`${step.name} retried ${times(retries)}`)
    if (step.outcome === 'skipped') parts.push(`${step.name} skipped (${step.reason})`)
    if (step.outcome === 'cancelled') parts.push(`${step.name} cancelled`)
  }
  const notReached = trace.steps.filter((s) => s.outcome === 'not-reached').map((s) => s.name)
  if (notReached.length > 0) parts.push(`not reached: ${notReached.join(', ')}`)
  if (trace.conditions === 'codeai-today' && trace.steps.some((s) => s.condition)) parts.push('every condition read as true, as CodeAI runs it today')
  return parts.join('; ')
}
