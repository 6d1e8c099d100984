/** The Compare view's link and picture: a review link to the clipboard, and the after version's SVG with the changes coloured. */
import { workflowsSvg } from '../diagram/svg'
import { DARK_THEME, LIGHT_THEME } from '../diagram/theme'
import type { Workflow } from '../language/model'
import { reviewMarks } from '../review'
import { LONG_LINK_CHARS, ShareEncodeError } from '../share/codec'
import { makeReviewLink } from '../share/review-link'
import type { Comparison } from '../store/compare'

/** The after version's workflows drawn by the diagram module, with the review's marks and, below each, what it lost. */
export function comparisonSvg(comparison: Comparison, theme: 'light' | 'dark'): string {
  const workflows = comparison.after.parsed.doc.items.filter((item): item is Workflow => item.kind === 'workflow')
  const { marks, notes } = reviewMarks(comparison.diff)
  return workflowsSvg(workflows, { theme: theme === 'dark' ? DARK_THEME : LIGHT_THEME, marks, notes })
}

const baseName = (name: string) => name.replace(/\.cai$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'comparison'

export function exportComparisonSvg(comparison: Comparison, theme: 'light' | 'dark', say: (text: string) => void): void {
  const url = URL.createObjectURL(new Blob([comparisonSvg(comparison, theme)], { type: 'image/svg+xml' }))
  const link = document.createElement('a')
  link.href = url
  link.download = `${baseName(comparison.name)}-changes.svg`
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  say('The picture of the changes was downloaded as SVG.')
}

/** Copies the review link; when the browser refuses the clipboard, `offer` shows it to copy by hand. */
export async function copyReviewLink(comparison: Comparison, say: (text: string) => void, offer: (link: string) => void): Promise<void> {
  let link: string
  try {
    link = makeReviewLink(location.href, {
      before: comparison.before.text,
      after: comparison.after.text,
      beforeLabel: comparison.before.label,
      afterLabel: comparison.after.label,
      name: comparison.name,
    })
  } catch (error) {
    say(error instanceof ShareEncodeError ? error.message : 'The review link could not be made.')
    return
  }
  const size = `${link.length.toLocaleString('en')} characters`
  const long = link.length > LONG_LINK_CHARS ? ' Some tools (chat, mail, issue trackers) cut links this long: check it arrives whole.' : ''
  try {
    await navigator.clipboard.writeText(link)
    say(`Review link copied (${size}).${long}`)
  } catch {
    say(`The browser did not let the designer copy the review link (${size}): copy it from the field below.${long}`)
    offer(link)
  }
}
