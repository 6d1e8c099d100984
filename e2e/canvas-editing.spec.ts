import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { canvas, editorSelection, flowNode, loadText, offsetOf, pasteText, openDesigner, selectedNodeId, selectText, storeText } from './designer'

/**
 * Canvas gestures against the built page, each checked on the exact text it
 * leaves. The workflow is written as the printer writes it (a canvas edit
 * reprints the declaration it changes); the jobs are written loosely, and an
 * edit of the workflow must leave them byte for byte.
 */

const indent = (depth: number) => '\t'.repeat(depth)
const step = (name: string, activity: string, depth = 2, extra: string[] = []) =>
  [`${name} {`, `\tactivity "${activity}"`, ...extra.map((line) => `\t${line}`), '}'].map((line) => indent(depth) + line).join('\n')
const parallel = (...branches: string[]) => [`${indent(2)}parallel {`, ...branches, `${indent(2)}}`].join('\n')
const charge = (depth = 2) =>
  [`${indent(depth)}// Charge only what was validated.`, step('charge', 'payments.charge', depth, ['input {', '\ttotal: "steps.validate.output.total"', '}'])].join('\n')

const VALIDATE = step('validate', 'orders.validate')
const CHARGE = charge()
const RESERVE = step('reserve', 'stock.reserve', 3)
const NOTIFY = step('notify', 'mail.notify', 3)
const CONFIRM = step('confirm', 'mail.confirm')
const JOBS = 'job   cleanup {  task "sessions.cleanup"   queue "low_priority" }\n\njob report{task "reports.build"}\n'

/** The file: a header comment, workflow `orders` holding `entries`, then two loosely written jobs. */
const file = (...entries: string[]) =>
  ['// The shop.', 'workflow orders {', '\ttrigger manual', '\tsteps {', ...entries, '\t}', '}', '', JOBS].join('\n')

/** validate, charge (reads steps.validate), parallel { reserve notify }, confirm. */
const TEXT = file(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM)

const node = (page: Page, name: string) => flowNode(page, `orders/${name}`)
const marker = (page: Page) => page.getByTestId('drop-marker')
const notices = (page: Page) => page.getByTestId('notices')

async function open(page: Page, text = TEXT): Promise<void> {
  await openDesigner(page)
  await loadText(page, text)
  await expect(node(page, 'validate')).toBeVisible()
}

async function expectText(page: Page, expected: string): Promise<void> {
  await expect.poll(() => storeText(page)).toBe(expected)
}

type Point = { x: number; y: number }

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not on screen')
  return found
}

const centreOf = async (locator: Locator): Promise<Point> => {
  const { x, y, width, height } = await box(locator)
  return { x: x + width / 2, y: y + height / 2 }
}

/** The point midway between the bottom of `upper` and the top of `lower`, on the flow's centre line. */
async function between(upper: Locator, lower: Locator): Promise<Point> {
  const a = await box(upper)
  const b = await box(lower)
  return { x: b.x + b.width / 2, y: (a.y + a.height + b.y) / 2 }
}

/** Drags `source` with the mouse to `to` in small moves, checking the insertion marker shows (or not) before dropping. */
async function drag(page: Page, source: Locator, to: Point, expectMarker = true): Promise<void> {
  const from = await centreOf(source)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  const moves = 8
  for (let i = 1; i <= moves; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / moves, from.y + ((to.y - from.y) * i) / moves)
  if (expectMarker) await expect(marker(page)).toBeVisible()
  else await expect(marker(page)).toHaveCount(0)
  await page.mouse.up()
  await expect(marker(page)).toHaveCount(0)
}

test.describe('dragging steps', () => {
  test('reorder: a step dropped between two steps moves there, with its comment', async ({ page }) => {
    await open(page)
    await drag(page, node(page, 'charge'), await between(node(page, 'confirm'), node(page, '@end')))
    await expectText(page, file(VALIDATE, parallel(RESERVE, NOTIFY), CONFIRM, CHARGE))
    // The picture follows: charge is now last.
    const confirm = await box(node(page, 'confirm'))
    await expect.poll(async () => (await box(node(page, 'charge'))).y).toBeGreaterThan(confirm.y)
  })

  test('into a parallel block: a step dropped in its lanes becomes a branch', async ({ page }) => {
    await open(page)
    const reserve = await box(node(page, 'reserve'))
    // Over the right edge of the first lane: between reserve and notify.
    await drag(page, node(page, 'validate'), { x: reserve.x + reserve.width - 4, y: reserve.y + reserve.height / 2 })
    await expectText(page, file(CHARGE, parallel(RESERVE, step('validate', 'orders.validate', 3), NOTIFY), CONFIRM))
  })

  test('out of a parallel block: a dragged-out branch becomes a step; a block left with none disappears', async ({ page }) => {
    await open(page)
    await drag(page, node(page, 'notify'), await between(node(page, 'validate'), node(page, 'charge')))
    await expectText(page, file(VALIDATE, step('notify', 'mail.notify'), CHARGE, parallel(RESERVE), CONFIRM))

    await drag(page, node(page, 'reserve'), await between(node(page, 'confirm'), node(page, '@end')))
    await expectText(page, file(VALIDATE, step('notify', 'mail.notify'), CHARGE, CONFIRM, step('reserve', 'stock.reserve')))
    await expect(node(page, '@parallel-0')).toHaveCount(0)
  })

  test('wrap: a step dropped on another step’s side runs in parallel with it', async ({ page }) => {
    await open(page)
    const confirm = await box(node(page, 'confirm'))
    await drag(page, node(page, 'validate'), { x: confirm.x + confirm.width - 10, y: confirm.y + confirm.height / 2 })
    const wrapped = parallel(step('confirm', 'mail.confirm', 3), step('validate', 'orders.validate', 3))
    await expectText(page, file(CHARGE, parallel(RESERVE, NOTIFY), wrapped))
    await expect(node(page, '@parallel-1')).toBeVisible()
  })

  test('a drop where nothing is allowed changes nothing: the node snaps back', async ({ page }) => {
    await open(page)
    // Where the step stands in the picture: relative to the trigger (dragging near the canvas's edge may pan the view).
    const placeOf = async () => {
      const [step, start] = [await box(node(page, 'charge')), await box(node(page, '@trigger'))]
      return { dx: Math.round(step.x - start.x), dy: Math.round(step.y - start.y) }
    }
    const before = await placeOf()
    const trigger = await box(node(page, '@trigger'))
    // Above the middle of the trigger: nothing goes before the trigger.
    await drag(page, node(page, 'charge'), { x: trigger.x + trigger.width / 2, y: trigger.y + 5 }, false)
    expect(await storeText(page)).toBe(TEXT)
    await expect.poll(placeOf).toEqual(before)
  })

  test('an edit leaves the text cursor where it was, and undo brings the text back', async ({ page }) => {
    await open(page)
    // The caret stays in workflow orders (in a job, the canvas would follow it to the jobs board).
    const end = await offsetOf(page, '\n}\n\njob')
    await selectText(page, { start: end, end })
    await drag(page, node(page, 'confirm'), await between(node(page, 'validate'), node(page, 'charge')))
    const moved = file(VALIDATE, CONFIRM, CHARGE, parallel(RESERVE, NOTIFY))
    await expectText(page, moved)
    // The cursor is still at the end of the workflow (an offset that did not move: the text before it is as long as before).
    const cursor = moved.indexOf('\n}\n\njob')
    await expect.poll(() => editorSelection(page)).toEqual({ start: cursor, end: cursor })

    await canvas(page).locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await expectText(page, TEXT)
    await page.keyboard.press('Control+Shift+z')
    await expectText(page, moved)
  })
})

test.describe('the palette', () => {
  /** Drags a palette item (HTML5 drag and drop) to `to`. */
  async function dragItem(page: Page, kind: string, to: Point, expectMarker = true): Promise<void> {
    const item = page.getByTestId('palette').locator(`[data-kind="${kind}"]`)
    const from = await centreOf(item)
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    for (let i = 1; i <= 6; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 6, from.y + ((to.y - from.y) * i) / 6)
    if (expectMarker) await expect(marker(page)).toBeVisible()
    await page.mouse.up()
    await expect(marker(page)).toHaveCount(0)
  }

  test('a step dropped on an edge is inserted there', async ({ page }) => {
    await open(page)
    const edge = await between(node(page, 'validate'), node(page, 'charge'))
    await dragItem(page, 'step', edge)
    await expectText(page, file(VALIDATE, step('step_1', 'todo.activity'), CHARGE, parallel(RESERVE, NOTIFY), CONFIRM))
    await expect(node(page, 'step_1')).toHaveClass(/\bselected\b/)
  })

  test('a step dropped on empty canvas goes at the end; another one gets the next free name', async ({ page }) => {
    await open(page)
    const pane = await box(canvas(page))
    await dragItem(page, 'step', { x: pane.x + 40, y: pane.y + pane.height - 40 })
    const once = file(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM, step('step_1', 'todo.activity'))
    await expectText(page, once)
    await dragItem(page, 'step', { x: pane.x + 40, y: pane.y + pane.height - 40 })
    await expectText(page, file(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM, step('step_1', 'todo.activity'), step('step_2', 'todo.activity')))
  })

  test('a step dropped on an empty file starts a workflow', async ({ page }) => {
    await openDesigner(page)
    await loadText(page, '// Nothing yet.\n')
    const pane = await box(canvas(page))
    await dragItem(page, 'step', { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 }, false)
    await expectText(page, '// Nothing yet.\n\nworkflow workflow_1 {\n\ttrigger manual\n\tsteps {\n\t\tstep_1 {\n\t\t\tactivity "todo.activity"\n\t\t}\n\t}\n}\n')
    await expect(flowNode(page, 'workflow_1/step_1')).toBeVisible()
  })

  test('a parallel block and a step dropped in its lane', async ({ page }) => {
    await open(page)
    await dragItem(page, 'parallel', await between(node(page, 'confirm'), node(page, '@end')))
    await expectText(page, file(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM, '\t\tparallel { }'))
    await dragItem(page, 'step', await centreOf(node(page, '@parallel-1')))
    await expectText(page, file(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM, parallel(step('step_1', 'todo.activity', 3))))
  })

  test('Enter on a palette item adds after the selected node; a workflow is added after the shown one', async ({ page }) => {
    await open(page)
    await node(page, 'validate').click()
    await page.getByTestId('palette').getByRole('button', { name: 'Add step' }).press('Enter')
    await expectText(page, file(VALIDATE, step('step_1', 'todo.activity'), CHARGE, parallel(RESERVE, NOTIFY), CONFIRM))
    await expect.poll(() => selectedNodeId(page)).toBe('orders/step_1')

    await page.getByTestId('palette').getByRole('button', { name: 'Add workflow' }).press('Enter')
    const workflow = 'workflow workflow_1 {\n\ttrigger manual\n\tsteps {\n\t\tstep_1 {\n\t\t\tactivity "todo.activity"\n\t\t}\n\t}\n}\n\n'
    const withStep = file(VALIDATE, step('step_1', 'todo.activity'), CHARGE, parallel(RESERVE, NOTIFY), CONFIRM)
    await expectText(page, withStep.replace(JOBS, workflow + JOBS))
    await expect(flowNode(page, 'workflow_1/step_1')).toBeVisible()
  })
})

test.describe('menus and keys', () => {
  test('Delete asks first when other steps read the step, then deletes', async ({ page }) => {
    await open(page)
    await node(page, 'validate').click()
    await page.keyboard.press('Delete')
    const dialog = page.getByRole('dialog', { name: 'Delete step validate?' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('steps.validate')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await storeText(page)).toBe(TEXT)

    await node(page, 'validate').click()
    await page.keyboard.press('Delete')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expectText(page, file(CHARGE, parallel(RESERVE, NOTIFY), CONFIRM))
    await expect(notices(page)).toContainText('1 reference to steps.validate remains in workflow orders.')
    // The next step takes the selection and the focus, so the keys go on working.
    await expect(node(page, 'charge')).toBeFocused()
  })

  test('Backspace deletes a step nothing reads at once', async ({ page }) => {
    await open(page)
    await node(page, 'confirm').click()
    await page.keyboard.press('Backspace')
    await expectText(page, file(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY)))
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })

  test('Ctrl+D duplicates a step with its comment and selects the copy', async ({ page }) => {
    await open(page)
    await node(page, 'charge').click()
    await page.keyboard.press('Control+d')
    await expectText(page, file(VALIDATE, CHARGE, CHARGE.replace('charge {', 'charge_copy {'), parallel(RESERVE, NOTIFY), CONFIRM))
    await expect.poll(() => selectedNodeId(page)).toBe('orders/charge_copy')
    await expect(node(page, 'charge_copy')).toBeFocused()
  })

  test('the context menu wraps a step with the next one and moves a branch out', async ({ page }) => {
    await open(page, file(VALIDATE, CONFIRM, parallel(RESERVE, NOTIFY)))
    await node(page, 'validate').click({ button: 'right' })
    const menu = page.getByRole('menu')
    await expect(menu.getByRole('menuitem')).toContainText(['Open in inspector', 'Insert step before', 'Insert step after'])
    await menu.getByRole('menuitem', { name: 'Wrap in parallel (with the next step)' }).click()
    const wrapped = parallel(step('validate', 'orders.validate', 3), step('confirm', 'mail.confirm', 3))
    await expectText(page, file(wrapped, parallel(RESERVE, NOTIFY)))

    // From the keyboard: the context-menu key on the focused node, then the arrow keys and Enter.
    await node(page, 'notify').click()
    await page.keyboard.press('Shift+F10')
    await expect(menu.getByRole('menuitem').first()).toBeFocused()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowUp')
    await expect(menu.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await expect(menu.getByRole('menuitem', { name: 'Move out of parallel' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expectText(page, file(wrapped, parallel(RESERVE), step('notify', 'mail.notify')))
    await expect(menu).toHaveCount(0)
  })

  test('the canvas’s own menu adds a step at the end', async ({ page }) => {
    await open(page)
    const pane = await box(canvas(page))
    await canvas(page).locator('.react-flow__pane').click({ button: 'right', position: { x: 30, y: pane.height / 2 } })
    const menu = page.getByRole('menu')
    await expect(menu.getByRole('menuitem')).toHaveText(['Add step', 'Add parallel block', 'Add workflow', 'Add job', 'Find steps, workflows and jobsCtrl+F'])
    await page.keyboard.press('Enter')
    await expectText(page, file(VALIDATE, CHARGE, parallel(RESERVE, NOTIFY), CONFIRM, step('step_1', 'todo.activity')))
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
  })

  test('the arrow keys move the selection along the flow; Enter opens the node in the inspector', async ({ page }) => {
    await open(page)
    await node(page, 'charge').click()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => selectedNodeId(page)).toBe('orders/reserve')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => selectedNodeId(page)).toBe('orders/notify')
    await expect(node(page, 'notify')).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => selectedNodeId(page)).toBe('orders/confirm')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => selectedNodeId(page)).toBe('orders/charge')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('inspector').getByTestId('inspector-title')).toHaveText(/^Step charge/)
    // Nothing moved: arrow keys never drag nodes.
    expect(await storeText(page)).toBe(TEXT)
  })

  test('a refusal is told, not ignored', async ({ page }) => {
    const only = file(VALIDATE)
    await open(page, only)
    await node(page, 'validate').click()
    await page.keyboard.press('Delete')
    await expect(notices(page).getByRole('status')).toContainText(
      'Cannot do that: "validate" is the only step of workflow orders, and CodeAI rejects a workflow with no steps.',
    )
    expect(await storeText(page)).toBe(only)
  })

  test('a workflow with a syntax error is read-only on the canvas, and says why', async ({ page }) => {
    await open(page)
    await pasteText(page, TEXT.replace('trigger manual', 'trigger manual ='))
    await expect(canvas(page)).toContainClass('cai-stale')
    await expect(canvas(page)).toContainText('Read-only: fix the syntax error first.')
    await expect(node(page, 'charge')).not.toContainClass('draggable')
    await canvas(page).click({ button: 'right', position: { x: 200, y: 200 } })
    await expect(page.getByRole('menu')).toHaveCount(0)
    await expect(notices(page)).toContainText('Workflow orders has a syntax error: fix the syntax error first.')
    await expect(page.getByTestId('palette').getByRole('button', { name: 'Add step' })).toBeDisabled()
  })
})

test.describe('the jobs board', () => {
  const lane = (page: Page, queue: string) => page.getByTestId('jobs').locator(`.react-flow__node[data-id="@queue/${queue}"]`)
  const card = (page: Page, job: string) => page.getByTestId('jobs').locator(`.react-flow__node[data-id="@job/${job}"]`)

  async function openBoard(page: Page) {
    await open(page)
    await page.getByRole('button', { name: 'Jobs', exact: true }).click()
    await expect(card(page, 'cleanup')).toBeVisible()
  }

  test('a job card dragged to another lane changes its queue; back to default writes queue "default"', async ({ page }) => {
    await openBoard(page)
    await drag(page, card(page, 'cleanup'), await centreOf(lane(page, 'critical')))
    const critical = 'job cleanup {\n\ttask "sessions.cleanup"\n\tqueue "critical"\n}\n\njob report{task "reports.build"}\n'
    await expectText(page, TEXT.replace(JOBS, critical))
    await expect(card(page, 'cleanup')).toBeVisible()

    await drag(page, card(page, 'report'), await centreOf(lane(page, 'low_priority')))
    await expectText(page, TEXT.replace(JOBS, critical.replace('job report{task "reports.build"}', 'job report {\n\ttask "reports.build"\n\tqueue "low_priority"\n}')))
    await drag(page, card(page, 'report'), await centreOf(lane(page, 'default')))
    await expectText(page, TEXT.replace(JOBS, critical.replace('job report{task "reports.build"}', 'job report {\n\ttask "reports.build"\n\tqueue "default"\n}')))
  })

  test('a job dropped on its own lane stays', async ({ page }) => {
    await openBoard(page)
    const { x, y, height } = await box(lane(page, 'low_priority'))
    await drag(page, card(page, 'cleanup'), { x: x + 20, y: y + height - 10 }, false)
    expect(await storeText(page)).toBe(TEXT)
  })

  test('a new job from the palette goes to the lane it is dropped on', async ({ page }) => {
    await openBoard(page)
    const item = page.getByTestId('palette').locator('[data-kind="job"]')
    await item.dragTo(lane(page, 'critical'))
    await expectText(page, `${TEXT.trimEnd()}\n\njob job_1 {\n\ttask "todo.task"\n\tqueue "critical"\n}\n`)
    await expect(card(page, 'job_1')).toBeVisible()
  })
})
