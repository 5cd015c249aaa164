// The one way into tenant data (withTenant) and the one privileged path across tenants (withPlatform).
// Driver-agnostic: PGlite, node-postgres and Neon all hand us a drizzle PgDatabase.
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema/index.ts'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export type Role = 'admin' | 'manager' | 'rep'

export interface TenantContext {
  tenantId: string
  /** Absent for requests not yet authenticated (login on a tenant host, invitation acceptance). */
  userId?: string | null
  role?: Role | null
}

/** The application role: owns nothing, no BYPASSRLS; every tenant query runs as it. */
export const APP_ROLE = 'crm_app'
/** The privileged role for the few flows that must cross tenants; has BYPASSRLS, few grants. */
export const PLATFORM_ROLE = 'crm_platform'

/**
 * Runs fn in one transaction bound to a tenant: the role and the three settings are set with bound
 * parameters and `is_local = true`, so nothing leaks to the next transaction on a pooled connection.
 * All four settings travel in one statement: binding costs one round trip after BEGIN.
 */
export function withTenant<T>(db: Db, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', ${APP_ROLE}, true),
      set_config('app.current_tenant_id', ${ctx.tenantId}, true),
      set_config('app.current_user_id', ${ctx.userId ?? ''}, true),
      set_config('app.current_role', ${ctx.role ?? ''}, true)`)
    return fn(tx)
  })
}

/**
 * The privileged path for platform flows that must cross tenants: signup, login lookup, session
 * validation, provisioning, the platform console. `reason` names the flow; keep call sites few.
 * The acting user, when known, is still recorded so defaults such as created_by stay truthful.
 */
export function withPlatform<T>(
  db: Db,
  reason: PlatformReason,
  fn: (tx: Tx) => Promise<T>,
  actorId?: string | null,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', ${PLATFORM_ROLE}, true),
      set_config('app.platform_reason', ${reason}, true),
      set_config('app.current_user_id', ${actorId ?? ''}, true)`)
    return fn(tx)
  })
}

export type PlatformReason =
  | 'resolve-tenant'
  | 'authenticate'
  | 'signup'
  | 'password-reset'
  | 'provision-tenant'
  | 'platform-console'
  | 'email-dispatch'
  | 'local-outbox'
  | 'rate-limit'
  | 'step-up'
  | 'maintenance'
