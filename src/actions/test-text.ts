/**
 * Texts for the actions' unit tests, built from parts so that each expected
 * result reads as the list of entries it should hold. The workflow is written
 * as the printer writes it (a canvas edit reprints the declaration it
 * changes); the job is not, to show that the edits leave it alone.
 */

const indent = (depth: number) => '\t'.repeat(depth)

/** A step with an activity (and optional extra lines), at `depth` tabs. */
export function step(name: string, activity: string, depth = 2, extra: string[] = []): string {
  return [`${name} {`, `\tactivity "${activity}"`, ...extra.map((line) => `\t${line}`), '}']
    .map((line) => indent(depth) + line)
    .join('\n')
}

export function parallel(...branches: string[]): string {
  return [`${indent(2)}parallel {`, ...branches, `${indent(2)}}`].join('\n')
}

export const VALIDATE = step('validate', 'orders.validate')
export const CHARGE = [
  '\t\t// Charge only what was validated.',
  step('charge', 'payments.charge', 2, ['input {', '\ttotal: "steps.validate.output.total"', '}']),
].join('\n')
export const RESERVE = step('reserve', 'stock.reserve', 3)
export const NOTIFY = step('notify', 'mail.notify', 3)
export const CONFIRM = step('confirm', 'mail.confirm')

/** A job written loosely, as a user might: a canvas edit elsewhere must keep it byte for byte. */
export const JOB = 'job   cleanup {  task "sessions.cleanup"   queue "low_priority" }\n'

/** The workflow `orders` holding `entries` (each already indented), then the loose job. */
export function orders(...entries: string[]): string {
  return ['workflow orders {', '\ttrigger manual', '\tsteps {', ...entries, '\t}', '}', '', JOB].join('\n')
}

/** validate, charge (reads steps.validate), parallel { reserve notify }, confirm. */
export const TEXT = orders(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM)

/** A new step as the operations make it. */
export const newStep = (name: string, depth = 2) => step(name, 'todo.activity', depth)
