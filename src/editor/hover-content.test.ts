import { describe, expect, it } from 'vitest'
import { parse as renderMarkdown } from 'monaco-editor/base/common/marked/marked.js'
import { parse } from '../language/parse'
import { LineIndex } from '../language/positions'
import type { Workflow } from '../language/model'
import { durationHover, scheduleHover, stepReferenceHover } from './hover-content'
import { FILE } from './test-fixture'
import { codeSpan, escapeMarkdown } from './markdown'

const html = (markdown: string) => renderMarkdown(markdown, { async: false })
/** What the reader sees: the rendered markdown without tags. */
const shown = (markdown: string) =>
  html(markdown)
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n+/g, '\n')

describe('scheduleHover', () => {
  const now = new Date('2025-01-01T12:00:00Z')

  it('describes the cron and lists its next three runs in UTC', () => {
    const text = shown(scheduleHover('0 6 * * *', now))
    expect(text).toContain('Schedule 0 6 * * *')
    expect(text).toContain('At 06:00 AM')
    expect(text).toContain('Next runs (UTC):\nThu 2025-01-02 06:00\nFri 2025-01-03 06:00\nSat 2025-01-04 06:00\n')
  })

  it('lists the runs in the zone the schedule names', () => {
    const text = shown(scheduleHover('TZ=Europe/Berlin 30 2 * * SUN', now))
    expect(text).toContain('Next runs (Europe/Berlin):\nSun 2025-01-05 02:30\nSun 2025-01-12 02:30\nSun 2025-01-19 02:30\n')
  })

  it('explains an invalid schedule and lists no runs', () => {
    const text = shown(scheduleHover('@daily', now))
    expect(text).toContain('Invalid schedule')
    expect(text).not.toContain('Next runs')
  })

  it('says when a valid schedule never runs', () => {
    expect(shown(scheduleHover('0 0 30 2 *', now))).toContain('never runs')
  })
})

describe('durationHover', () => {
  it('reads a Go duration in words', () => {
    expect(shown(durationHover('Timeout', '1h30m'))).toBe('Timeout 1h30m\n1 hour 30 minutes\n')
  })

  it('says when the value is not a duration', () => {
    expect(shown(durationHover('Timeout', '1d'))).toContain('Not a Go duration')
  })
})

describe('stepReferenceHover', () => {
  const { doc } = parse(FILE)
  const workflow = doc.items[0] as Workflow
  const lines = new LineIndex(FILE)
  const lineOf = (offset: number) => lines.positionAt(offset).line

  it('shows the step activity, its place in the flow and its line', () => {
    expect(shown(stepReferenceHover(workflow, 'fetch', lineOf))).toBe('Step fetch: activity sales.fetch\nstep 1 of 4 in workflow report, line 5\n')
    expect(shown(stepReferenceHover(workflow, 'mail', lineOf))).toContain('step 3 of 4 in workflow report, runs in a parallel block, line 15')
  })

  it('says when the step does not exist', () => {
    expect(shown(stepReferenceHover(workflow, 'nope', lineOf))).toBe('No step nope in workflow report.\n')
  })
})

describe('untrusted text in hovers', () => {
  const attacks = ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '![i](https://evil.example/i.png)', 'https://evil.example', '<script>alert(1)</script>']

  it('never renders user text as HTML, a link or an image', () => {
    for (const attack of attacks) {
      for (const markdown of [escapeMarkdown(attack), codeSpan(attack), durationHover('Timeout', attack), scheduleHover(attack, new Date(0))]) {
        const rendered = html(markdown)
        expect(rendered, markdown).not.toMatch(/<(img|a|script)\b/i)
      }
    }
  })

  it('keeps the text readable', () => {
    expect(html(escapeMarkdown('[x](javascript:alert(1))'))).toBe('<p>[x](javascript:alert(1))</p>\n')
    expect(html(escapeMarkdown('<img src=x onerror=alert(1)>'))).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>\n')
    expect(html(codeSpan('<img src=x onerror=alert(1)>'))).toBe('<p><code>&lt;img src=x onerror=alert(1)&gt;</code></p>\n')
  })

  it('keeps backticks and line breaks from ending a code span', () => {
    expect(html(codeSpan('a ``` b'))).toBe('<p><code>a ``` b</code></p>\n')
    expect(html(codeSpan('`x`'))).toBe('<p><code>`x`</code></p>\n')
    expect(html(codeSpan('a\n\n# [x](javascript:alert(1))'))).toBe('<p><code>a # [x](javascript:alert(1))</code></p>\n')
  })

  it('escapes a step name and activity taken from the file', () => {
    const workflow = {
      kind: 'workflow',
      name: 'w',
      steps: { items: [{ kind: 'step', name: 's', activity: { value: '<img src=x onerror=alert(1)>' } }] },
    } as unknown as Workflow
    const rendered = html(stepReferenceHover(workflow, 's', () => 1))
    expect(rendered).not.toMatch(/<img\b/)
    expect(rendered).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
