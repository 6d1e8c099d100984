import { useEffect, useLayoutEffect, useState } from 'react'
import { designerStore, useDesigner } from '../store/designer'

export type ResolvedTheme = 'light' | 'dark'

const DARK_QUERY = '(prefers-color-scheme: dark)'

function systemTheme(): ResolvedTheme {
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'
}

/** The theme in effect: the setting, or the system's when the setting is 'system'. Follows system changes live. */
export function useResolvedTheme(): ResolvedTheme {
  const setting = useDesigner((state) => state.view.theme)
  const [system, setSystem] = useState<ResolvedTheme>(systemTheme)
  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY)
    const onChange = () => setSystem(query.matches ? 'dark' : 'light')
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])
  return setting === 'system' ? system : setting
}

/**
 * Puts the theme on <html> as `data-theme` (the CSS variables key off it) and
 * `color-scheme` (native controls and scrollbars follow), before the first
 * paint, and in the store for the text editor.
 */
export function useDocumentTheme(): ResolvedTheme {
  const theme = useResolvedTheme()
  const setting = useDesigner((state) => state.view.theme)
  useLayoutEffect(() => {
    const root = document.documentElement
    root.dataset.theme = theme
    root.dataset.themeSetting = setting
    root.style.colorScheme = theme
    designerStore().getState().setView({ resolvedTheme: theme })
  }, [theme, setting])
  return theme
}
