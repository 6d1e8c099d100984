/**
 * Monaco's diff editor with the two texts, read-only, side by side or inline.
 * The same Monaco bundle as the text editor (no extra download); the `cai`
 * language and themes are used when the text editor has registered them.
 * It follows the selected change: its text is revealed and selected.
 */
import { useEffect, useRef } from 'react'
import * as monaco from 'monaco-editor/editor'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import type { Span } from '../language/model'

// The text editor sets the worker when it loads; a review link's page never loads it.
self.MonacoEnvironment ??= { getWorker: () => new EditorWorker() }

export interface DiffReveal {
  side: 'before' | 'after'
  span: Span
}

interface DiffEditorProps {
  before: string
  after: string
  theme: 'light' | 'dark'
  inline: boolean
  reveal: DiffReveal | null
}

const hasCai = () => monaco.languages.getLanguages().some((language) => language.id === 'cai')
const themeOf = (theme: 'light' | 'dark') => (hasCai() ? `cai-${theme}` : theme === 'dark' ? 'vs-dark' : 'vs')

export default function DiffEditor({ before, after, theme, inline, reveal }: DiffEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editor = useRef<monaco.editor.IStandaloneDiffEditor | null>(null)

  useEffect(() => {
    const element = host.current
    if (!element) return
    const language = hasCai() ? 'cai' : 'plaintext'
    const original = monaco.editor.createModel(before, language)
    const modified = monaco.editor.createModel(after, language)
    const diff = monaco.editor.createDiffEditor(element, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: !inline,
      // Side by side even in a narrow pane: the toggle decides.
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      theme: themeOf(theme),
      ariaLabel: 'Text of the after version',
      originalAriaLabel: 'Text of the before version',
      fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace",
      scrollBeyondLastLine: false,
    })
    diff.setModel({ original, modified })
    editor.current = diff
    return () => {
      editor.current = null
      diff.dispose()
      original.dispose()
      modified.dispose()
    }
  }, [before, after]) // eslint-disable-line react-hooks/exhaustive-deps -- theme and layout are updated in place

  useEffect(() => {
    editor.current?.updateOptions({ renderSideBySide: !inline })
  }, [inline])

  useEffect(() => {
    monaco.editor.setTheme(themeOf(theme))
  }, [theme])

  useEffect(() => {
    const diff = editor.current
    if (!diff || !reveal) return
    const pane = reveal.side === 'before' ? diff.getOriginalEditor() : diff.getModifiedEditor()
    const model = pane.getModel()
    if (!model) return
    const start = model.getPositionAt(reveal.span.start)
    const end = model.getPositionAt(reveal.span.end)
    const range = { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column }
    pane.setSelection(range)
    pane.revealRangeInCenterIfOutsideViewport(range)
  }, [reveal])

  return <div className="cai-compare-diff" ref={host} data-testid="diff-editor" />
}
