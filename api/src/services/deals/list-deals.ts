// F8.3 list: filters, a stable sort (key, id) and keyset paging. Every filter is an indexed column led by
// tenant_id (db/schema/deals.ts); RLS adds the tenant and, for reps, ownership. The cursor carries the sort
// key as Postgres text (microseconds intact) and names its sort, so a cursor from another sort is a 400.
import { schema, type Tx } from '@aura/db'
import { and, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm'
import {
  decodeCursor,
  fromTimestampKey,
  invalidCursor,
  isTimestampKey,
  timestampKey,
  toPage,
} from '../../lib/pagination.ts'
import type { DealSort, TDealListQuery } from '../../routes/deals/deals.schemas.ts'
import { selectDeals, toDeal } from './deal-view.ts'

const d = schema.deals

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
    expr: sql`coalesce(${d.closeDate}, '-infinity'::date)`,
    text: sql`coalesce(${d.closeDate}, '-infinity'::date)::text`,
    cast: (v) => sql`${v}::date`,
    valid: (v) => /^(-infinity|\d{4}-\d{2}-\d{2})$/.test(v),
  },
  amount: {
    expr: sql`${d.amount}`,
    text: sql`${d.amount}::text`,
    cast: (v) => sql`${v}::numeric`,
    valid: (v) => /^\d{1,12}\.\d{2}$/.test(v),
  },
}

export async function listDeals(tx: Tx, q: TDealListQuery) {
  const sort = SORTS[q.sort]
  const tag = `${q.sort}.${q.direction}:`
  const desc = q.direction === 'desc'
  const where: (SQL | undefined)[] = [
    isNull(d.deletedAt),
    q.processId ? eq(d.processId, q.processId) : undefined,
    q.stageId ? eq(d.stageId, q.stageId) : undefined,
    q.assignedUserId ? eq(d.assignedUserId, q.assignedUserId) : undefined,
    q.organizationId ? eq(d.organizationId, q.organizationId) : undefined,
    q.contactId ? eq(d.contactId, q.contactId) : undefined,
    q.status ? eq(d.status, q.status) : undefined,
    q.minProbability !== undefined ? gte(d.probability, q.minProbability) : undefined,
    q.maxProbability !== undefined ? lte(d.probability, q.maxProbability) : undefined,
    q.closeDateFrom ? gte(d.closeDate, q.closeDateFrom) : undefined,
    q.closeDateTo ? lte(d.closeDate, q.closeDateTo) : undefined,
    // Name fragment: ids from search_deal_ids (migration 0006, ADR 0080) on deals_name_trgm_idx, which RLS
    // keeps crm_app off; the rows are still read under RLS, so the function only narrows the list.
    q.q ? sql`${d.id} in (select s.id from search_deal_ids(${q.q}) s)` : undefined,
  ]
  const cursor = decodeCursor(q.cursor)
  if (cursor) {
    const [value, id] = cursor
    const key = typeof value === 'string' && value.startsWith(tag) ? value.slice(tag.length) : ''
    if (!sort.valid(key)) throw invalidCursor('Use the nextCursor of the previous page with the same sort')
    const after = sql`(${sort.expr}, ${d.id}) ${sql.raw(desc ? '<' : '>')} (${sort.cast(key)}, ${id}::uuid)`
    where.push(after)
  }
  // The indexes are (… desc nulls last, id desc nulls last), as drizzle-kit writes them; plain `desc` means
  // nulls first and would not match, so the order spells it out (no key is null: close_date is coalesced).
  const dir = sql.raw(desc ? 'desc nulls last' : 'asc nulls first')
  const rows = await selectDeals(tx, sql<string>`${sort.text}`)
    .where(and(...where))
    .orderBy(sql`${sort.expr} ${dir}`, sql`${d.id} ${dir}`)
    .limit(q.limit + 1)
  const page = toPage(rows, q.limit, (r) => [`${tag}${r.sortKey}`, r.id])
  return { data: page.data.map(toDeal), nextCursor: page.nextCursor }
}
