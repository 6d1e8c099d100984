/**
 * A deterministic runner for a compiled nearley grammar that is LL(1): it
 * reads the same rules nearleyc produced and calls the same postprocessors,
 * one token of lookahead and no backtracking, so it builds exactly the tree
 * nearley builds, in linear time and with little garbage.
 *
 * Why: nearley (Earley, no Leo optimisation, keeps every partial parse
 * reachable) needs ~300 ms for a 10,000-step workflow on the target machine
 * and over 100 ms even with no-op postprocessors; the designer parses on every
 * keystroke. nearley itself stays the reference: it reports syntax errors
 * (its parse table gives the expected tokens) and the tests check that both
 * agree and that nearley finds exactly one parse.
 *
 * Supported rule shapes, checked when the table is built: terminals are
 * token-type matchers (`%type`); a nonterminal's alternatives start with
 * disjoint token types, at most one is empty, and what may follow an empty
 * alternative does not overlap them; left recursion only in the list form
 * `L -> L X...` (run as a loop). `build` returns the conflicts instead of a
 * table when the grammar does not fit.
 */

export interface GrammarRule {
  name: string
  symbols: unknown[]
  postprocess?: (d: any[], reference?: number, reject?: {}) => any
}

export interface TypedToken {
  type?: string
}

/** Tokens one at a time: `current` is the lookahead (undefined at the end), `index` its position. */
export interface TokenSource {
  readonly current: TypedToken | undefined
  readonly index: number
  advance(): void
}

type Symbol = string | { type: string }

interface Plan {
  /** Non-recursive alternatives by the token type that starts them. */
  byType: Map<string, GrammarRule>
  /** The alternative that derives the empty string, if any. */
  empty?: GrammarRule
  /** Left-recursive list alternatives `L -> L X...`, by the token type that starts `X...`. */
  tails: Map<string, GrammarRule>
}

export type LL1Result = { ok: true; value: unknown } | { ok: false; at: number; droppable: number[] }

class Mismatch {
  constructor(readonly at: number) {}
}

export class LL1Parser {
  private constructor(
    private readonly plans: Map<string, Plan>,
    private readonly start: string,
  ) {}

  /** The parser for `rules`, or the reasons the grammar is not LL(1) in the supported shapes. */
  static build(rules: GrammarRule[], start: string): LL1Parser | { conflicts: string[] } {
    const analysis = new Analysis(rules)
    const conflicts = analysis.conflicts(start)
    if (conflicts.length > 0) return { conflicts }
    return new LL1Parser(analysis.plans(), start)
  }

  /**
   * Parses all of `source` from `start` (or the grammar's start symbol).
   * On failure, `at` is the index of the first token no parse can continue
   * with (the token count for the end of input), and `droppable` lists the
   * [start, end) index ranges of complete list items: removing those tokens
   * leaves a prefix the grammar still accepts, with the same rules open at
   * `at` (so an error can be explained from a short prefix). The ranges are
   * flattened: start, end, start, end...
   */
  parse(source: TokenSource, start = this.start): LL1Result {
    const run = new Run(this.plans, source)
    try {
      const value = run.nonterminal(start)
      if (source.current !== undefined) throw new Mismatch(source.index)
      return { ok: true, value }
    } catch (error) {
      if (error instanceof Mismatch) return { ok: false, at: error.at, droppable: run.listItems }
      throw error
    }
  }
}

class Run {
  readonly listItems: number[] = []

  constructor(
    private readonly plans: Map<string, Plan>,
    private readonly source: TokenSource,
  ) {}

  private lookahead(): string {
    return this.source.current?.type ?? ''
  }

  nonterminal(name: string): unknown {
    const plan = this.plans.get(name)!
    const start = this.source.index
    const rule = plan.byType.get(this.lookahead()) ?? plan.empty
    if (!rule) throw new Mismatch(start)
    let value = apply(rule, this.symbols(rule.symbols, 0, []), start)
    if (plan.tails.size === 0) return value
    for (let tail = plan.tails.get(this.lookahead()); tail; tail = plan.tails.get(this.lookahead())) {
      const itemStart = this.source.index
      value = apply(tail, this.symbols(tail.symbols, 1, [value]), start)
      if (plan.empty) this.listItems.push(itemStart, this.source.index)
    }
    return value
  }

  private symbols(symbols: unknown[], from: number, data: unknown[]): unknown[] {
    for (let i = from; i < symbols.length; i++) {
      const symbol = symbols[i] as Symbol
      if (typeof symbol === 'string') {
        data.push(this.nonterminal(symbol))
      } else {
        const token = this.source.current
        if (token?.type !== symbol.type) throw new Mismatch(this.source.index)
        data.push(token)
        this.source.advance()
      }
    }
    return data
  }
}

function apply(rule: GrammarRule, data: unknown[], reference: number): unknown {
  return rule.postprocess ? rule.postprocess(data, reference, REJECT) : data
}

/** Postprocessors must not reject: an LL(1) parse has no alternative to fall back on. */
const REJECT = Object.freeze({})

/** FIRST / nullable / FOLLOW sets and the LL(1) checks. */
class Analysis {
  private readonly byName = new Map<string, GrammarRule[]>()
  private readonly nullable = new Set<string>()
  private readonly first = new Map<string, Set<string>>()
  private readonly follow = new Map<string, Set<string>>()

  constructor(rules: GrammarRule[]) {
    for (const rule of rules) {
      if (!this.byName.has(rule.name)) this.byName.set(rule.name, [])
      this.byName.get(rule.name)!.push(rule)
      this.first.set(rule.name, new Set())
      this.follow.set(rule.name, new Set())
    }
    this.computeFirst(rules)
    this.computeFollow(rules)
  }

  private computeFirst(rules: GrammarRule[]): void {
    for (let changed = true; changed; ) {
      changed = false
      for (const rule of rules) {
        const set = this.first.get(rule.name)!
        const before = set.size
        for (const type of this.firstOf(rule.symbols, 0)) set.add(type)
        if (set.size !== before) changed = true
        if (!this.nullable.has(rule.name) && this.derivesEmpty(rule.symbols, 0)) {
          this.nullable.add(rule.name)
          changed = true
        }
      }
    }
  }

  private computeFollow(rules: GrammarRule[]): void {
    for (let changed = true; changed; ) {
      changed = false
      for (const rule of rules) {
        rule.symbols.forEach((symbol, i) => {
          // A list's own left-recursive use is the loop, not what follows the list.
          if (typeof symbol !== 'string' || (i === 0 && symbol === rule.name)) return
          const set = this.follow.get(symbol)!
          const before = set.size
          for (const type of this.firstOf(rule.symbols, i + 1)) set.add(type)
          if (this.derivesEmpty(rule.symbols, i + 1)) for (const type of this.follow.get(rule.name)!) set.add(type)
          if (set.size !== before) changed = true
        })
      }
    }
  }

  private firstOf(symbols: unknown[], from: number): Set<string> {
    const out = new Set<string>()
    for (let i = from; i < symbols.length; i++) {
      const symbol = symbols[i] as Symbol
      if (typeof symbol !== 'string') {
        out.add(symbol.type)
        return out
      }
      for (const type of this.first.get(symbol) ?? []) out.add(type)
      if (!this.nullable.has(symbol)) return out
    }
    return out
  }

  private derivesEmpty(symbols: unknown[], from: number): boolean {
    for (let i = from; i < symbols.length; i++) {
      const symbol = symbols[i]
      if (typeof symbol !== 'string' || !this.nullable.has(symbol)) return false
    }
    return true
  }

  conflicts(start: string): string[] {
    const found: string[] = []
    if (!this.byName.has(start)) found.push(`no rule for the start symbol ${start}`)
    for (const [name, rules] of this.byName) {
      for (const rule of rules) {
        for (const symbol of rule.symbols) {
          if (typeof symbol === 'string' && !this.byName.has(symbol)) found.push(`${name} uses undefined ${symbol}`)
          if (typeof symbol !== 'string' && typeof (symbol as { type?: unknown }).type !== 'string') {
            found.push(`${name} uses a terminal that is not a token type`)
          }
        }
      }
      const base = rules.filter((rule) => rule.symbols[0] !== name)
      const tails = rules.filter((rule) => rule.symbols[0] === name)
      const starts = new Map<string, string>()
      const claim = (type: string, by: string) => {
        if (starts.has(type)) found.push(`${name}: ${type} starts both ${starts.get(type)} and ${by}`)
        else starts.set(type, by)
      }
      base.forEach((rule, i) => this.firstOf(rule.symbols, 0).forEach((type) => claim(type, `alternative ${i + 1}`)))
      tails.forEach((rule, i) => {
        if (this.derivesEmpty(rule.symbols, 1)) found.push(`${name}: list item ${i + 1} may be empty`)
        this.firstOf(rule.symbols, 1).forEach((type) => claim(type, `list item ${i + 1}`))
      })
      const empties = base.filter((rule) => this.derivesEmpty(rule.symbols, 0))
      if (empties.length > 1) found.push(`${name}: ${empties.length} alternatives may be empty`)
      if (empties.length > 0 || tails.length > 0) {
        for (const type of this.follow.get(name)!) {
          if (starts.has(type)) found.push(`${name}: ${type} may start ${starts.get(type)} or follow ${name}`)
        }
      }
      for (const rule of base) {
        if (this.leftRecursive(name, rule.symbols, new Set())) found.push(`${name}: indirect left recursion`)
      }
    }
    return found
  }

  /** Whether `symbols` can begin, without consuming a token, with `target` again. */
  private leftRecursive(target: string, symbols: unknown[], seen: Set<string>): boolean {
    for (const symbol of symbols) {
      if (typeof symbol !== 'string') return false
      if (symbol === target) return true
      if (!seen.has(symbol)) {
        seen.add(symbol)
        for (const rule of this.byName.get(symbol) ?? []) {
          if (rule.symbols[0] !== symbol && this.leftRecursive(target, rule.symbols, seen)) return true
        }
      }
      if (!this.nullable.has(symbol)) return false
    }
    return false
  }

  plans(): Map<string, Plan> {
    const plans = new Map<string, Plan>()
    for (const [name, rules] of this.byName) {
      const plan: Plan = { byType: new Map(), tails: new Map() }
      for (const rule of rules) {
        if (rule.symbols[0] === name) {
          for (const type of this.firstOf(rule.symbols, 1)) plan.tails.set(type, rule)
        } else {
          for (const type of this.firstOf(rule.symbols, 0)) plan.byType.set(type, rule)
          if (this.derivesEmpty(rule.symbols, 0)) plan.empty = rule
        }
      }
      plans.set(name, plan)
    }
    return plans
  }
}
