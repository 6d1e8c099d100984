/**
 * The Compare view: the changes in plain words, the picture of the after (or
 * before) version with the changes coloured, and the two texts in Monaco's
 * diff editor, all following one selected change. Reads the comparison from
 * its store (src/store/compare.ts) and runs its commands through the action
 * registry; it never writes the document.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { provideServices } from '../actions/services'
import { actionById, PAGE_TARGET } from '../actions/registry'
import { ariaShortcut, shortcutLabel } from '../actions/keys'
import { changeNodeIds, locateChange } from '../review/locate-change'
import { compareStore, useCompare, type Comparison } from '../store/compare'
import { designerStore, useDesigner } from '../store/designer'
import { ChangeList } from './ChangeList'
import { ComparePicture } from './ComparePicture'
import { copyReviewLink, exportComparisonSvg } from './export'
import './compare.css'

// Monaco is loaded with the view, from the same bundle as the text editor.
const DiffEditor = lazy(() => import('./DiffEditor'))

/** A button running a registry action; it follows the comparison's store as well as the designer's. */
function CompareButton({ id, children, title }: { id: string; children: string; title?: string }) {
  const action = actionById(id)
  useCompare((state) => state)
  const enabled = useDesigner((state) => action.isEnabled(state, PAGE_TARGET))
  const pressed = action.isPressed?.(designerStore().getState())
  const keys = action.shortcuts.map((shortcut) => shortcutLabel(shortcut)).join(' or ')
  return (
    <button
      type="button"
      data-action={id}
      disabled={!enabled}
      aria-pressed={pressed}
      title={keys ? `${title ?? action.label} (${keys})` : (title ?? action.label)}
      aria-keyshortcuts={action.shortcuts.length > 0 ? action.shortcuts.map((shortcut) => ariaShortcut(shortcut)).join(' ') : undefined}
      onClick={() => void action.run(designerStore(), PAGE_TARGET)}
    >
      {children}
    </button>
  )
}

function useComparisonCommands(comparison: Comparison, say: (text: string) => void, offer: (link: string) => void) {
  useEffect(
    () =>
      provideServices({
        comparison: {
          copyReviewLink: () => copyReviewLink(comparison, say, offer),
          exportSvg: () => exportComparisonSvg(comparison, designerStore().getState().view.resolvedTheme, say),
        },
      }),
    [comparison, say, offer],
  )
}

export default function CompareView() {
  const comparison = useCompare((state) => state.comparison)
  if (!comparison) return null
  return <CompareScreen comparison={comparison} />
}

function CompareScreen({ comparison }: { comparison: Comparison }) {
  const selected = useCompare((state) => state.selected)
  const showBefore = useCompare((state) => state.showBefore)
  const theme = useDesigner((state) => state.view.resolvedTheme)
  const [inline, setInline] = useState(false)
  const [message, setMessage] = useState('')
  const [offeredLink, setOfferedLink] = useState('')
  useComparisonCommands(comparison, setMessage, setOfferedLink)

  const docs = useMemo(() => ({ before: comparison.before.parsed.doc, after: comparison.after.parsed.doc }), [comparison])
  const location = useMemo(() => {
    const change = selected === null ? undefined : comparison.diff.changes[selected]
    return change ? locateChange(change, docs) : null
  }, [comparison, selected, docs])
  const side = showBefore ? 'before' : 'after'
  const selectedNode = useMemo(() => {
    const change = selected === null ? undefined : comparison.diff.changes[selected]
    if (!change) return null
    const ids = changeNodeIds(change)
    // A removed step stands as a ghost (with its before id) on the after picture.
    return ids[side] ?? (side === 'after' && change.kind === 'step-removed' ? ids.before : undefined) ?? null
  }, [comparison, selected, side])
  const reveal = useMemo(() => (location?.span ? { side: location.side, span: location.span } : null), [location])
  const select = (index: number) => compareStore.getState().select(index)
  const Heading = comparison.readOnly ? 'h1' : 'h2'

  return (
    <section className="cai-compare" data-testid="compare" aria-label="Compare view">
      <header className="cai-compare-bar">
        {/* On a review link's page, the view is the page: its heading is the page's. */}
        <Heading>
          Compare{comparison.readOnly ? ` (review of ${comparison.name}, read-only)` : ''}: <span className="cai-compare-side">{comparison.before.label}</span> →{' '}
          <span className="cai-compare-side">{comparison.after.label}</span>
        </Heading>
        <div className="cai-compare-actions" role="group" aria-label="Comparison">
          <CompareButton id="compare-previous">Previous change</CompareButton>
          <CompareButton id="compare-next">Next change</CompareButton>
          <CompareButton id="compare-show-before" title="Show the picture of the before version instead of the after one">
            Before
          </CompareButton>
          <button type="button" aria-pressed={inline} onClick={() => setInline(!inline)} title="Show the texts inline instead of side by side">
            Inline
          </button>
          {!comparison.readOnly && <CompareButton id="compare-swap">Swap</CompareButton>}
          <CompareButton id="compare-copy-link" title="Copy a link that opens this comparison, read-only">
            Copy review link
          </CompareButton>
          <CompareButton id="compare-export-svg" title="Download the after version's picture with the changes coloured">
            Export SVG
          </CompareButton>
          {!comparison.readOnly && <CompareButton id="compare-close">Close</CompareButton>}
        </div>
        <p className="cai-compare-message" role="status">
          {message}
        </p>
        {offeredLink && (
          <label className="cai-compare-offered">
            Review link{' '}
            <input type="text" readOnly value={offeredLink} onFocus={(event) => event.target.select()} />
          </label>
        )}
      </header>
      <div className="cai-compare-body">
        <ChangeList diff={comparison.diff} selected={selected} onSelect={select} level={comparison.readOnly ? 2 : 3} />
        <ComparePicture comparison={comparison} side={side} selectedNode={selectedNode} onSelectChange={select} />
        <div className="cai-compare-text">
          <Suspense fallback={<p className="cai-loading">Loading the texts…</p>}>
            <DiffEditor before={comparison.before.text} after={comparison.after.text} theme={theme} inline={inline} reveal={reveal} />
          </Suspense>
        </div>
      </div>
    </section>
  )
}
