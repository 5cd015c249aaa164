// The invariants a bulk load must leave behind, checked with queries: every foreign key of every table
// that has a tenant_id (composite keys, stage-in-process included, read from pg_constraint so new keys are
// covered without editing this file), the exact deal totals of ADR 0013, the pipeline stage totals of
// ADR 0105 and the activity owners of ADR 0102.
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
  const summary = await pipelineTotalsMismatches(db, tenantId)
  if (summary) violations.pipeline_stage_totals = summary
  const owners = await activityOwnersMismatches(db, tenantId)
  if (owners) violations.activity_owners = owners
  return violations
}

/**
 * activity_owners (ADR 0102) against what it stands for, stated here independently of the triggers: one row
 * per activity and user assigned to or creating its contact or its deal. Missing and extra rows both count.
 */
export async function activityOwnersMismatches(db: Executor, tenantId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`with expected as (
        select distinct u.user_id, a.id as activity_id, a.occurred_at from activities a
          join contacts c on c.tenant_id = a.tenant_id and c.id = a.contact_id
          left join deals d on d.tenant_id = a.tenant_id and d.id = a.deal_id
          cross join lateral (values (c.assigned_user_id), (c.created_by), (d.assigned_user_id), (d.created_by)) u(user_id)
          where a.tenant_id = ${tenantId} and u.user_id is not null),
      kept as (select user_id, activity_id, occurred_at from activity_owners where tenant_id = ${tenantId})
      select ((select count(*) from (select * from expected except select * from kept) missing)
        + (select count(*) from (select * from kept except select * from expected) extra))::int as n`,
  )
  return row?.n ?? 0
}

/**
 * The pipeline stage totals (ADR 0105) against the live deals, checked as the two views the summary serves
 * rather than row by row: per (process, stage, status), the by-owner rows sum to all live deals (a lead's
 * view); per user, that user's rows sum to the deals assigned to or created by them (a rep's view).
 * Counts the (process, stage, status[, user]) groups that differ.
 */
export async function pipelineTotalsMismatches(db: Executor, tenantId: string): Promise<number> {
  const [row] = await rows<{ leads: number; users: number }>(
    db,
    sql`with live as (select * from deals where tenant_id = ${tenantId} and deleted_at is null),
      totals as (select * from pipeline_stage_totals where tenant_id = ${tenantId}),
      lead_expected as (select process_id, stage_id, status, count(*) as n, sum(amount) as amount,
          sum(amount * probability) as weighted
        from live group by 1, 2, 3),
      lead_kept as (select process_id, stage_id, status, sum(deal_count) as n, sum(amount_total) as amount,
          sum(weighted_total) as weighted
        from totals where not by_creator group by 1, 2, 3
        having (sum(deal_count), sum(amount_total), sum(weighted_total)) <> (0, 0, 0)),
      user_expected as (select u.user_id, d.process_id, d.stage_id, d.status, count(*) as n,
          sum(d.amount) as amount, sum(d.amount * d.probability) as weighted
        from live d cross join lateral (select distinct x as user_id
          from (values (d.assigned_user_id), (d.created_by)) v(x) where x is not null) u
        group by 1, 2, 3, 4),
      user_kept as (select user_id, process_id, stage_id, status, sum(deal_count) as n,
          sum(amount_total) as amount, sum(weighted_total) as weighted
        from totals where user_id is not null group by 1, 2, 3, 4
        having (sum(deal_count), sum(amount_total), sum(weighted_total)) <> (0, 0, 0))
      select
        (select count(*)::int from lead_expected e full join lead_kept k using (process_id, stage_id, status)
          where (e.n, e.amount, e.weighted) is distinct from (k.n, k.amount, k.weighted)) as leads,
        (select count(*)::int from user_expected e full join user_kept k using (user_id, process_id, stage_id, status)
          where (e.n, e.amount, e.weighted) is distinct from (k.n, k.amount, k.weighted)) as users`,
  )
  return (row?.leads ?? 0) + (row?.users ?? 0)
}
