/**
 * Syntax errors: everything the spec says CodeAI rejects is rejected, with a
 * message in plain words, a stable code and the offending token's span.
 */
import { describe, expect, test } from 'vitest'
import { nearleyParses } from './declaration'
import { parse } from './parse'

/** A workflow whose steps block holds `body`. */
function workflowWith(body: string): string {
  return `workflow w {\n\ttrigger manual\n\tsteps {\n\t\t${body}\n\t}\n}`
}

/** The one syntax error of `text`, checked to be one nearley rejects too, with the text its span covers. */
function syntaxError(text: string) {
  const { doc, diagnostics } = parse(text)
  const errors = diagnostics.filter((d) => d.severity === 'error')
  expect(errors).toHaveLength(1)
  const broken = doc.items.find((item) => item.kind === 'broken')
  if (broken?.kind === 'broken') expect(nearleyParses(broken.text)).toEqual([])
  const [error] = errors
  return { code: error.code, message: error.message, at: text.slice(error.span.start, error.span.end), error }
}

describe('the rejections the spec lists', () => {
  test.each([
    ['timeout before trigger', 'workflow w { timeout "5m" trigger manual steps { } }', 'workflow "w" needs a "trigger" before "timeout"', 'timeout'],
    ['if before activity', workflowWith('a { if "c" activity "x" }'), '"activity" must come before "if" in step "a"', 'activity'],
    ['task before schedule', 'job j { task "t" schedule "0 * * * *" }', '"schedule" must come before "task" in job "j"', 'schedule'],
    [
      'initial_interval before max_attempts',
      'job j { task "t" retry { initial_interval "1s" max_attempts 3 } }',
      '"max_attempts" must come before "initial_interval" in the retry block of job "j"',
      'max_attempts',
    ],
    ['retry before steps', 'workflow w { trigger manual retry { } steps { } }', 'workflow "w" needs a "steps" block before "retry"', 'retry'],
    [
      'timeout after steps',
      'workflow w { trigger manual steps { } retry { } timeout "1m" }',
      '"timeout" must come before "steps" in workflow "w"',
      'timeout',
    ],
    ['queue after retry', 'job j { task "t" retry { } queue "x" }', '"queue" must come before "retry" in job "j"', 'queue'],
  ])('parts out of order: %s', (_, text, message, at) => {
    expect(syntaxError(text)).toMatchObject({ code: 'syntax', message, at })
  })

  test.each([
    ['trigger', 'workflow w { trigger manual trigger manual steps { } }', '"trigger" appears twice in workflow "w": each part may appear only once'],
    ['timeout', 'workflow w { trigger manual timeout "1m" timeout "2m" steps { } }', '"timeout" appears twice in workflow "w": each part may appear only once'],
    ['activity', workflowWith('a { activity "x" activity "y" }'), '"activity" appears twice in step "a": each part may appear only once'],
    ['input', workflowWith('a { input { } input { } }'), '"input" appears twice in step "a": each part may appear only once'],
    ['queue', 'job j { task "t" queue "a" queue "b" }', '"queue" appears twice in job "j": each part may appear only once'],
    [
      'max_attempts',
      'job j { task "t" retry { max_attempts 1 max_attempts 2 } }',
      '"max_attempts" appears twice in the retry block of job "j": each part may appear only once',
    ],
  ])('each part at most once: %s', (_, text, message) => {
    expect(syntaxError(text)).toMatchObject({ code: 'syntax', message })
  })

  test.each([
    ['a workflow without trigger', 'workflow w { }', 'workflow "w" has no "trigger": expected "trigger", found "}"'],
    ['a workflow without steps', 'workflow w { trigger manual timeout "1m" }', 'workflow "w" has no "steps" block: expected "steps", found "}"'],
    ['a workflow with steps but no trigger', 'workflow w { steps { } }', 'workflow "w" needs a "trigger" before "steps"'],
    ['a job without task', 'job j { schedule "* * * * *" }', 'job "j" has no "task": expected "task", found "}"'],
    ['a job with queue but no task', 'job j { queue "x" }', 'job "j" needs a "task" before "queue"'],
  ])('required parts: %s', (_, text, message) => {
    expect(syntaxError(text)).toMatchObject({ code: 'syntax', message })
  })

  test('parallel blocks hold regular steps only', () => {
    expect(syntaxError(workflowWith('parallel { a { } parallel { b { } } }'))).toMatchObject({
      code: 'syntax',
      message: 'parallel blocks cannot be nested: found "parallel" in a parallel block of workflow "w"',
      at: 'parallel',
    })
  })

  test('backoff_multiplier takes a float with a decimal point: 2, 2. and .5 are errors', () => {
    const text = 'job j { task "t" retry { backoff_multiplier 2 } }'
    const { error, ...rest } = syntaxError(text)
    expect(rest).toEqual({ code: 'syntax', message: 'backoff_multiplier needs a number with a decimal point, like 2.0', at: '2' })
    expect(error.fix).toEqual({ title: 'Write 2.0', edits: [{ span: error.span, newText: '2.0' }] })
    const twoDot = syntaxError('job j { task "t" retry { backoff_multiplier 2. } }')
    expect(twoDot).toMatchObject({
      code: 'syntax',
      message: 'backoff_multiplier needs a digit after the decimal point: "2." is not a number, write 2.0',
      at: '2.',
    })
    expect(twoDot.error.fix).toEqual({ title: 'Write 2.0', edits: [{ span: twoDot.error.span, newText: '2.0' }] })
    expect(syntaxError('job j { task "t" retry { backoff_multiplier .5 } }').message).toBe('backoff_multiplier needs a digit before the decimal point, like 0.5')
  })

  test('max_attempts takes an integer: 3.0 is an error', () => {
    expect(syntaxError('job j { task "t" retry { max_attempts 3.0 } }')).toMatchObject({
      code: 'syntax',
      message: 'max_attempts needs a whole number, like 3',
      at: '3.0',
    })
  })

  test('there is no minus sign, so no negative numbers', () => {
    expect(syntaxError('job j { task "t" retry { max_attempts -1 } }')).toMatchObject({
      code: 'syntax-invalid-character',
      message: 'max_attempts cannot be negative: there is no minus sign in .cai',
      at: '-',
    })
    expect(syntaxError('job j { task "t" retry { backoff_multiplier -2.0 } }').message).toBe('backoff_multiplier cannot be negative: there is no minus sign in .cai')
  })

  test('values are always strings: timeout 30m is an error, with a fix that quotes it', () => {
    const text = 'workflow w { trigger manual timeout 30m steps { } }'
    const { error, ...rest } = syntaxError(text)
    expect(rest).toEqual({ code: 'syntax', message: 'values are always quoted strings: write timeout "30m"', at: '30m' })
    expect(error.fix?.edits).toEqual([{ span: error.span, newText: '"30m"' }])
    expect(syntaxError('workflow w { trigger event order.created steps { } }').message).toBe(
      'values are always quoted strings: write trigger event "order.created"',
    )
    expect(syntaxError(workflowWith('a { input { id: workflow.input.id } }')).message).toBe(
      'values are always quoted strings: write id: "workflow.input.id"',
    )
    expect(syntaxError(workflowWith('a { activity orders.validate }')).message).toBe(
      'values are always quoted strings: write activity "orders.validate"',
    )
  })

  test('a missing value is not mistaken for an unquoted one', () => {
    expect(syntaxError('workflow w { trigger event steps { } }').message).toBe('expected a string after "event" in workflow "w", found "steps"')
  })
})

describe('reserved words are never names', () => {
  test.each([
    ['a workflow', 'workflow timeout { trigger manual steps { } }', '"timeout" is a reserved word and cannot name a workflow', 'timeout'],
    ['a job', 'job task { task "t" }', '"task" is a reserved word and cannot name a job', 'task'],
    ['a step', workflowWith('retry { activity "x" }'), '"retry" is a reserved word and cannot name a step', 'retry'],
    ['a parallel branch', workflowWith('parallel { input { } }'), '"input" is a reserved word and cannot name a step', 'input'],
    ['an input', workflowWith('a { input { timeout: "5s" } }'), '"timeout" is a reserved word and cannot name an input', 'timeout'],
    ['an input (event)', workflowWith('a { input { event: "x" } }'), '"event" is a reserved word and cannot name an input', 'event'],
  ])('%s', (_, text, message, at) => {
    expect(syntaxError(text)).toMatchObject({ code: 'syntax-reserved-word', message, at })
  })
})

describe('characters the language does not have', () => {
  test.each([
    ['-', 'workflow order-flow { trigger manual steps { } }', 'expected "{" after "order", found the character "-", which cannot appear outside strings and comments'],
    ['.', workflowWith('a.b { }'), 'expected "{" after "a" in the steps block of workflow "w", found the character ".", which cannot appear outside strings and comments'],
    ['#', workflowWith('# not a comment'), 'expected a step name, "parallel" or "}" in the steps block of workflow "w", found the character "#", which cannot appear outside strings and comments'],
    [';', 'workflow w { trigger manual; steps { } }', 'expected "timeout" or "steps" in workflow "w", found the character ";", which cannot appear outside strings and comments'],
    ['=', workflowWith('a = { }'), 'expected "{" after "a" in the steps block of workflow "w", found the character "=", which cannot appear outside strings and comments'],
    ['é', workflowWith('é { }'), 'expected a step name, "parallel" or "}" in the steps block of workflow "w", found the character "é", which cannot appear outside strings and comments'],
    ['😀', workflowWith('😀'), 'expected a step name, "parallel" or "}" in the steps block of workflow "w", found the character "😀", which cannot appear outside strings and comments'],
    ['a no-break space', 'workflow w {\u00a0trigger manual steps { } }', 'expected "trigger" in workflow "w", found the character U+00A0, which cannot appear outside strings and comments'],
  ])('%s', (character, text, message) => {
    const error = syntaxError(text)
    expect(error).toMatchObject({ code: 'syntax-invalid-character', message })
    expect(error.at).toBe(character.length <= 2 ? character : '\u00a0')
  })

  test('punctuation of the wider language that no rule uses', () => {
    expect(syntaxError('workflow w { trigger manual steps { } ( }').message).toBe('expected "retry" or "}" in workflow "w", found "("')
    expect(syntaxError(workflowWith('a { input { k: "v", j: "w" } }')).message).toBe(
      'expected an input name or "}" in the input block of step "a", found ","',
    )
    expect(syntaxError('job j { task "t" -> }').message).toBe('expected "queue", "retry" or "}" in job "j", found "->"')
  })
})

describe('messages name what was found, what was expected and where', () => {
  test('an unknown part in a step (the example from the brief)', () => {
    expect(syntaxError(workflowWith('charge { inputs { } }'))).toMatchObject({
      code: 'syntax',
      message: 'expected "activity", "input", "if" or "}" in step "charge", found identifier "inputs"',
      at: 'inputs',
    })
  })

  test('after a keyword that needs a value', () => {
    expect(syntaxError('workflow w { trigger foo steps { } }').message).toBe(
      'expected "event", "schedule" or "manual" after "trigger" in workflow "w", found identifier "foo"',
    )
    expect(syntaxError(workflowWith('a { input { k "v" } }')).message).toBe('expected ":" after "k" in the input block of step "a", found string "v"')
    expect(syntaxError(workflowWith('a activity "x"')).message).toBe('expected "{" after "a" in the steps block of workflow "w", found "activity"')
  })

  test('in the retry block of a workflow', () => {
    expect(syntaxError('workflow w { trigger manual steps { } retry { max_attempts 3 foo } }').message).toBe(
      'expected "initial_interval", "backoff_multiplier" or "}" in the retry block of workflow "w", found identifier "foo"',
    )
  })

  test('unclosed string, comment and block', () => {
    const text = workflowWith('a { activity "x }')
    expect(syntaxError(text)).toMatchObject({ code: 'syntax-unclosed', message: 'unclosed string: this " has no closing "', at: '"' })
    expect(syntaxError(workflowWith('a { /* activity "x" }'))).toMatchObject({
      code: 'syntax-unclosed',
      message: 'unclosed comment: this "/*" has no closing "*/"',
      at: '/*',
    })
    const unclosed = syntaxError('workflow w { trigger manual steps {')
    expect(unclosed).toMatchObject({
      code: 'syntax-unclosed',
      message: 'expected a step name, "parallel" or "}" in the steps block of workflow "w", found the end of the file',
      at: '',
    })
    expect(unclosed.error.span).toEqual({ start: 35, end: 35 })
    expect(unclosed.error.start).toEqual({ line: 1, column: 36 })
  })

  test('block comments do not nest: the "*/" left over after a nested comment is named', () => {
    const nested = 'job j { /* a /* b */ c */ task "t" }'
    expect(syntaxError(nested)).toMatchObject({ code: 'syntax', message: '"*/" closes no comment: block comments do not nest', at: '*/' })
    expect(syntaxError(nested).error.span.start).toBe(nested.lastIndexOf('*/'))
    expect(syntaxError('job j { task "t" */ }')).toMatchObject({ message: '"*/" closes no comment: block comments do not nest', at: '*/' })
    // A comment holding "/*" is fine on its own: the error after it is about what was found.
    expect(syntaxError('job j { /* see /* here */ task 1 /* c */ }').message).toBe('values are always quoted strings: write task "1"')
  })

  test('an incomplete header', () => {
    expect(syntaxError('workflow')).toMatchObject({ code: 'syntax', message: 'expected a name after "workflow", found the end of the file' })
    expect(syntaxError('job j')).toMatchObject({ code: 'syntax', message: 'expected "{" after "j", found the end of the file' })
  })

  test('positions are 1-based line and column of the offending token', () => {
    const { error } = syntaxError(workflowWith('a { input { timeout: "5s" } }'))
    expect(error.start).toEqual({ line: 4, column: 15 })
    expect(error.end).toEqual({ line: 4, column: 22 })
  })

  test('an error deep in a 2,000-step workflow is found and explained', () => {
    const steps = Array.from({ length: 2000 }, (_, i) => `s${i} { activity "a" input { k: "v" } }`)
    steps[1500] = 's1500 { activity "a" input { k: "v" } activty "b" }'
    const { message } = syntaxError(`workflow big { trigger manual steps {\n${steps.join('\n')}\n} }`)
    expect(message).toBe('expected "if" or "}" in step "s1500", found identifier "activty"')
  })
})

describe("CodeAI's colon style (issue 12, item 5): rejected, recognised, fixed where mechanical", () => {
  test.each([
    ['schedule: "…" in a job', 'job daily_report {\n\tschedule: "0 6 * * *"\n\ttask "reports.daily"\n}\n', '`schedule: "…"`; write `schedule "0 6 * * *"`', 'schedule: "0 6 * * *"'],
    ['task: "…"', 'job j {\n\ttask: "reports.daily"\n}\n', '`task: "…"`; write `task "reports.daily"`', 'task: "reports.daily"'],
    ['activity: "…" in a step', workflowWith('a {\n\t\t\tactivity: "x.y"\n\t\t}'), '`activity: "…"`; write `activity "x.y"`', 'activity: "x.y"'],
    ['max_attempts: 3 in a retry block', 'job j {\n\ttask "t"\n\tretry {\n\t\tmax_attempts: 3\n\t}\n}\n', '`max_attempts: 3`; write `max_attempts 3`', 'max_attempts: 3'],
  ])('%s is one error with a fix that drops the colon', (_, text, advice, covered) => {
    const { code, message, at, error } = syntaxError(text)
    expect(code).toBe('syntax-colon-style')
    expect(message).toBe(`CodeAI's parser does not accept the colon style ${advice}`)
    expect(at).toBe(covered)
    const edit = error.fix!.edits[0]
    const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end)
    expect(parse(fixed).diagnostics).toEqual([])
  })

  test.each([
    ['description: "…"', 'workflow w {\n\tdescription: "Process orders"\n\ttrigger manual\n\tsteps { }\n}\n', '`description: "…"`; a workflow has no "description"; write it as a comment: // description: …'],
    ['trigger: OrderPlaced', 'workflow w {\n\ttrigger: OrderPlaced\n\tsteps { }\n}\n', '`trigger: OrderPlaced`; write `trigger event "order.created"`, `trigger schedule "0 6 * * *"` or `trigger manual`'],
    ['retry: 3 times', 'job j {\n\ttask "t"\n\tretry: 3 times\n}\n', '`retry: 3 times`; write a block, e.g. `retry { max_attempts 3 }`'],
    ['timeout: 30m (an unquoted value)', 'workflow w {\n\ttrigger manual\n\ttimeout: 30m\n\tsteps { }\n}\n', '`timeout: 30m`; write `timeout "30m"`, with the value quoted'],
  ])('%s is one error in plain words, with no fix (the conversion is not mechanical)', (_, text, advice) => {
    const { code, message, error } = syntaxError(text)
    expect(code).toBe('syntax-colon-style')
    expect(message).toBe(`CodeAI's parser does not accept the colon style ${advice}`)
    expect(error.fix).toBeUndefined()
  })

  test('an input entry keeps its colon: key: "value" there is right', () => {
    expect(parse(workflowWith('a {\n\t\t\tactivity "x"\n\t\t\tinput {\n\t\t\t\tschedule_id: "x"\n\t\t\t}\n\t\t}')).diagnostics).toEqual([])
  })

  test("a broken job's declared queue is kept in the parse result (the jobs board keeps its lane)", () => {
    const { doc } = parse('job j {\n\tschedule: "0 6 * * *"\n\ttask "t"\n\tqueue "critical"\n}\njob k {\n\ttask "t"\n\tqueue: "low"\n\toops\n}\njob m { oops }\n')
    expect(doc.items.map((item) => item.kind === 'broken' && item.queue)).toEqual(['critical', 'low', undefined])
    expect(doc.items[2]).not.toHaveProperty('queue')
  })
})
