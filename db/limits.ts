// Bounded waits (issue 9, ADR 0094): a request's transaction may run a statement for at most
// statementTimeoutMs and wait for a row or table lock at most lockTimeoutMs; taking a connection from a full
// pool waits at most acquireTimeoutMs. One locked or slow table then costs its own requests a few seconds and
// a 503, and its connections come back to the pool, instead of stalling every page behind it.
//
// The two statement-level limits are set per transaction inside the binding statement that withTenant,
// withIdentity and withPlatform already send (no extra round trip, `is_local`, so nothing outlives the
// transaction). Migrations, the data generator and the maintenance jobs do not bind and are not limited.
// PGlite runs one statement at a time in-process and has no timer to cancel one: the settings are accepted
// and have no effect there.

export interface DatabaseLimits {
  /** statement_timeout of request transactions; 0 = none. */
  statementTimeoutMs: number
  /** lock_timeout of request transactions; 0 = none. */
  lockTimeoutMs: number
  /** How long a request waits for a pooled connection (or to open one); 0 = forever. */
  acquireTimeoutMs: number
}

export const DEFAULT_LIMITS: DatabaseLimits = {
  statementTimeoutMs: 5_000,
  lockTimeoutMs: 2_000,
  acquireTimeoutMs: 5_000,
}

/** No limits: the maintenance jobs, which run outside any request and may touch a whole tenant. */
export const UNLIMITED: DatabaseLimits = { statementTimeoutMs: 0, lockTimeoutMs: 0, acquireTimeoutMs: 0 }

/**
 * Kept on the handle itself under a symbol, so a handle that forwards property reads to the current one
 * (the Workers app's per-request database, api/src/worker.ts) reports that one's limits.
 */
const LIMITS = Symbol.for('aura.databaseLimits')

/** Completes `limits` with the defaults, ignoring unset fields. */
export function resolveLimits(limits: Partial<DatabaseLimits> = {}): DatabaseLimits {
  const set = Object.entries(limits).filter(([, v]) => v !== undefined)
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(set) }
}

/** Remembers the limits `connect` was given on this database handle; returns the handle. */
export function rememberLimits<D extends object>(db: D, limits: DatabaseLimits): D {
  Object.defineProperty(db, LIMITS, { value: limits, configurable: true })
  return db
}

/** The limits of a database handle: those it was connected with, else the defaults (never unbounded). */
export function limitsOf(db: object): DatabaseLimits {
  return (Reflect.get(db, LIMITS) as DatabaseLimits | undefined) ?? DEFAULT_LIMITS
}
