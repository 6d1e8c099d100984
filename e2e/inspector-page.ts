/** Page helpers for the inspector's end-to-end tests. */
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'
import { flowNode, outline, storeText } from './designer'

export const inspector = (page: Page): Locator => page.getByTestId('inspector')

/** An inspector field by its exact label. */
export const field = (page: Page, label: string): Locator => inspector(page).getByLabel(label, { exact: true })

/** The messages shown under a field (what its aria-describedby points at). */
export async function fieldMessages(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? []
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).innerText()))
  return texts.join('\n')
}

/** Selects a node on the canvas and waits for the inspector to show it. */
export async function selectOnCanvas(page: Page, id: string, title: RegExp): Promise<void> {
  await flowNode(page, id).click()
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText(title)
}

/** Chooses a workflow in the outline (no node selected): the inspector shows the workflow. */
export async function selectWorkflow(page: Page, name: string): Promise<void> {
  await outline(page).getByRole('button', { name, exact: true }).click()
  await expect(inspector(page).getByTestId('inspector-title')).toHaveText(`Workflow ${name}`)
}

/** Types a value into a field replacing its content, and commits it with Enter. */
export async function commit(input: Locator, value: string): Promise<void> {
  await input.fill(value)
  await input.press('Enter')
}

/** `text` with the one occurrence of `from` replaced by `to` (failing when it is not exactly one). */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from)
  if (first < 0 || text.indexOf(from, first + 1) >= 0) throw new Error(`"${from}" is not in the text exactly once`)
  return text.slice(0, first) + to + text.slice(first + from.length)
}

/** Waits until the store's text is exactly `expected`. */
export async function expectText(page: Page, expected: string): Promise<void> {
  await expect.poll(() => storeText(page)).toBe(expected)
}
