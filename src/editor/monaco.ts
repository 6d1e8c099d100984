/**
 * The Monaco editor core plus the features a user of a text editor expects.
 * No language services, no other languages, nothing from another origin.
 * An option whose feature is missing breaks quietly: `dragAndDrop` (on by
 * default) without `dnd` left a click inside a selection doing nothing, so the
 * next key replaced the whole selection. Keep each option's feature here.
 */
import * as monaco from 'monaco-editor/editor'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import 'monaco-editor/features/anchorSelect/register'
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/caretOperations/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/codeAction/register'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/cursorUndo/register'
// Drag-and-drop of text, and the click inside a selection that places the caret.
import 'monaco-editor/features/dnd/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/format/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/gotoLine/register'
import 'monaco-editor/features/gotoSymbol/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/indentation/register'
import 'monaco-editor/features/lineSelection/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/readOnlyMessage/register'
import 'monaco-editor/features/smartSelect/register'
import 'monaco-editor/features/snippet/register'
import 'monaco-editor/features/suggest/register'
// Ctrl+M: Tab moves focus instead of indenting.
import 'monaco-editor/features/toggleTabFocusMode/register'
import 'monaco-editor/features/wordHighlighter/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/features/wordPartOperations/register'
// The suggest feature's register module only brings inline completions; the suggestion widget lives here.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'

// The one worker Monaco itself needs (diffing formatting edits down to minimal ones).
self.MonacoEnvironment = { getWorker: () => new EditorWorker() }

export { monaco }
