import type { Server } from 'node:http'

export const DEFAULT_PORT: number
export const DEFAULT_BASE: string
export function resolveFile(root: string, base: string, urlPath: string): string | null
export function startServer(options?: { root?: string; port?: number; base?: string; host?: string }): Promise<Server>
