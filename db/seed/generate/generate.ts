// generateData: the one bulk data generator, shared by tests, the benchmark and the CLI
// (db/scripts/generate.ts). Runs as the connecting owner role, never through withTenant: it writes
// hundreds of thousands of rows per tenant with the per-row total triggers bypassed (see load.ts).
import { sql } from 'drizzle-orm'
import type { Db } from '../../client.ts'
import { hashPassword } from '../password.ts'
import { arrayLiteral } from './bulk.ts'
import { createIndexes, dropSecondaryIndexes } from './indexes.ts'
import { type BypassMode, loadTenant, type TenantReport } from './load.ts'
import { GENERATED_TABLES } from './plan.ts'
import { type ScaleName, selectTenants, type TenantSpec } from './scales.ts'
import { verifyTenant } from './verify.ts'

export const GENERATED_PASSWORD = 'generated-password-123'

export interface GenerateOptions {
  scale?: ScaleName
  /** Explicit tenants instead of a scale (tests that want other counts). */
  tenants?: TenantSpec[]
  seed?: number
  /** Group names ('tenants', 'big', 'xl', 'tiny', 'small') or slugs to build. */
  only?: readonly string[]
  /** Delete existing tenants with the same slugs first; without it, an existing slug is an error. */
  reset?: boolean
  /** Tenants loaded at once, each on its own connection (the 'replica' bypass only). */
  workers?: number
  /** Deals (or contacts, organizations) per INSERT statement. */
  chunk?: number
  /** Password of every generated user (hashed once); null leaves users without one. */
  password?: string | null
  analyze?: boolean
  /**
   * 'rebuild' drops the secondary indexes of the generated tables, loads everything in one transaction
   * (one connection) and rebuilds them: fastest into a scratch database, but it locks those tables for
   * the whole load. 'keep' (default) loads tenant by tenant into live indexes, safe beside other work.
   */
  indexes?: 'keep' | 'rebuild'
  /** Check foreign keys and deal totals of every loaded tenant (after ANALYZE); throws on a violation. */
  verify?: boolean
  /** Progress lines for a CLI; silent by default. */
  log?: (line: string) => void
}

export interface GenerateReport {
  seed: number
  bypass: BypassMode
  tenants: TenantReport[]
  /** Milliseconds per phase. */
  ms: {
    reset: number
    load: number
    indexes: number
    analyze: number
    totals: number
    verify: number
    total: number
  }
  rows: Record<string, number>
}

export async function generateData(db: Db, options: GenerateOptions = {}): Promise<GenerateReport> {
  const started = performance.now()
  const seed = options.seed ?? 42
  const specs = options.tenants ?? selectTenants(options.scale ?? 'tiny', options.only)
  const log = options.log ?? (() => {})
  const slugs = specs.map((s) => s.slug)
  const ms = { reset: 0, load: 0, indexes: 0, analyze: 0, totals: 0, verify: 0, total: 0 }

  const existing = await existingSlugs(db, slugs)
  if (existing.length && !options.reset)
    throw new Error(`tenants already exist: ${existing.join(', ')} (pass reset to replace them)`)
  if (existing.length) {
    const t = performance.now()
    await deleteTenants(db, existing)
    ms.reset = Math.round(performance.now() - t)
    log(`reset ${existing.length} tenant(s) in ${ms.reset} ms`)
  }

  const bypass = (await isSuperuser(db)) ? 'replica' : 'disable-triggers'
  const password = options.password === undefined ? GENERATED_PASSWORD : options.password
  const passwordHash = password === null ? null : await hashPassword(password)
  const load = { seed, chunk: options.chunk ?? 2_000, bypass, passwordHash } as const
  const t = performance.now()
  const reports: TenantReport[] = []
  const loadAll = async (into: Db, workers: number) => {
    const queue = [...specs]
    const worker = async () => {
      for (let spec = queue.shift(); spec; spec = queue.shift()) {
        const report = await loadTenant(into, spec, load, log)
        reports.push(report)
        log(`${report.slug}: ${describe(report)}`)
      }
    }
    await Promise.all(Array.from({ length: Math.min(workers, specs.length) }, worker))
  }
  if (options.indexes === 'rebuild') {
    await db.transaction(async (tx) => {
      const definitions = await dropSecondaryIndexes(tx, GENERATED_TABLES)
      // A transaction handle runs the per-tenant transactions as savepoints on this one connection.
      await loadAll(tx as unknown as Db, 1)
      ms.load = Math.round(performance.now() - t)
      const r = performance.now()
      await createIndexes(tx, definitions)
      ms.indexes = Math.round(performance.now() - r)
      log(`rebuilt ${definitions.length} indexes in ${ms.indexes} ms`)
    })
  } else {
    await loadAll(db, bypass === 'replica' ? Math.max(1, options.workers ?? 2) : 1)
    ms.load = Math.round(performance.now() - t)
  }

  // The load bypassed the triggers that keep the pipeline stage totals (ADR 0105) and the activity owners
  // (ADR 0102): compute them from the loaded rows once the indexes exist (one index range per tenant),
  // before ANALYZE counts them too.
  const p = performance.now()
  for (const r of reports) {
    await db.execute(sql`select rebuild_pipeline_stage_totals(${r.tenantId}::uuid)`)
    await db.execute(sql`select rebuild_activity_owners(${r.tenantId}::uuid)`)
    await db.execute(sql`select rebuild_deal_close_totals(${r.tenantId}::uuid)`)
  }
  ms.totals = Math.round(performance.now() - p)
  if (options.analyze ?? true) {
    const a = performance.now()
    await db.execute(
      sql.raw(
        `analyze ${[...GENERATED_TABLES, 'pipeline_stage_totals', 'deal_close_totals', 'activity_owners'].join(', ')}`,
      ),
    )
    ms.analyze = Math.round(performance.now() - a)
  }
  if (options.verify ?? true) {
    const v = performance.now()
    for (const r of reports) {
      const violations = await verifyTenant(db, r.tenantId)
      if (Object.keys(violations).length)
        throw new Error(
          `${r.slug}: generated data breaks invariants ${JSON.stringify(violations)}; rerun with reset`,
        )
    }
    ms.verify = Math.round(performance.now() - v)
  }
  ms.total = Math.round(performance.now() - started)
  reports.sort((a, b) => slugs.indexOf(a.slug) - slugs.indexOf(b.slug))
  return { seed, bypass, tenants: reports, ms, rows: sumRows(reports) }
}

function describe(r: TenantReport): string {
  const parts = Object.entries(r.ms).map(([part, n]) => `${part} ${n} ms`)
  return `${r.rows.deals ?? 0} deals; ${parts.join(', ')}`
}

function sumRows(reports: readonly TenantReport[]): Record<string, number> {
  const rows: Record<string, number> = {}
  for (const r of reports)
    for (const [table, n] of Object.entries(r.rows)) rows[table] = (rows[table] ?? 0) + n
  return rows
}

async function existingSlugs(db: Db, slugs: readonly string[]): Promise<string[]> {
  const result = (await db.execute(
    sql`select slug from tenants where slug = any(${arrayLiteral(slugs)}::text[]) order by slug`,
  )) as unknown as { rows: { slug: string }[] }
  return result.rows.map((r) => r.slug)
}

async function isSuperuser(db: Db): Promise<boolean> {
  const result = (await db.execute(sql`select current_setting('is_superuser') = 'on' as su`)) as unknown as {
    rows: { su: boolean }[]
  }
  return result.rows[0]?.su === true
}

/** The platform's retention purge (ADR 0012): app.purge lets append-only rows go with their tenant. */
async function deleteTenants(db: Db, slugs: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.purge', 'on', true)`)
    await tx.execute(sql`delete from tenants where slug = any(${arrayLiteral(slugs)}::text[])`)
  })
}
