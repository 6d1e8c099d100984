import { test, expect } from './fixtures'
import { flowNode, loadText, openDesigner, outline, pasteText, selectedNodeId, storeText } from './designer'
import { commit, expectText, field, fieldMessages, inspector, replaceOnce, selectOnCanvas, selectWorkflow } from './inspector-page'

test.describe('inspector: steps', () => {
  test('edits a step activity on Enter, and Escape puts the written value back', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectOnCanvas(page, 'order_fulfillment/validate_order', /^Step validate_order/)

    const activity = field(page, 'Activity')
    await expect(activity).toHaveValue('orders.validate')
    await activity.fill('orders.check_order')
    // Nothing is written while typing.
    expect(await storeText(page)).toBe(original)
    await activity.press('Enter')
    await expectText(page, replaceOnce(original, 'activity "orders.validate"', 'activity "orders.check_order"'))
    await expect(flowNode(page, 'order_fulfillment/validate_order')).toContainText('orders.check_order')

    await activity.fill('something.else')
    await activity.press('Escape')
    await expect(activity).toHaveValue('orders.check_order')
    await activity.blur()
    await expectText(page, replaceOnce(original, 'activity "orders.validate"', 'activity "orders.check_order"'))
  })

  test('adds, edits and removes an input mapping, offering earlier steps as completions', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectOnCanvas(page, 'order_fulfillment/check_inventory', /^Step check_inventory/)

    // Offered while a value field has the focus.
    await field(page, 'New input value').focus()
    const options = page.locator('#inspector-value-completions option')
    await expect(options.first()).toBeAttached()
    const completions = await options.evaluateAll((found) => found.map((option) => (option as HTMLOptionElement).value))
    expect(completions).toContain('workflow.input.')
    expect(completions).toContain('config.')
    expect(completions).toContain('steps.validate_order.output.')
    expect(completions).toContain('steps.validate_order.output.items')
    expect(completions.filter((value) => value.startsWith('steps.') && !value.startsWith('steps.validate_order.'))).toEqual([])
    await expect(field(page, 'New input value')).toHaveAttribute('list', 'inspector-value-completions')

    const itemsLine = '\t\t\t\titems: "steps.validate_order.output.items"\n'
    await field(page, 'New input key').fill('warehouse')
    await commit(field(page, 'New input value'), 'config.warehouse.id')
    const added = replaceOnce(original, itemsLine, `${itemsLine}\t\t\t\twarehouse: "config.warehouse.id"\n`)
    await expectText(page, added)
    await expect(field(page, 'New input key')).toHaveValue('')

    await commit(field(page, 'Value of input warehouse'), 'config.warehouses.main')
    const edited = replaceOnce(original, itemsLine, `${itemsLine}\t\t\t\twarehouse: "config.warehouses.main"\n`)
    await expectText(page, edited)

    await commit(field(page, 'Key of input warehouse'), 'warehouse_id')
    await expectText(page, replaceOnce(original, itemsLine, `${itemsLine}\t\t\t\twarehouse_id: "config.warehouses.main"\n`))

    await inspector(page).getByRole('button', { name: 'Remove input warehouse_id' }).click()
    await expectText(page, original)
    await expect(field(page, 'Value of input warehouse_id')).toHaveCount(0)
  })

  test('sets a condition and removes it when left blank', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectOnCanvas(page, 'order_fulfillment/send_confirmation', /^Step send_confirmation/)

    const totalLine = '\t\t\t\ttotal: "steps.validate_order.output.total"\n\t\t\t}\n'
    await commit(field(page, 'Condition (if)'), 'steps.process_payment.output.ok == true')
    await expectText(page, replaceOnce(original, totalLine, `${totalLine}\t\t\tif "steps.process_payment.output.ok == true"\n`))

    await commit(field(page, 'Condition (if)'), '')
    await expectText(page, original)
  })

  test('renames a step, rewriting the references to it, and keeps it selected', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectOnCanvas(page, 'order_fulfillment/validate_order', /^Step validate_order/)

    await commit(field(page, 'Name'), 'check_order')
    // Only order_fulfillment, the first workflow, changes.
    const end = original.indexOf('workflow daily_sales_report')
    const fulfillment = original.slice(0, end)
    const renamed = replaceOnce(fulfillment, '\t\tvalidate_order {', '\t\tcheck_order {').replaceAll('steps.validate_order.', 'steps.check_order.')
    const expected = renamed + original.slice(end)
    await expectText(page, expected)
    expect(fulfillment.split('steps.validate_order.').length - 1).toBe(3)
    await expect(inspector(page).getByTestId('inspector-notice')).toHaveText('3 references updated')
    await expect(inspector(page).getByTestId('inspector-title')).toHaveText(/^Step check_order/)
    expect(await selectedNodeId(page)).toBe('order_fulfillment/check_order')
    await expect(flowNode(page, 'order_fulfillment/check_order')).toBeVisible()
  })
})

test.describe('inspector: refusals', () => {
  test('a step name or activity CodeAI would reject is explained and not written', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectOnCanvas(page, 'order_fulfillment/check_inventory', /^Step check_inventory/)

    const name = field(page, 'Name')
    await name.fill('timeout')
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(await fieldMessages(name)).toContain('"timeout" is a reserved word and cannot name a step')
    await name.press('Enter')
    await name.blur()
    expect(await storeText(page)).toBe(original)
    await expect(name).toHaveValue('timeout')

    await name.fill('validate_order')
    await name.press('Enter')
    expect(await fieldMessages(name)).toContain('there is already a step named "validate_order"')

    await name.press('Escape')
    await expect(name).toHaveValue('check_inventory')
    await expect(name).toHaveAttribute('aria-invalid', 'false')

    const activity = field(page, 'Activity')
    await commit(activity, 'inventory."check"')
    await expect(activity).toHaveAttribute('aria-invalid', 'true')
    expect(await fieldMessages(activity)).toContain('a value cannot contain a double quote (")')
    expect(await storeText(page)).toBe(original)
  })

  test('an invalid cron, event name or duration is refused', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectWorkflow(page, 'daily_sales_report')

    const cron = field(page, 'Schedule (cron)')
    await commit(cron, '0 6 * * 7')
    await expect(cron).toHaveAttribute('aria-invalid', 'true')
    expect(await fieldMessages(cron)).toMatch(/workflow "daily_sales_report": schedule "0 6 \* \* 7": /)
    await cron.blur()
    expect(await storeText(page)).toBe(original)

    const timeout = field(page, 'Timeout')
    await commit(timeout, '1d')
    await expect(timeout).toHaveAttribute('aria-invalid', 'true')
    expect(await storeText(page)).toBe(original)
    await selectWorkflow(page, 'order_fulfillment')
    const event = field(page, 'Event name')
    await commit(event, 'order-created')
    await expect(event).toHaveAttribute('aria-invalid', 'true')
    expect(await fieldMessages(event)).toContain('event "order-created" is not a valid event name')
    expect(await storeText(page)).toBe(original)
  })
})

test.describe('inspector: workflows', () => {
  test('changes a manual trigger to a schedule, showing it in words with its next five runs', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectWorkflow(page, 'user_onboarding')

    await field(page, 'Type').selectOption('schedule')
    const cron = field(page, 'Schedule (cron)')
    await expect(cron).toBeFocused()
    // The type changes with its value, in one step.
    expect(await storeText(page)).toBe(original)

    await cron.pressSequentially('30 7 * * 1-5')
    await expect(inspector(page).getByTestId('schedule-words')).toHaveText('At 07:30 AM, Monday through Friday')
    const runs = inspector(page).getByTestId('schedule-runs').locator('li')
    await expect(runs).toHaveCount(5)
    for (const run of await runs.allInnerTexts()) expect(run).toMatch(/^(Mon|Tue|Wed|Thu|Fri) \d{4}-\d{2}-\d{2} 07:30 UTC$/)

    await cron.press('Enter')
    await expectText(page, replaceOnce(original, 'trigger manual', 'trigger schedule "30 7 * * 1-5"'))
    await expect(flowNode(page, 'user_onboarding/@trigger')).toContainText('30 7 * * 1-5')
    await expect(field(page, 'Type')).toHaveValue('schedule')
  })

  test('edits the timeout in place, showing it in words', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectWorkflow(page, 'daily_sales_report')
    const timeout = field(page, 'Timeout')
    await timeout.fill('1h30m')
    expect(await fieldMessages(timeout)).toBe('1 hour 30 minutes')
    await timeout.press('Enter')
    const trigger = 'trigger schedule "0 6 * * *"\n'
    await expectText(page, replaceOnce(original, `${trigger}\ttimeout "1h"\n`, `${trigger}\ttimeout "1h30m"\n`))
  })

  test('edits the retry fields, showing the resulting delays in words', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectWorkflow(page, 'daily_sales_report')
    const summary = inspector(page).getByTestId('retry-summary')
    await expect(summary).toHaveText('then 1m, 2m, 4m; gives up after 4 attempts, 7m')

    const retryBlock = (attempts: number, interval: string, multiplier: string) =>
      `retry {\n\t\tmax_attempts ${attempts}\n\t\tinitial_interval "${interval}"\n\t\tbackoff_multiplier ${multiplier}\n\t}`
    const attempts = field(page, 'Max attempts (the first included; 0: unlimited)')
    await attempts.fill('5')
    // A preview while typing; nothing written yet.
    await expect(summary).toHaveText('then 1m, 2m, 4m, 8m; gives up after 5 attempts, 15m')
    expect(await storeText(page)).toBe(original)
    await attempts.press('Enter')
    await expectText(page, replaceOnce(original, retryBlock(4, '1m', '2.0'), retryBlock(5, '1m', '2.0')))

    await commit(field(page, 'Initial interval'), '10s')
    await expectText(page, replaceOnce(original, retryBlock(4, '1m', '2.0'), retryBlock(5, '10s', '2.0')))
    await expect(summary).toHaveText('then 10s, 20s, 40s, 1m20s; gives up after 5 attempts, 2m30s')

    // A whole number is written as CodeAI wants a multiplier: with a decimal point.
    await commit(field(page, 'Backoff multiplier'), '3')
    const expected = replaceOnce(original, retryBlock(4, '1m', '2.0'), retryBlock(5, '10s', '3.0'))
    await expectText(page, expected)
    await expect(summary).toHaveText('then 10s, 30s, 1m30s, 4m30s; gives up after 5 attempts, 6m40s')

    // A zero interval is accepted by CodeAI: written, with the designer's warning.
    const interval = field(page, 'Initial interval')
    await commit(interval, '0s')
    const zero = replaceOnce(original, retryBlock(4, '1m', '2.0'), retryBlock(5, '0s', '3.0'))
    await expectText(page, zero)
    await expect(interval).toHaveAttribute('aria-invalid', 'false')
    expect(await fieldMessages(interval)).toContain(
      'retry initial_interval "0s" is zero, so retries follow each other without a pause; use a positive duration',
    )

    // 0 is Temporal's "unlimited": written, and said in words.
    await commit(attempts, '0')
    const unlimited = replaceOnce(original, retryBlock(4, '1m', '2.0'), retryBlock(0, '0s', '3.0'))
    await expectText(page, unlimited)
    await expect(summary).toContainText('unlimited attempts until the workflow timeout')

    await commit(attempts, '-1')
    await expect(attempts).toHaveAttribute('aria-invalid', 'true')
    expect(await storeText(page)).toBe(unlimited)
  })

  test('an empty timeout gets a Remove button that deletes its line as one undo step', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    const withEmpty = replaceOnce(original, '\ttimeout "2h"\n', '\ttimeout ""\n')
    await loadText(page, withEmpty)
    // Its outline entry now carries the warning's badge.
    await outline(page).getByRole('button', { name: /^order_fulfillment/ }).click()
    await expect(inspector(page).getByTestId('inspector-title')).toHaveText('Workflow order_fulfillment')
    const timeout = field(page, 'Timeout')
    expect(await fieldMessages(timeout)).toContain('timeout "" is empty, which CodeAI accepts')
    await inspector(page).getByRole('button', { name: 'Remove the empty timeout' }).click()
    await expectText(page, replaceOnce(original, '\ttimeout "2h"\n', ''))
    await expect(inspector(page).getByTestId('remove-empty-value')).toHaveCount(0)

    await page.locator('.cai-toolbar').getByRole('button', { name: /^Undo/ }).click()
    await expectText(page, withEmpty)
  })

  test('a broken workflow is shown read-only, saying why', async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await selectWorkflow(page, 'user_onboarding')
    const broken = replaceOnce(original, 'trigger manual\n\ttimeout "30m"', 'trigger manual\n\ttimeout 30m')
    await pasteText(page, broken)

    await expect(inspector(page).getByTestId('inspector-read-only')).toContainText('The workflow user_onboarding has syntax errors (line')
    await expect(field(page, 'Timeout')).toHaveAttribute('readonly', '')
    await expect(field(page, 'Type')).toBeDisabled()
    await expect(inspector(page).getByRole('button', { name: 'Remove retry policy' })).toHaveCount(0)
  })
})

test.describe('inspector: jobs', () => {
  test("edits a job's queue: one of the file's, or a new one", async ({ page }) => {
    await openDesigner(page)
    const original = await storeText(page)
    await page.getByRole('group', { name: 'Canvas view' }).getByRole('button', { name: 'Jobs' }).click()
    await expect(page.getByTestId('jobs').locator('.react-flow__node').first()).toBeVisible()
    await selectOnCanvas(page, '@job/send_reminders', /^Job send_reminders$/)

    const queue = field(page, 'Queue')
    await expect(queue).toHaveValue('default')
    const choices = await queue.locator('option').allInnerTexts()
    expect(choices).toEqual(['none (default)', 'low_priority', 'critical', 'default', 'New queue…'])

    const reminders = 'task "notifications.send_pending_reminders"\n\tqueue '
    await queue.selectOption('critical')
    const critical = replaceOnce(original, `${reminders}"default"`, `${reminders}"critical"`)
    await expectText(page, critical)

    await queue.selectOption({ label: 'New queue…' })
    const name = field(page, 'New queue name')
    await expect(name).toBeFocused()
    await commit(name, 'low-priority')
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(await storeText(page)).toBe(critical)

    await commit(name, 'reminders')
    await expectText(page, replaceOnce(original, `${reminders}"default"`, `${reminders}"reminders"`))
    await expect(queue).toHaveValue('reminders')
    expect(await fieldMessages(queue)).toContain('queue "reminders" is not one of critical, default, low_priority')
  })
})

test.describe('inspector: panel', () => {
  test('is hidden by its own button and brought back from the toolbar', async ({ page }) => {
    await openDesigner(page)
    const toggle = page.locator('.cai-toolbar').getByRole('button', { name: 'Inspector', exact: true })
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await inspector(page).getByRole('button', { name: 'Hide the inspector' }).click()
    await expect(inspector(page)).toHaveCount(0)
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await toggle.click()
    await expect(inspector(page)).toBeVisible()
    await expect(inspector(page).getByTestId('inspector-title')).toHaveText('Workflow order_fulfillment')
  })

  test('shows values from the file as text, never as markup', async ({ page }) => {
    await openDesigner(page)
    const markup = '<img src=x onerror=window.__pwned=1><b>bold</b>'
    const step = `\t\ta {\n\t\t\tactivity "${markup}"\n\t\t\tinput {\n\t\t\t\tk: "${markup}"\n\t\t\t}\n\t\t}\n`
    await loadText(page, `workflow w {\n\ttrigger manual\n\tsteps {\n${step}\t}\n}\n`)
    await selectOnCanvas(page, 'w/a', /^Step a/)
    await expect(field(page, 'Activity')).toHaveValue(markup)
    await expect(field(page, 'Value of input k')).toHaveValue(markup)
    await expect(inspector(page).locator('img, b')).toHaveCount(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  })

  test('a value spanning lines is read-only, so its line breaks are never dropped', async ({ page }) => {
    await openDesigner(page)
    const text = 'workflow w {\n\ttrigger manual\n\tsteps {\n\t\ta {\n\t\t\tactivity "x"\n\t\t\tinput {\n\t\t\t\tmsg: "Hello\nWorld"\n\t\t\t}\n\t\t}\n\t}\n}\n'
    await loadText(page, text)
    await selectOnCanvas(page, 'w/a', /^Step a/)
    const value = field(page, 'Value of input msg')
    await expect(value).toHaveAttribute('readonly', '')
    await expect(inspector(page)).toContainText('This value spans several lines: edit it in the text.')
    await value.focus()
    await page.keyboard.type('more')
    await value.blur()
    expect(await storeText(page)).toBe(text)
  })
})

