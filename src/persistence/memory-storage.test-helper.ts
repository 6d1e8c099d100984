import type { BackupStorage } from './backup'

/** localStorage as the tests need it: in memory, optionally refusing writes (full or disabled storage). */
export class MemoryStorage implements BackupStorage {
  private readonly items = new Map<string, string>()
  refuse = false

  get length(): number {
    return this.items.size
  }

  get size(): number {
    return this.items.size
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }

  setItem(key: string, value: string): void {
    if (this.refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.items.set(key, value)
  }

  removeItem(key: string): void {
    this.items.delete(key)
  }
}
