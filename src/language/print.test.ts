/**
 * The canonical printer: layout, blank lines, comments, foreign and broken
 * items byte for byte, and the round-trip properties on examples.
 */
import { describe, expect, test } from 'vitest'
import { isComment, tokenize } from './lexer'
import { emptyBlockTrivia, emptyTrivia, type CaiDocument, type Comment, type Step, type Workflow } from './model'
import { parse } from './parse'
import { print, printItem } from './print'
import { stripSpans } from './strip'

const CANONICAL = `// Orders.

// Fulfils an order.
workflow order_fulfillment {
	trigger event "order.created"
	timeout "30m"

	steps {
		// First things first.
		validate_order {
			activity "orders.validate" // cheap
			input {
				order_id: "workflow.input.order_id"
				customer: "workflow.input.customer"
			}
		}

		parallel {
			reserve {
				activity "inventory.reserve"
			}
			notify { }
		}
		charge {
			activity "payments.charge"
			if "steps.validate_order.output.ok == true"
		}
	}

	retry {
		max_attempts 3
		initial_interval "1s"
		backoff_multiplier 2.0
	}
}

config {
  database: "postgres"
}
endpoint GET /orders/{id} { }

job cleanup {
	schedule "0 * * * *"
	task "sessions.cleanup"
	queue "low_priority"
	retry { }
} // hourly

/* The end. */
`

const MESSY = `   workflow   w{trigger   manual
timeout "1m" steps{a{activity"x" input{k:"v"   j : "w"}if "c"}


parallel{b{}}}retry{backoff_multiplier 2.50}}
job j{task "t"}`

/** Every comment held by a document (in foreign and broken text too), counted by the lexer on their text. */
function commentCount(doc: CaiDocument): number {
  let count = 0
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (!value || typeof value !== 'object') return
    const node = value as Record<string, unknown>
    if ((node.kind === 'line' || node.kind === 'block') && typeof node.text === 'string') count++
    else if ((node.kind === 'foreign' || node.kind === 'broken') && typeof node.text === 'string') {
      count += tokenize(node.text).filter(isComment).length
      visit(node.leading)
      visit(node.trailing)
    } else Object.values(node).forEach(visit)
  }
  visit(doc)
  return count
}

describe('canonical layout', () => {
  test('a canonical file prints back byte for byte', () => {
    const { doc, diagnostics } = parse(CANONICAL)
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
    expect(print(doc)).toBe(CANONICAL)
  })

  test('tabs, one statement per line, key: "value", { } for empty blocks, one newline at the end', () => {
    expect(print(parse(MESSY).doc)).toBe(`workflow w {
	trigger manual
	timeout "1m"
	steps {
		a {
			activity "x"
			input {
				k: "v"
				j: "w"
			}
			if "c"
		}

		parallel {
			b { }
		}
	}
	retry {
		backoff_multiplier 2.50
	}
}
job j {
	task "t"
}
`)
  })

  test('a run of blank lines becomes one; none at the start of the file or a block, none before }', () => {
    const text = '\n\n\njob a {\n\n\n\ttask "t"\n\n\n\tqueue "q"\n\n\n}\n\n\n\njob b {\n\ttask "u"\n}\n\n\n'
    expect(print(parse(text).doc)).toBe('job a {\n\ttask "t"\n\n\tqueue "q"\n}\n\njob b {\n\ttask "u"\n}\n')
  })

  test('top-level items are separated by a blank line only where the user had one', () => {
    expect(print(parse('job a { task "t" }\njob b { task "u" }\n\njob c { task "v" }').doc)).toBe(
      'job a {\n\ttask "t"\n}\njob b {\n\ttask "u"\n}\n\njob c {\n\ttask "v"\n}\n',
    )
  })

  test('CRLF line breaks become LF', () => {
    expect(print(parse('job a {\r\n\ttask "t" // c\r\n}\r\n').doc)).toBe('job a {\n\ttask "t" // c\n}\n')
  })

  test('an empty document prints as an empty file', () => {
    expect(print({ kind: 'document', items: [], endComments: [] })).toBe('')
  })
})

describe('values', () => {
  const workflow = (overrides: Partial<Workflow>): CaiDocument => ({
    kind: 'document',
    endComments: [],
    items: [{
      kind: 'workflow',
      ...emptyBlockTrivia(),
      name: 'w',
      trigger: { kind: 'trigger', ...emptyTrivia(), type: 'event', value: 'e' },
      steps: { kind: 'steps', ...emptyBlockTrivia(), items: [] },
      ...overrides,
    }],
  })

  test('a multiplier is always printed with a decimal point', () => {
    const doc = workflow({ retry: { kind: 'retry', ...emptyBlockTrivia(), backoffMultiplier: { ...emptyTrivia(), raw: '2' }, maxAttempts: { ...emptyTrivia(), raw: '3' } } })
    expect(print(doc)).toContain('\t\tmax_attempts 3\n\t\tbackoff_multiplier 2.0\n')
  })

  test('strings are printed as they are, across lines', () => {
    const doc = workflow({ timeout: { ...emptyTrivia(), value: 'a\n\tb \\ c' } })
    expect(print(doc)).toContain('\ttimeout "a\n\tb \\ c"\n')
  })

  test('every trigger type', () => {
    expect(print(workflow({}))).toContain('\ttrigger event "e"\n')
    expect(print(workflow({ trigger: { kind: 'trigger', ...emptyTrivia(), type: 'schedule', value: '0 6 * * *' } }))).toContain('\ttrigger schedule "0 6 * * *"\n')
    expect(print(workflow({ trigger: { kind: 'trigger', ...emptyTrivia(), type: 'manual' } }))).toContain('\ttrigger manual\n')
  })
})

describe('comments', () => {
  test('leading on their own lines at the node\'s indentation, trailing after one space', () => {
    const text = 'job j {\n// about task\ntask    "t"     // why\n        /* inner */\n}'
    expect(print(parse(text).doc)).toBe('job j {\n\t// about task\n\ttask "t" // why\n\t/* inner */\n}\n')
  })

  test('comments that stood between tokens move to the end of the line, or above it when one is a line comment', () => {
    expect(print(parse('job j { task /* a */ "t" }').doc)).toBe('job j {\n\ttask "t" /* a */\n}\n')
    expect(print(parse('job j { task // a\n"t" }').doc)).toBe('job j {\n\t// a\n\ttask "t"\n}\n')
  })

  test('a line comment ends the line: same-line comments after it go on the next lines', () => {
    const line: Comment = { kind: 'line', text: '// first', blankBefore: false }
    const block: Comment = { kind: 'block', text: '/* second */', blankBefore: false }
    const doc: CaiDocument = {
      kind: 'document',
      endComments: [],
      items: [{ kind: 'job', ...emptyBlockTrivia(), name: 'j', task: { ...emptyTrivia(), value: 't', trailing: [line, block] } }],
    }
    const text = print(doc)
    expect(text).toBe('job j {\n\ttask "t" // first\n\t/* second */\n}\n')
    expect(commentCount(parse(text).doc)).toBe(2)
  })

  test('a detached comment keeps its blank line', () => {
    const text = '// Generated.\n\nworkflow w {\n\ttrigger manual\n\tsteps { }\n}\n'
    expect(print(parse(text).doc)).toBe(text)
  })
})

describe('foreign and broken items print byte for byte', () => {
  test.each([
    ['foreign', 'entity   User {\n    id: uuid,    primary   // odd\n}'],
    ['endpoint', 'endpoint GET /x/{id} {\n\t  return 200\n   }'],
    ['broken', 'workflow   w {\n   trigger    manual\n   timeout 30m\n}'],
    ['unclosed', 'workflow w {\n  trigger manual\n  steps {'],
  ])('%s', (_, block) => {
    const text = `job a {\n\ttask "t"\n}\n\n${block}\n\njob b {\n\ttask "u"\n}\n`
    expect(print(parse(text).doc)).toBe(text)
  })
})

describe('round-trip properties', () => {
  const TEXTS = {
    canonical: CANONICAL,
    messy: MESSY,
    'comments everywhere': tokenize(CANONICAL).map((t) => t.text).join(' /* c */\n// d\n'),
    'blank lines everywhere': tokenize(CANONICAL).map((t) => t.text).join('\n\n'),
    'with errors': `${MESSY}\nworkflow x { timeout 1m }\n// tail`,
  }

  test.each(Object.entries(TEXTS))('print(parse(t)) is a fixed point: %s', (_, text) => {
    const once = print(parse(text).doc)
    expect(print(parse(once).doc)).toBe(once)
  })

  test.each(Object.entries(TEXTS))('parse(print(doc)) is doc, ranges aside: %s', (_, text) => {
    const doc = parse(print(parse(text).doc)).doc
    expect(stripSpans(parse(print(doc)).doc)).toEqual(stripSpans(doc))
  })

  test.each(Object.entries(TEXTS))('no comment is lost by parse or print: %s', (_, text) => {
    const { doc } = parse(text)
    const inText = tokenize(text).filter(isComment).length
    expect(commentCount(doc)).toBe(inText)
    expect(tokenize(print(doc)).filter(isComment)).toHaveLength(inText)
  })

  test('a document built by operations (no spans) round-trips', () => {
    const step: Step = { kind: 'step', ...emptyBlockTrivia(), name: 'a', activity: { ...emptyTrivia(), value: 'x' } }
    const doc: CaiDocument = {
      kind: 'document',
      endComments: [{ kind: 'line', text: '// end', blankBefore: true }],
      items: [{
        kind: 'workflow',
        ...emptyBlockTrivia(),
        leading: [{ kind: 'block', text: '/* w */', blankBefore: false }],
        name: 'w',
        trigger: { kind: 'trigger', ...emptyTrivia(), type: 'manual' },
        steps: { kind: 'steps', ...emptyBlockTrivia(), items: [step, { ...step, name: 'b', blankBefore: true }] },
      }],
    }
    expect(stripSpans(parse(print(doc)).doc)).toEqual(doc)
  })
})

describe('new nodes follow the prevailing spacing', () => {
  test('a node without a span gets a blank line when most parsed siblings have one', () => {
    const doc = parse('job a { task "t" }\n\njob b { task "u" }\n\njob c { task "v" }').doc
    const added = { ...doc.items[0], name: 'd', span: undefined, blankBefore: false }
    expect(print({ ...doc, items: [...doc.items, added] })).toMatch(/\}\n\njob d \{/)
    const tight = parse('job a { task "t" }\njob b { task "u" }\n\njob c { task "v" }\njob e { task "w" }').doc
    expect(print({ ...tight, items: [...tight.items, { ...added }] })).toMatch(/\}\njob d \{/)
  })

  test('inside blocks too', () => {
    const doc = parse('workflow w {\n\ttrigger manual\n\tsteps {\n\t\ta { }\n\n\t\tb { }\n\n\t\tc { }\n\t}\n}').doc
    const workflow = doc.items[0] as Workflow
    const added: Step = { kind: 'step', ...emptyBlockTrivia(), name: 'd' }
    const text = print({ ...doc, items: [{ ...workflow, steps: { ...workflow.steps, items: [...workflow.steps.items, added] } }] })
    expect(text).toContain('\t\tc { }\n\n\t\td { }\n')
  })
})

describe('printItem', () => {
  test('prints one item with no newline at the end, for splicing over its span', () => {
    const text = '// about j\njob j {\n  task "t"  // t\n} // after\n'
    const { doc } = parse(text)
    const item = doc.items[0]
    expect(printItem(item)).toBe('job j {\n\ttask "t" // t\n}')
    const spliced = text.slice(0, item.span!.start) + printItem(item) + text.slice(item.span!.end)
    expect(spliced).toBe('// about j\njob j {\n\ttask "t" // t\n} // after\n')
  })

  test('prints comments without spans (added by an operation) and header comments inside the span', () => {
    const { doc } = parse('workflow w // header\n{ trigger manual steps { } }')
    const item = doc.items[0] as Workflow
    const withNew = { ...item, leading: [...item.leading, { kind: 'line' as const, text: '// new', blankBefore: false }] }
    expect(printItem(withNew)).toBe('// header\n// new\nworkflow w {\n\ttrigger manual\n\tsteps { }\n}')
  })

  test('a new item prints whole, without a blank line before it', () => {
    const { doc } = parse('// a\n\njob j { task "t" }')
    const item = { ...stripSpans(doc.items[0]), blankBefore: true }
    expect(printItem(item)).toBe('// a\n\njob j {\n\ttask "t"\n}')
  })
})

describe('line endings', () => {
  test.each([
    ['a comment ending in a lone CR at the end of the file', '// c\r'],
    ['a trailing comment ending in CRs', 'job j { task "t" } // c\r\r'],
    ['CRs before a line break', 'job j {\n\ttask "t" // c\r\r\n}\n'],
    ['a lone CR inside a comment', '// a\rb\njob j { task "t" }\n'],
    ['mixed line endings', 'job j {\r\n\ttask "t"\r\tqueue "q" // q\r\n}\r\n\n// end\r'],
    ['a broken declaration after a comment with a lone CR', 'job j {\r  task "t" // c\r}\r'],
  ])('format is idempotent: %s', (_, text) => {
    const once = print(parse(text).doc)
    expect(print(parse(once).doc)).toBe(once)
  })

  test('a line comment never ends in CR: CRs before its line break or the end are white space', () => {
    expect(tokenize('// c\r').map((t) => t.text)).toEqual(['// c'])
    expect(tokenize('// c\r\r\n').map((t) => t.text)).toEqual(['// c'])
    expect(tokenize('// a\rb').map((t) => t.text)).toEqual(['// a\rb'])
    expect(print(parse('// c\r').doc)).toBe('// c\n')
  })

  test('form feed is white space between tokens (Go\'s \\s)', () => {
    const text = 'job\fj\f{\ftask "t"\f}\f\n\fjob k { task "u" }'
    const { doc, diagnostics } = parse(text)
    expect(diagnostics).toEqual([])
    expect(doc.items.map((item) => item.kind === 'job' && item.name)).toEqual(['j', 'k'])
    // Vertical tab is not.
    expect(parse('job\vj { task "t" }').diagnostics[0]).toMatchObject({ severity: 'error' })
  })
})
