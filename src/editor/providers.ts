/**
 * The `cai` language features behind Monaco's widgets: completion, hover,
 * go to definition, formatting, folding and quick fixes. Each reads the parse of the
 * model's text from the store the model is bound to.
 */
import { allSteps } from '../language/locate'
import type { Diagnostic, ParseResult, Span } from '../language/model'
import { parse } from '../language/parse'
import { LineIndex } from '../language/positions'
import type { DesignerStore } from '../store/designer'
import { analyzeCompletion, type CompletionAnalysis } from './completion-context'
import { foldingRanges } from './folding'
import { durationHover, scheduleHover, stepReferenceHover } from './hover-content'
import { LANGUAGE_ID } from './language'
import type { monaco as Monaco } from './monaco'
import { JOB_SNIPPET, KEYWORD_SNIPPETS, PARALLEL_SNIPPET, SUGGEST_AFTER, WORKFLOW_SNIPPET, stepSnippet } from './snippets'
import { targetAt } from './targets'

type Model = Monaco.editor.ITextModel
type CompletionItem = Monaco.languages.CompletionItem

/** What the providers need to know about a model's editor. */
export interface ModelBinding {
  store: DesignerStore
  /** Formats the document (the registry's Format action). */
  format(): void
}

const bindings = new WeakMap<Model, ModelBinding>()

export function bindModel(model: Model, binding: ModelBinding): void {
  bindings.set(model, binding)
}

/** The store's parse when it is of the model's current text (it nearly always is), else a fresh one. */
function parsedFor(model: Model): ParseResult {
  const text = model.getValue()
  const state = bindings.get(model)?.store.getState()
  return state && state.text === text ? state.parsed : parse(text)
}

/** The store's diagnostics when they are of the model's current text, else the syntax ones of a fresh parse. */
function diagnosticsFor(model: Model): readonly Diagnostic[] {
  const state = bindings.get(model)?.store.getState()
  return state && state.text === model.getValue() ? state.diagnostics : parsedFor(model).diagnostics
}

function rangeOf(model: Model, span: Span): Monaco.IRange {
  const start = model.getPositionAt(span.start)
  const end = model.getPositionAt(span.end)
  return { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column }
}

/** Texts up to this long (some 50,000 lines) are folded by their syntax; longer ones by indentation. */
const SYNTAX_FOLDING_UP_TO = 1024 * 1024

let registered = false

export function registerProviders(monaco: typeof Monaco): void {
  if (registered) return
  registered = true
  const { languages } = monaco
  const Kind = languages.CompletionItemKind
  const asSnippet = languages.CompletionItemInsertTextRule.InsertAsSnippet
  const suggestAgain = { id: 'editor.action.triggerSuggest', title: 'Suggest' }

  function completions(model: Model, analysis: CompletionAnalysis): CompletionItem[] {
    const range = { insert: rangeOf(model, analysis.insert), replace: rangeOf(model, analysis.replace) }
    const typed = model.getValue().slice(analysis.insert.start, analysis.insert.end)
    const snippet = (label: string, insertText: string, detail: string, kind = Kind.Snippet): CompletionItem => ({
      label,
      kind,
      detail,
      insertText,
      insertTextRules: asSnippet,
      range,
      ...(SUGGEST_AFTER.has(label) ? { command: suggestAgain } : {}),
    })
    const { context } = analysis
    switch (context.kind) {
      case 'declaration':
        return [snippet('workflow', WORKFLOW_SNIPPET, 'Workflow declaration'), snippet('job', JOB_SNIPPET, 'Job declaration')]
      case 'part':
        return context.keywords.map((keyword) => snippet(keyword, KEYWORD_SNIPPETS[keyword], `${context.block} ${keyword}`, Kind.Keyword))
      case 'trigger-type':
        return ['event', 'schedule', 'manual'].map((type) => snippet(type, KEYWORD_SNIPPETS[type], `${type} trigger`, Kind.Keyword))
      case 'step': {
        // A name typed first becomes the new step's name.
        const named = /^[A-Za-z_][A-Za-z0-9_]*$/.test(typed) && !'parallel'.startsWith(typed)
        const items = [snippet(named ? typed : 'step', stepSnippet(named ? typed : undefined), 'New step')]
        if (context.allowParallel) items.push(snippet('parallel', PARALLEL_SNIPPET, 'Parallel block', Kind.Keyword))
        return items
      }
      case 'step-reference':
        return context.steps.map((step, index) => ({
          label: step.name,
          kind: Kind.Reference,
          detail: step.runsBefore ? 'runs before this step' : 'does not run before this step',
          insertText: step.name,
          // Steps that surely ran first come first.
          sortText: `${step.runsBefore ? 0 : 1}${String(index).padStart(4, '0')}`,
          range,
        }))
      case 'used-name':
        return context.names.map((name) => ({ label: name, kind: Kind.Value, detail: `${context.keyword} used in this file`, insertText: name, range }))
      case 'none':
        return []
    }
  }

  languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ['.', '"'],
    provideCompletionItems(model, position) {
      const analysis = analyzeCompletion(model.getValue(), model.getOffsetAt(position))
      // A new step's label is the name being typed: ask again as it grows.
      return { suggestions: completions(model, analysis), incomplete: analysis.context.kind === 'step' }
    },
  })

  languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const target = targetAt(parsedFor(model).doc, model.getOffsetAt(position))
      if (!target) return null
      let markdown: string
      if (target.kind === 'schedule') markdown = scheduleHover(target.value, new Date())
      else if (target.kind === 'duration') markdown = durationHover(target.label, target.value)
      else {
        const lines = new LineIndex(model.getValue())
        markdown = stepReferenceHover(target.workflow, target.step, (offset) => lines.positionAt(offset).line)
      }
      // User text is escaped in the markdown; nothing in it may run or render as HTML.
      const contents = [{ value: markdown, isTrusted: false, supportHtml: false, supportThemeIcons: false }]
      return { range: rangeOf(model, target.span), contents }
    },
  })

  languages.registerDefinitionProvider(LANGUAGE_ID, {
    provideDefinition(model, position) {
      const target = targetAt(parsedFor(model).doc, model.getOffsetAt(position))
      if (target?.kind !== 'step-reference') return null
      const step = allSteps(target.workflow).find((candidate) => candidate.name === target.step)
      if (!step?.nameSpan) return null
      return { uri: model.uri, range: rangeOf(model, step.nameSpan) }
    },
  })

  languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    displayName: 'CAI canonical layout',
    // The registry's Format action, whichever way it is asked for: its own undo step, never merged into typing.
    provideDocumentFormattingEdits(model) {
      bindings.get(model)?.format()
      return []
    },
  })

  // A diagnostic's mechanical fix (the colon style, a quoted value, a removal...) as a quick fix on its range.
  languages.registerCodeActionProvider(LANGUAGE_ID, {
    provideCodeActions(model, range, context) {
      const start = model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn })
      const end = model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn })
      const actions = diagnosticsFor(model)
        .filter((diagnostic) => diagnostic.fix && diagnostic.span.start <= end && start <= diagnostic.span.end)
        .map((diagnostic): Monaco.languages.CodeAction => ({
          title: diagnostic.fix!.title,
          kind: 'quickfix',
          diagnostics: context.markers.filter((marker) => marker.code === diagnostic.code && marker.message === diagnostic.message),
          isPreferred: diagnostic.severity === 'error',
          edit: {
            edits: diagnostic.fix!.edits.map((edit) => ({
              resource: model.uri,
              versionId: model.getVersionId(),
              textEdit: { range: rangeOf(model, edit.span), text: edit.newText },
            })),
          },
        }))
      return { actions, dispose: () => {} }
    },
  })

  languages.registerFoldingRangeProvider(LANGUAGE_ID, {
    provideFoldingRanges(model) {
      // A scan of a huge text would hold the page up: none, and Monaco folds by indentation instead.
      if (model.getValueLength() > SYNTAX_FOLDING_UP_TO) return null
      return foldingRanges(model.getValue()).map(({ start, end, kind }) => ({
        start,
        end,
        kind: kind === 'comment' ? languages.FoldingRangeKind.Comment : undefined,
      }))
    },
  })
}
