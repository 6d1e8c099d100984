/**
 * The machine's processor, shared between tests or held by one. A test that
 * times the page's main thread (e2e/large-file.spec.ts) needs it to itself:
 * on two cores, with another test's browser busy, a task of 7 ms of work was
 * measured taking 348 ms. Such a test takes the lock exclusively, every other
 * test takes it shared: across the run's workers and any other run on this
 * machine (the lock is a folder in the system's temporary folder). A holder
 * whose process has died without letting go is ignored.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type CpuUse = 'shared' | 'exclusive'

const LOCK_FOLDER = join(tmpdir(), 'cai-designer-e2e-cpu')
const EXCLUSIVE = join(LOCK_FOLDER, 'exclusive')
const SHARED_PREFIX = 'shared-'
const POLL_MS = 100

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether a live process holds the lock exclusively (one that died holding it is cleared away). */
function heldExclusively(): boolean {
  let owner: string
  try {
    owner = readFileSync(EXCLUSIVE, 'utf8')
  } catch {
    return false
  }
  // Empty: its holder is still writing its process id.
  if (owner === '' || alive(Number(owner))) return true
  rmSync(EXCLUSIVE, { force: true })
  return false
}

/** Whether a live process other than this one holds the lock shared. */
function heldSharedByOthers(): boolean {
  let held = false
  for (const name of readdirSync(LOCK_FOLDER)) {
    if (!name.startsWith(SHARED_PREFIX)) continue
    const pid = Number(name.slice(SHARED_PREFIX.length))
    if (pid === process.pid) continue
    if (alive(pid)) held = true
    else rmSync(join(LOCK_FOLDER, name), { force: true })
  }
  return held
}

/** Takes the lock (waiting as long as it takes); resolves with the function that lets it go. */
export async function acquireCpu(use: CpuUse): Promise<() => void> {
  mkdirSync(LOCK_FOLDER, { recursive: true })
  return use === 'exclusive' ? acquireExclusive() : acquireShared()
}

async function acquireShared(): Promise<() => void> {
  // One test at a time per worker process: its id names the marker.
  const marker = join(LOCK_FOLDER, `${SHARED_PREFIX}${process.pid}`)
  for (;;) {
    // Announce first, then look: an exclusive holder either sees this marker and waits, or is seen here.
    closeSync(openSync(marker, 'w'))
    if (!heldExclusively()) return () => rmSync(marker, { force: true })
    rmSync(marker, { force: true })
    await sleep(POLL_MS)
  }
}

async function acquireExclusive(): Promise<() => void> {
  for (;;) {
    try {
      const file = openSync(EXCLUSIVE, 'wx')
      writeSync(file, String(process.pid))
      closeSync(file)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      heldExclusively()
      await sleep(POLL_MS)
    }
  }
  // New shared holders now wait; the ones already running finish first.
  while (heldSharedByOthers()) await sleep(POLL_MS)
  return () => rmSync(EXCLUSIVE, { force: true })
}
