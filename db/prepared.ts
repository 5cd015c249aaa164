// Named (prepared) statements for every driver: a statement is parsed and planned once per connection and
// then re-executed by name, instead of being parsed, analysed and planned again on every call. This file is
// the driver-agnostic part: which statements may be named, their stable names, the per-connection bound
// (least recently used names are closed), and how a stale statement is recognised. The drivers plug in from
// ./prepared-pg.ts (node-postgres and Neon) and ./prepared-pglite.ts. See docs/decisions/0115-….md.
import type { Db } from './client.ts'

/** Distinct statements kept prepared per connection; beyond it the least recently used one is closed. */
export const DEFAULT_MAX_PREPARED = 100

// Only single DML/queries are named. Transaction control, SET, DDL (the migrations) and EXPLAIN stay
// unnamed: they gain nothing from a cached plan, and DDL may not be prepared at all.
const PREPARABLE = /^\s*(select|with|insert|update|delete|values)\b/i

/**
 * Whether `text` may run as a named statement. With bind parameters it already goes through the extended
 * protocol (which refuses several statements in one string); without any, a `;` anywhere could separate
 * statements (or sit in a literal: then it simply stays unnamed).
 */
export function isPreparable(text: string, paramCount: number): boolean {
  return PREPARABLE.test(text) && (paramCount > 0 || !text.includes(';'))
}

/**
 * A stable name derived from the text (two 32-bit hashes, 16 hex digits): the same statement has the same
 * name on every connection and in every process, so `pg_prepared_statements` reads the same everywhere and
 * a pooler that tracks prepared statements (PgBouncer ≥ 1.21, Neon's pooler) can share it.
 */
export function statementName(text: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x9747b28c
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
    h2 ^= h2 >>> 15
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b)
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35)
  return `q_${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`
}

interface Entry<T> {
  name: string
  /** What a driver remembers about the prepared statement (PGlite: its parameter types). */
  data: T | undefined
}

/**
 * One connection's named statements, least recently used first. It decides names and the bound; whether a
 * name still has to be parsed on the server stays the driver's business (`onDrop` tells it a name is gone).
 * A dropped name (evicted or stale) is queued for a protocol-level Close, which the driver sends in front of
 * its next Parse: no extra round trip, and Close is accepted even inside a failed transaction (DEALLOCATE is
 * not). Closing a name the server no longer has is not an error.
 */
export class StatementCache<T = undefined> {
  readonly #byText = new Map<string, Entry<T>>()
  readonly #texts = new Map<string, string>()
  #toClose: string[] = []

  constructor(
    readonly max: number = DEFAULT_MAX_PREPARED,
    private readonly onDrop: (name: string) => void = () => {},
  ) {}

  get size(): number {
    return this.#byText.size
  }

  /** The entry to run `text` under (now the most recently used), or undefined: run it unnamed. */
  use(text: string): Entry<T> | undefined {
    const known = this.#byText.get(text)
    if (known) {
      this.#byText.delete(text)
      this.#byText.set(text, known)
      return known
    }
    if (this.max <= 0) return undefined
    const name = statementName(text)
    // Two texts with one name would make the driver run the wrong statement: the later one stays unnamed.
    if (this.#texts.has(name)) return undefined
    while (this.#byText.size >= this.max) {
      const oldest = this.#byText.keys().next().value
      if (oldest === undefined) break
      this.#drop(oldest)
    }
    const entry: Entry<T> = { name, data: undefined }
    this.#byText.set(text, entry)
    this.#texts.set(name, text)
    return entry
  }

  /** Drops one statement (its name is closed before the next Parse). */
  forget(text: string): void {
    this.#drop(text)
  }

  /**
   * Drops every statement: one of them went stale, which means a migration changed the schema or the
   * session lost its statements (DISCARD ALL), so none of the others can be trusted either. Each is parsed
   * again on its next use, once.
   */
  forgetAll(): void {
    for (const text of [...this.#byText.keys()]) this.#drop(text)
  }

  /** Names to Close on the server before the next Parse; the caller sends them. */
  takeClosing(): string[] {
    const names = this.#toClose
    this.#toClose = []
    return names
  }

  #drop(text: string): void {
    const entry = this.#byText.get(text)
    if (!entry) return
    this.#byText.delete(text)
    this.#texts.delete(entry.name)
    this.#toClose.push(entry.name)
    this.onDrop(entry.name)
  }
}

const STALE = Symbol.for('aura.staleStatement')

/**
 * A named statement the server can no longer run as prepared: a migration changed what it returns
 * (0A000 "cached plan must not change result type") or the statement is gone (26000, e.g. after
 * DISCARD ALL). Only errors of statements this layer named count, so an unrelated 0A000 is never retried.
 */
export function isStaleStatementError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  if (code === '26000') return true
  return code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message))
}

/** Marks an error as a stale prepared statement, so the transaction around it may be run again. */
export function markStale<E>(error: E): E {
  if (error && typeof error === 'object') Object.defineProperty(error, STALE, { value: true })
  return error
}

/** Whether the error (or one of its causes: drizzle wraps driver errors) came from a stale statement. */
export function wasStale(error: unknown): boolean {
  let e: unknown = error
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ((e as Record<symbol, unknown>)[STALE] === true) return true
    e = (e as { cause?: unknown }).cause
  }
  return false
}

/** Attempts of a transaction that keeps meeting stale statements (each on another pooled connection). */
export const STALE_ATTEMPTS = 3

/**
 * A stale statement inside a transaction fails that transaction (Postgres aborts it, nothing is left
 * half-written). The driver has already dropped the connection's statements, so running the whole
 * transaction again re-prepares them and succeeds: the request does not fail. A pool may hand the next
 * attempt another connection that is stale too, hence a few attempts. Outside transactions the drivers
 * retry the statement itself.
 */
export function retryStaleTransactions(db: Db): Db {
  const transaction = db.transaction.bind(db)
  const retrying: Db['transaction'] = async (fn, config) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(fn, config)
      } catch (error) {
        if (attempt >= STALE_ATTEMPTS || !wasStale(error)) throw error
      }
    }
  }
  Object.defineProperty(db, 'transaction', { value: retrying, configurable: true, writable: true })
  return db
}
