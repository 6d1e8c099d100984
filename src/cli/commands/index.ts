/**
 * Every `codeai` command, in the order the help lists them. To add one, write
 * `commands/NAME.ts` exporting `command: Command` (see ../command.ts) and add
 * it here.
 */
import type { Command } from '../command'
import { command as calendar } from './calendar'
import { command as diff } from './diff'
import { command as format } from './format'
import { command as parse } from './parse'
import { command as render } from './render'
import { command as simulate } from './simulate'
import { command as validate } from './validate'

export const COMMANDS: readonly Command[] = [parse, validate, format, diff, render, simulate, calendar]

// The examples' expected outputs are checked against this (src/language/examples.test.ts).
export { validateCommand } from './validate'
