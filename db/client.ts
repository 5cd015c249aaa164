// The one way into tenant data (withTenant) and the one privileged path across tenants (withPlatform).
// Driver-agnostic: PGlite, node-postgres and Neon all hand us a drizzle PgDatabase.
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransactionConfig } from 'drizzle-orm/pg-core'
import { type DatabaseLimits, limitsOf, UNLIMITED } from './limits.ts'
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
 * All settings, the waits' limits included (db/limits.ts), travel in one statement: binding costs one
 * round trip after BEGIN.
 */
export function withTenant<T>(
  db: Db,
  ctx: TenantContext,
  fn: (tx: Tx) => Promise<T>,
  /** Isolation and access mode, e.g. one read-only snapshot for a consistent archive. */
  config?: PgTransactionConfig,
): Promise<T> {
  const limits = limitsOf(db)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', ${APP_ROLE}, true),
      set_config('app.current_tenant_id', ${ctx.tenantId}, true),
      set_config('app.current_user_id', ${ctx.userId ?? ''}, true),
      set_config('app.current_role', ${ctx.role ?? ''}, true),
      ${boundedWaits(limits)}`)
    return fn(tx)
  }, config)
}

/** The statement and lock timeouts of a transaction, as select-list items of its binding statement. */
function boundedWaits(limits: DatabaseLimits) {
  return sql`set_config('statement_timeout', ${String(limits.statementTimeoutMs)}, true),
      set_config('lock_timeout', ${String(limits.lockTimeoutMs)}, true)`
}

/** A session (SHA-256 of the cookie's session id) or a personal API token (SHA-256 of the bearer token). */
export interface Credential {
  kind: 'session' | 'token'
  hash: string
}

/** What the database says about a live credential (migration 0014, identify_credential). */
export interface CredentialFacts {
  userId: string
  /** The host the credential was issued for; null for the root domain. */
  tenantId: string | null
  role: Role | null
  isPlatformAdmin: boolean
  tenantSlug: string | null
  tenantStatus: string | null
  expiresAt: Date | null
  /** Sessions only: the step-up window (NFR-S8). */
  elevatedUntil: Date | null
  /** Tokens only. */
  lastUsedAt: Date | null
}

/**
 * The facts of a live credential, or null (unknown, expired, revoked, user deactivated). One statement and
 * no transaction: the SECURITY DEFINER function is the privilege boundary (ADR 0110), run by the login role.
 */
export async function identifyCredential(db: Db, credential: Credential): Promise<CredentialFacts | null> {
  const result = (await db.execute(
    sql`select * from identify_credential(${credential.kind}, ${credential.hash})`,
  )) as unknown as {
    rows: Record<string, unknown>[]
  }
  const row = result.rows[0]
  if (!row) return null
  return {
    userId: String(row.user_id),
    tenantId: (row.tenant_id as string | null) ?? null,
    role: (row.role as Role | null) ?? null,
    isPlatformAdmin: row.is_platform_admin === true,
    tenantSlug: (row.tenant_slug as string | null) ?? null,
    tenantStatus: (row.tenant_status as string | null) ?? null,
    expiresAt: toDate(row.expires_at),
    elevatedUntil: toDate(row.elevated_until),
    lastUsedAt: toDate(row.last_used_at),
  }
}

/** A tenant host as the request addressed it. */
export interface HostTenant {
  tenantId: string
  slug: string
}

/** The identity a credential binding established, read from the database inside the transaction. */
export interface BoundIdentity {
  userId: string
  role: Role
  expiresAt: Date | null
  elevatedUntil: Date | null
  lastUsedAt: Date | null
}

export type CredentialRefusal = 'invalid' | 'other_tenant' | 'tenant_unavailable'

/** The binding statement refused the credential; the transaction was rolled back before anything ran. */
export class CredentialRefused extends Error {
  constructor(readonly refusal: CredentialRefusal) {
    super(`credential refused: ${refusal}`)
    this.name = 'CredentialRefused'
  }
}

/**
 * withTenant for a request that carries a credential: the binding statement itself checks the session or
 * token (live, issued for this tenant, user active, tenant active) and sets the app.* settings from the
 * database's facts, then drops to crm_app, all in one round trip after BEGIN. A revoked credential is
 * therefore refused by the very transaction that would have used it (ADR 0110). `fn` gets the facts, to
 * compare with what the request assumed before it opened the transaction.
 */
export function withIdentity<T>(
  db: Db,
  host: HostTenant,
  credential: Credential,
  fn: (tx: Tx, identity: BoundIdentity) => Promise<T>,
): Promise<T> {
  const limits = limitsOf(db)
  return db.transaction(async (tx) => {
    // FROM runs the function before the projection: the role changes only after the definer has returned.
    const result = (await tx.execute(sql`select b.outcome, b.user_id, b.role, b.expires_at, b.elevated_until,
      b.last_used_at, ${boundedWaits(limits)}, set_config('role', ${APP_ROLE}, true) as bound_role
      from bind_credential(${credential.kind}, ${credential.hash}, ${host.tenantId}::uuid, ${host.slug}) as b`)) as unknown as {
      rows: Record<string, unknown>[]
    }
    const row = result.rows[0]
    if (!row || row.bound_role !== APP_ROLE) throw new Error('the credential binding returned no row')
    if (row.outcome !== 'ok') throw new CredentialRefused(row.outcome as CredentialRefusal)
    return fn(tx, {
      userId: String(row.user_id),
      role: row.role as Role,
      expiresAt: toDate(row.expires_at),
      elevatedUntil: toDate(row.elevated_until),
      lastUsedAt: toDate(row.last_used_at),
    })
  })
}

/** node-postgres, PGlite and Neon all parse timestamptz to Date; a string is accepted all the same. */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null
  return value instanceof Date ? value : new Date(String(value))
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
  // Maintenance (purging a whole tenant, say) runs outside any request: it is not cut short.
  const limits = reason === 'maintenance' ? UNLIMITED : limitsOf(db)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', ${PLATFORM_ROLE}, true),
      set_config('app.platform_reason', ${reason}, true),
      set_config('app.current_user_id', ${actorId ?? ''}, true),
      ${boundedWaits(limits)}`)
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
  | 'security-event'
  | 'maintenance'
  | 'notification-delivery'
