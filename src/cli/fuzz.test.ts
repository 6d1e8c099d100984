/**
 * Fuzzing the CLI's own process, not only the library: random bytes, bytes
 * that are not UTF-8, NUL, lone carriage returns, huge lines and deep
 * nesting, through every command, from files, directories and standard
 * input. Every run must exit 0, 1 or 2 with no stack trace, a file that is
 * not UTF-8 must be refused with exit 2, and `format --write` must leave
 * every file it does not reformat byte for byte as it was. The inputs come
 * from a fixed seed (CODEAI_FUZZ_SEED overrides it) so a failure can be
 * replayed; their number is bounded so the test runs in seconds.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeai, ensureBundle, ROOT, STACK_TRACE, type ProcessResult } from './testing/process'
import { firstInvalidUtf8Offset } from './utf8'

const SEED = Number(process.env.CODEAI_FUZZ_SEED ?? 20261202)
const FILES_PER_KIND = 3
const encode = (text: string) => new TextEncoder().encode(text)
const EXAMPLE = readFileSync(join(ROOT, 'examples/09-workflows/with_workflows.cai'), 'utf8')

/** `bytes` with `insert` put in at `positions` (fractions of its length). */
function splice(bytes: Uint8Array, inserts: readonly (readonly [number, Uint8Array])[]): Uint8Array {
  let result = bytes
  for (const [at, insert] of inserts) {
    const i = Math.floor(at * result.length)
    result = new Uint8Array([...result.subarray(0, i), ...insert, ...result.subarray(i)])
  }
  return result
}

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })
const badSequence = fc.constantFrom(
  [0xe9], // Latin-1 é
  [0x80], // a lone continuation byte
  [0xc0, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // a surrogate
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xe2, 0x82], // cut short
  [0xff],
)
const control = fc.constantFrom('\0', '\r', '\x0b', '\x0c', '\x1b', '\x7f', '\u0085', '\u2028', '\uFEFF')

/** The kinds of hostile input, each a source of file contents. */
const KINDS: Record<string, fc.Arbitrary<Uint8Array>> = {
  'random bytes': fc.uint8Array({ maxLength: 4096 }),
  'not UTF-8': fc
    .array(fc.tuple(position, badSequence.map((b) => new Uint8Array(b))), { minLength: 1, maxLength: 3 })
    .map((inserts) => splice(encode(EXAMPLE), inserts)),
  'NUL and other control characters': fc
    .array(fc.tuple(position, control.map(encode)), { minLength: 1, maxLength: 20 })
    .map((inserts) => splice(encode(EXAMPLE), inserts)),
  'lone carriage returns': fc.constantFrom('\r', '\r\r', '\n\r').map((ending) => encode(EXAMPLE.replace(/\n/g, ending))),
  'huge lines': fc
    .record({ length: fc.integer({ min: 100_000, max: 400_000 }), where: fc.constantFrom('string', 'comment', 'name', 'bare', 'braces') })
    .map(({ length, where }) => {
      const filler = where === 'braces' ? '{'.repeat(length / 10) : 'x'.repeat(length)
      const line = {
        string: `job j {\n\ttask "${filler}"\n}\n`,
        comment: `// ${filler}\njob j {\n\ttask "t"\n}\n`,
        name: `job ${filler} {\n\ttask "t"\n}\n`,
        bare: filler,
        braces: `workflow w ${filler}`,
      }[where]
      return encode(line)
    }),
  'random text': fc.string({ unit: 'binary', maxLength: 2000 }).map(encode),
}

const dir = mkdtempSync(join(tmpdir(), 'codeai-fuzz-'))
const inputs = join(dir, 'inputs')
/** File name -> contents. */
const corpus = new Map<string, Uint8Array>()

beforeAll(() => {
  mkdirSync(inputs)
  let n = 0
  for (const [kind, arbitrary] of Object.entries(KINDS)) {
    for (const bytes of fc.sample(arbitrary, { seed: SEED + n, numRuns: FILES_PER_KIND })) {
      const name = `${String(n++).padStart(2, '0')}-${kind.replace(/\W+/g, '_')}.cai`
      corpus.set(name, bytes)
      writeFileSync(join(inputs, name), bytes)
    }
  }
  ensureBundle()
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function expectNoCrash(result: ProcessResult, what: string): void {
  expect([0, 1, 2], `${what}: exit code ${result.exitCode}\n${result.stderr.slice(0, 2000)}`).toContain(result.exitCode)
  expect(result.stderr, what).not.toMatch(STACK_TRACE)
}

const notUtf8 = (bytes: Uint8Array) => firstInvalidUtf8Offset(bytes) >= 0

describe(`the codeai process on hostile input (seed ${SEED})`, { timeout: 300_000 }, () => {
  it('validate and format --check take the whole folder without crashing', () => {
    for (const args of [['validate', inputs], ['format', '--check', inputs]]) {
      const result = codeai(args)
      expectNoCrash(result, args.join(' '))
      expect(result.exitCode).toBe(2) // the folder holds files that are not UTF-8
      for (const [name, bytes] of corpus) {
        if (notUtf8(bytes)) expect(result.stderr).toContain(`${join(inputs, name)}: not UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})`)
      }
    }
  })

  it('format --write rewrites only what it formats and leaves every other file byte for byte', () => {
    const copy = join(dir, 'write')
    cpSync(inputs, copy, { recursive: true })
    const result = codeai(['format', '--write', copy])
    expectNoCrash(result, 'format --write')
    const reformatted = new Set([...result.stdout.matchAll(/^(.*): reformatted$/gm)].map((m) => m[1]))
    for (const name of readdirSync(copy)) {
      const before = corpus.get(name)!
      const after = new Uint8Array(readFileSync(join(copy, name)))
      if (reformatted.has(join(copy, name))) expect(notUtf8(before), name).toBe(false)
      else expect(after, name).toEqual(before)
    }
  })

  it('parse, format, validate and format --check take each file alone, and standard input', () => {
    const commands = [['parse'], ['format'], ['validate'], ['format', '--check']]
    let i = 0
    for (const [name, bytes] of corpus) {
      const command = commands[i++ % commands.length]
      // Every other file goes through standard input.
      const viaStdin = i % 2 === 0
      const result = viaStdin ? codeai([...command, '-'], { input: bytes }) : codeai([...command, join(inputs, name)])
      const what = `${command.join(' ')} ${viaStdin ? '- <' : ''} ${name}`
      expectNoCrash(result, what)
      if (notUtf8(bytes)) {
        expect(result.exitCode, what).toBe(2)
        expect(result.stdout, what).toBe('')
      }
    }
  })
})
