/** Inline SVG icons (no icon font, nothing fetched). They inherit the text colour. */
import type { TriggerType } from '../language/model'

const PATHS: Record<TriggerType, string> = {
  // A lightning bolt: something happened.
  event: 'M13 2 4 14h7l-1 8 9-12h-7z',
  // A clock face.
  schedule: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2',
  // A "play" button: someone starts it.
  manual: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM10 8.5v7l5.5-3.5z',
}

export function TriggerIcon({ type }: { type: TriggerType }) {
  return (
    <svg className="cai-icon" data-icon={type} viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path d={PATHS[type]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  )
}

export function ParallelIcon() {
  return (
    <svg className="cai-icon" data-icon="parallel" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      <path d="M4 12h4M8 12l4-6h8M8 12l4 6h8M12 12h8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}

export function EndIcon() {
  return (
    <svg className="cai-icon" data-icon="end" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      <rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor" />
    </svg>
  )
}
