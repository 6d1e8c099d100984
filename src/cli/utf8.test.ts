/**
 * Bytes that are not UTF-8: the CLI refuses the file (exit 2, the byte offset
 * of the first bad sequence) and never writes it; a leading BOM still reaches
 * the language, which reports it.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { memoryIO } from './testing/memory-io'
import { codeai, ensureBundle } from './testing/process'
import { decodeUtf8, firstInvalidUtf8Offset } from './utf8'

const bytes = (...values: number[]) => new Uint8Array(values)
const ascii = (text: string) => [...new TextEncoder().encode(text)]

describe('firstInvalidUtf8Offset', () => {
  it.each([
    ['valid text with 2-, 3- and 4-byte characters', [...ascii('a'), 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], -1],
    ['a Latin-1 é', [...ascii('caf'), 0xe9, ...ascii('!')], 3],
    ['a continuation byte with no lead', [...ascii('ab'), 0x80], 2],
    ['an overlong two-byte form', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [...ascii('x'), 0xe0, 0x80, 0xaf], 1],
    ['a UTF-16 surrogate', [...ascii('xy'), 0xed, 0xa0, 0x80], 2],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut off by the end of the file', [...ascii('ok'), 0xe2, 0x82], 2],
    ['a byte that never occurs in UTF-8', [...ascii('abc'), 0xff], 3],
  ])('%s', (_name, input, offset) => {
    expect(firstInvalidUtf8Offset(bytes(...input))).toBe(offset)
  })

  it("agrees with the browser's strict decoder on any bytes", () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    const decodes = (input: Uint8Array) => {
      try {
        strict.decode(input)
        return true
      } catch {
        return false
      }
    }
    // Mostly valid text with a few stray bytes, so both answers occur often.
    const textWithBytes = fc
      .array(fc.oneof(fc.string({ unit: 'grapheme' }).map((s) => ascii(s)), fc.uint8Array({ maxLength: 3 }).map((a) => [...a])), { maxLength: 8 })
      .map((parts) => new Uint8Array(parts.flat()))
    fc.assert(
      fc.property(fc.oneof(textWithBytes, fc.uint8Array({ maxLength: 64 })), (input) => {
        const offset = firstInvalidUtf8Offset(input)
        expect(offset === -1).toBe(decodes(input))
        // Everything before the bad sequence is valid.
        if (offset >= 0) expect(decodes(input.subarray(0, offset))).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps a leading byte order mark as U+FEFF', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, ...ascii('job')))).toEqual({ ok: true, text: '\uFEFFjob' })
  })
})

describe('a file that is not UTF-8', () => {
  const LATIN1 = bytes(...ascii('job a {\n\ttask "caf'), 0xe9, ...ascii('"\n}\n'))

  it('is refused by every command with the offset of its first bad byte, exit 2, and is never written', async () => {
    for (const args of [['validate', 'l.cai'], ['parse', 'l.cai'], ['format', 'l.cai'], ['format', '--check', 'l.cai'], ['format', '--write', 'l.cai']]) {
      const memory = memoryIO({ 'l.cai': LATIN1 })
      expect(await runCli(args, memory.io, () => '0'), args.join(' ')).toBe(2)
      expect(memory.stderr()).toBe('codeai: cannot read l.cai: not UTF-8 (first bad byte at offset 18)\n')
      expect(memory.stdout()).toBe('')
      expect(memory.writes).toEqual([])
    }
  })

  it('on standard input is refused the same way', async () => {
    const memory = memoryIO({}, LATIN1)
    expect(await runCli(['validate', '-'], memory.io, () => '0')).toBe(2)
    expect(memory.stderr()).toBe('codeai: cannot read <stdin>: not UTF-8 (first bad byte at offset 18)\n')
  })

  describe('with the real process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codeai-utf8-'))
    beforeAll(ensureBundle, 120_000)
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('format --write leaves its bytes untouched and parse prints no replacement character', { timeout: 60_000 }, () => {
      const file = join(dir, 'latin1.cai')
      writeFileSync(file, LATIN1)
      const write = codeai(['format', '--write', file])
      expect(write).toEqual({ stdout: '', stderr: `codeai: cannot read ${file}: not UTF-8 (first bad byte at offset 18)\n`, exitCode: 2 })
      expect(new Uint8Array(readFileSync(file))).toEqual(LATIN1)
      expect(codeai(['parse', file])).toMatchObject({ stdout: '', exitCode: 2 })
      expect(codeai(['validate', '-'], { input: LATIN1 })).toMatchObject({ stdout: '', exitCode: 2 })
    })

    it('is not a file with a leading byte order mark: that one is read, and the language reports the mark', { timeout: 60_000 }, () => {
      const file = join(dir, 'bom.cai')
      writeFileSync(file, bytes(0xef, 0xbb, 0xbf, ...ascii('job a {\n\ttask "x"\n}\n')))
      copyFileSync(file, `${file}.orig`)
      const result = codeai(['validate', file])
      expect(result.stdout).toMatch(/^[^\n]*bom\.cai:1:1: error: [^\n]*byte-order mark/)
      expect(result.exitCode).toBe(1)
      expect(codeai(['format', '--write', file]).exitCode).toBe(1)
      expect(readFileSync(file)).toEqual(readFileSync(`${file}.orig`))
    })
  })
})
