/** The picture's colours: the page's light and dark themes (src/app/app.css), and those of a review. */
export interface DiagramTheme {
  background: string
  foreground: string
  muted: string
  border: string
  accent: string
  error: string
  warning: string
  info: string
  nodeBackground: string
  /** Review marks: added, changed, removed. */
  added: string
  changed: string
  removed: string
  font: string
  mono: string
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace"

export const LIGHT_THEME: DiagramTheme = {
  background: '#ffffff',
  foreground: '#1f2328',
  muted: '#59636e',
  border: '#d1d9e0',
  accent: '#0969da',
  error: '#cf222e',
  warning: '#9a6700',
  info: '#0969da',
  nodeBackground: '#ffffff',
  added: '#1a7f37',
  changed: '#9a6700',
  removed: '#cf222e',
  font: FONT,
  mono: MONO,
}

export const DARK_THEME: DiagramTheme = {
  background: '#0d1117',
  foreground: '#e6edf3',
  muted: '#9198a1',
  border: '#3d444d',
  accent: '#4493f8',
  error: '#f85149',
  warning: '#d29922',
  info: '#58a6ff',
  nodeBackground: '#151b23',
  added: '#3fb950',
  changed: '#d29922',
  removed: '#f85149',
  font: FONT,
  mono: MONO,
}
