#!/usr/bin/env node
/**
 * Bundles the codeai command (src/cli/main.ts and everything it imports) into
 * one JavaScript file, dist-cli/codeai.mjs, run by bin/codeai with plain Node:
 * no TypeScript transpiling on each call. Also writes dist-cli/inputs.txt,
 * the source files the bundle was built from, so bin/codeai can rebuild a
 * stale bundle. Files are written whole and renamed into place, so two builds
 * at once (or a codeai call during a build) never see half a file.
 *
 * Usage: node scripts/build-cli.mjs [--quiet]
 */
import { build } from 'esbuild'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'dist-cli')
const outFile = join(outDir, 'codeai.mjs')

const result = await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: outFile,
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'warning',
})

mkdirSync(outDir, { recursive: true })
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, contents)
  renameSync(temporary, path)
}
// Paths relative to the root, one a line, for the shell's `-nt` test in bin/codeai.
const inputs = Object.keys(result.metafile.inputs)
  .filter((path) => !path.split('/').includes('node_modules'))
  .map((path) => relative(root, join(root, path)))
  .sort()
writeAtomically(join(outDir, 'inputs.txt'), inputs.join('\n') + '\n')
for (const file of result.outputFiles) writeAtomically(file.path, file.contents)
if (!process.argv.includes('--quiet')) {
  const bytes = result.outputFiles.reduce((sum, file) => sum + file.contents.length, 0)
  console.log(`dist-cli/codeai.mjs: ${(bytes / 1024).toFixed(0)} KB from ${inputs.length} source files`)
}
