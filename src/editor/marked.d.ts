// Monaco's own copy of marked (the renderer its hovers use), imported by the hover tests to render markdown.
declare module 'monaco-editor/base/common/marked/marked.js' {
  export function parse(markdown: string, options?: { async?: false }): string
}
