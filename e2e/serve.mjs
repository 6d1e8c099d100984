// A tiny static server for the built page (dist/), served under a sub-path the
// way a static host would (e.g. http://127.0.0.1:4179/cai-designer/), so the
// tests prove the build works away from the site root.
//
//   node e2e/serve.mjs [--port 4179] [--base /cai-designer/] [--root dist]
import { createServer } from 'node:http'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const DEFAULT_PORT = 4179
export const DEFAULT_BASE = '/cai-designer/'

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.cai': 'text/plain; charset=utf-8',
}

/** The file under `root` that a request path names, or null if it would leave `root`. */
export function resolveFile(root, base, urlPath) {
  if (!urlPath.startsWith(base)) return null
  let relative
  try {
    relative = decodeURIComponent(urlPath.slice(base.length))
  } catch {
    return null
  }
  if (relative === '' || relative.endsWith('/')) relative += 'index.html'
  if (relative.includes('\0')) return null
  const file = resolve(root, relative)
  return file.startsWith(root + sep) ? file : null
}

/** Starts the server; resolves once it listens. */
export function startServer({ root = 'dist', port = DEFAULT_PORT, base = DEFAULT_BASE, host = '127.0.0.1' } = {}) {
  const rootDir = resolve(root)
  base = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')
  const server = createServer(async (request, response) => {
    const send = (status, message, headers = {}) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
      response.end(request.method === 'HEAD' ? undefined : message)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed', { allow: 'GET, HEAD' })
    const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname
    if (urlPath === base.slice(0, -1)) return send(301, 'Moved', { location: base })
    const file = resolveFile(rootDir, base, urlPath)
    if (!file) return send(404, 'Not found')
    try {
      const info = await stat(file)
      if (!info.isFile()) return send(404, 'Not found')
      response.writeHead(200, {
        'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      })
      if (request.method === 'HEAD') return response.end()
      createReadStream(file).pipe(response)
    } catch {
      send(404, 'Not found')
    }
  })
  return new Promise((resolveListening, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolveListening(server))
  })
}

function option(args, name, fallback) {
  const index = args.indexOf(name)
  return index >= 0 && index + 1 < args.length ? args[index + 1] : fallback
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const port = Number(option(args, '--port', DEFAULT_PORT))
  const base = option(args, '--base', DEFAULT_BASE)
  const root = option(args, '--root', join(fileURLToPath(new URL('..', import.meta.url)), 'dist'))
  startServer({ root, port, base }).then(
    () => console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`),
    (error) => {
      console.error(`Cannot serve on port ${port}: ${error.message}`)
      process.exit(1)
    },
  )
}
