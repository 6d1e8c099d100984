/**
 * The optional dry-run part of a share link: the sender's runtime profile
 * (only when it differs from CodeAI's defaults) and the dry-run scenarios of
 * the document's workflows, as one fragment parameter beside the text:
 *
 *   run=<base64url(zlib(UTF-8 JSON {"v":1,"profile":{...},"scenarios":{"wf":"..."}}))>
 *
 * A link without it opens exactly as before. Nothing in it is trusted: it is
 * inflated with a hard limit, the profile is read by the same rules as the
 * profile dialog (a negative or absurd number is refused), each scenario must
 * read as a scenario, and what is refused is said in a message while the
 * document still opens. A profile from a link is for the view it opens, never
 * saved (see store/runtime.ts).
 */
import { zlibSync } from 'fflate'
import { isDefaultProfile, profileChanges, profileFromJson, type RuntimeProfile } from '../runtime/profile'
import { scenarioFromJson } from '../runtime/scenario'
import { decodeBase64url, encodeBase64url } from './base64url'
import { inflateLimited } from './codec-inflate'

export const RUN_PART_FORMAT = 1
/** The most the run part may inflate to (UTF-8 bytes of its JSON). */
export const MAX_RUN_BYTES = 1024 * 1024
/** Longer run parts are refused before decoding. */
export const MAX_RUN_PAYLOAD_CHARS = 2 * MAX_RUN_BYTES
/** The most scenarios a link carries. */
export const MAX_LINK_SCENARIOS = 200
const WORKFLOW_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,199}$/

export interface RunPart {
  /** The sender's runtime profile; absent when theirs is CodeAI's defaults. */
  profile?: RuntimeProfile
  /** Scenario text (JSON) by workflow name. */
  scenarios?: Record<string, string>
}

/** Whether a scenario text is worth carrying: not blank, and it reads. */
export function isShareableScenario(text: string): boolean {
  return text.trim() !== '' && readScenario(text) === undefined
}

/**
 * The run part's value (base64url), or undefined when there is nothing to
 * carry: a default profile and no scenario. Scenarios that are blank or do
 * not read (a half-typed one) are left out, as are workflows not in `keep`.
 */
export function encodeRunPart(run: RunPart, keep?: ReadonlySet<string>): string | undefined {
  const json: { v: number; profile?: unknown; scenarios?: Record<string, string> } = { v: RUN_PART_FORMAT }
  if (run.profile && !isDefaultProfile(run.profile)) json.profile = profileChanges(run.profile)
  const scenarios = Object.entries(run.scenarios ?? {}).filter(
    ([name, text]) => WORKFLOW_NAME.test(name) && (!keep || keep.has(name)) && isShareableScenario(text),
  )
  if (scenarios.length > 0) json.scenarios = Object.fromEntries(scenarios.slice(0, MAX_LINK_SCENARIOS))
  if (!json.profile && !json.scenarios) return undefined
  return encodeBase64url(zlibSync(new TextEncoder().encode(JSON.stringify(json)), { level: 9 }))
}

export interface DecodedRunPart {
  run: RunPart
  /** What was refused, each as a sentence for the user; the rest of the link still opens. */
  refusals: string[]
}

/** Reads a run part; never throws. Whatever is malformed or absurd is refused with a message. */
export function decodeRunPart(value: string): DecodedRunPart {
  const refused = (why: string): DecodedRunPart => ({
    run: {},
    refusals: [`The runtime profile and dry-run scenarios in this link were not used: ${why}. The document opened without them.`],
  })
  if (value.length > MAX_RUN_PAYLOAD_CHARS) return refused(`they are over ${MAX_RUN_PAYLOAD_CHARS.toLocaleString('en')} characters long`)
  if (/[^A-Za-z0-9_-]/.test(value)) return refused('they have characters a share link never has')
  const compressed = decodeBase64url(value)
  if (!compressed) return refused('they are cut short')
  const inflated = inflateLimited(compressed, MAX_RUN_BYTES)
  if (inflated.kind !== 'ok') return refused(inflated.message.replace(/^its /, 'their '))
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes))
  } catch {
    return refused('they are not valid JSON text')
  }
  if (!isRecord(json)) return refused('they are not a JSON object')
  if (json.v !== RUN_PART_FORMAT) return refused(`they were made in another format (${JSON.stringify(json.v)?.slice(0, 20)}) than this designer reads (${RUN_PART_FORMAT})`)
  const unknown = Object.keys(json).filter((key) => !['v', 'profile', 'scenarios'].includes(key))
  if (unknown.length > 0) return refused(`they have fields this designer does not know (${unknown.slice(0, 5).join(', ')})`)

  const run: RunPart = {}
  const refusals: string[] = []
  if (json.profile !== undefined) {
    const profile = profileFromJson(json.profile)
    if (profile.ok) run.profile = profile.profile
    else refusals.push(`The runtime profile in this link was refused (${clip(profile.errors.join('; '))}): this view uses your own profile.`)
  }
  if (json.scenarios !== undefined) {
    if (!isRecord(json.scenarios)) refusals.push('The dry-run scenarios in this link were refused: they are not an object of scenarios by workflow name.')
    else {
      const entries = Object.entries(json.scenarios)
      if (entries.length > MAX_LINK_SCENARIOS) {
        refusals.push(`The dry-run scenarios in this link were refused: there are ${entries.length}, and a link carries at most ${MAX_LINK_SCENARIOS}.`)
      } else {
        const scenarios = Object.create(null) as Record<string, string>
        for (const [name, text] of entries) {
          const label = JSON.stringify(clip(name, 60))
          const problem = !WORKFLOW_NAME.test(name)
            ? 'its workflow name is not a name'
            : typeof text !== 'string'
              ? 'it is not scenario text'
              : readScenario(text)
          if (problem) refusals.push(`The dry-run scenario for workflow ${label} in this link was refused: ${clip(problem)}.`)
          else scenarios[name] = text as string
        }
        if (Object.keys(scenarios).length > 0) run.scenarios = scenarios
      }
    }
  }
  return { run, refusals }
}

/** Why a scenario text does not read, or undefined when it does. */
function readScenario(text: string): string | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'it is not valid JSON'
  }
  const result = scenarioFromJson(value)
  return result.ok ? undefined : result.errors.join('; ')
}

/** Messages quote what the link says: kept short. */
function clip(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
