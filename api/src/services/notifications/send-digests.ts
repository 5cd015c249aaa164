// The daily digest (F15.1, ADR 0171): a member who chose "digest" for some kinds gets, once a day at or
// after DIGEST_HOUR on their own clock (their time zone, else the workspace's: ADR 0164), one e-mail listing
// their unread notifications of those kinds since their previous digest (at most a day back). The day is
// claimed by inserting (tenant, user, day) into notification_digests in the transaction that queues the
// e-mail: a second run, or a concurrent one (it waits on the key, then finds it taken), sends nothing.
// The list is read as the member reads their Inbox, so it holds only what they may still see.
import { type Db, schema, type Tx, withPlatform } from '@aura/db'
import { and, eq, inArray, max, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { enqueueEmail } from '../../lib/email/outbox.ts'
import { emails } from '../../lib/email/templates.ts'
import type { Logger } from '../../lib/logger.ts'
import { notificationText } from '../../lib/notification-text.ts'
import { asEachMember, type DeliveryMember, type OriginOf } from './delivery-members.ts'
import { listUnreadSince } from './notifications.ts'
import { getPreferences } from './preferences.ts'

/** The local hour from which the day's digest is sent. */
export const DIGEST_HOUR = 7
/** Lines in one digest; more reads "…and more in your Inbox". */
export const DIGEST_LINES = 50
const DAY_MS = 24 * 60 * 60_000

const g = schema.notificationDigests

interface Candidate extends DeliveryMember {
  zone: string
  lastDay: string | null
}

/** The member's local day (YYYY-MM-DD) and hour at `now`; an unknown zone reads as UTC. */
export function localClock(now: Date, zone: string): { day: string; hour: number } {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
  } catch {
    return localClock(now, 'UTC')
  }
  const part = (type: string) => format.formatToParts(now).find((p) => p.type === type)?.value ?? '00'
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) }
}

/** Makes the digests due now; answers how many were sent (a digest with nothing unread sends nothing). */
export async function sendDigests(
  db: Db,
  opts: { now?: Date; originOf?: OriginOf; logger?: Logger } = {},
): Promise<{ sent: number; empty: number; failed: number }> {
  const now = opts.now ?? new Date()
  const due = (await candidates(db)).flatMap((c) => {
    const { day, hour } = localClock(now, c.zone)
    return hour >= DIGEST_HOUR && (c.lastDay === null || c.lastDay < day) ? [{ ...c, day }] : []
  })
  const run = await asEachMember(db, due, 'notification-digest', opts, (tx, actor, c) =>
    digest(tx, actor, c.day, now),
  )
  const count = (o: 'sent' | 'empty') => run.results.filter((r) => r === o).length
  return { sent: count('sent'), empty: count('empty'), failed: run.failed }
}

/** Active members of active workspaces with a digest chosen for some kind, their zone and last digest day. */
async function candidates(db: Db): Promise<Candidate[]> {
  const found = (await withPlatform(db, 'notification-delivery', (tx) =>
    tx.execute(sql`
      select u.tenant_id, u.id as user_id, u.role, coalesce(u.timezone, tn.timezone) as zone, tn.slug,
        (select max(d.day)::text from notification_digests d
          where d.tenant_id = u.tenant_id and d.user_id = u.id) as last_day
      from (select distinct tenant_id, user_id from notification_preferences where digest) p
      join users u on u.tenant_id = p.tenant_id and u.id = p.user_id
      join tenants tn on tn.id = u.tenant_id
      where u.status = 'active' and tn.status = 'active' and u.role is not null`),
  )) as unknown as {
    rows: {
      tenant_id: string
      user_id: string
      role: Candidate['role']
      zone: string
      slug: string
      last_day: string | null
    }[]
  }
  return found.rows.map((r) => ({
    tenantId: r.tenant_id,
    userId: r.user_id,
    role: r.role,
    slug: r.slug,
    zone: r.zone,
    lastDay: r.last_day,
  }))
}

/** One member's digest for `day`, as that member: claim the day, then queue the e-mail if there is news. */
async function digest(tx: Tx, actor: Actor, day: string, now: Date): Promise<'sent' | 'empty' | null> {
  const kinds = (await getPreferences(tx, actor)).filter((p) => p.digest).map((p) => p.kind)
  const [previous] = await tx
    .select({ until: max(g.coveredUntil) })
    .from(g)
    .where(and(eq(g.tenantId, actor.tenantId), eq(g.userId, actor.userId)))
  const dayAgo = new Date(now.getTime() - DAY_MS)
  const since = previous?.until && previous.until > dayAgo ? previous.until : dayAgo
  const items = await listUnreadSince(tx, actor, { kinds, since, until: now, limit: DIGEST_LINES + 1 })
  const claimed = await tx
    .insert(g)
    .values({
      tenantId: actor.tenantId,
      userId: actor.userId,
      day,
      coveredUntil: now,
      notificationCount: Math.min(items.length, DIGEST_LINES),
    })
    .onConflictDoNothing()
    .returning({ day: g.day })
  if (claimed.length === 0) return null
  if (items.length === 0) return 'empty'
  const u = schema.users
  const people = [actor.userId, ...items.map((i) => i.actorUserId).filter((id): id is string => !!id)]
  const members = await tx
    .select({ id: u.id, name: u.name, email: u.email })
    .from(u)
    .where(and(eq(u.tenantId, actor.tenantId), inArray(u.id, [...new Set(people)])))
  const byId = new Map(members.map((m) => [m.id, m]))
  const to = byId.get(actor.userId)?.email
  if (!to) return null
  const [tenant] = await tx
    .select({ companyName: schema.tenants.companyName })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, actor.tenantId))
  const sentences = items.slice(0, DIGEST_LINES).map((i) =>
    notificationText({
      ...i,
      actorName: i.actorUserId ? (byId.get(i.actorUserId)?.name ?? 'A member') : null,
    }),
  )
  const inbox = actor.origin ? `${actor.origin}/notifications` : null
  const workspace = tenant?.companyName ?? 'Aura CRM'
  const email = emails.notificationDigest(workspace, sentences, items.length > DIGEST_LINES, inbox)
  await enqueueEmail(tx, to, email, actor.tenantId)
  return 'sent'
}
