/**
 * Where comments and blank lines go in the model (see comments.ts for the
 * rules), and that none is ever lost.
 */
import { describe, expect, test } from 'vitest'
import { isComment, tokenize } from './lexer'
import type { CaiDocument, Comment, Job, Step, Workflow } from './model'
import { parse } from './parse'

function parsed(text: string): CaiDocument {
  const { doc, diagnostics } = parse(text)
  expect(diagnostics).toEqual([])
  return doc
}

function texts(comments: Comment[]): string[] {
  return comments.map((comment) => comment.text)
}

/** Every comment in a document, wherever it is attached. */
function allComments(value: unknown): Comment[] {
  if (Array.isArray(value)) return value.flatMap(allComments)
  if (!value || typeof value !== 'object') return []
  const node = value as Record<string, unknown>
  if ((node.kind === 'line' || node.kind === 'block') && typeof node.text === 'string') return [node as unknown as Comment]
  return Object.values(node).flatMap(allComments)
}

const STEPS = (body: string) => `workflow w {\n\ttrigger manual\n\tsteps {\n${body}\n\t}\n}\n`

function firstStep(text: string): Step {
  const step = (parsed(text).items[0] as Workflow).steps.items[0]
  if (step.kind !== 'step') throw new Error('expected a step')
  return step
}

describe('comment placement', () => {
  test('a comment after a statement on the same line is its trailing comment', () => {
    const step = firstStep(STEPS('\t\ta {\n\t\t\tactivity "x" // why\n\t\t\tif "c" /* one */ /* two */\n\t\t}'))
    expect(texts(step.activity!.trailing)).toEqual(['// why'])
    expect(texts(step.condition!.trailing)).toEqual(['/* one */', '/* two */'])
  })

  test('a comment after a block\'s closing brace is the block\'s trailing comment; after its opening brace, openTrailing', () => {
    const step = firstStep(STEPS('\t\ta { // opens\n\t\t\tactivity "x"\n\t\t} // closes'))
    expect(texts(step.openTrailing)).toEqual(['// opens'])
    expect(texts(step.trailing)).toEqual(['// closes'])
  })

  test('comments on their own lines lead the next statement', () => {
    const step = firstStep(STEPS('\t\t// about a\n\t\t/* and more */\n\t\ta {\n\t\t\t// about the activity\n\t\t\tactivity "x"\n\t\t}'))
    expect(texts(step.leading)).toEqual(['// about a', '/* and more */'])
    expect(texts(step.activity!.leading)).toEqual(['// about the activity'])
  })

  test('comments on their own lines with no statement after them are the block\'s inner comments', () => {
    const doc = parsed(STEPS('\t\ta {\n\t\t\tactivity "x"\n\t\t\t// end of a\n\t\t}\n\t\t// end of steps'))
    const workflow = doc.items[0] as Workflow
    expect(texts(workflow.steps.inner)).toEqual(['// end of steps'])
    expect(texts((workflow.steps.items[0] as Step).inner)).toEqual(['// end of a'])
    const empty = parsed('workflow w { trigger manual steps {\n// nothing yet\n} }').items[0] as Workflow
    expect(texts(empty.steps.inner)).toEqual(['// nothing yet'])
  })

  test('block comments between the tokens of one statement trail it', () => {
    const step = firstStep(STEPS('\t\ta {\n\t\t\tactivity /* mid */ "x"\n\t\t\tinput { k /* a */ : /* b */ "v" // c\n\t\t\t}\n\t\t}'))
    expect(texts(step.activity!.trailing)).toEqual(['/* mid */'])
    expect(texts(step.input!.entries[0].trailing)).toEqual(['/* a */', '/* b */', '// c'])
  })

  test('a line comment between the tokens of one statement leads it (it could not be printed inside the line)', () => {
    const step = firstStep(STEPS('\t\ta {\n\t\t\tactivity // the type\n\t\t\t\t"x" // after\n\t\t}'))
    expect(texts(step.activity!.leading)).toEqual(['// the type'])
    expect(texts(step.activity!.trailing)).toEqual(['// after'])
  })

  test('comments in a block header go after its opening brace, or lead it if one is a line comment', () => {
    const step = firstStep(STEPS('\t\ta /* header */ { // open\n\t\t}'))
    expect(texts(step.openTrailing)).toEqual(['/* header */', '// open'])
    const workflow = parsed('// before\nworkflow /* x */ w // name\n{\n\ttrigger manual\n\tsteps { }\n}').items[0] as Workflow
    expect(texts(workflow.leading)).toEqual(['// before', '/* x */', '// name'])
    expect(workflow.openTrailing).toEqual([])
  })

  test('top level: leading, trailing and end-of-file comments', () => {
    const doc = parsed('// file\n\n// about j\njob j { task "t" } // after j\n// about k\njob k { task "u" }\n\n// the end\n/* really */')
    const [j, k] = doc.items as [Job, Job]
    expect(texts(j.leading)).toEqual(['// file', '// about j'])
    expect(texts(j.trailing)).toEqual(['// after j'])
    expect(texts(k.leading)).toEqual(['// about k'])
    expect(texts(doc.endComments)).toEqual(['// the end', '/* really */'])
  })

  test('a comment after another on the same line goes where the first went', () => {
    const doc = parsed('/* a */ /* b */\njob j { task "t" } /* c */ // d\n')
    expect(texts(doc.items[0].leading)).toEqual(['/* a */', '/* b */'])
    expect(texts(doc.items[0].trailing)).toEqual(['/* c */', '// d'])
  })

  test('a block comment spanning lines keeps its text exactly', () => {
    const comment = '/* line one\n   * line two\r\n */'
    const doc = parsed(`${comment}\njob j { task "t" }`)
    expect(doc.items[0].leading).toMatchObject([{ kind: 'block', text: comment, span: { start: 0, end: comment.length } }])
  })

  test('comments carry their spans', () => {
    const text = 'job j { task "t" /* here */ }'
    const [comment] = (parsed(text).items[0] as Job).task.trailing
    expect(text.slice(comment.span!.start, comment.span!.end)).toBe('/* here */')
  })
})

describe('blank lines', () => {
  test('blankBefore on statements after a blank line, never on the first of a block', () => {
    const workflow = parsed('workflow w {\n\n\ttrigger manual\n\n\n\ttimeout "1m"\n\tsteps {\n\n\t\ta { }\n\n\t\tb { }\n\t}\n}').items[0] as Workflow
    expect(workflow.trigger.blankBefore).toBe(false)
    expect(workflow.timeout!.blankBefore).toBe(true)
    expect(workflow.steps.blankBefore).toBe(false)
    expect(workflow.steps.items.map((item) => item.blankBefore)).toEqual([false, true])
  })

  test('a line of only spaces and tabs is a blank line', () => {
    const doc = parsed('job a { task "t" }\n \t \njob b { task "u" }')
    expect(doc.items.map((item) => item.blankBefore)).toEqual([false, true])
  })

  test('the blank line before a node with leading comments is on the node; the comments carry the ones between them', () => {
    const doc = parsed('job a { task "t" }\n\n// one\n\n// two\n// three\njob b { task "u" }')
    const b = doc.items[1]
    expect(b.blankBefore).toBe(true)
    expect(b.leading.map((c) => [c.text, c.blankBefore])).toEqual([['// one', false], ['// two', true], ['// three', false]])
  })

  test('a blank line between the last leading comment and its node is kept as blankAfter (a detached header comment)', () => {
    const doc = parsed('// Generated file.\n\nworkflow w { trigger manual steps { } }\n')
    expect(doc.items[0].leading).toMatchObject([{ text: '// Generated file.', blankAfter: true }])
    expect(parsed('// attached\nworkflow w { trigger manual steps { } }').items[0].leading[0]).not.toHaveProperty('blankAfter')
  })

  test('blank lines around inner and end comments', () => {
    const doc = parsed('job j {\n\ttask "t"\n\n\t// inner\n}\n\n// end')
    expect((doc.items[0] as Job).inner).toMatchObject([{ text: '// inner', blankBefore: true }])
    expect(doc.endComments).toMatchObject([{ text: '// end', blankBefore: true }])
  })
})

describe('no comment is ever lost', () => {
  test('every comment the lexer finds is in the document, in order', () => {
    const text = `// 1
workflow /* 2 */ w /* 3 */ { // 4
	/* 5 */ trigger /* 6 */ event /* 7 */ "e" // 8
	// 9
	steps /* 10 */ { /* 11 */
		a /* 12 */ { /* 13 */ activity /* 14 */ "x" /* 15 */ input /* 16 */ { /* 17 */ k /* 18 */ : /* 19 */ "v" /* 20 */ } /* 21 */ if /* 22 */ "c" /* 23 */ } // 24
		parallel /* 25 */ { // 26
			// 27
		} // 28
		// 29
	} // 30
	retry { max_attempts /* 31 */ 2 /* 32 */ initial_interval /* 33 */ "1s" backoff_multiplier // 34
	2.0 } // 35
	// 36
} // 37
// 38
job j { task "t" } /* 39 */
/* 40 */`
    const doc = parsed(text)
    const found = allComments(doc).map((c) => c.text)
    expect(found).toHaveLength(40)
    const lexed = tokenize(text).filter(isComment).map((t) => t.text)
    expect([...found].sort()).toEqual([...lexed].sort())
  })
})
