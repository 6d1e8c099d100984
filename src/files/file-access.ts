/**
 * Files on the user's disk. Where the browser has the File System Access API
 * (Chromium), a file is opened with a handle, and Save writes back to it;
 * elsewhere a file is opened through <input type="file"> and saved as a
 * download.
 */
import { fileNameFor } from './text-file'

export interface PickedFile {
  name: string
  bytes: Uint8Array
  handle: FileSystemFileHandle | null
}

/** The parts of the File System Access API used here (not in TypeScript's DOM types: Chromium only). */
interface FilePickerOptions {
  types?: { description: string; accept: Record<string, string[]> }[]
  suggestedName?: string
  excludeAcceptAllOption?: boolean
}

interface FileSystemAccessWindow {
  showOpenFilePicker?(options?: FilePickerOptions): Promise<FileSystemFileHandle[]>
  showSaveFilePicker?(options?: FilePickerOptions): Promise<FileSystemFileHandle>
}

interface PermissionedHandle {
  queryPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>
  requestPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>
}

const CAI_TYPES = [{ description: 'CodeAI files', accept: { 'text/plain': ['.cai'] } }]

const api = () => window as unknown as FileSystemAccessWindow

export const canWriteFiles = (): boolean => typeof api().showSaveFilePicker === 'function'

/** Asks the user for a .cai file; null when they cancel. */
export async function pickFile(): Promise<PickedFile | null> {
  const showOpenFilePicker = api().showOpenFilePicker
  if (typeof showOpenFilePicker !== 'function') return pickWithInput()
  let handle: FileSystemFileHandle
  try {
    ;[handle] = await showOpenFilePicker.call(window, { types: CAI_TYPES })
  } catch (error) {
    if (isAbort(error)) return null
    throw error
  }
  const file = await handle.getFile()
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), handle }
}

function pickWithInput(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.cai,text/plain'
    input.hidden = true
    const finish = () => input.remove()
    input.addEventListener('change', () => {
      finish()
      const file = input.files?.[0]
      if (!file) return resolve(null)
      readFile(file).then(resolve, reject)
    })
    input.addEventListener('cancel', () => {
      finish()
      resolve(null)
    })
    document.body.append(input)
    input.click()
  })
}

export async function readFile(file: File): Promise<PickedFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), handle: null }
}

/** Asks where to save a new file; null when the user cancels. Only where canWriteFiles(). */
export async function pickSaveTarget(name: string): Promise<FileSystemFileHandle | null> {
  try {
    return await api().showSaveFilePicker!.call(window, { types: CAI_TYPES, suggestedName: fileNameFor(name) })
  } catch (error) {
    if (isAbort(error)) return null
    throw error
  }
}

/** Writes the bytes over the file, asking for permission first if the browser wants it. */
export async function writeFile(handle: FileSystemFileHandle, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const permissioned = handle as unknown as PermissionedHandle
  if (permissioned.queryPermission && (await permissioned.queryPermission({ mode: 'readwrite' })) !== 'granted') {
    const answer = await permissioned.requestPermission?.({ mode: 'readwrite' })
    if (answer !== 'granted') throw new DOMException(`permission to write ${handle.name} was not given`, 'NotAllowedError')
  }
  const writable = await handle.createWritable()
  try {
    await writable.write(bytes)
    await writable.close()
  } catch (error) {
    // The file keeps its old content: nothing half-written.
    await writable.abort().catch(() => undefined)
    throw error
  }
}

/** Saves `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: the download may start after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}
