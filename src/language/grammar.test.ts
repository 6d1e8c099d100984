/**
 * The grammar itself: it is LL(1) (so unambiguous), nearley finds exactly one
 * parse for every accepted declaration, and the fast LL(1) runner builds the
 * same tree nearley builds.
 */
import { describe, expect, test } from 'vitest'
import { nearleyParses } from './declaration'
import grammar from './generated/grammar'
import { LL1Parser } from './ll1'
import { parse } from './parse'
import { stripSpans } from './strip'

/** One declaration per rule and alternative of the grammar (spec section 2). */
const ACCEPTED: Record<string, string> = {
  'event trigger, timeout, steps, retry': `workflow w {
	trigger event "order.created"
	timeout "30m"
	steps {
		a {
			activity "x.y"
		}
	}
	retry {
		max_attempts 3
		initial_interval "1s"
		backoff_multiplier 2.0
	}
}`,
  'schedule trigger, no timeout, no retry': 'workflow w { trigger schedule "0 6 * * *" steps { a { activity "x" } } }',
  'manual trigger': 'workflow w { trigger manual steps { a { activity "x" } } }',
  'step with every part': 'workflow w { trigger manual steps { a { activity "x" input { k: "v" k2: "v2" } if "c" } } }',
  'step with input only': 'workflow w { trigger manual steps { a { input { k: "v" } } } }',
  'step with condition only': 'workflow w { trigger manual steps { a { if "c" } } }',
  'step with activity and condition': 'workflow w { trigger manual steps { a { activity "x" if "c" } } }',
  'step with nothing': 'workflow w { trigger manual steps { a { } } }',
  'parallel block of two steps': 'workflow w { trigger manual steps { parallel { a { activity "x" } b { activity "y" } } c { activity "z" } } }',
  'empty parallel block': 'workflow w { trigger manual steps { parallel { } } }',
  'empty steps block': 'workflow w { trigger manual steps { } }',
  'empty input block': 'workflow w { trigger manual steps { a { input { } } } }',
  'empty retry block': 'workflow w { trigger manual steps { } retry { } }',
  'retry with max_attempts only': 'workflow w { trigger manual steps { } retry { max_attempts 5 } }',
  'retry with initial_interval only': 'workflow w { trigger manual steps { } retry { initial_interval "1s" } }',
  'retry with backoff_multiplier only': 'workflow w { trigger manual steps { } retry { backoff_multiplier 1.5 } }',
  'retry with max_attempts and backoff_multiplier': 'workflow w { trigger manual steps { } retry { max_attempts 0 backoff_multiplier 10.25 } }',
  'job with every part': 'job j { schedule "*/5 * * * *" task "t.run" queue "critical" retry { max_attempts 2 } }',
  'job with task only': 'job j { task "t" }',
  'job with task and queue': 'job j { task "t" queue "low_priority" }',
  'job with schedule and retry': 'job j { schedule "0 0 * * *" task "t" retry { } }',
  'names that contain reserved words': 'workflow task_id { trigger manual steps { tasks { input { retry2: "x" Input: "y" _if: "z" } } Workflow { } } }',
  'multi-line strings, backslashes, braces in strings': 'workflow w { trigger event "a\nb" steps { a { activity "c:\\x{}" if "\n//not a comment\n" } } }',
  'no whitespace where none is needed': 'workflow w{trigger manual steps{a{activity"x"input{k:"v"}}}retry{max_attempts 1}}',
  'CRLF line breaks and tabs': 'workflow w {\r\n\ttrigger manual\r\n\tsteps {\r\n\t}\r\n}',
}

describe('grammar/cai.ne', () => {
  test('is LL(1): the fast runner can be built (which also proves it unambiguous)', () => {
    const built = LL1Parser.build(grammar.ParserRules, grammar.ParserStart)
    expect('conflicts' in built ? built.conflicts : []).toEqual([])
  })

  test.each(Object.entries(ACCEPTED))('accepts: %s, with exactly one nearley parse', (_, text) => {
    expect(parse(text).diagnostics).toEqual([])
    expect(nearleyParses(text)).toHaveLength(1)
  })

  test.each(Object.entries(ACCEPTED))('the LL(1) runner builds the tree nearley builds: %s', (_, text) => {
    // Texts without comments or blank lines: trivia stay empty on both sides.
    const [fromNearley] = nearleyParses(text)
    expect(parse(text).doc.items[0]).toEqual(fromNearley)
  })

  test('nearley finds no parse for rejected declarations', () => {
    expect(nearleyParses('workflow w { timeout "1s" trigger manual steps { } }')).toEqual([])
    expect(nearleyParses('workflow w { trigger manual steps { parallel { parallel { } } } }')).toEqual([])
    expect(nearleyParses('job j { task "t" retry { backoff_multiplier 2 } }')).toEqual([])
  })

  test('the LL(1) checker reports what is not LL(1)', () => {
    const token = (type: string) => ({ type })
    const ambiguous = [
      { name: 's', symbols: [token('a'), token('b')] },
      { name: 's', symbols: [token('a'), token('c')] },
    ]
    expect(LL1Parser.build(ambiguous, 's')).toEqual({ conflicts: ['s: a starts both alternative 1 and alternative 2'] })
    const optionalThenSame = [
      { name: 's', symbols: ['opt', token('a')] },
      { name: 'opt', symbols: [token('a')] },
      { name: 'opt', symbols: [] },
    ]
    expect(LL1Parser.build(optionalThenSame, 's')).toEqual({ conflicts: ['opt: a may start alternative 1 or follow opt'] })
  })
})

test('stripSpans removes every range and nothing else', () => {
  const { doc } = parse('// c\nworkflow w { trigger event "e" steps { a { input { k: "v" } } } }')
  const stripped = JSON.stringify(stripSpans(doc))
  expect(stripped).not.toMatch(/span|Span/)
  expect(stripSpans(doc).items[0]).toMatchObject({ kind: 'workflow', name: 'w', leading: [{ text: '// c' }] })
  expect(doc.items[0].span).toEqual({ start: 5, end: 70 })
})
