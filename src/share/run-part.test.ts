import { describe, expect, test } from 'vitest'
import { zlibSync } from 'fflate'
import { CODEAI_PROFILE, profileFromJson, type RuntimeProfile } from '../runtime/profile'
import { encodeBase64url } from './base64url'
import { decodeShareFragment, encodeShareFragment, type SharedDocument } from './codec'
import { decodeRunPart, encodeRunPart, MAX_LINK_SCENARIOS, MAX_RUN_BYTES } from './run-part'

const TEXT = 'workflow w {\n\ttrigger manual\n\tsteps {\n\t\ta {\n\t\t\tactivity "x.y"\n\t\t}\n\t}\n}\n'
const SCENARIO = '{\n  "steps": { "a": { "behaviour": "always-fails" } }\n}'

function profile(json: unknown): RuntimeProfile {
  const result = profileFromJson(json)
  if (!result.ok) throw new Error(result.errors.join('; '))
  return result.profile
}

/** A run part made of any JSON, as a hostile link could carry it. */
const packed = (json: unknown) => encodeBase64url(zlibSync(new TextEncoder().encode(JSON.stringify(json))))

function decoded(document: SharedDocument) {
  const result = decodeShareFragment(encodeShareFragment(document))
  if (result.kind !== 'document') throw new Error(`not decoded: ${JSON.stringify(result)}`)
  return result
}

describe('share links carry the runtime profile and the scenarios', () => {
  test('a changed profile and the scenarios round-trip, beside the text', () => {
    const changed = profile({ workflowTimeout: '2h', queues: { critical: 6, default: 3, low: 1, low_priority: 1 } })
    const result = decoded({ text: TEXT, name: 'a.cai', viewOnly: false, profile: changed, scenarios: { w: SCENARIO } })
    expect(result.document.text).toBe(TEXT)
    expect(result.document.profile).toEqual(changed)
    expect({ ...result.document.scenarios }).toEqual({ w: SCENARIO })
    expect(result.notices).toBeUndefined()
  })

  test('the default profile and no scenarios add nothing: the link is the same as before', () => {
    const plain = encodeShareFragment({ text: TEXT, name: 'a.cai', viewOnly: false })
    expect(encodeShareFragment({ text: TEXT, name: 'a.cai', viewOnly: false, profile: CODEAI_PROFILE, scenarios: {} })).toBe(plain)
    expect(plain).not.toContain('run=')
    expect(decoded({ text: TEXT, name: 'a.cai', viewOnly: false, profile: CODEAI_PROFILE }).document).toEqual({ text: TEXT, name: 'a.cai', viewOnly: false })
  })

  test('an old link (no run part) opens exactly as before', () => {
    const old = encodeShareFragment({ text: TEXT, name: 'old.cai', workflow: 'w', viewOnly: true })
    expect(decodeShareFragment(old)).toEqual({ kind: 'document', document: { text: TEXT, name: 'old.cai', workflow: 'w', viewOnly: true } })
  })

  test('the text payload stays last, so a link cut short is still caught', () => {
    const fragment = encodeShareFragment({ text: TEXT, name: 'a.cai', viewOnly: false, scenarios: { w: SCENARIO } })
    expect(fragment).toMatch(/&run=[A-Za-z0-9_-]+&z=[A-Za-z0-9_-]+$/)
    expect(decodeShareFragment(fragment.slice(0, -5))).toMatchObject({ kind: 'refused' })
  })

  test('blank and half-typed scenarios are left out, and only the workflows asked for are kept', () => {
    const run = encodeRunPart({ scenarios: { w: SCENARIO, blank: '  ', typing: '{"steps": ', gone: SCENARIO } }, new Set(['w', 'blank', 'typing']))
    expect({ ...decodeRunPart(run!).run.scenarios }).toEqual({ w: SCENARIO })
    expect(encodeRunPart({ scenarios: { typing: '{' } })).toBeUndefined()
  })
})

describe('a malformed or absurd run part is refused with a message, and the document still opens', () => {
  const withRun = (run: string) => {
    const fragment = encodeShareFragment({ text: TEXT, name: 'a.cai', viewOnly: false }).replace('&z=', `&run=${run}&z=`)
    const result = decodeShareFragment(fragment)
    if (result.kind !== 'document') throw new Error(`not opened: ${JSON.stringify(result)}`)
    expect(result.document.text).toBe(TEXT)
    return result
  }

  test.each([
    ['not base64url', '%%%', 'characters a share link never has'],
    ['not zlib', encodeBase64url(new TextEncoder().encode('hello, world')), 'not compressed the way share links are'],
    ['not JSON', encodeBase64url(zlibSync(new TextEncoder().encode('{profile'))), 'not valid JSON text'],
    ['not an object', packed([1, 2]), 'not a JSON object'],
    ['a newer format', packed({ v: 2, profile: {} }), 'another format (2)'],
    ['unknown fields', packed({ v: 1, settings: { theme: 'dark' } }), 'fields this designer does not know (settings)'],
  ])('%s', (_, run, why) => {
    const result = withRun(run)
    expect(result.document.profile).toBeUndefined()
    expect(result.document.scenarios).toBeUndefined()
    expect(result.notices).toHaveLength(1)
    expect(result.notices![0]).toContain(why)
    expect(result.notices![0]).toContain('The document opened without them.')
  })

  test('a zip bomb is refused after at most MAX_RUN_BYTES, never inflated whole', () => {
    const bomb = encodeBase64url(zlibSync(new Uint8Array(MAX_RUN_BYTES * 4).fill(32)))
    expect(withRun(bomb).notices![0]).toContain('over 1 MB')
  })

  test.each([
    [{ workflowTimeout: '-5m' }, 'workflowTimeout must be at least 1ms'],
    [{ concurrency: 1e12 }, 'concurrency must be between 1 and'],
    [{ queues: { critical: -6 } }, 'queues.critical must be between 1 and'],
    [{ defaultRetry: { maxAttempts: 'lots' } }, 'defaultRetry.maxAttempts must be a whole number'],
    [{ theme: 'dark' }, 'unknown field "theme"'],
    ['fast', 'a runtime profile is a JSON object'],
  ])('an absurd profile %j is refused, naming why; the scenarios still come', (bad, why) => {
    const result = withRun(packed({ v: 1, profile: bad, scenarios: { w: SCENARIO } }))
    expect(result.document.profile).toBeUndefined()
    expect({ ...result.document.scenarios }).toEqual({ w: SCENARIO })
    expect(result.notices).toEqual([expect.stringContaining(why)])
    expect(result.notices![0]).toMatch(/^The runtime profile in this link was refused .*: this view uses your own profile\.$/)
  })

  test('each bad scenario is refused by name; the good ones and the profile still come', () => {
    const result = withRun(
      packed({
        v: 1,
        profile: { concurrency: 20 },
        scenarios: { w: SCENARIO, broken: '{"steps": ', odd: '{"speed": "fast"}', 'not a name': SCENARIO, number: 42 },
      }),
    )
    expect(result.document.profile?.concurrency).toBe(20)
    expect({ ...result.document.scenarios }).toEqual({ w: SCENARIO })
    expect(result.notices).toEqual([
      'The dry-run scenario for workflow "broken" in this link was refused: it is not valid JSON.',
      'The dry-run scenario for workflow "odd" in this link was refused: unknown field "speed" (known: input, config, conditions, default, steps).',
      'The dry-run scenario for workflow "not a name" in this link was refused: its workflow name is not a name.',
      'The dry-run scenario for workflow "number" in this link was refused: it is not scenario text.',
    ])
  })

  test('too many scenarios, or scenarios that are not an object, are refused whole', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_LINK_SCENARIOS + 1 }, (_, i) => [`w${i}`, '{}']))
    expect(withRun(packed({ v: 1, scenarios: many })).notices![0]).toContain(`a link carries at most ${MAX_LINK_SCENARIOS}`)
    expect(withRun(packed({ v: 1, scenarios: ['{}'] })).notices![0]).toContain('not an object of scenarios by workflow name')
  })

  test('a workflow named __proto__ or constructor is just a name', () => {
    const result = withRun(packed({ v: 1, scenarios: JSON.parse('{"__proto__": "{}", "constructor": "{}"}') as object }))
    expect(Object.keys(result.document.scenarios!).sort()).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
