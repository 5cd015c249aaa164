// F8.3 list: filters, a stable sort (key, id) and keyset paging. The page is taken on an ordered index of
// deals alone (lib/owned-page.ts: a lead's, or a rep's own deals) and only then are process and stage names
// and the line-items flag joined, for those rows only (ADR 0100). RLS adds the tenant and ownership. The
// cursor carries the sort key as Postgres text (microseconds intact) and names its sort, so a cursor from
// another sort is a 400.

import { schema, type Tx } from '@aura/db'
import { and, type SQL, sql } from 'drizzle-orm'
import { isRealDate } from '../../lib/dates.ts'
import { ownedPage } from '../../lib/owned-page.ts'
import {
  decodeCursor,
  fromTimestampKey,
  invalidCursor,
  isTimestampKey,
  timestampKey,
  toPage,
} from '../../lib/pagination.ts'
import { selectDealPage, toDeal } from './deal-view.ts'
import type { DealSort, TDealListQuery } from './deals.inputs.ts'

const d = schema.deals

/**
 * The close date with a missing one as the earliest: what the close-date indexes hold. `greatest` ignores
 * NULL like coalesce would, but unlike coalesce it counts as leakproof (its comparison function is), so under
 * RLS a range or keyset condition on it can be an index condition.
 */
const closeKey = sql`greatest(${d.closeDate}, '-infinity'::date)`

/** Per sort: the ORDER BY expression, its text form for the cursor, the cast back, the accepted text. */
const SORTS: Record<
  DealSort,
  { expr: SQL; text: SQL; cast: (v: string) => SQL; valid: (v: string) => boolean }
> = {
  updatedAt: {
    expr: sql`${d.updatedAt}`,
    text: timestampKey(d.updatedAt),
    cast: fromTimestampKey,
    valid: isTimestampKey,
  },
  createdAt: {
    expr: sql`${d.createdAt}`,
    text: timestampKey(d.createdAt),
    cast: fromTimestampKey,
    valid: isTimestampKey,
  },
  // Deals without a close date sort as the earliest (last when newest first).
  closeDate: {
    expr: closeKey,
    text: sql`${closeKey}::text`,
    cast: (v) => sql`${v}::date`,
    valid: (v) => v === '-infinity' || (v.length === 10 && isRealDate(v)),
  },
  amount: {
    expr: sql`${d.amount}`,
    text: sql`${d.amount}::text`,
    cast: (v) => sql`${v}::numeric`,
    valid: (v) => /^\d{1,12}\.\d{2}$/.test(v),
  },
}

/**
 * The filters as conditions on deals. Under RLS only leakproof comparisons can be index conditions (uuid,
 * date, integer, timestamptz: yes; the status enum: no), so a status also states what it implies about
 * closed_at (a CHECK keeps `(status = 'open') = (closed_at is null)`), which the open-deals index matches.
 */
function filters(q: TDealListQuery): SQL[] {
  const c = (cond: unknown, s: SQL) => (cond ? [s] : [])
  return [
    ...c(q.processId, sql`${d.processId} = ${q.processId}`),
    ...c(q.stageId, sql`${d.stageId} = ${q.stageId}`),
    ...c(q.assignedUserId, sql`${d.assignedUserId} = ${q.assignedUserId}`),
    ...c(q.organizationId, sql`${d.organizationId} = ${q.organizationId}`),
    ...c(q.contactId, sql`${d.contactId} = ${q.contactId}`),
    ...c(q.status, sql`${d.status} = ${q.status}`),
    ...c(q.status === 'open', sql`${d.closedAt} is null`),
    ...c(q.status && q.status !== 'open', sql`${d.closedAt} is not null`),
    ...c(q.minProbability !== undefined, sql`${d.probability} >= ${q.minProbability}`),
    ...c(q.maxProbability !== undefined, sql`${d.probability} <= ${q.maxProbability}`),
    // On the close key, so the close-date indexes can serve the range; `> -infinity` leaves out deals
    // without a close date, as `close_date <= to` did.
    ...c(q.closeDateFrom, sql`${closeKey} >= ${q.closeDateFrom}::date`),
    ...c(q.closeDateTo, sql`${closeKey} <= ${q.closeDateTo}::date and ${closeKey} > '-infinity'::date`),
  ]
}

export async function listDeals(tx: Tx, q: TDealListQuery) {
  const sort = SORTS[q.sort]
  const tag = `${q.sort}.${q.direction}:`
  const desc = q.direction === 'desc'
  const cursor = decodeCursor(q.cursor)
  let after: SQL | undefined
  if (cursor) {
    const [value, id] = cursor
    const key = typeof value === 'string' && value.startsWith(tag) ? value.slice(tag.length) : ''
    if (!sort.valid(key)) throw invalidCursor('Use the nextCursor of the previous page with the same sort')
    after = sql`(${sort.expr}, ${d.id}) ${sql.raw(desc ? '<' : '>')} (${sort.cast(key)}, ${id}::uuid)`
  }
  // The indexes are (… desc nulls last, id desc nulls last), as drizzle-kit writes them; plain `desc` means
  // nulls first and would not match, so the order spells it out (no key is null: see closeKey).
  const dir = sql.raw(desc ? 'desc nulls last' : 'asc nulls first')
  const page = ownedPage(
    { table: d, assignedUserId: d.assignedUserId, createdBy: d.createdBy },
    {
      columns: sql`${d}.*, ${sort.expr} as sort_value, ${sort.text} as sort_key`,
      live: sql`${d.deletedAt} is null`,
      where: and(...filters(q)) ?? sql`true`,
      after,
      orderBy: sql`${sort.expr} ${dir}, ${d.id} ${dir}`,
      outerOrderBy: sql`sort_value ${dir}, id ${dir}`,
      limit: q.limit + 1,
      // Name fragment: a bounded set of candidate ids from search_deal_ids (migrations 0006/0019, ADRs
      // 0080/0100), which can use deals_name_trgm_idx where RLS keeps crm_app off it; the rows are still
      // read under RLS, so the function only narrows the list.
      ...(q.q ? { candidates: sql`select s.id from search_deal_ids(${q.q}) s` } : {}),
    },
  )
  const rows = await selectDealPage(tx, page).orderBy(sql`page.sort_value ${dir}`, sql`page.id ${dir}`)
  const result = toPage(rows, q.limit, (r) => [`${tag}${r.sortKey}`, r.id])
  return { data: result.data.map(toDeal), nextCursor: result.nextCursor }
}
