import { lazy, Suspense, useCallback, useLayoutEffect } from 'react'
import { useGlobalShortcuts } from '../actions/shortcuts'
import { JobsBoard, WorkflowCanvas } from '../canvas'
import { CompareChooser, CompareView } from '../compare'
import { DryRunPanel, JobsCalendar } from '../dryrun'
import { Inspector } from '../inspector'
import { designerStore, panelOpen, useDesigner } from '../store/designer'
import { compareStore, useCompare } from '../store/compare'
import { files } from '../files/documents'
import { FileOverlays } from '../files/FileOverlays'
import { ViewOnlyPage } from '../files/ViewOnlyPage'
import { ErrorBoundary } from './ErrorBoundary'
import { Outline } from './Outline'
import { COMPACT_QUERY, PANEL_LIMITS, rememberLayout } from './panel-layout'
import { PanelResizer } from './PanelResizer'
import { ProblemsList } from './ProblemsList'
import { SidePanel } from './SidePanel'
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

/** The remembered layout, and the panels collapsed while the window is narrow; before the first paint. */
function usePanelLayout() {
  useLayoutEffect(() => {
    const store = designerStore()
    const forget = rememberLayout(store)
    const narrow = window.matchMedia(COMPACT_QUERY)
    const follow = () => store.getState().setCompact(narrow.matches)
    follow()
    narrow.addEventListener('change', follow)
    return () => {
      forget()
      narrow.removeEventListener('change', follow)
    }
  }, [])
}

function ProblemsArea() {
  const open = useDesigner((state) => panelOpen(state.view, 'problems'))
  const size = useDesigner((state) => state.view.panels.problems.size)
  const onResize = useCallback((value: number) => designerStore().getState().setPanel('problems', { size: value }), [])
  return (
    // Open, the panel keeps its height whatever it lists: problems that come and go while typing never move the text or the canvas.
    <div id="cai-panel-problems" className="cai-problems-area" style={open ? { height: `min(${size}px, 45vh)` } : undefined}>
      {open && <PanelResizer label="problems" controls="cai-panel-problems" edge="top" size={size} {...PANEL_LIMITS.problems} onResize={onResize} />}
      <ErrorBoundary area="problems list" retryOn={onNextEdit}>
        <ProblemsList />
      </ErrorBoundary>
    </div>
  )
}

export function App() {
  useDocumentTheme()
  useGlobalShortcuts(designerStore())
  usePanelLayout()
  const split = useDesigner((state) => state.view.split)
  const canvasVisible = useDesigner((state) => state.view.canvasVisible)
  const editorVisible = useDesigner((state) => state.view.editorVisible)
  const onSplitChange = useCallback((value: number) => designerStore().getState().setView({ split: value }), [])

  const comparing = useCompare((state) => state.comparison !== null)

  // A view-only link: the picture alone (fixed for the page's life).
  if (files.getState().viewOnly) return <ViewOnlyPage canvas={<CanvasArea />} />
  // A review link: its comparison alone, read-only (fixed for the page's life).
  if (compareStore.getState().comparison?.readOnly) {
    return (
      <main className="cai-review-page">
        <ErrorBoundary area="comparison">
          <CompareView />
        </ErrorBoundary>
      </main>
    )
  }

  // The Compare view takes the place of the panes and panels; the document stays as it is underneath.
  if (comparing) {
    return (
      <div className="cai-app">
        <Toolbar />
        <CompareChooser />
        <main className="cai-main cai-compare-main">
          <ErrorBoundary area="comparison">
            <CompareView />
          </ErrorBoundary>
        </main>
        <FileOverlays />
      </div>
    )
  }

  return (
    <div className="cai-app">
      <Toolbar />
      <CompareChooser />
      <SidePanel panel="outline" side="start" title="Outline" className="cai-outline-area">
        <ErrorBoundary area="outline" retryOn={onNextEdit}>
          <Outline />
        </ErrorBoundary>
      </SidePanel>
      <main className="cai-main">
        <SplitPane
          first={{ label: 'Canvas', visible: canvasVisible, content: <CanvasArea /> }}
          second={{ label: 'Text', visible: editorVisible, content: <EditorArea /> }}
          split={split}
          onSplitChange={onSplitChange}
        />
      </main>
      <SidePanel panel="inspector" side="end" title="Inspector" className="cai-inspector-area" ownHideButton>
        <aside className="cai-inspector-aside" aria-label="Inspector">
          <ErrorBoundary area="inspector" retryOn={onNextEdit}>
            <Inspector />
          </ErrorBoundary>
        </aside>
      </SidePanel>
      <ProblemsArea />
      <FileOverlays />
    </div>
  )
}
