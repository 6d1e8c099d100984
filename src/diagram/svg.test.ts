import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { workflowDiagram } from './graph'
import { workflowSvg, workflowsSvg } from './svg'
import { parseWorkflow, parseWorkflows } from './test-workflows'
import { xmlProblems } from './test-xml'
import { DARK_THEME } from './theme'
import { xmlChars, xmlEscape } from './xml'

const example = parseWorkflows(readFileSync('examples/09-workflows/with_workflows.cai', 'utf8'))

const unescape = (value: string) => value.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
const attributeValues = (svg: string, name: string) => [...svg.matchAll(new RegExp(` ${name}="([^"]*)"`, 'g'))].map((m) => unescape(m[1]))

describe('xmlChars and xmlEscape', () => {
  it('replaces what XML 1.0 cannot hold and keeps everything else', () => {
    expect(xmlChars('a\u0000b\u0001\u001f')).toBe('a\u2400b\u2401\u241f')
    expect(xmlChars('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r')
    expect(xmlChars('\uFFFE\uFFFF')).toBe('\uFFFD\uFFFD')
    expect(xmlChars('lone \uD800 and \uDC00, pair 😀')).toBe('lone \uFFFD and \uFFFD, pair 😀')
    expect(xmlChars('\u007f\u0085 é 中')).toBe('\u007f\u0085 é 中')
  })

  it('escapes markup, quotes and the line breaks an attribute would lose', () => {
    expect(xmlEscape(`<a href="x" onload='y'>&</a>\n`)).toBe('&lt;a href=&quot;x&quot; onload=&apos;y&apos;&gt;&amp;&lt;/a&gt;&#10;')
  })
})

describe('workflowSvg', () => {
  it('draws every node and every edge of the diagram, as vector shapes and text', () => {
    for (const workflow of example) {
      const svg = workflowSvg(workflow, { dataFlow: true })
      const diagram = workflowDiagram(workflow, { dataFlow: true })
      expect(attributeValues(svg, 'data-node').sort()).toEqual(diagram.nodes.map((n) => n.id).sort())
      expect(attributeValues(svg, 'data-edge').sort()).toEqual(diagram.edges.map((e) => e.id).sort())
      expect(svg).not.toMatch(/foreignObject|<div|<span/)
      expect(xmlProblems(svg)).toEqual([])
    }
  })

  it('labels conditional edges and their dashed skip bypasses', () => {
    const workflow = example.find((w) => w.name === 'order_fulfillment')!
    const svg = workflowSvg(workflow)
    expect(svg).toContain('data-edge="skip:order_fulfillment/process_payment"')
    expect(svg).toMatch(/data-edge="skip:[^"]+" d="[^"]+" fill="none" stroke="[^"]+" stroke-width="1.5" stroke-dasharray="6 4"/)
    expect(svg.match(/>skip<\/text>/g)).toHaveLength(1)
    expect(svg).toContain('>steps.check_inventory.output.all_av…</text>')
    // Cut on its edge, so written in full in the legend.
    expect(svg).toContain('process_payment: if steps.check_inventory.output.all_available == true')
  })

  it('writes no legend when every condition fits on its edge', () => {
    const svg = workflowSvg(parseWorkflow('workflow w {\n  trigger manual\n  steps {\n    a { activity "x.y" if "ok" }\n  }\n}\n'))
    expect(svg).toContain('>ok</text>')
    expect(svg).not.toContain('Conditions in full')
  })

  it('keeps a margin around everything, skip lanes and labels included', () => {
    const svg = workflowSvg(example[0])
    const [width, height] = [Number(/width="(\d+)"/.exec(svg)![1]), Number(/height="(\d+)"/.exec(svg)![1])]
    const xs = [...svg.matchAll(/<(?:rect|text) x="(-?[\d.]+)" y="(-?[\d.]+)"(?: width="([\d.]+)")?/g)]
    const translate = /translate\((-?[\d.]+) (-?[\d.]+)\)/.exec(svg)!
    for (const [, x, y, w] of xs) {
      const left = Number(x) + Number(translate[1])
      const top = Number(y) + Number(translate[2])
      expect(left).toBeGreaterThanOrEqual(0)
      expect(top).toBeGreaterThanOrEqual(0)
      if (w) expect(left + Number(w)).toBeLessThanOrEqual(width)
      expect(top).toBeLessThanOrEqual(height)
    }
  })

  it('parses as XML whatever the strings hold: control characters, lone surrogates, markup', () => {
    const nasty = '\u0000\u0001\u0008\u000b\u000c\u001f\uFFFE\uFFFF\uD800<script>alert(1)</script>&amp;\''
    const text = `workflow w {\n  trigger event "e${nasty}"\n  timeout "${nasty}"\n  steps {\n    a { activity "x${nasty}" input { k: "${nasty}" } if "${nasty}${'long '.repeat(20)}" }\n  }\n}\n`
    const svg = workflowSvg(parseWorkflow(text), { dataFlow: true, notes: new Map([['w', [`removed ${nasty}`]]]) })
    expect(xmlProblems(svg)).toEqual([])
    expect(svg).not.toMatch(/<script|<foreignObject|\son\w+=|href=/i)
    expect(svg).toContain('\u2400\u2401')
    expect(svg).toContain('&lt;script&gt;')
  })

  it('draws review marks with their notes, and the colours of the theme asked for', () => {
    const workflow = example[0]
    const marks = new Map([[`${workflow.name}/validate_order`, { state: 'changed' as const, note: 'changed: activity' }]])
    const svg = workflowSvg(workflow, { marks, theme: DARK_THEME })
    expect(svg).toContain(`data-mark="changed" data-mark-node="${workflow.name}/validate_order"`)
    expect(svg).toContain('>changed: activity</text>')
    expect(svg).toContain(`fill="${DARK_THEME.background}"`)
    expect(xmlProblems(svg)).toEqual([])
  })

  it('places several workflows side by side, and says so when there are none', () => {
    const svg = workflowsSvg(example)
    expect(attributeValues(svg, 'data-workflow')).toEqual(example.map((w) => w.name))
    expect(workflowsSvg([])).toContain('No workflows in this file.')
    expect(xmlProblems(workflowsSvg([]))).toEqual([])
  })

  it('is deterministic', () => {
    expect(workflowsSvg(example, { dataFlow: true })).toBe(workflowsSvg(parseWorkflows(readFileSync('examples/09-workflows/with_workflows.cai', 'utf8')), { dataFlow: true }))
  })
})

describe('xmlProblems (the test check itself)', () => {
  it('finds what a parser would reject', () => {
    expect(xmlProblems('<a><b></a>')).not.toEqual([])
    expect(xmlProblems('<a>\u0000</a>')).not.toEqual([])
    expect(xmlProblems('<a x="1" x="2"/>')).not.toEqual([])
    expect(xmlProblems('<a>&nbsp;</a>')).not.toEqual([])
    expect(xmlProblems('<a>&#0;</a>')).not.toEqual([])
    expect(xmlProblems('<a/><b/>')).not.toEqual([])
    expect(xmlProblems('<a t="&lt;&#10;">ok &amp; fine</a>')).toEqual([])
  })
})
