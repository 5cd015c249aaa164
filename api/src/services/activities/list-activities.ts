import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import { newestFirst, toPage } from '../../lib/pagination.ts'
import { activityView } from './activity-view.ts'

export interface ActivityListQuery {
  contactId?: string
  dealId?: string
  type?: 'call' | 'email' | 'meeting' | 'note'
  limit: number
  cursor?: string
}

/**
 * Live activities the caller may see (RLS: through their contact or deal), newest occurrence first,
 * keyset paged on (occurred_at, id); the cursor keeps the timestamp as Postgres text (microseconds).
 */
export async function listActivities(tx: Tx, tenantId: string, query: ActivityListQuery) {
  const a = schema.activities
  // Matches the (tenant_id, contact_id, occurred_at desc, id desc) index drizzle declares.
  const order = newestFirst(a.occurredAt, a.id, query.cursor)
  const rows = await tx
    .select({ activity: a, sort: order.key })
    .from(a)
    .where(
      and(
        eq(a.tenantId, tenantId),
        isNull(a.deletedAt),
        query.contactId ? eq(a.contactId, query.contactId) : undefined,
        query.dealId ? eq(a.dealId, query.dealId) : undefined,
        query.type ? eq(a.type, query.type) : undefined,
        order.after,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => [r.sort, r.activity.id])
  return { data: page.data.map((r) => activityView(r.activity)), nextCursor: page.nextCursor }
}
