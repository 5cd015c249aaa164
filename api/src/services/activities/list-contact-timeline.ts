import type { Tx } from '@aura/db'
import { sql } from 'drizzle-orm'
import { newestFirst, toPage } from '../../lib/pagination.ts'

export type TimelineKind = 'activity' | 'deal_created' | 'stage_changed'

interface TimelineRow {
  kind: TimelineKind
  at: Date | string
  at_key: string
  id: string
  deal_id: string | null
  deal_name: string | null
  activity_type: string | null
  subject: string | null
  description: string | null
  from_stage_name: string | null
  to_stage_name: string | null
  amount: string | null
  probability: number | null
  actor_user_id: string | null
}

/**
 * F10.3: a contact's history newest first — its live activities, the creation of its deals and their stage
 * changes (deal_stage_history rows after the first placement, which "deal created" already tells). Every
 * branch runs under RLS, so a rep sees only the deals they may see. Keyset paged on (at, id): ids are UUIDs,
 * unique across the three sources.
 */
export async function listContactTimeline(
  tx: Tx,
  {
    tenantId,
    contactId,
    page,
  }: { tenantId: string; contactId: string; page: { limit: number; cursor?: string } },
) {
  const order = newestFirst(sql`t.at`, sql`t.id`, page.cursor)
  const result = (await tx.execute(sql`
    select t.*, ${order.key} as at_key from (
      -- The deal's name is read under RLS: a deal the caller may not see leaves it null (never leaked).
      select 'activity' as kind, a.occurred_at as at, a.id, a.deal_id,
             (select d.name from deals d where d.tenant_id = a.tenant_id and d.id = a.deal_id) as deal_name,
             a.type::text as activity_type, a.subject, a.description, null::text as from_stage_name,
             null::text as to_stage_name, null::text as amount, null::int as probability,
             a.created_by as actor_user_id
        from activities a
        where a.tenant_id = ${tenantId} and a.contact_id = ${contactId} and a.deleted_at is null
      union all
      -- The amount and probability the deal was created with (its first placement), not today's.
      select 'deal_created', d.created_at, d.id, d.id, d.name, null, null, null, null, null,
             placed.amount::text, placed.probability, d.created_by
        from deals d
        left join lateral (
          select h.amount, h.probability from deal_stage_history h
           where h.tenant_id = d.tenant_id and h.deal_id = d.id and h.from_stage_id is null
           order by h.changed_at limit 1
        ) placed on true
        where d.tenant_id = ${tenantId} and d.contact_id = ${contactId} and d.deleted_at is null
      union all
      select 'stage_changed', h.changed_at, h.id, d.id, d.name, null, null, null, h.from_stage_name,
             h.to_stage_name, h.amount::text, h.probability, h.changed_by
        from deal_stage_history h
        join deals d on d.tenant_id = h.tenant_id and d.id = h.deal_id
        where h.tenant_id = ${tenantId} and d.contact_id = ${contactId} and d.deleted_at is null
          and h.from_stage_id is not null
    ) t
    ${order.after ? sql`where ${order.after}` : sql``}
    order by ${sql.join([...order.orderBy], sql`, `)}
    limit ${page.limit + 1}`)) as unknown as { rows: TimelineRow[] }
  const { data, nextCursor } = toPage(result.rows, page.limit, (r) => [r.at_key, r.id])
  return { data: data.map(timelineItem), nextCursor }
}

function timelineItem(r: TimelineRow) {
  return {
    kind: r.kind,
    at: new Date(r.at).toISOString(),
    id: r.id,
    dealId: r.deal_id,
    dealName: r.deal_name,
    activityType: r.activity_type as 'call' | 'email' | 'meeting' | 'note' | null,
    subject: r.subject,
    description: r.description,
    fromStageName: r.from_stage_name,
    toStageName: r.to_stage_name,
    amount: r.amount,
    probability: r.probability === null ? null : Number(r.probability),
    actorUserId: r.actor_user_id,
  }
}
