import { describe, expect, it } from 'vitest'
import { analyzeCompletion, type CompletionContext } from './completion-context'

/** Analyzes `text` at the position of the `|` marker (which is removed). */
function at(marked: string) {
  const offset = marked.indexOf('|')
  const text = marked.slice(0, offset) + marked.slice(offset + 1)
  return { ...analyzeCompletion(text, offset), text, offset }
}
const contextAt = (marked: string): CompletionContext => at(marked).context

const ORDER = `workflow order {
	trigger event "order.created"
	steps {
		validate {
			activity "orders.validate"
		}
		parallel {
			reserve {
				activity "inventory.reserve"
			}
			notify {
				activity "warehouse.notify"
				input {
					id: "STEP_REF"
				}
			}
		}
		charge {
			activity "payments.charge"
		}
	}
}
`

describe('analyzeCompletion: keywords by block', () => {
  it('offers workflow and job declarations at the top level', () => {
    expect(contextAt('|')).toEqual({ kind: 'declaration' })
    expect(contextAt('workflow a {\n\ttrigger manual\n\tsteps {}\n}\n\nwo|')).toEqual({ kind: 'declaration' })
    expect(contextAt('config {\n\tx: 1\n}\n|')).toEqual({ kind: 'declaration' })
  })

  it('offers nothing where a declaration name or its brace is expected', () => {
    expect(contextAt('workflow |')).toEqual({ kind: 'none' })
    expect(contextAt('job nightly |')).toEqual({ kind: 'none' })
  })

  it('offers the workflow header parts in grammar order', () => {
    expect(contextAt('workflow a {\n\t|\n}')).toEqual({ kind: 'part', block: 'workflow', keywords: ['trigger', 'timeout', 'steps', 'retry'] })
    expect(contextAt('workflow a {\n\ttrigger manual\n\t|\n}')).toEqual({ kind: 'part', block: 'workflow', keywords: ['timeout', 'steps', 'retry'] })
    expect(contextAt('workflow a {\n\ttrigger event "x.y"\n\ttimeout "5m"\n\tst|\n}')).toEqual({
      kind: 'part',
      block: 'workflow',
      keywords: ['steps', 'retry'],
    })
  })

  it('leaves out parts that must come before the parts already after the cursor', () => {
    // Only `timeout` fits between the trigger and the steps block.
    expect(contextAt('workflow a {\n\ttrigger manual\n\t|\n\tsteps {\n\t}\n}')).toEqual({ kind: 'part', block: 'workflow', keywords: ['timeout'] })
    // Nothing may stand before the trigger.
    expect(contextAt('workflow a {\n\t|\n\ttrigger manual\n}')).toEqual({ kind: 'none' })
  })

  it('does not count keywords inside child blocks as parts of the parent', () => {
    expect(contextAt('workflow a {\n\ttrigger manual\n\tsteps {\n\t\tx {\n\t\t\tactivity "a"\n\t\t}\n\t}\n\t|\n}')).toEqual({
      kind: 'part',
      block: 'workflow',
      keywords: ['retry'],
    })
  })

  it('offers the trigger types after `trigger`', () => {
    expect(contextAt('workflow a {\n\ttrigger |\n}')).toEqual({ kind: 'trigger-type' })
    expect(contextAt('workflow a {\n\ttrigger sch|\n}')).toEqual({ kind: 'trigger-type' })
  })

  it('offers nothing where a value is expected', () => {
    expect(contextAt('workflow a {\n\ttimeout |\n}')).toEqual({ kind: 'none' })
    expect(contextAt('workflow a {\n\ttrigger event |\n}')).toEqual({ kind: 'none' })
    expect(contextAt('job j {\n\tretry {\n\t\tmax_attempts |\n\t}\n}')).toEqual({ kind: 'none' })
  })

  it('offers a step or a parallel block inside steps, and only a step inside parallel', () => {
    expect(contextAt('workflow a {\n\ttrigger manual\n\tsteps {\n\t\t|\n\t}\n}')).toEqual({ kind: 'step', allowParallel: true })
    expect(contextAt('workflow a {\n\ttrigger manual\n\tsteps {\n\t\tx {\n\t\t}\n\t\t|\n\t}\n}')).toEqual({ kind: 'step', allowParallel: true })
    expect(contextAt('workflow a {\n\ttrigger manual\n\tsteps {\n\t\tparallel {\n\t\t\t|\n\t\t}\n\t}\n}')).toEqual({ kind: 'step', allowParallel: false })
    // After a step name the brace is expected.
    expect(contextAt('workflow a {\n\ttrigger manual\n\tsteps {\n\t\tvalidate |\n\t}\n}')).toEqual({ kind: 'none' })
  })

  it('offers nothing in a declaration keyword that has its name after it: a snippet would write a second declaration', () => {
    expect(contextAt('job j {\n\ttask "t"\n}\n\nwork|flow orders {\n\ttrigger manual\n}\n')).toEqual({ kind: 'none' })
    expect(contextAt('jo|b j {\n\ttask "t"\n}\n')).toEqual({ kind: 'none' })
    // A keyword alone on its line is still a new declaration.
    expect(contextAt('job j {\n\ttask "t"\n}\n\nwork|\n')).toEqual({ kind: 'declaration' })
  })

  it('offers nothing in a keyword that has its value after it: a snippet would write a second value', () => {
    const step = (body: string) => `workflow a {\n\ttrigger manual\n\tsteps {\n\t\tx {\n${body}\n\t\t}\n\t}\n}`
    expect(contextAt(step('\t\t\tactiv|ity "a.b"'))).toEqual({ kind: 'none' })
    expect(contextAt(step('\t\t\tactivity| "a.b"'))).toEqual({ kind: 'none' })
    expect(contextAt('workflow a {\n\ttrigger sch|edule "0 6 * * *"\n}')).toEqual({ kind: 'none' })
    expect(contextAt('job j {\n\tretry {\n\t\tmax_att| 3\n\t}\n}')).toEqual({ kind: 'none' })
    expect(contextAt(step('\t\t\tinp| {\n\t\t\t}'))).toEqual({ kind: 'none' })
    // Nothing after it, a comment, the block's end or the next part: offered as before.
    expect(contextAt(step('\t\t\tactiv|'))).toEqual({ kind: 'part', block: 'step', keywords: ['activity', 'input', 'if'] })
    expect(contextAt(step('\t\t\tactiv| input { k: "v" }'))).toMatchObject({ kind: 'part', block: 'step' })
    expect(contextAt(step('\t\t\tactiv| // later'))).toEqual({ kind: 'part', block: 'step', keywords: ['activity', 'input', 'if'] })
    expect(contextAt('workflow a {\n\ttrigger sch|\n}')).toEqual({ kind: 'trigger-type' })
  })

  it('offers nothing in the name of a step that has its block: renaming it, Enter must not insert a new step', () => {
    const steps = (body: string) => `workflow a {\n\ttrigger manual\n\tsteps {\n${body}\n\t}\n}`
    expect(contextAt(steps('\t\tcheck_inventoryx| {\n\t\t\tactivity "a.b"\n\t\t}'))).toEqual({ kind: 'none' })
    expect(contextAt(steps('\t\tche|ck {\n\t\t}'))).toEqual({ kind: 'none' })
    expect(contextAt(steps('\t\tcheck|\n\t\t{\n\t\t}'))).toEqual({ kind: 'none' })
    expect(contextAt(steps('\t\tparallel {\n\t\t\tship| {\n\t\t\t}\n\t\t}'))).toEqual({ kind: 'none' })
    // A new name before the next step is still a new step.
    expect(contextAt(steps('\t\tcheck|\n\t\tship {\n\t\t}'))).toEqual({ kind: 'step', allowParallel: true })
  })

  it('offers activity, input and if inside a step, in order', () => {
    const step = (body: string) => `workflow a {\n\ttrigger manual\n\tsteps {\n\t\tx {\n${body}\n\t\t}\n\t}\n}`
    expect(contextAt(step('\t\t\t|'))).toEqual({ kind: 'part', block: 'step', keywords: ['activity', 'input', 'if'] })
    expect(contextAt(step('\t\t\tactivity "a.b"\n\t\t\t|'))).toEqual({ kind: 'part', block: 'step', keywords: ['input', 'if'] })
    expect(contextAt(step('\t\t\tactivity "a.b"\n\t\t\tinput {\n\t\t\t}\n\t\t\t|'))).toEqual({ kind: 'part', block: 'step', keywords: ['if'] })
  })

  it('offers nothing inside input blocks, whose keys are free names', () => {
    expect(contextAt('workflow a {\n\ttrigger manual\n\tsteps {\n\t\tx {\n\t\t\tinput {\n\t\t\t\t|\n\t\t\t}\n\t\t}\n\t}\n}')).toEqual({ kind: 'none' })
  })

  it('offers the retry settings, in order', () => {
    expect(contextAt('workflow a {\n\tretry {\n\t\t|\n\t}\n}')).toEqual({
      kind: 'part',
      block: 'retry',
      keywords: ['max_attempts', 'initial_interval', 'backoff_multiplier'],
    })
    expect(contextAt('job j {\n\ttask "t"\n\tretry {\n\t\tmax_attempts 3\n\t\t|\n\t}\n}')).toEqual({
      kind: 'part',
      block: 'retry',
      keywords: ['initial_interval', 'backoff_multiplier'],
    })
  })

  it('offers the job parts in order', () => {
    expect(contextAt('job j {\n\t|\n}')).toEqual({ kind: 'part', block: 'job', keywords: ['schedule', 'task', 'queue', 'retry'] })
    expect(contextAt('job j {\n\tschedule "0 * * * *"\n\t|\n}')).toEqual({ kind: 'part', block: 'job', keywords: ['task', 'queue', 'retry'] })
  })

  it('offers nothing inside comments, numbers and blocks of the wider language', () => {
    expect(contextAt('// workflow |')).toEqual({ kind: 'none' })
    expect(contextAt('/* a |')).toEqual({ kind: 'none' })
    expect(contextAt('workflow a {\n\t/* trigger | */\n}')).toEqual({ kind: 'none' })
    expect(contextAt('job j {\n\tretry {\n\t\tmax_attempts 3|\n\t}\n}')).toEqual({ kind: 'none' })
    expect(contextAt('config {\n\t|\n}')).toEqual({ kind: 'none' })
  })

  it('ignores braces and keywords inside strings and comments', () => {
    expect(contextAt('workflow a {\n\ttrigger event "x { steps"\n\t// }\n\t|\n}')).toEqual({
      kind: 'part',
      block: 'workflow',
      keywords: ['timeout', 'steps', 'retry'],
    })
  })
})

describe('analyzeCompletion: ranges', () => {
  it('replaces the word being typed', () => {
    const result = at('workflow a {\n\ttrigger manual\n\ttime|out\n}')
    expect(result.text.slice(result.insert.start, result.insert.end)).toBe('time')
    expect(result.text.slice(result.replace.start, result.replace.end)).toBe('timeout')
  })

  it('inserts at the cursor between tokens', () => {
    const result = at('workflow a {\n\t|\n}')
    expect(result.insert).toEqual({ start: result.offset, end: result.offset })
  })
})

describe('analyzeCompletion: inside strings', () => {
  it('offers the steps of the current workflow after `steps.` in an input value, earlier steps first', () => {
    const result = at(ORDER.replace('STEP_REF', 'steps.|'))
    expect(result.context).toEqual({
      kind: 'step-reference',
      steps: [
        { name: 'validate', runsBefore: true },
        // `reserve` runs in the same parallel block, `charge` later: offered, but after the safe ones.
        { name: 'reserve', runsBefore: false },
        { name: 'charge', runsBefore: false },
      ],
    })
    expect(result.insert).toEqual({ start: result.offset, end: result.offset })
  })

  it('replaces the partly typed step name', () => {
    const result = at(ORDER.replace('STEP_REF', 'steps.val|idate.output.x'))
    expect(result.context.kind).toBe('step-reference')
    expect(result.text.slice(result.insert.start, result.insert.end)).toBe('val')
    expect(result.text.slice(result.replace.start, result.replace.end)).toBe('validate')
  })

  it('offers step names in conditions, and in strings not yet closed', () => {
    const text = 'workflow a {\n\ttrigger manual\n\tsteps {\n\t\tfirst {\n\t\t\tactivity "x"\n\t\t}\n\t\tsecond {\n\t\t\tif "steps.|'
    expect(contextAt(text)).toEqual({ kind: 'step-reference', steps: [{ name: 'first', runsBefore: true }] })
  })

  it('does not take `mysteps.` or `x.steps.` for a step reference', () => {
    expect(contextAt(ORDER.replace('STEP_REF', 'mysteps.|'))).toEqual({ kind: 'none' })
    expect(contextAt(ORDER.replace('STEP_REF', 'config.steps.|'))).toEqual({ kind: 'none' })
  })

  it('offers the step names only of the cursor\'s workflow', () => {
    const other = 'workflow other {\n\ttrigger manual\n\tsteps {\n\t\tforeign_step {\n\t\t}\n\t}\n}\n'
    const result = contextAt(other + ORDER.replace('STEP_REF', 'steps.|'))
    expect(result.kind === 'step-reference' && result.steps.map((step) => step.name)).toEqual(['validate', 'reserve', 'charge'])
  })

  it('offers the activity names already used in the file, without the one being typed', () => {
    const result = at(ORDER.replace('"payments.charge"', '"pay|"'))
    expect(result.context).toEqual({
      kind: 'used-name',
      keyword: 'activity',
      names: ['orders.validate', 'inventory.reserve', 'warehouse.notify'],
    })
    expect(result.text.slice(result.insert.start, result.insert.end)).toBe('pay')
    expect(result.text.slice(result.replace.start, result.replace.end)).toBe('pay')
  })

  it('offers task names and queues (the known ones first) inside a job', () => {
    const jobs = 'job a {\n\ttask "reports.build"\n\tqueue "bulk"\n}\njob b {\n\ttask "|"\n\tqueue "critical"\n}\n'
    expect(contextAt(jobs)).toEqual({ kind: 'used-name', keyword: 'task', names: ['reports.build'] })
    expect(contextAt(jobs.replace('"critical"', '"|"').replace('task "|"', 'task "x"'))).toEqual({
      kind: 'used-name',
      keyword: 'queue',
      names: ['critical', 'default', 'low_priority', 'bulk'],
    })
  })

  it('offers nothing inside other strings', () => {
    expect(contextAt('workflow a {\n\ttrigger event "or|"\n}')).toEqual({ kind: 'none' })
    expect(contextAt('workflow a {\n\ttimeout "steps.|"\n}')).toEqual({ kind: 'none' })
  })
})
