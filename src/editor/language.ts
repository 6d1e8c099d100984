/**
 * The `cai` language for Monaco: tokens (Monarch), brackets, comments,
 * auto-closing pairs and the light and dark themes.
 */
import { RESERVED_WORDS } from '../language/model'
import type { monaco as Monaco } from './monaco'

export const LANGUAGE_ID = 'cai'
export const LIGHT_THEME = 'cai-light'
export const DARK_THEME = 'cai-dark'

type Languages = typeof Monaco.languages

export const monarchTokens: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.cai',
  keywords: [...RESERVED_WORDS],
  tokenizer: {
    root: [
      // A name followed by `{` declares a workflow, job or step; one followed by `:` is an input key.
      [/[A-Za-z_][A-Za-z0-9_]*(?=\s*\{)/, { cases: { '@keywords': 'keyword', '@default': 'type.identifier' } }],
      [/[A-Za-z_][A-Za-z0-9_]*(?=\s*:)/, { cases: { '@keywords': 'keyword', '@default': 'attribute.name' } }],
      [/[A-Za-z_][A-Za-z0-9_]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/[0-9]+\.[0-9]+/, 'number.float'],
      [/[0-9]+/, 'number'],
      [/"/, 'string', '@string'],
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@comment'],
      [/[{}]/, '@brackets'],
      [/[:(),]|->/, 'delimiter'],
      [/\s+/, ''],
      // Anything else is an error in a workflow or job, but may belong to a block of the wider language.
      [/./, ''],
    ],
    // No escapes: a string ends at the next quote, even on a later line.
    string: [
      [
        /[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*/,
        // Monarch anchors the guard as ^...$: the alternation needs its own group.
        { cases: { '(?:(?:steps|config)\\.[A-Za-z_].*|workflow\\.input\\..*)': 'string.reference', '@default': 'string' } },
      ],
      [/[^"A-Za-z0-9_]+/, 'string'],
      [/"/, 'string', '@pop'],
    ],
    comment: [
      [/[^*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/\*/, 'comment'],
    ],
  },
}

export const languageConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [['{', '}']],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: '/*', close: ' */', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"' },
  ],
  // Indentation as a fallback for folding; the folding provider folds by braces.
  indentationRules: {
    increaseIndentPattern: /\{[^}"]*$/,
    decreaseIndentPattern: /^\s*\}/,
  },
}

// Colours from the app's palette (GitHub-like), so the pane matches the canvas.
const lightRules = [
  { token: 'keyword', foreground: 'cf222e' },
  { token: 'type.identifier', foreground: '953800' },
  { token: 'attribute.name', foreground: '0550ae' },
  { token: 'string', foreground: '0a3069' },
  { token: 'string.reference', foreground: '8250df' },
  { token: 'number', foreground: '0550ae' },
  { token: 'comment', foreground: '59636e', fontStyle: 'italic' },
]
const darkRules = [
  { token: 'keyword', foreground: 'ff7b72' },
  { token: 'type.identifier', foreground: 'ffa657' },
  { token: 'attribute.name', foreground: '79c0ff' },
  { token: 'string', foreground: 'a5d6ff' },
  { token: 'string.reference', foreground: 'd2a8ff' },
  { token: 'number', foreground: '79c0ff' },
  { token: 'comment', foreground: '9198a1', fontStyle: 'italic' },
]

let registered = false

/** Registers the language and its themes once per page. */
export function registerLanguage(monaco: typeof Monaco): void {
  if (registered) return
  registered = true
  const languages: Languages = monaco.languages
  languages.register({ id: LANGUAGE_ID, extensions: ['.cai'], aliases: ['CodeAI', 'cai'] })
  languages.setMonarchTokensProvider(LANGUAGE_ID, monarchTokens)
  languages.setLanguageConfiguration(LANGUAGE_ID, languageConfiguration)
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: lightRules,
    colors: { 'editor.background': '#ffffff', 'editor.foreground': '#1f2328' },
  })
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: darkRules,
    colors: { 'editor.background': '#0d1117', 'editor.foreground': '#e6edf3' },
  })
}
