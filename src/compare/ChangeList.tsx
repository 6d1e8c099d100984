/** The changes in plain words, grouped by workflow, job and block; choosing one selects it everywhere. */
import { useEffect, useMemo, useRef } from 'react'
import { summaryLine, type DocumentDiff } from '../review'
import { changeGroups } from '../review/locate-change'

const KIND_CLASS = (kind: string) => (kind.endsWith('-added') ? 'added' : kind.endsWith('-removed') ? 'removed' : kind.endsWith('-moved') ? 'moved' : kind.endsWith('-renamed') ? 'renamed' : 'changed')

interface ChangeListProps {
  diff: DocumentDiff
  selected: number | null
  onSelect(index: number): void
  /** The level of its group headings: one below the view's own heading. */
  level: 2 | 3
}

export function ChangeList({ diff, selected, onSelect, level }: ChangeListProps) {
  const Heading = level === 2 ? 'h2' : 'h3'
  const groups = useMemo(() => changeGroups(diff), [diff])
  const list = useRef<HTMLElement>(null)

  useEffect(() => {
    if (selected === null) return
    list.current?.querySelector(`[data-change="${selected}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [selected])

  return (
    <nav className="cai-change-list" data-testid="change-list" aria-label="Changes" ref={list}>
      <p className="cai-change-summary" data-testid="change-summary">
        {summaryLine(diff)}
      </p>
      {groups.map((group) => (
        <section key={group.heading}>
          <Heading>{group.heading}</Heading>
          <ul>
            {group.entries.map((entry) => (
              <li key={entry.index}>
                <button
                  type="button"
                  className={`cai-change cai-change-${KIND_CLASS(entry.kind)}`}
                  data-change={entry.index}
                  data-kind={entry.kind}
                  aria-current={selected === entry.index ? 'true' : undefined}
                  onClick={() => onSelect(entry.index)}
                >
                  {entry.words}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  )
}
