// The invariants a bulk load must leave behind, checked with queries: every foreign key of every table
// that has a tenant_id (composite keys, stage-in-process included, read from pg_constraint so new keys are
// covered without editing this file), and the exact deal totals of ADR 0013.
import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../executor.ts'

interface ForeignKey {
  name: string
  child: string
  parent: string
  childColumns: string[]
  parentColumns: string[]
}

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}

async function tenantForeignKeys(db: Executor): Promise<ForeignKey[]> {
  return rows<ForeignKey>(
    db,
    sql`select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as "childColumns",
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as "parentColumns"
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and exists (select 1 from pg_attribute a
          where a.attrelid = c.conrelid and a.attname = 'tenant_id' and not a.attisdropped)
      order by 1`,
  )
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Violations by name (foreign key or 'deal_totals'), counting rows; an empty object means all hold. */
export async function verifyTenant(db: Executor, tenantId: string): Promise<Record<string, number>> {
  const violations: Record<string, number> = {}
  for (const fk of await tenantForeignKeys(db)) {
    // MATCH SIMPLE: a key with any NULL column is not checked, so neither is it here.
    const present = fk.childColumns.map((c) => `c.${q(c)} is not null`).join(' and ')
    const joined = fk.childColumns
      .map((c, i) => `p.${q(fk.parentColumns[i] ?? '')} = c.${q(c)}`)
      .join(' and ')
    const [row] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.raw(q(fk.child))} c
        where c.tenant_id = ${tenantId} and ${sql.raw(present)}
          and not exists (select 1 from ${sql.raw(q(fk.parent))} p where ${sql.raw(joined)})`,
    )
    if (row?.n) violations[fk.name] = row.n
  }
  const [totals] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from deals d
      left join (select deal_id, sum(extended_price) as total, count(*) as live from deal_line_items
        where tenant_id = ${tenantId} and deleted_at is null group by deal_id) l on l.deal_id = d.id
      where d.tenant_id = ${tenantId}
        and (d.line_items_total <> coalesce(l.total, 0) or (l.live > 0 and d.amount <> l.total))`,
  )
  if (totals?.n) violations.deal_totals = totals.n
  return violations
}
