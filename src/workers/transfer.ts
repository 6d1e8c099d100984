/**
 * A big tree of plain data (a parsed 5 MB document is ~300,000 objects) sent
 * from a worker in pieces. Receiving one message is one main-thread task that
 * structured-clones the whole message; split, every task stays short.
 *
 * `splitTree` cuts a tree into pieces of at most about `budget` objects:
 * light subtrees go whole, a heavy array goes in batches of elements, a heavy
 * object goes as a skeleton whose heavy fields follow. `TreeAssembler`
 * applies the pieces in order and gives back an equal tree.
 */
export type Path = (string | number)[]

export type Piece =
  /** Put `value` at `path` (the root for an empty path). */
  | { op: 'set'; path: Path; value: unknown }
  /** Push `values` onto the array at `path`. */
  | { op: 'append'; path: Path; values: unknown[] }

export const DEFAULT_BUDGET = 8_000

type Container = Record<string | number, unknown>

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null

export function splitTree(root: unknown, budget = DEFAULT_BUDGET): Piece[] {
  const weights = new Map<object, number>()
  const weight = (value: unknown): number => {
    if (!isContainer(value)) return 0
    let known = weights.get(value)
    if (known === undefined) {
      known = 1
      for (const child of Object.values(value)) known += weight(child)
      weights.set(value, known)
    }
    return known
  }

  const pieces: Piece[] = []
  const emit = (path: Path, value: unknown) => {
    if (!isContainer(value) || weight(value) <= budget) {
      pieces.push({ op: 'set', path, value })
    } else if (Array.isArray(value)) {
      pieces.push({ op: 'set', path, value: [] })
      let batch: unknown[] = []
      let batchWeight = 0
      const flush = () => {
        if (batch.length > 0) pieces.push({ op: 'append', path, values: batch })
        batch = []
        batchWeight = 0
      }
      value.forEach((element, index) => {
        const elementWeight = weight(element)
        if (batchWeight + elementWeight > budget) flush()
        if (elementWeight > budget) {
          pieces.push({ op: 'append', path, values: [null] })
          emit([...path, index], element)
        } else {
          batch.push(element)
          batchWeight += elementWeight
        }
      })
      flush()
    } else {
      // The skeleton keeps the light fields, up to the budget; the others follow on their own.
      const skeleton: Container = {}
      const later: string[] = []
      let skeletonWeight = 1
      for (const [key, field] of Object.entries(value)) {
        const fieldWeight = weight(field)
        if (skeletonWeight + fieldWeight <= budget) {
          skeleton[key] = field
          skeletonWeight += fieldWeight
        } else {
          skeleton[key] = null
          later.push(key)
        }
      }
      pieces.push({ op: 'set', path, value: skeleton })
      for (const key of later) emit([...path, key], value[key])
    }
  }
  emit([], root)
  return pieces
}

export class TreeAssembler {
  private root: unknown

  apply(piece: Piece): void {
    if (piece.op === 'set') {
      if (piece.path.length === 0) this.root = piece.value
      else (this.at(piece.path.slice(0, -1)) as Container)[piece.path[piece.path.length - 1]] = piece.value
    } else {
      const array = this.at(piece.path) as unknown[]
      for (const value of piece.values) array.push(value)
    }
  }

  get value(): unknown {
    return this.root
  }

  private at(path: Path): unknown {
    let node = this.root
    for (const key of path) node = (node as Container)[key]
    return node
  }
}
