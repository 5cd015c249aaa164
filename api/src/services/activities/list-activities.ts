import { schema, type Tx } from '@aura/db'
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm'
import { lead, me, pageColumns } from '../../lib/owned-page.ts'
import { newestFirst, toPage } from '../../lib/pagination.ts'
import { activityView } from './activity-view.ts'

export interface ActivityListQuery {
  contactId?: string
  dealId?: string
  type?: 'call' | 'email' | 'meeting' | 'note'
  limit: number
  cursor?: string
}

const a = schema.activities
const o = schema.activityOwners

/**
 * Live activities the caller may see (RLS: through their contact or deal), newest occurrence first,
 * keyset paged on (occurred_at, id); the cursor keeps the timestamp as Postgres text (microseconds).
 */
export async function listActivities(tx: Tx, tenantId: string, query: ActivityListQuery) {
  const filters = and(
    eq(a.tenantId, tenantId),
    isNull(a.deletedAt),
    query.contactId ? eq(a.contactId, query.contactId) : undefined,
    query.dealId ? eq(a.dealId, query.dealId) : undefined,
    query.type ? eq(a.type, query.type) : undefined,
  )
  const limit = sql.raw(String(query.limit + 1))
  const order = newestFirst(a.occurredAt, a.id, query.cursor)
  /** The page on an index of activities, narrowed by `gate` when given. */
  const byActivity = (gate?: SQL) =>
    sql`select ${a}.*, ${order.key} as sort_key from ${a} where ${and(filters, order.after, gate)}
      ${inOrder(order, limit)}`
  // One contact's or deal's activities: their (tenant_id, contact_id | deal_id, occurred_at desc) index
  // serves every role, whose policy then passes (a rep) or hides (a colleague's record) all of them.
  const page =
    query.contactId || query.dealId
      ? byActivity()
      : ownActivities(tenantId, filters ?? sql`true`, byActivity, query.cursor, limit)
  const rows = await tx
    .select({ activity: pageColumns(a), sort: sql<string>`page.sort_key` })
    .from(sql`(${page}) as page`)
    .orderBy(sql`page.occurred_at desc nulls last`, sql`page.id desc nulls last`)
  const result = toPage(rows, query.limit, (r) => [r.sort, r.activity.id])
  return { data: result.data.map((r) => activityView(r.activity)), nextCursor: result.nextCursor }
}

const inOrder = (order: ReturnType<typeof newestFirst>, limit: SQL) =>
  sql`order by ${sql.join([...order.orderBy], sql`, `)} limit ${limit}`

/**
 * The newest activities across the tenant (the dashboard, the activities list): a lead's on the tenant's
 * (tenant_id, occurred_at desc, id desc) index (`byActivity`); anyone else's through activity_owners, their
 * own in that order (ADR 0102), each activity then read by key under its policy with the filters. The
 * statement's settings decide which branch runs (lib/owned-page.ts); a page reads about as many rows as it
 * shows.
 */
function ownActivities(
  tenantId: string,
  filters: SQL,
  byActivity: (gate: SQL) => SQL,
  cursor: string | undefined,
  limit: SQL,
) {
  const byOwner = newestFirst(o.occurredAt, o.activityId, cursor)
  return sql`select * from (
    (${byActivity(lead)})
    union all
    (select x.*, ${byOwner.key} as sort_key from ${o}
      cross join lateral (select ${a}.* from ${a} where ${a.tenantId} = ${o.tenantId} and ${a.id} = ${o.activityId}
        and (${filters}) is true limit 1) x
      where not ${lead} and ${o.tenantId} = ${tenantId} and ${o.userId} = ${me} and ${byOwner.after ?? sql`true`}
      ${inOrder(byOwner, limit)})
  ) owned order by occurred_at desc nulls last, id desc nulls last limit ${limit}`
}
