import { useEffect, useRef } from 'react'
import { useResolvedTheme } from '../app/theme'
import { designerStore } from '../store/designer'
import { setEditorInstance } from './instance'
import { monaco } from './monaco'
import { mountEditor, themeName } from './session'
import './editor.css'

/**
 * The Monaco text pane, mirroring the page's store. Fills its container.
 * Loaded lazily (Monaco is most of the page's weight).
 */
export default function CaiEditor() {
  const container = useRef<HTMLDivElement>(null)
  const theme = useResolvedTheme()
  const initialTheme = useRef(theme)

  useEffect(() => {
    const session = mountEditor(container.current!, designerStore(), initialTheme.current)
    setEditorInstance(session.editor)
    return () => {
      setEditorInstance(null)
      session.dispose()
    }
  }, [])

  useEffect(() => {
    monaco.editor.setTheme(themeName(theme))
  }, [theme])

  return <div data-testid="editor" className="cai-editor" style={{ width: '100%', height: '100%', minHeight: 0, overflow: 'hidden' }} ref={container} />
}
