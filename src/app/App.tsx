import { lazy, Suspense, useCallback } from 'react'
import { useGlobalShortcuts } from '../actions/shortcuts'
import { JobsBoard, WorkflowCanvas } from '../canvas'
import { DryRunPanel, JobsCalendar } from '../dryrun'
import { Inspector, useInspectorVisible } from '../inspector'
import { designerStore, useDesigner } from '../store/designer'
import { files } from '../files/documents'
import { FileOverlays } from '../files/FileOverlays'
import { ViewOnlyPage } from '../files/ViewOnlyPage'
import { ErrorBoundary } from './ErrorBoundary'
import { Outline } from './Outline'
import { ProblemsList } from './ProblemsList'
import { SplitPane } from './SplitPane'
import { Toolbar } from './Toolbar'
import { useDocumentTheme } from './theme'

// Monaco is most of the page's weight: the canvas paints first, the editor follows.
const CaiEditor = lazy(() => import('../editor/CaiEditor'))

/** A new text may render where the last one failed: try again on the next edit. */
function onNextEdit(retry: () => void) {
  return designerStore().subscribe((state, previous) => {
    if (state.text !== previous.text) retry()
  })
}

function CanvasArea() {
  const mode = useDesigner((state) => state.view.mode)
  const runtime = useDesigner((state) => state.view.runtime)
  const canvas = mode === 'jobs' ? <JobsBoard /> : <WorkflowCanvas />
  return (
    // Keyed by the view: switching views also tries again.
    <ErrorBoundary key={`${mode}${runtime}`} area="canvas" retryOn={onNextEdit}>
      {!runtime ? (
        canvas
      ) : mode === 'jobs' ? (
        <JobsCalendar />
      ) : (
        <div className="cai-dryrun-layout">
          {canvas}
          <DryRunPanel />
        </div>
      )}
    </ErrorBoundary>
  )
}

function EditorArea() {
  return (
    // `nokey`: React Flow listens to keys on the whole window (Space pans the canvas) and
    // would swallow them from Monaco, whose input is not a form field it recognises.
    <div className="cai-editor-area nokey">
      <ErrorBoundary area="text editor">
        <Suspense fallback={<p className="cai-loading">Loading editor…</p>}>
          <CaiEditor />
        </Suspense>
      </ErrorBoundary>
    </div>
  )
}

export function App() {
  useDocumentTheme()
  useGlobalShortcuts(designerStore())
  const split = useDesigner((state) => state.view.split)
  const canvasVisible = useDesigner((state) => state.view.canvasVisible)
  const editorVisible = useDesigner((state) => state.view.editorVisible)
  const inspectorVisible = useInspectorVisible()
  const onSplitChange = useCallback((value: number) => designerStore().getState().setView({ split: value }), [])

  // A view-only link: the picture alone (fixed for the page's life).
  if (files.getState().viewOnly) return <ViewOnlyPage canvas={<CanvasArea />} />

  return (
    <div className="cai-app">
      <Toolbar />
      <div className="cai-outline-area">
        <ErrorBoundary area="outline" retryOn={onNextEdit}>
          <Outline />
        </ErrorBoundary>
      </div>
      <main className="cai-main">
        <SplitPane
          first={{ label: 'Canvas', visible: canvasVisible, content: <CanvasArea /> }}
          second={{ label: 'Text', visible: editorVisible, content: <EditorArea /> }}
          split={split}
          onSplitChange={onSplitChange}
        />
      </main>
      {inspectorVisible ? (
        <aside className="cai-inspector-area" aria-label="Inspector">
          <ErrorBoundary area="inspector" retryOn={onNextEdit}>
            <Inspector />
          </ErrorBoundary>
        </aside>
      ) : null}
      <div className="cai-problems-area">
        <ErrorBoundary area="problems list" retryOn={onNextEdit}>
          <ProblemsList />
        </ErrorBoundary>
      </div>
      <FileOverlays />
    </div>
  )
}
