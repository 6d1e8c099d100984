import type { Diagnostic, Span } from '../language/model'
import { removeEmptyValue, type EmptyStatement } from '../language/operations'
import { useEdit } from './edit-context'

/**
 * The fix for a `value-empty` warning (`timeout ""` and the like): a Remove
 * button that deletes the empty statement as one undo step. Shown only while
 * the file's diagnostics report that statement as empty.
 */
export function RemoveEmptyValue({ diagnostics, span, target }: { diagnostics: readonly Diagnostic[]; span: Span | undefined; target: EmptyStatement }) {
  const { readOnly, run } = useEdit()
  if (readOnly !== undefined || !span) return null
  const empty = diagnostics.some((d) => d.code === 'value-empty' && d.span.start >= span.start && d.span.end <= span.end)
  if (!empty) return null
  return (
    <button
      type="button"
      className="cai-remove-empty"
      data-testid="remove-empty-value"
      aria-label={`Remove the empty ${target.statement}`}
      title={`Remove the empty ${target.statement} statement: CodeAI skips it anyway`}
      onClick={() => run((doc) => removeEmptyValue(doc, target))}
    >
      Remove
    </button>
  )
}
