/**
 * parse: the document it builds (values, spans), what the language allows,
 * recovery (an error in one declaration keeps the others), foreign blocks,
 * and the incremental parser.
 */
import { describe, expect, test } from 'vitest'
import { nearleyParses } from './declaration'
import { isComment, tokenize } from './lexer'
import type { CaiDocument, Job, Span, Step, Workflow } from './model'
import { createIncrementalParser, parse } from './parse'
import { stripSpans } from './strip'

const ORDER = `workflow order_fulfillment {
	trigger event "order.created"
	timeout "30m"

	steps {
		validate_order {
			activity "orders.validate"
			input {
				order_id: "workflow.input.order_id"
			}
		}
		parallel {
			reserve {
				activity "inventory.reserve"
			}
			notify {
				activity "warehouse.notify"
				if "steps.validate_order.output.ok == true"
			}
		}
	}

	retry {
		max_attempts 3
		initial_interval "1s"
		backoff_multiplier 2.0
	}
}
`

const JOB = `job cleanup_sessions {
	schedule "0 * * * *"
	task "sessions.cleanup"
	queue "low_priority"
	retry {
		max_attempts 2
	}
}
`

/** Parses text that must be accepted: no diagnostics, and nearley finds exactly one parse of each declaration. */
function accepted(text: string): CaiDocument {
  const { doc, diagnostics } = parse(text)
  expect(diagnostics).toEqual([])
  for (const item of doc.items) {
    expect(nearleyParses(text.slice(item.span!.start, item.span!.end))).toHaveLength(1)
  }
  return doc
}


function slice(text: string, span: Span | undefined): string {
  return text.slice(span!.start, span!.end)
}

/** The document without trivia and spans: what the statements say. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape)
  if (!value || typeof value !== 'object') return value
  const trivia = new Set(['leading', 'trailing', 'openTrailing', 'inner', 'blankBefore', 'endComments'])
  return Object.fromEntries(Object.entries(stripSpans(value)).filter(([key]) => !trivia.has(key)).map(([key, v]) => [key, shape(v)]))
}

describe('the document', () => {
  test('a workflow: every statement with its values', () => {
    const [workflow] = accepted(ORDER).items as [Workflow]
    expect(shape(workflow)).toEqual({
      kind: 'workflow',
      name: 'order_fulfillment',
      trigger: { kind: 'trigger', type: 'event', value: 'order.created' },
      timeout: { value: '30m' },
      steps: {
        kind: 'steps',
        items: [
          {
            kind: 'step',
            name: 'validate_order',
            activity: { value: 'orders.validate' },
            input: { kind: 'input', entries: [{ key: 'order_id', value: 'workflow.input.order_id' }] },
          },
          {
            kind: 'parallel',
            branches: [
              { kind: 'step', name: 'reserve', activity: { value: 'inventory.reserve' } },
              {
                kind: 'step',
                name: 'notify',
                activity: { value: 'warehouse.notify' },
                condition: { value: 'steps.validate_order.output.ok == true' },
              },
            ],
          },
        ],
      },
      retry: { kind: 'retry', maxAttempts: { raw: '3' }, initialInterval: { value: '1s' }, backoffMultiplier: { raw: '2.0' } },
    })
  })

  test('a job, and a manual trigger without a value', () => {
    const doc = accepted(`${JOB}\nworkflow m { trigger manual steps { } }`)
    expect(shape(doc.items[0])).toEqual({
      kind: 'job',
      name: 'cleanup_sessions',
      schedule: { value: '0 * * * *' },
      task: { value: 'sessions.cleanup' },
      queue: { value: 'low_priority' },
      retry: { kind: 'retry', maxAttempts: { raw: '2' } },
    })
    expect(shape((doc.items[1] as Workflow).trigger)).toEqual({ kind: 'trigger', type: 'manual' })
  })

  test('absent parts are absent keys, not undefined', () => {
    const [workflow] = accepted('workflow w { trigger manual steps { a { } } }').items as [Workflow]
    expect(Object.keys(workflow)).not.toContain('timeout')
    expect(Object.keys(workflow)).not.toContain('retry')
    expect(Object.keys(workflow.steps.items[0])).not.toContain('activity')
  })

  test('spans cover each node as written; value spans include the quotes', () => {
    const text = `// header\n${ORDER}\n${JOB}`
    const [workflow, job] = accepted(text).items as [Workflow, Job]
    expect(slice(text, workflow.span)).toBe(ORDER.trimEnd())
    expect(slice(text, workflow.nameSpan)).toBe('order_fulfillment')
    expect(slice(text, workflow.trigger.span)).toBe('trigger event "order.created"')
    expect(slice(text, workflow.trigger.valueSpan)).toBe('"order.created"')
    expect(slice(text, workflow.timeout!.span)).toBe('timeout "30m"')
    expect(slice(text, workflow.timeout!.valueSpan)).toBe('"30m"')
    expect(slice(text, workflow.steps.span)).toMatch(/^steps \{[^]*\n\t\}$/)
    const [validate, parallel] = workflow.steps.items
    if (validate.kind !== 'step' || parallel.kind !== 'parallel') throw new Error('unexpected shape')
    expect(slice(text, validate.nameSpan)).toBe('validate_order')
    expect(slice(text, validate.span)).toMatch(/^validate_order \{[^]*\n\t\t\}$/)
    expect(slice(text, validate.activity!.span)).toBe('activity "orders.validate"')
    expect(slice(text, validate.input!.span)).toMatch(/^input \{[^]*\}$/)
    const [entry] = validate.input!.entries
    expect(slice(text, entry.span)).toBe('order_id: "workflow.input.order_id"')
    expect(slice(text, entry.keySpan)).toBe('order_id')
    expect(slice(text, entry.valueSpan)).toBe('"workflow.input.order_id"')
    expect(slice(text, parallel.span)).toMatch(/^parallel \{[^]*\}$/)
    expect(slice(text, parallel.branches[1].condition!.span)).toBe('if "steps.validate_order.output.ok == true"')
    expect(slice(text, workflow.retry!.span)).toMatch(/^retry \{[^]*\}$/)
    expect(slice(text, workflow.retry!.maxAttempts!.span)).toBe('max_attempts 3')
    expect(slice(text, workflow.retry!.maxAttempts!.valueSpan)).toBe('3')
    expect(slice(text, workflow.retry!.backoffMultiplier!.valueSpan)).toBe('2.0')
    expect(slice(text, job.span)).toBe(JOB.trimEnd())
    expect(slice(text, job.nameSpan)).toBe('cleanup_sessions')
    expect(slice(text, job.queue!.valueSpan)).toBe('"low_priority"')
  })

  test('spans are UTF-16 offsets: non-ASCII text in strings and comments before a node counts per code unit', () => {
    const text = '// é 😀\nworkflow w { trigger event "ü😀" steps { } }'
    const [workflow] = accepted(text).items as [Workflow]
    expect(slice(text, workflow.trigger.valueSpan)).toBe('"ü😀"')
    expect(workflow.trigger.value).toBe('ü😀')
  })

  test('an empty file and a file of comments only', () => {
    expect(parse('')).toEqual({ doc: { kind: 'document', items: [], endComments: [] }, diagnostics: [] })
    const { doc } = parse('// one\n\n/* two */\n')
    expect(doc.items).toEqual([])
    expect(doc.endComments.map((c) => [c.text, c.blankBefore])).toEqual([['// one', false], ['/* two */', true]])
  })
})

describe('what the language allows', () => {
  test('empty steps, parallel, input and retry blocks, and a step with no activity', () => {
    const doc = accepted('workflow w { trigger manual steps { parallel { } a { input { } } } retry { } }')
    const workflow = doc.items[0] as Workflow
    expect(shape(workflow.steps.items)).toEqual([
      { kind: 'parallel', branches: [] },
      { kind: 'step', name: 'a', input: { kind: 'input', entries: [] } },
    ])
    expect(shape(workflow.retry)).toEqual({ kind: 'retry' })
  })

  test('strings may span lines and hold backslashes and anything but a quote', () => {
    const doc = accepted('workflow w { trigger manual steps { a { if "line 1\n\tline 2 \\n \\" } } }')
    const step = (doc.items[0] as Workflow).steps.items[0]
    expect(step.kind === 'step' && step.condition?.value).toBe('line 1\n\tline 2 \\n \\')
  })

  test('keywords are whole words: task_id, tasks, Workflow are names', () => {
    accepted('workflow task_id { trigger manual steps { tasks { input { task_id: "x" } } Workflow { } } }')
  })

  test('a comment between every two tokens changes nothing but the comments', () => {
    const plain = parse(ORDER).doc
    const tokens = tokenize(ORDER)
    for (const separator of [' /* c */ ', '\n// c\n', '/*c*/']) {
      const text = tokens.map((t) => t.text).join(separator)
      const { doc, diagnostics } = parse(text)
      expect(diagnostics).toEqual([])
      expect(shape(doc)).toEqual(shape(plain))
      expect(JSON.stringify(doc).match(/"text":"(\/\*c?|\/\/ ?c)/g)).toHaveLength(tokens.length - 1)
    }
  })

  test('any whitespace between tokens: none where not needed, CRLF, tabs, blank lines', () => {
    const squeezed = tokenize(ORDER).map((t) => t.text).reduce((text, word) =>
      /\w$/.test(text) && /^\w/.test(word) ? `${text} ${word}` : /\w$/.test(text) && /^\d/.test(word) ? `${text} ${word}` : text + word)
    expect(shape(accepted(squeezed))).toEqual(shape(parse(ORDER).doc))
    expect(shape(accepted(ORDER.replace(/\n/g, '\r\n\r\n\t  ')))).toEqual(shape(parse(ORDER).doc))
  })

  test('declarations may follow each other on one line', () => {
    const doc = accepted('job a { task "x" } job b { task "y" } workflow w { trigger manual steps { } }')
    expect(doc.items.map((item) => item.kind)).toEqual(['job', 'job', 'workflow'])
  })
})

describe('recovery', () => {
  test('an error in one declaration keeps the others parsed', () => {
    const text = `${JOB}\nworkflow broken {\n\ttrigger manual\n\ttimeout 30m\n\tsteps { }\n}\n\n${ORDER}`
    const { doc, diagnostics } = parse(text)
    expect(doc.items.map((item) => item.kind)).toEqual(['job', 'broken', 'workflow'])
    expect(diagnostics).toHaveLength(1)
    const broken = doc.items[1]
    expect(broken).toMatchObject({ kind: 'broken', declaration: 'workflow', name: 'broken' })
    expect(broken.kind === 'broken' && broken.text).toBe(slice(text, broken.span))
    expect(broken.kind === 'broken' && broken.text).toBe('workflow broken {\n\ttrigger manual\n\ttimeout 30m\n\tsteps { }\n}')
  })

  test('an unclosed declaration ends where a line starts with workflow or job', () => {
    const text = 'workflow a {\n\ttrigger manual\n\tsteps {\n\t\tx { activity "y" }\n\njob b { task "t" }\n'
    const { doc, diagnostics } = parse(text)
    expect(doc.items.map((item) => item.kind)).toEqual(['broken', 'job'])
    expect(doc.items[0]).toMatchObject({ name: 'a', text: 'workflow a {\n\ttrigger manual\n\tsteps {\n\t\tx { activity "y" }' })
    expect(diagnostics).toMatchObject([{
      code: 'syntax-unclosed',
      message: 'expected a step name, "parallel" or "}" in the steps block of workflow "a", found the start of the next declaration',
    }])
  })

  test('an unclosed string does not swallow the declarations after it', () => {
    const text = 'workflow a {\n\ttrigger event "order.created\n\tsteps { }\n}\n\nworkflow b { trigger manual steps { } }\njob c { task "t" }\n'
    const { doc, diagnostics } = parse(text)
    expect(doc.items.map((item) => item.kind)).toEqual(['broken', 'workflow', 'job'])
    expect(diagnostics).toMatchObject([{ code: 'syntax-unclosed', message: 'unclosed string: this " has no closing "', start: { line: 2, column: 16 } }])
  })

  test('an unclosed block comment at the top level is kept, and the rest still parses', () => {
    const text = 'job a { task "t" }\n/* never closed\njob b { task "u" }\n'
    const { doc, diagnostics } = parse(text)
    expect(doc.items.map((item) => item.kind)).toEqual(['job', 'foreign', 'job'])
    expect(doc.items[1]).toMatchObject({ text: '/* never closed' })
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'syntax-unclosed' }])
  })

  test('recovery after an unclosed string cuts only at a declaration header, not inside a later valid multi-line string', () => {
    const text = 'job a { task "t.t }\n\nworkflow w {\n\ttrigger manual\n\tsteps { s { activity "x" input { note: "line one\njob of the day\n" } } }\n}\n'
    const { doc, diagnostics } = parse(text)
    expect(doc.items.map((item) => item.kind)).toEqual(['broken', 'workflow'])
    const workflow = doc.items[1] as Workflow
    expect((workflow.steps.items[0] as Step).input?.entries[0].value).toBe('line one\njob of the day\n')
    expect(diagnostics).toMatchObject([{ code: 'syntax-unclosed', message: 'unclosed string: this " has no closing "', start: { line: 1, column: 14 } }])
  })

  test('a byte-order mark at the start is an error, kept, and the declarations after it still parse', () => {
    const text = '\ufeffjob j { task "t" }\n'
    const { doc, diagnostics } = parse(text)
    expect(doc.items).toMatchObject([{ kind: 'foreign', text: '\ufeff' }, { kind: 'job', name: 'j' }])
    expect(diagnostics).toEqual([expect.objectContaining({
      severity: 'error',
      code: 'syntax',
      message: 'the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM',
      span: { start: 0, end: 1 },
      fix: { title: 'Remove the byte-order mark', edits: [{ span: { start: 0, end: 1 }, newText: '' }] },
    })])
  })

  test('a broken declaration keeps the comments before and after it as its trivia', () => {
    const text = '// about a\n\nworkflow a { oops } // after a\n// end\n'
    const { doc } = parse(text)
    expect(doc.items[0]).toMatchObject({
      kind: 'broken',
      text: 'workflow a { oops }',
      leading: [{ text: '// about a' }],
      trailing: [{ text: '// after a' }],
    })
    expect(doc.endComments.map((c) => c.text)).toEqual(['// end'])
  })

  test('a declaration whose name cannot be read has no name', () => {
    const { doc } = parse('workflow { trigger manual steps { } }')
    expect(doc.items[0]).toMatchObject({ kind: 'broken', declaration: 'workflow' })
    expect(doc.items[0]).not.toHaveProperty('name')
    expect(parse('job 1 { }').doc.items[0]).toMatchObject({ kind: 'broken', declaration: 'job' })
  })

  test('parse never throws, whatever the input', () => {
    const nasty = ['{', '}', '"', '/*', '*/', '//', 'workflow', 'job', '\u0000', '\ud83d', '\ufeff', '\r', 'steps {', '- 2.', '😀']
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => nasty[Math.floor(random() * nasty.length)]).join(random() < 0.5 ? ' ' : '')
      expect(() => parse(text)).not.toThrow()
      expect(parse(text).doc.items.every((item) => item.span && item.span.end <= text.length)).toBe(true)
    }
  })
})

describe('foreign blocks', () => {
  test('are kept byte for byte, with an info diagnostic naming the block', () => {
    const config = 'config {\n  database: "postgres"   // weird  spacing\n}'
    const entity = 'entity User {\n  id: uuid, primary, auto\n  email: string -> "x"\n}'
    const endpoint = 'endpoint GET /users/{id}/orders/{order} {\n  auth: bearer(env.TOKEN)\n}'
    const text = `${config}\n\n${entity}\n${endpoint}\n\n${JOB}`
    const { doc, diagnostics } = parse(text)
    expect(doc.items.map((item) => item.kind)).toEqual(['foreign', 'foreign', 'foreign', 'job'])
    expect(doc.items.slice(0, 3).map((item) => item.kind === 'foreign' && [item.keyword, item.text])).toEqual([
      ['config', config],
      ['entity', entity],
      ['endpoint', endpoint],
    ])
    expect(diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ['info', 'foreign-block', '"config" block is not a workflow or job; kept as written'],
      ['info', 'foreign-block', '"entity" block is not a workflow or job; kept as written'],
      ['info', 'foreign-block', '"endpoint" block is not a workflow or job; kept as written'],
    ])
    expect(diagnostics[2].span).toEqual({ start: text.indexOf('endpoint'), end: text.indexOf('endpoint') + 8 })
  })

  test('annotations above a block belong to it (CodeAI writes @auth("admin") before endpoints)', () => {
    const endpoint = '@auth("admin")\n@cache(60)\nendpoint GET "/admin/users" {\n    middleware auth\n}'
    const { doc, diagnostics } = parse(`${endpoint}\n\njob j {\n\ttask "t"\n}\n`)
    expect(doc.items.map((item) => item.kind)).toEqual(['foreign', 'job'])
    expect(doc.items[0]).toMatchObject({ keyword: 'endpoint', text: endpoint })
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'foreign-block', start: { line: 3, column: 1 } }),
    ])
  })

  test('an annotation ends at its name: alone, with no endpoint after it, it is an error', () => {
    for (const text of ['@auth("x")\n', '@x\n']) {
      const { doc, diagnostics } = parse(text)
      expect(doc.items).toMatchObject([{ kind: 'foreign', keyword: '', text: text.trim() }])
      expect(diagnostics).toMatchObject([{
        severity: 'error',
        code: 'syntax',
        message: `annotations like "${text.slice(0, text.search(/[(\n]/))}" are allowed only before an endpoint; kept as written`,
        start: { line: 1, column: 1 },
      }])
    }
    const annotated = parse('@doc("the endpoint") endpoint GET "/x" { }')
    expect(annotated.doc.items).toMatchObject([{ kind: 'foreign', keyword: 'endpoint' }])
    expect(annotated.diagnostics).toMatchObject([{ code: 'foreign-block', start: { line: 1, column: 22 } }])
  })

  test('annotations before a CodeAI statement other than an endpoint are an error; the statement is kept on its own', () => {
    const { doc, diagnostics } = parse('@cache(60)\nconfig { }\n')
    expect(doc.items).toMatchObject([{ kind: 'foreign', keyword: '', text: '@cache(60)' }, { kind: 'foreign', keyword: 'config', text: 'config { }' }])
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['error', 'annotations like "@cache" are allowed only before an endpoint, not before "config"; kept as written'],
      ['info', '"config" block is not a workflow or job; kept as written'],
    ])
  })

  test.each([
    ['on their own line', '@auth("x")\n@cache(60)\n', 'workflow w {\n\ttrigger manual\n\tsteps { a { activity "x.y" } }\n}\n'],
    ['on the same line', '@auth("x") ', 'workflow w { trigger manual steps { a { activity "x.y" } } }'],
    ['before a job, after a comment', '@auth("x") /* c */ ', 'job w { task "t" }'],
  ])('annotations before a workflow or job are an error, kept as written, and the declaration still parses: %s', (_, annotations, declaration) => {
    const text = `${annotations}${declaration}`
    const { doc, diagnostics } = parse(text)
    const kind = declaration.startsWith('job') ? 'job' : 'workflow'
    expect(doc.items.map((item) => item.kind)).toEqual(['foreign', kind])
    expect(doc.items[0]).toMatchObject({ keyword: '', text: annotations.replace(/(\s|\/\* c \*\/)+$/, '') })
    expect(doc.items[1]).toMatchObject({ name: 'w', span: { start: annotations.length } })
    expect(diagnostics).toMatchObject([{
      severity: 'error',
      code: 'syntax',
      message: `annotations like "@auth" are not allowed before a ${kind}; kept as written`,
      span: { start: 0, end: doc.items[0].span!.end },
    }])
  })

  test('a declaration on the same line after a foreign block is not swallowed by it', () => {
    const { doc, diagnostics } = parse('config { } job k { task "" }')
    expect(doc.items).toMatchObject([{ kind: 'foreign', keyword: 'config', text: 'config { }' }, { kind: 'job', name: 'k' }])
    expect(diagnostics).toMatchObject([{ code: 'foreign-block' }])
    const text = 'job j { task "t" } /* c */\nconfig { } /* d */ job k { task "" }'
    const after = parse(text).doc
    expect(after.items).toMatchObject([
      { kind: 'job', name: 'j', trailing: [{ text: '/* c */' }] },
      { kind: 'foreign', text: 'config { }', trailing: [{ text: '/* d */' }] },
      { kind: 'job', name: 'k' },
    ])
  })

  test('an unclosed foreign block is an error and ends before the first declaration header after it', () => {
    const text = 'config {\n\ta: "b"\njob j {\n\ttask ""\n}\n'
    const { doc, diagnostics } = parse(text)
    expect(doc.items).toMatchObject([{ kind: 'foreign', keyword: 'config', text: 'config {\n\ta: "b"' }, { kind: 'job', name: 'j' }])
    expect(diagnostics.map((d) => [d.severity, d.code, d.message, slice(text, d.span)])).toEqual([
      ['info', 'foreign-block', '"config" block is not a workflow or job; kept as written', 'config'],
      ['error', 'syntax-unclosed', '"config" block is never closed: "}" missing', 'config'],
    ])
    // With no declaration after it, it runs to the end of the file, and is still an error.
    expect(parse('entity X {\n  a { }\n').diagnostics).toMatchObject([{ code: 'foreign-block' }, { code: 'syntax-unclosed' }])
  })

  test('a header line inside a balanced foreign block does not end it', () => {
    const integration = 'integration x {\n  job y {\n  }\n  workflow: "x"\n}'
    const { doc, diagnostics } = parse(`${integration}\njob j { task "t" }`)
    expect(doc.items).toMatchObject([{ kind: 'foreign', text: integration }, { kind: 'job', name: 'j' }])
    expect(diagnostics).toMatchObject([{ severity: 'info' }])
  })

  test('an unclosed string in a foreign block is an error; the declarations after it still parse', () => {
    const text = 'config {\n  a: "b\n}\njob j { task "t" }\n'
    const { doc, diagnostics } = parse(text)
    expect(doc.items).toMatchObject([{ kind: 'foreign', text: 'config {\n  a: "b\n}' }, { kind: 'job', name: 'j' }])
    expect(diagnostics).toMatchObject([
      { severity: 'info', code: 'foreign-block' },
      { severity: 'error', code: 'syntax-unclosed', message: 'unclosed string: this " has no closing "', start: { line: 2, column: 6 } },
    ])
  })

  test('the rest of a nested block comment is an error: block comments do not nest', () => {
    const text = '/* a /* b */ c */\njob j { task "t" }\n'
    const { doc, diagnostics } = parse(text)
    expect(doc.items).toMatchObject([{ kind: 'foreign', text: 'c */' }, { kind: 'job', name: 'j' }])
    expect(diagnostics).toMatchObject([{
      severity: 'error',
      code: 'syntax',
      message: '"*/" closes no comment: block comments do not nest',
      span: { start: 15, end: 17 },
    }])
    expect(parse('job j { task "t" } */').diagnostics).toMatchObject([{ message: '"*/" closes no comment: block comments do not nest' }])
    // A comment that merely holds "/*" is complete: the block after it is an ordinary foreign block.
    expect(parse('/* see /* */\nconfig { }').diagnostics).toMatchObject([{ severity: 'info', code: 'foreign-block' }])
  })

  test('endpoint GET /x/{id} { }: the braces in the path do not end it', () => {
    const { doc } = parse('endpoint GET /x/{id} { }\njob j { task "t" }')
    expect(doc.items.map((item) => item.kind)).toEqual(['foreign', 'job'])
    expect(doc.items[0]).toMatchObject({ keyword: 'endpoint', text: 'endpoint GET /x/{id} { }' })
  })

  test('a foreign block ends at a closing brace followed only by a comment, which becomes its trailing comment', () => {
    const { doc } = parse('config { a { } } // the end\njob j { task "t" }')
    expect(doc.items[0]).toMatchObject({ text: 'config { a { } }', trailing: [{ text: '// the end' }] })
  })

  test('a workflow line inside a foreign block does not end it; one at depth 0 does', () => {
    const inside = 'integration x {\n  workflow: "x"\n  job {\n  }\n}'
    expect(parse(inside).doc.items).toMatchObject([{ kind: 'foreign', text: inside }])
    const { doc } = parse('import "things"\nworkflow w { trigger manual steps { } }')
    expect(doc.items.map((item) => item.kind)).toEqual(['foreign', 'workflow'])
    expect(doc.items[0]).toMatchObject({ keyword: 'import', text: 'import "things"' })
  })

  test('a near miss of workflow or job is an error suggesting the keyword, with a fix', () => {
    const text = 'workflw w { trigger manual steps { } }\njobs j { task "t" }\nWorkflow x { }'
    const { diagnostics } = parse(text)
    expect(diagnostics.map((d) => [d.severity, d.code, d.message, slice(text, d.span), d.fix?.edits[0].newText])).toEqual([
      ['error', 'syntax-top-level', '"workflw" is not a statement CodeAI knows; did you mean "workflow"?', 'workflw', 'workflow'],
      ['error', 'syntax-top-level', '"jobs" is not a statement CodeAI knows; did you mean "job"?', 'jobs', 'job'],
      ['error', 'syntax-top-level', '"Workflow" is not a statement CodeAI knows; did you mean "workflow"?', 'Workflow', 'workflow'],
    ])
  })

  test('a stray closing brace is an error, still kept as written', () => {
    const { doc, diagnostics } = parse('job j { task "t" } }\n')
    expect(doc.items).toMatchObject([{ kind: 'job' }, { kind: 'foreign', keyword: '', text: '}' }])
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'syntax-top-level', message: `"}" closes no block here; ${EXPECTED_AT_TOP}` }])
  })
})

/** What the top-level errors say CodeAI expects. */
const EXPECTED_AT_TOP = 'at the top level CodeAI expects "workflow", "job" or one of its own statements (config, entity, endpoint, var, NAME = ... and the like)'

/** Kinds and texts of the items, and each diagnostic as [severity, code, line:column, the text it covers]. */
function topLevel(text: string) {
  const { doc, diagnostics } = parse(text)
  return {
    items: doc.items.map((item) => [item.kind, item.kind === 'foreign' || item.kind === 'broken' ? item.text : item.name]),
    diagnostics: diagnostics.map((d) => [d.severity, d.code, `${d.start.line}:${d.start.column}`, slice(text, d.span)]),
    messages: diagnostics.map((d) => d.message),
  }
}

describe('the top level: only CodeAI statements are other blocks (issue 8 section 1)', () => {
  const workflow = 'workflow w {\n\ttrigger manual\n\tsteps { a { activity "x" } }\n}\n'

  test.each(['config', 'database', 'auth', 'role', 'middleware', 'event', 'on', 'integration', 'webhook', 'if', 'for', 'function', 'exec', 'endpoint', 'entity'])(
    'CodeAI statement "%s" is kept as written, with information', (word) => {
      const block = `${word} X {\n  a: "b"\n}`
      expect(topLevel(`${block}\n${workflow}`)).toMatchObject({
        items: [['foreign', block], ['workflow', 'w']],
        diagnostics: [['info', 'foreign-block', '1:1', word]],
      })
    },
  )

  test('var statements and assignments are one statement each, ending with their value', () => {
    const text = 'var x = 1\nvar y = f(\n  a,\n  b\n)\nz = {\n  c: 1\n}\nlimit = 3\n' + workflow
    expect(topLevel(text)).toMatchObject({
      items: [['foreign', 'var x = 1'], ['foreign', 'var y = f(\n  a,\n  b\n)'], ['foreign', 'z = {\n  c: 1\n}'], ['foreign', 'limit = 3'], ['workflow', 'w']],
      diagnostics: [['info', 'foreign-block', '1:1', 'var'], ['info', 'foreign-block', '2:1', 'var'], ['info', 'foreign-block', '6:1', 'z'], ['info', 'foreign-block', '9:1', 'limit']],
    })
    expect(parse('z = 1').diagnostics[0].message).toBe('assignment "z = ..." is not a workflow or job; kept as written')
  })

  test('two CodeAI statements are never merged into one block', () => {
    expect(topLevel('config {\n}\nentity A {\n}\nvar a = 1\nauth jwt {\n}\n').items).toEqual([
      ['foreign', 'config {\n}'], ['foreign', 'entity A {\n}'], ['foreign', 'var a = 1'], ['foreign', 'auth jwt {\n}'],
    ])
  })

  test('an if block continues with else on the next line', () => {
    expect(topLevel('if a {\n}\nelse {\n}\nentity X { }').items).toEqual([['foreign', 'if a {\n}\nelse {\n}'], ['foreign', 'entity X { }']])
  })

  test('say_hi { } (a step at the top level) is an error at its first token; the workflow after it parses', () => {
    const text = `say_hi {\n\tactivity "x"\n}\n${workflow}`
    const result = topLevel(text)
    expect(result).toMatchObject({
      items: [['foreign', 'say_hi {\n\tactivity "x"\n}'], ['workflow', 'w']],
      diagnostics: [['error', 'syntax-top-level', '1:1', 'say_hi']],
    })
    expect(result.messages[0]).toBe(`"say_hi" looks like a step, which belongs inside a workflow's steps block; ${EXPECTED_AT_TOP}`)
    expect(topLevel('say_hi { }').messages[0]).toBe(`"say_hi" is not a statement CodeAI knows; ${EXPECTED_AT_TOP}`)
  })

  test('workfow greet { } and jobs nightly { } are errors suggesting the keyword', () => {
    const text = 'workfow greet {\n\ttrigger manual\n}\njobs nightly { task "t" }\n'
    expect(topLevel(text)).toMatchObject({
      diagnostics: [['error', 'syntax-top-level', '1:1', 'workfow'], ['error', 'syntax-top-level', '4:1', 'jobs']],
      messages: ['"workfow" is not a statement CodeAI knows; did you mean "workflow"?', '"jobs" is not a statement CodeAI knows; did you mean "job"?'],
    })
  })

  test('tick job { } (a name before the keyword) is an error with a fix that swaps them', () => {
    const text = 'tick job { task "t" }\n'
    const { diagnostics } = parse(text)
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'syntax-top-level',
      message: 'a name cannot come before "job": CodeAI expects "job tick {"',
      span: { start: 0, end: 4 },
    })
    const fixed = applyEdits(text, diagnostics[0].fix!.edits)
    expect(fixed).toBe('job tick { task "t" }\n')
    expect(parse(fixed).diagnostics).toEqual([])
  })

  test('steps { workflow w { } } (a swallowed workflow) is parsed, and its own errors reported', () => {
    for (const text of [
      'steps {\n  workflow w {\n    trigger manual\n    steps { a { actvity "x" } }\n  }\n}\n',
      'steps { workflow w { trigger manual steps { a { actvity "x" } } } }\n',
    ]) {
      const result = topLevel(text)
      expect(result.items.map(([kind]) => kind)).toEqual(['foreign', 'broken', 'foreign'])
      expect(result.diagnostics.map(([, code, , covered]) => [code, covered])).toEqual([
        ['syntax-top-level', 'steps'], ['syntax', 'actvity'], ['syntax-top-level', '}'],
      ])
      expect(result.messages[0]).toBe(`"steps" cannot stand at the top level: it belongs inside a workflow; ${EXPECTED_AT_TOP}`)
    }
    const valid = topLevel('steps {\n' + workflow + '}\n')
    expect(valid.items.map(([kind]) => kind)).toEqual(['foreign', 'workflow', 'foreign'])
  })

  test('note: "x" (no braces at all) is an error; the next line parses', () => {
    expect(topLevel('note: "x"\nother: "y"\njob j { task "t" }\n')).toMatchObject({
      items: [['foreign', 'note: "x"'], ['foreign', 'other: "y"'], ['job', 'j']],
      diagnostics: [['error', 'syntax-top-level', '1:1', 'note'], ['error', 'syntax-top-level', '2:1', 'other']],
    })
  })

  test('config { } } and config } (a stray closing brace) are errors at the brace', () => {
    expect(topLevel('config { } }\njob j { task "t" }\n')).toMatchObject({
      items: [['foreign', 'config { }'], ['foreign', '}'], ['job', 'j']],
      diagnostics: [['info', 'foreign-block', '1:1', 'config'], ['error', 'syntax-top-level', '1:12', '}']],
    })
    expect(topLevel('config }\njob j { task "t" }\n')).toMatchObject({
      items: [['foreign', 'config'], ['foreign', '}'], ['job', 'j']],
      diagnostics: [['info', 'foreign-block', '1:1', 'config'], ['error', 'syntax-top-level', '1:8', '}']],
    })
  })

  test('unknown text resumes at the next line that starts a known statement, even inside its braces', () => {
    expect(topLevel('oops {\n  a: 1\nconfig {\n}\n').items).toEqual([['foreign', 'oops {\n  a: 1'], ['foreign', 'config {\n}']])
  })

  test('a reserved word at the top level says where it belongs', () => {
    expect(topLevel('task "t"').messages[0]).toBe(`"task" cannot stand at the top level: it belongs inside a job; ${EXPECTED_AT_TOP}`)
  })

  test('any other character at the top level is an error naming it', () => {
    expect(topLevel('. x\n').messages[0]).toBe(`found ".", which starts no statement; ${EXPECTED_AT_TOP}`)
  })
})

function applyEdits(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text)
}

describe('the incremental parser', () => {
  const edits = [
    ORDER,
    `${ORDER}\n${JOB}`,
    `// a comment\n${ORDER}\n${JOB}`,
    `// a comment\n${ORDER.replace('"30m"', '"45m"')}\n${JOB}`,
    `// a comment\n${ORDER.replace('"30m"', '45m')}\n${JOB}`,
    `// a comment\n${ORDER}\n${JOB}`,
    `${JOB}\n${ORDER}\n${JOB}`,
    `${JOB.slice(0, 20)}\n${ORDER}`,
    `\n\n\n${ORDER}${JOB}`,
    '',
    JOB,
  ]

  test('gives exactly what parse gives, edit after edit', () => {
    const incremental = createIncrementalParser()
    for (const text of edits) expect(incremental(text)).toEqual(parse(text))
  })

  test('reuses the parse of a declaration that did not change or move', () => {
    const incremental = createIncrementalParser()
    const first = incremental(`${ORDER}\n${JOB}`)
    const second = incremental(`${ORDER}\n${JOB.replace('"0 * * * *"', '"5 * * * *"')}`)
    expect((second.doc.items[0] as Workflow).steps).toBe((first.doc.items[0] as Workflow).steps)
    expect((second.doc.items[1] as Job).schedule).not.toBe((first.doc.items[1] as Job).schedule)
  })

  test('moves the spans of a declaration that moved', () => {
    const incremental = createIncrementalParser()
    incremental(`${ORDER}\n${JOB}`)
    const text = `${ORDER}\n\n// moved down\n${JOB}`
    const moved = incremental(text)
    const job = moved.doc.items[1] as Job
    expect(slice(text, job.task.span)).toBe('task "sessions.cleanup"')
    expect(moved).toEqual(parse(text))
  })
})

test('the lexer drops whitespace and keeps comments as tokens', () => {
  const tokens = tokenize('a /* b */ "c\nd" // e\n2.0 2 -')
  expect(tokens.map((t) => [t.type, t.text])).toEqual([
    ['ident', 'a'],
    ['blockComment', '/* b */'],
    ['string', '"c\nd"'],
    ['lineComment', '// e'],
    ['float', '2.0'],
    ['integer', '2'],
    ['invalid', '-'],
  ])
  expect(tokens.filter(isComment)).toHaveLength(2)
  expect(tokenize('// crlf\r\nx').map((t) => t.text)).toEqual(['// crlf', 'x'])
})
