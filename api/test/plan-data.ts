// The data the plan guards run on: a huge tenant (100k deals, 100k contacts), a tiny one (10 deals) and a
// neighbourhood of small tenants, so that tenant_id statistics look like production (many tenants, one of
// them huge): under RLS the planner then estimates an average tenant, the situation that made the deal list
// read every deal of the big tenant (issue 10).
//
// The generator (ADR 0070) builds everything at a tenth of the size: deals with their line items and stage
// history, contacts, organizations, activities. The huge tenant's deals and contacts are then multiplied
// ten- and fivefold in SQL (copies keep every column's distribution; timestamps are shifted so the copies
// interleave in time; the copies have no line items). Generating 100k deals with their 300k lines and 170k
// history rows took 145 s on Postgres and 275 s on PGlite here; this takes a fraction of it (see ADR 0100).
import type { Db } from '@aura/db'
import { generateData, type TenantSpec } from '@aura/db/seed/generate/index'
import { createIndexes, dropSecondaryIndexes } from '@aura/db/seed/generate/indexes'
import { sql } from 'drizzle-orm'

export const HUGE = 'plans-huge'
export const TINY = 'plans-tiny'

const DEAL_COPIES = 9
const CONTACT_COPIES = 4

const tenant = (slug: string, counts: Omit<TenantSpec, 'slug' | 'group'>): TenantSpec => ({
  slug,
  group: 'plans',
  ...counts,
})

const SPECS: TenantSpec[] = [
  tenant(HUGE, {
    users: 50,
    processes: 6,
    products: 500,
    organizations: 4_000,
    contacts: 20_000,
    deals: 10_000,
    defaultProcessShare: 0.6,
  }),
  tenant(TINY, {
    users: 3,
    processes: 2,
    products: 5,
    organizations: 4,
    contacts: 8,
    deals: 10,
    defaultProcessShare: 0.7,
  }),
  ...Array.from({ length: 40 }, (_, i) =>
    tenant(`plans-n${i + 1}`, {
      users: 4,
      processes: 2,
      products: 5,
      organizations: 5,
      contacts: 20,
      deals: 25,
      defaultProcessShare: 0.7,
    }),
  ),
]

/** A v4-shaped UUID derived from an id and a copy number: the same data on every run. */
const copyId = (id: string, k: string) =>
  `overlay(overlay(md5(${id}::text || '/' || ${k}) placing '4' from 13) placing '8' from 17)::uuid`

export interface PlanDataReport {
  ms: { generate: number; copies: number; vacuum: number }
  deals: number
  contacts: number
}

/** Builds the plan tenants into an empty, migrated database (as its owner, a superuser in tests). */
export async function buildPlanData(db: Db): Promise<PlanDataReport> {
  const started = performance.now()
  await generateData(db, {
    tenants: SPECS,
    seed: 10,
    password: null,
    indexes: 'rebuild',
    verify: false,
    analyze: false,
  })
  const generated = performance.now()
  await db.transaction(async (tx) => {
    const definitions = await dropSecondaryIndexes(tx, ['deals', 'contacts'])
    // As the generator loads (ADR 0070): triggers and foreign-key checks off for this transaction (the
    // copies point at the same, existing rows); copies have no line items, so their total is 0.
    await tx.execute(sql`select set_config('session_replication_role', 'replica', true)`)
    await tx.execute(
      sql.raw(`insert into deals (id, tenant_id, name, amount, currency, process_id, stage_id,
        close_date, probability, contact_id, organization_id, assigned_user_id, notes, status, closed_at,
        closed_stage_name, closed_probability, final_amount, line_items_total, custom_fields, deleted_at, created_at,
        updated_at, created_by, updated_by)
      select ${copyId('d.id', 'k')}, d.tenant_id, d.name, d.amount, d.currency, d.process_id, d.stage_id,
        d.close_date - k * 29, d.probability, d.contact_id, d.organization_id, d.assigned_user_id, d.notes,
        d.status, d.closed_at - k * interval '29 days 7 hours', d.closed_stage_name, d.closed_probability,
        d.final_amount, 0, d.custom_fields, d.deleted_at, d.created_at - k * interval '29 days 7 hours',
        d.updated_at - k * interval '29 days 7 hours', d.created_by, d.updated_by
      from deals d join tenants t on t.id = d.tenant_id and t.slug = '${HUGE}'
      cross join generate_series(1, ${DEAL_COPIES}) k`),
    )
    // Same names (a common name then matches thousands), emails made unique per copy.
    await tx.execute(
      sql.raw(`insert into contacts (id, tenant_id, first_name, last_name, email, phone, title,
        organization_id, assigned_user_id, custom_fields, deleted_at, created_at, updated_at, created_by, updated_by)
      select ${copyId('c.id', 'k')}, c.tenant_id, c.first_name, c.last_name,
        case when c.email is null then null else 'c' || k || '.' || c.email end, c.phone, c.title,
        c.organization_id, c.assigned_user_id, c.custom_fields, c.deleted_at,
        c.created_at - k * interval '13 days 5 hours', c.updated_at - k * interval '13 days 5 hours',
        c.created_by, c.updated_by
      from contacts c join tenants t on t.id = c.tenant_id and t.slug = '${HUGE}'
      cross join generate_series(1, ${CONTACT_COPIES}) k`),
    )
    await createIndexes(tx, definitions)
  })
  const copied = performance.now()
  // VACUUM: visibility map set (index-only scans) and trigram GIN pending lists merged (ADR 0080), as
  // autovacuum leaves a production table; ANALYZE: statistics of the final data.
  await db.execute(sql`vacuum analyze`)
  const done = performance.now()
  const count = async (table: string) => {
    const result = (await db.execute(
      sql.raw(
        `select count(*)::int as n from ${table} x join tenants t on t.id = x.tenant_id and t.slug = '${HUGE}'`,
      ),
    )) as unknown as { rows: { n: number }[] }
    return Number(result.rows[0]?.n ?? 0)
  }
  return {
    ms: {
      generate: Math.round(generated - started),
      copies: Math.round(copied - generated),
      vacuum: Math.round(done - copied),
    },
    deals: await count('deals'),
    contacts: await count('contacts'),
  }
}
