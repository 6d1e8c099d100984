import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { canvas, flowNode, openDesigner, problems, storeText } from './designer'

/**
 * Markup and script that must stay text wherever a user's file or link can put
 * it. Each one, if it ever ran, would set window.__xss (or open a dialog). The
 * language allows any character but `"` inside strings, so none has one.
 */
const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  "<img src=x onerror='window.__xss=1'>",
  '<script>window.__xss=1</script>',
  '<script src=data:text/javascript,window.__xss=1></script>',
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  "'><svg onload=window.__xss=1>",
  "'><script>window.__xss=1</script>",
  '</textarea><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '</style><script>window.__xss=1</script>',
  '</script><script>window.__xss=1</script>',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg/onload=window.__xss=1>',
  '<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>',
  '<body onload=window.__xss=1>',
  '<iframe src=javascript:window.__xss=1></iframe>',
  "<iframe srcdoc='<script>parent.__xss=1</script>'></iframe>",
  '<object data=javascript:window.__xss=1></object>',
  '<embed src=javascript:window.__xss=1>',
  '<a href=javascript:window.__xss=1>click</a>',
  "<a href='javascript:window.__xss=1'>click</a>",
  '<form action=javascript:window.__xss=1><button>go</button></form>',
  '<input autofocus onfocus=window.__xss=1>',
  '<select autofocus onfocus=window.__xss=1>',
  '<textarea autofocus onfocus=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<video><source onerror=window.__xss=1></video>',
  '<audio src=x onerror=window.__xss=1>',
  '<marquee onstart=window.__xss=1>',
  '<div onmouseover=window.__xss=1>hover</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  "<noscript><p title='</noscript><img src=x onerror=window.__xss=1>'>",
  '<base href=javascript:window.__xss=1//>',
  '<link rel=stylesheet href=javascript:window.__xss=1>',
  "<meta http-equiv=refresh content='0;url=javascript:window.__xss=1'>",
  "<style>@import 'javascript:window.__xss=1';</style>",
  "<div style='background:url(javascript:window.__xss=1)'>",
  '<img src=1 href=1 onerror=javascript:window.__xss=1>',
  '<svg><a xlink:href=javascript:window.__xss=1><text x=20 y=20>x</text></a></svg>',
  '<svg><foreignObject><img src=x onerror=window.__xss=1></foreignObject></svg>',
  '<template><img src=x onerror=window.__xss=1></template>',
  "{{constructor.constructor('window.__xss=1')()}}",
  '${window.__xss=1}',
  '#{window.__xss=1}',
  '%3Cscript%3Ewindow.__xss=1%3C/script%3E',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<<img src=x onerror=window.__xss=1>',
  "<img src=x:window.__xss=1 onerror=eval(src)>",
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==',
  '<![CDATA[<script>window.__xss=1</script>]]>',
  '<!--<img src=x onerror=window.__xss=1>-->',
  "<?xml version='1.0'?><x:script xmlns:x='http://www.w3.org/1999/xhtml'>window.__xss=1</x:script>",
  'steps.<img src=x onerror=window.__xss=1>.output',
  "'-window.__xss=1-'",
  "';window.__xss=1;//",
  '<img src=x onerror=alert(document.domain)>',
]

/** A document with every payload in every string and comment: activities, inputs, conditions, triggers, timeouts, jobs. */
function hostileDocument(): string {
  const parts: string[] = []
  PAYLOADS.forEach((payload, n) => {
    parts.push(`// ${payload}`)
    if (!payload.includes('*/')) parts.push(`/* ${payload} */`)
    parts.push(
      `workflow w_${n} {`,
      `\ttrigger event "${payload}" // ${payload}`,
      `\ttimeout "${payload}"`,
      '\tsteps {',
      `\t\tstep_${n} {`,
      `\t\t\tactivity "${payload}"`,
      '\t\t\tinput {',
      `\t\t\t\tvalue: "${payload}"`,
      `\t\t\t\tref: "steps.${payload}.output"`,
      '\t\t\t}',
      `\t\t\tif "${payload}"`,
      '\t\t}',
      '\t}',
      '\tretry {',
      `\t\tinitial_interval "${payload}"`,
      '\t}',
      '}',
      `job j_${n} {`,
      `\tschedule "${payload}"`,
      `\ttask "${payload}"`,
      `\tqueue "${payload}"`,
      '}',
      '',
    )
  })
  return parts.join('\n')
}

const base64url = (bytes: Buffer) => bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const linkTo = (text: string, name: string, workflow: string, viewOnly = false) =>
  `#cai=1&name=${encodeURIComponent(name)}&wf=${encodeURIComponent(workflow)}${viewOnly ? '&view=1' : ''}&z=${base64url(deflateSync(Buffer.from(text, 'utf8')))}`

/** Records CSP violations and dialogs; makes alert() and friends harmless but visible. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen = { violations: [] as string[] }
    ;(window as unknown as { __seen: typeof seen }).__seen = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`)
    })
  })
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    if (dialog.type() !== 'beforeunload') dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return dialogs
}

/** Nothing from the payloads became markup or ran. */
async function expectNothingRan(page: Page, dialogs: string[]) {
  const report = await page.evaluate(() => {
    const handlers = [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`),
    )
    const scripts = [...document.scripts].filter((script) => !script.src || new URL(script.src).origin !== location.origin).map((script) => script.outerHTML.slice(0, 80))
    const dangerous = [...document.querySelectorAll('iframe, object, embed, frame, base, meta[http-equiv=refresh], img[src="x"], audio, video, marquee, details, template')].map(
      (element) => element.tagName,
    )
    const javascriptUrls = [...document.querySelectorAll('[href], [src], [action], [data]')].filter((element) =>
      ['href', 'src', 'action', 'data', 'xlink:href'].some((name) => /^\s*javascript:/i.test(element.getAttribute(name) ?? '')),
    ).length
    return {
      xss: (window as unknown as { __xss?: unknown }).__xss,
      violations: (window as unknown as { __seen: { violations: string[] } }).__seen.violations,
      handlers,
      scripts,
      dangerous,
      javascriptUrls,
    }
  })
  expect(report).toEqual({ xss: undefined, violations: [], handlers: [], scripts: [], dangerous: [], javascriptUrls: 0 })
  expect(dialogs).toEqual([])
}

test('the payload corpus is big enough and placeable', () => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(50)
  for (const payload of PAYLOADS) expect(payload).not.toContain('"')
})

test('payloads in names, activities, inputs, conditions and comments stay text everywhere', async ({ page }) => {
  test.setTimeout(90_000)
  const dialogs = await watch(page)
  await openDesigner(page)
  const text = hostileDocument()
  await page.evaluate((value) => window.__caiDesigner.setText(value), text)
  await expect.poll(() => storeText(page)).toBe(text)

  for (const n of [0, 2, 6, 12, 17, 31, 40]) {
    await page.evaluate((name) => window.__caiDesigner.getState().selectWorkflow(name), `w_${n}`)
    const node = flowNode(page, `w_${n}/step_${n}`)
    await expect(node).toBeVisible()
    // Shown as the very characters written.
    await expect(node).toContainText(PAYLOADS[n].slice(0, 20))
    await node.click()
    await expectNothingRan(page, dialogs)
  }
  // The problems list quotes values back: as text.
  await expect(problems(page)).toContainText('<')
  await page.getByRole('button', { name: 'Jobs', exact: true }).click()
  await expect(page.getByTestId('jobs')).toContainText(PAYLOADS[0])
  await expectNothingRan(page, dialogs)
  // The editor shows the text as text too.
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('<img src=x onerror=window.__xss=1>')
  await expectNothingRan(page, dialogs)
})

test('the exported SVG carries payloads as text only, and runs nothing when opened', async ({ page, browser }) => {
  const dialogs = await watch(page)
  await openDesigner(page)
  await page.evaluate((value) => window.__caiDesigner.setText(value), hostileDocument())
  await page.evaluate(() => window.__caiDesigner.getState().selectWorkflow('w_6'))
  await expect(flowNode(page, 'w_6/step_6')).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export' }).click()
  await page.getByRole('menuitem', { name: 'Export SVG' }).click()
  const svg = readFileSync(await (await download).path()).toString('utf8')
  expect(svg).toContain('&lt;svg onload=window.__xss=1&gt;')

  const structure = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
    const all = [...doc.querySelectorAll('*')]
    return {
      parsed: doc.documentElement.nodeName,
      scripts: doc.querySelectorAll('script').length,
      handlers: all.flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((a) => a.name)),
      links: all.filter((element) => [...element.attributes].some((attribute) => /href$/i.test(attribute.name) && /javascript:/i.test(attribute.value))).length,
      embedded: doc.querySelectorAll('iframe, object, embed, img, image, foreignObject foreignObject').length,
    }
  }, svg)
  expect(structure).toEqual({ parsed: 'svg', scripts: 0, handlers: [], links: 0, embedded: 0 })
  await expectNothingRan(page, dialogs)

  // Opened on its own, as someone receiving the picture would: no script runs.
  const file = join(mkdtempSync(join(tmpdir(), 'cai-svg-')), 'picture.svg')
  writeFileSync(file, svg)
  const viewer = await (await browser.newContext()).newPage()
  const viewerDialogs: string[] = []
  viewer.on('dialog', (dialog) => {
    viewerDialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await viewer.goto(`file://${file}`)
  expect(await viewer.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
  expect(viewerDialogs).toEqual([])
  await viewer.context().close()
})

test('payloads in file names stay text', async ({ page }) => {
  const dialogs = await watch(page)
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker
  })
  await openDesigner(page)
  for (const payload of PAYLOADS.slice(0, 12)) {
    const name = `${payload.replace(/[/\\]/g, '_')}.cai`
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('job a {\n\ttask "t"\n}\n') })
    await expect(page.getByRole('banner')).toContainText(name)
  }
  await page.getByRole('button', { name: 'Recent' }).click()
  await expect(page.getByRole('menu')).toContainText('<script>window.__xss=1<_script>.cai')
  await expectNothingRan(page, dialogs)
  // Downloads are named safely.
  const download = page.waitForEvent('download')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Download' }).click()
  expect((await download).suggestedFilename()).not.toMatch(/[<>:"/\\|?*]/)
})

test('payloads in link names, workflows and fragments stay text', async ({ page }) => {
  const dialogs = await watch(page)
  await openDesigner(page)
  for (const payload of PAYLOADS.slice(0, 20)) {
    const text = `workflow shown {\n\ttrigger manual\n\tsteps {\n\t\ta {\n\t\t\tactivity "${payload}"\n\t\t}\n\t}\n}\n`
    await page.goto(`./${linkTo(text, payload, payload)}`)
    await expect.poll(() => storeText(page)).toBe(text)
    await expect(page.getByRole('banner')).toContainText(payload)
    await expect(page.getByTestId('notices')).toContainText(payload)
    await expectNothingRan(page, dialogs)
  }
  // A fragment that is not a share link at all is left alone.
  for (const payload of PAYLOADS.slice(20, 30)) {
    await page.goto(`./#${payload}`)
    await expect(canvas(page)).toBeVisible()
  }
  await expectNothingRan(page, dialogs)
})

test('a view-only link with payloads stays text', async ({ page }) => {
  const dialogs = await watch(page)
  const payload = PAYLOADS[6]
  const text = `workflow shown {\n\ttrigger event "${payload}"\n\tsteps {\n\t\ta {\n\t\t\tactivity "${payload}"\n\t\t}\n\t}\n}\n`
  await page.goto(`./${linkTo(text, payload, 'shown', true)}`)
  await expect(page.getByTestId('view-only')).toContainText(payload)
  await expect(flowNode(page, 'shown/a')).toContainText(payload)
  await expectNothingRan(page, dialogs)
})
