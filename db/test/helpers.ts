// Small helpers for database tests: raw rows across drivers, SQLSTATE of a failed statement, and a
// transaction bound as crm_app without any tenant settings.
import { type SQL, sql } from 'drizzle-orm'
import { APP_ROLE, type Db, type Tx } from '../client.ts'

/** Rows of a raw statement (PGlite, node-postgres and Neon all return `{ rows }`). */
export async function rows<T = Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

/** Rows a raw INSERT/UPDATE/DELETE touched (node-postgres: rowCount, PGlite: affectedRows). */
export async function affected(db: Db | Tx, query: SQL): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rowCount?: number | null; affectedRows?: number }
  return result.rowCount ?? result.affectedRows ?? 0
}

/** The SQLSTATE of an error thrown by a statement (drizzle wraps the driver error as `cause`). */
export function pgCode(error: unknown): string | undefined {
  let e: unknown = error
  while (e && typeof e === 'object') {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

/** Runs fn and returns the SQLSTATE it failed with, or 'ok'. */
export async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn()
    return 'ok'
  } catch (error) {
    return pgCode(error) ?? `no sqlstate: ${String(error)}`
  }
}

/** A transaction as crm_app with no tenant, user or role bound at all. */
export function asAppWithoutContext<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`)
    return fn(tx)
  })
}

export const INSUFFICIENT_PRIVILEGE = '42501'
export const FOREIGN_KEY_VIOLATION = '23503'
export const CHECK_VIOLATION = '23514'
export const UNIQUE_VIOLATION = '23505'
