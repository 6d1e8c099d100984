import { useEffect, useRef, useState } from 'react'
import { provideServices } from '../actions/services'
import { designerStore, useDesigner } from '../store/designer'
import { handleBigPastes } from './big-paste'
import { setEditorInstance } from './instance'
import { monaco } from './monaco'
import { mountEditor, themeName } from './session'
import { handleTabKeys } from './tab-keys'
import './editor.css'

/**
 * The Monaco text pane, mirroring the page's store. Fills its container.
 * Loaded lazily (Monaco is most of the page's weight).
 */
export default function CaiEditor() {
  const container = useRef<HTMLDivElement>(null)
  const theme = useDesigner((state) => state.view.resolvedTheme)
  const initialTheme = useRef(theme)
  const [hint, setHint] = useState<string | null>(null)

  useEffect(() => {
    const element = container.current!
    const store = designerStore()
    const session = mountEditor(element, store, initialTheme.current)
    const { editor } = session
    setEditorInstance(editor)
    const stopPastes = handleBigPastes(editor, element, store)
    const tabKeys = handleTabKeys(editor, element, setHint)
    const restore = provideServices({
      editorCommand(id) {
        editor.focus()
        editor.trigger('keyboard', id, null)
      },
    })
    return () => {
      restore()
      tabKeys.dispose()
      stopPastes()
      setEditorInstance(null)
      session.dispose()
    }
  }, [])

  useEffect(() => {
    monaco.editor.setTheme(themeName(theme))
  }, [theme])

  return (
    <div className="cai-editor-frame">
      <div data-testid="editor" className="cai-editor" ref={container} />
      <p className="cai-editor-hint" role="status" data-testid="editor-hint">
        {hint}
      </p>
    </div>
  )
}
