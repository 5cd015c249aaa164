// What a restored (or any) database must show before it takes traffic: the isolation machinery intact
// (RLS enabled and forced on every tenant table, crm_app owning nothing and bypassing nothing, the
// append-only guards in place) and every tenant's data consistent (composite foreign keys, exact deal
// totals: verifyTenant). Also the row count of every table, so a restore can be compared with its source.
import { sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { verifyTenant } from './seed/generate/verify.ts'

export interface DatabaseReport {
  /** Rows per public table (exact counts). */
  counts: Record<string, number>
  migrations: number
  /** Empty when every check holds. */
  problems: string[]
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}

export async function verifyDatabase(db: Db): Promise<DatabaseReport> {
  const problems: string[] = []
  const tables = await rows<{ name: string; rls: boolean; forced: boolean; tenant: boolean }>(
    db,
    sql`select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
          and not a.attisdropped) as tenant
      from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by 1`,
  )
  for (const t of tables)
    if (t.tenant && !(t.rls && t.forced))
      problems.push(`${t.name}: row level security not enabled and forced`)

  const [app] = await rows<{ super: boolean; bypass: boolean; login: boolean; owns: number }>(
    db,
    sql`select r.rolsuper as super, r.rolbypassrls as bypass, r.rolcanlogin as login,
        (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
      from pg_roles r where r.rolname = 'crm_app'`,
  )
  if (!app) problems.push('role crm_app is missing (restore roles first: see the runbook)')
  else if (app.super || app.bypass || app.login || app.owns > 0)
    problems.push('role crm_app must be NOLOGIN, not a superuser, without BYPASSRLS, owning nothing')

  const guarded = await rows<{ table: string }>(
    db,
    sql`select distinct c.relname as "table" from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgname = 'refuse_append_only_change'`,
  )
  for (const table of ['audit_log', 'platform_audit_log', 'deal_stage_history', 'activities'])
    if (!guarded.some((g) => g.table === table)) problems.push(`${table}: append-only guard missing`)

  const tenants = await rows<{ id: string; slug: string }>(
    db,
    sql`select id, slug from tenants order by slug`,
  )
  for (const t of tenants) {
    const violations = await verifyTenant(db, t.id)
    for (const [name, n] of Object.entries(violations)) problems.push(`tenant ${t.slug}: ${name} (${n} rows)`)
  }

  const counts: Record<string, number> = {}
  for (const t of tables) {
    const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(t.name)}`)
    counts[t.name] = row?.n ?? 0
  }
  const [migrations] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  )
  return { counts, migrations: migrations?.n ?? 0, problems }
}
