/**
 * The text pane's public surface. Nothing here loads Monaco: the component
 * itself is lazy, and the shell's test hooks import this module freely.
 */
import { lazy } from 'react'

/** The Monaco text pane (a lazy component: render it inside <Suspense>). */
export const CaiEditor = lazy(() => import('./CaiEditor'))

export { getEditorInstance } from './instance'
