// The caller's notifications (F15, ADR 0169): the feed, the unread count and marking read. A notification
// names records by id; their names are joined here, under the reader's policies, and a notification whose
// record the reader can no longer see (reassigned away, deleted) is left out: it never reveals a record, nor
// a name as it was. Every statement names the caller as recipient, so it reads their index (RLS agrees).
import { schema, type Tx } from '@aura/db'
import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { newestFirst, timestampKey, toPage } from '../../lib/pagination.ts'
import type { TMarkRead, TNotificationListQuery } from './notifications.inputs.ts'

const n = schema.notifications
const d = schema.deals
const c = schema.contacts
const t = schema.tasks
const sp = schema.salesProcesses

/** The badge counts this many unread at most (more reads "99+"), so it costs a bounded read. */
export const UNREAD_CAP = 99

const columns = {
  id: n.id,
  kind: n.kind,
  actorUserId: n.actorUserId,
  dealId: n.dealId,
  dealName: d.name,
  contactId: n.contactId,
  contactName: c.fullName,
  taskId: n.taskId,
  taskSubject: t.subject,
  processId: n.processId,
  // Looked up only for a process notice (the few rows that name one), never joined: a join, or a lookup per
  // row, reads the small processes table whole on each and broke the feed's plan bound (ADR 0171).
  processName: sql<
    string | null
  >`case when ${n.processId} is null then null else (select ${sp.name} from ${sp}
    where ${sp.tenantId} = ${n.tenantId} and ${sp.id} = ${n.processId}) end`,
  readAt: n.readAt,
  createdAt: n.createdAt,
  sortKey: timestampKey(n.createdAt),
}

/** Notifications with their records joined as the caller sees them (live ones only). */
const withRecords = (tx: Tx) =>
  tx
    .select(columns)
    .from(n)
    .leftJoin(d, and(eq(d.tenantId, n.tenantId), eq(d.id, n.dealId), isNull(d.deletedAt)))
    .leftJoin(c, and(eq(c.tenantId, n.tenantId), eq(c.id, n.contactId), isNull(c.deletedAt)))
    .leftJoin(t, and(eq(t.tenantId, n.tenantId), eq(t.id, n.taskId), isNull(t.deletedAt)))

const mine = (actor: Actor) => [
  eq(n.tenantId, actor.tenantId),
  eq(n.recipientUserId, actor.userId),
  or(isNull(n.dealId), sql`${d.id} is not null`),
  or(isNull(n.contactId), sql`${c.id} is not null`),
  or(isNull(n.taskId), sql`${t.id} is not null`),
]

/** A page of the caller's feed, newest first. */
export async function listNotifications(tx: Tx, actor: Actor, query: TNotificationListQuery) {
  const order = newestFirst(n.createdAt, n.id, query.cursor)
  const rows = await withRecords(tx)
    .where(and(...mine(actor), query.unread ? isNull(n.readAt) : undefined, order.after))
    .orderBy(...order.orderBy)
    .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => [r.sortKey, r.id])
  return {
    data: page.data.map(({ readAt, createdAt, sortKey: _, ...r }) => ({
      ...r,
      read: readAt !== null,
      createdAt: createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  }
}

/** The caller's unread notifications, counted up to UNREAD_CAP (`more` when there are others besides). */
export async function countUnread(tx: Tx, actor: Actor) {
  const rows = await withRecords(tx)
    .where(and(...mine(actor), isNull(n.readAt)))
    .orderBy(...newestFirst(n.createdAt, n.id, undefined).orderBy)
    .limit(UNREAD_CAP + 1)
  return { count: Math.min(rows.length, UNREAD_CAP), more: rows.length > UNREAD_CAP }
}

/**
 * Marks the caller's notifications read: those of `ids` (another member's, or unknown, are left alone
 * without a word: the policy hides them) or all. Answers how many changed.
 */
export async function markRead(tx: Tx, actor: Actor, input: TMarkRead) {
  const changed = await tx
    .update(n)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(n.tenantId, actor.tenantId),
        eq(n.recipientUserId, actor.userId),
        isNull(n.readAt),
        input.ids ? inArray(n.id, input.ids) : undefined,
      ),
    )
    .returning({ id: n.id })
  return { marked: changed.length }
}

/**
 * The caller's unread notifications of some kinds created in (since, until], newest first, at most `limit`
 * (the digest, ADR 0171): read as the feed is, so only what the caller may still see.
 */
export async function listUnreadSince(
  tx: Tx,
  actor: Actor,
  q: { kinds: string[]; since: Date; until: Date; limit: number },
) {
  if (q.kinds.length === 0) return []
  const rows = await withRecords(tx)
    .where(
      and(
        ...mine(actor),
        isNull(n.readAt),
        inArray(n.kind, q.kinds as (typeof schema.NOTIFICATION_KINDS)[number][]),
        gt(n.createdAt, q.since),
        lte(n.createdAt, q.until),
      ),
    )
    .orderBy(...newestFirst(n.createdAt, n.id, undefined).orderBy)
    .limit(q.limit)
  return rows.map(({ sortKey: _, ...r }) => r)
}
