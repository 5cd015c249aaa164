// One page of a table whose rows belong to people (deals, contacts): read on an ordered index first, before
// anything is joined, so a page reads about as many rows as it returns (ADR 0100).
//
// Their policies (db/schema/_rls.ts) let admins and managers see the whole tenant and anyone else the rows
// assigned to or created by them. A single ordered scan would make a rep read past every colleague's row
// (50 rows read per row shown on a 50-person tenant), so the page is the union of three branches, each a
// keyset scan of one index, and the statement's own settings decide which run (an InitPlan the executor
// evaluates once: the others are never started):
//   - a lead:  the tenant's rows in order;
//   - others:  rows assigned to them, in order (indexes led by tenant_id, assigned_user_id),
//              and rows they created but that are assigned to someone else ("handed over", a partial index
//              led by tenant_id, created_by, read whole: there are few) — disjoint from the first, so
//              UNION ALL stays exact.
// RLS still applies to every branch: the branches only choose the index, they never widen what is shown.
// The same statement serves every role, so a prepared statement's plan holds for all of them.
//
// A prepared statement's generic plan estimates an average tenant, and at one estimated row every index
// with the right columns costs the same: the first one found wins, say the lead's board index for a rep's
// board column (then read past every colleague's deal in that stage). So the branches are kept apart by the
// indexes' predicates (db/schema/deals-page-indexes.ts): the lead's hold live rows (`live`), and the rep's
// branches state `live` only as `(…) is true`, from which Postgres proves no predicate. The handed-over
// branch wraps the filters the same way: its rows are few, read whole on their own partial index.
import { isTeamLead } from '@aura/db/schema/_rls'
import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'

export interface OwnedTable {
  table: PgTable
  assignedUserId: PgColumn
  createdBy: PgColumn
}

export interface PageSpec {
  /** The select list of each branch (the table's columns plus sort keys). */
  columns: SQL
  /** Which rows are listed at all (not soft-deleted): matches the partial indexes' predicate. */
  live: SQL
  /** The list's filters; the same in every branch. */
  where: SQL
  /** The keyset condition after the cursor, if any. */
  after?: SQL | undefined
  /** ORDER BY inside each branch: must match an index's order exactly (desc nulls last, …). */
  orderBy: SQL
  /** The same order over the branch outputs' column names (the union is ordered again). */
  outerOrderBy: SQL
  limit: number
  /**
   * A statement yielding at most a few hundred `id`s (a search's bounded candidates, already restricted to
   * what the caller may see): the page is then taken among those rows, each fetched by key under RLS,
   * instead of on an index of the whole table.
   */
  candidates?: SQL
}

/** True for admins and managers, as the policies read it (a one-time filter gating a lead's branch). */
export const lead = sql`coalesce(${isTeamLead}, false)`
/**
 * The bound user, as the policies read it, but cast inside the sub-select: a comparison with a uuid
 * parameter is leakproof and can be an index condition under RLS, one with `(select …)::uuid` is not (the
 * cast, uuid_in, is not leakproof) and would leave the branch a scan of the whole tenant.
 */
export const me = sql`(select nullif(current_setting('app.current_user_id', true), '')::uuid)`

/** The page as a derived table's body: at most `limit` rows in `outerOrderBy` order. */
export function ownedPage(t: OwnedTable, p: PageSpec): SQL {
  // A literal limit: the planner then knows how small a fraction of the index a branch reads, also in a
  // prepared statement's generic plan (a parameter would be costed as 10% of the rows).
  if (!Number.isInteger(p.limit) || p.limit < 1) throw new Error(`ownedPage: bad limit ${p.limit}`)
  const limit = sql.raw(String(p.limit))
  const after = p.after ?? sql`true`
  const branch = (extra: SQL, live: SQL, where: SQL) =>
    sql`(select ${p.columns} from ${t.table} where ${extra} and ${live} and ${after} and ${where}
      order by ${p.orderBy} limit ${limit})`
  const opaque = (condition: SQL) => sql`(${condition}) is true`
  if (p.candidates)
    // LIMIT 1 keeps the lateral subquery a per-candidate lookup by key (a plain one would be flattened into
    // a join the planner may turn into a scan of the whole table).
    return sql`select x.* from (${p.candidates}) candidate cross join lateral (select ${p.columns} from ${t.table}
      where ${t.table}.id = candidate.id and ${p.live} and ${after} and ${p.where} limit 1) x
      order by ${p.outerOrderBy} limit ${limit}`
  return sql`select * from (
    ${branch(lead, p.live, p.where)}
    union all
    ${branch(sql`not ${lead} and ${t.assignedUserId} = ${me}`, opaque(p.live), p.where)}
    union all
    ${branch(
      sql`not ${lead} and ${t.createdBy} = ${me} and ${t.createdBy} is distinct from ${t.assignedUserId}`,
      opaque(p.live),
      opaque(p.where),
    )}
  ) owned order by ${p.outerOrderBy} limit ${limit}`
}

/**
 * A table's columns read back from a derived table (`page` unless said) that selects `table.*`, decoded as
 * drizzle decodes the table's own columns, with the same names and types as `tx.select().from(table)` gives.
 */
export function pageColumns<T extends PgTable>(
  table: T,
  alias = 'page',
): { [K in keyof T['$inferSelect']]: SQL<T['$inferSelect'][K]> } {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [
      key,
      sql`${sql.identifier(alias)}.${sql.identifier(column.name)}`.mapWith(column),
    ]),
  ) as { [K in keyof T['$inferSelect']]: SQL<T['$inferSelect'][K]> }
}
