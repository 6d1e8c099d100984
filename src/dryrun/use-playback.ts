/** Step-through of a dry run in the workflow's own time: a marker that plays, pauses, steps from event to event, and resets. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Trace } from '../runtime/trace'

export const SPEEDS = [1, 10, 60, 600, 3600] as const

/** Every instant something starts or ends, in order. */
export function eventTimes(trace: Trace): number[] {
  const times = new Set<number>([0, trace.durationMs])
  for (const step of trace.steps) {
    for (const attempt of step.attempts) times.add(attempt.startMs).add(attempt.endMs)
    if (step.startMs !== undefined) times.add(step.startMs)
  }
  return [...times].sort((a, b) => a - b)
}

export function usePlayback(trace: Trace | null) {
  const [atMs, setAt] = useState<number | null>(null)
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<number>(60)
  const frame = useRef<number | null>(null)
  const end = trace?.durationMs ?? 0

  useEffect(() => {
    if (!playing || !trace) return
    let last = performance.now()
    const tick = (now: number) => {
      const elapsed = now - last
      last = now
      let finished = false
      setAt((current) => {
        const next = (current ?? 0) + elapsed * speed
        if (next >= end) finished = true
        return Math.min(next, end)
      })
      if (finished) setPlaying(false)
      else frame.current = requestAnimationFrame(tick)
    }
    frame.current = requestAnimationFrame(tick)
    return () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current)
    }
  }, [playing, speed, trace, end])

  const step = useCallback(() => {
    if (!trace) return
    setPlaying(false)
    setAt((current) => eventTimes(trace).find((t) => t > (current ?? -1)) ?? end)
  }, [trace, end])

  return {
    atMs,
    playing,
    speed,
    setSpeed,
    play: () => {
      if (atMs !== null && atMs >= end) setAt(0)
      setPlaying(true)
    },
    pause: () => setPlaying(false),
    step,
    reset: () => {
      setPlaying(false)
      setAt(null)
    },
  }
}
