import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { notify } from '../notifications/notify.ts'
import { activityView } from './activity-view.ts'

export interface ActivityInput {
  type: 'call' | 'email' | 'meeting' | 'note'
  subject?: string | null
  description: string
  occurredAt?: string
  participantUserId?: string | null
  dealId?: string | null
}

const refuse = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] })

/**
 * Logs an activity on a contact the caller can see (F10.1, F10.2). A deal, when given, must be a live
 * deal the caller can see (RLS: a rep's own) — a hidden deal is refused like a missing one. The owners of
 * the contact and of the deal hear of it (once each; never the caller, ADR 0169).
 */
export async function createActivity(
  tx: Tx,
  { actor, contactId, input }: { actor: Actor; contactId: string; input: ActivityInput },
) {
  const { tenantId } = actor
  const c = schema.contacts
  const [contact] = await tx
    .select({ id: c.id, ownerId: c.assignedUserId })
    .from(c)
    .where(and(eq(c.tenantId, tenantId), eq(c.id, contactId), isNull(c.deletedAt)))
  if (!contact) throw notFound('Contact')
  let dealOwnerId: string | null = null
  if (input.dealId) {
    const d = schema.deals
    const [deal] = await tx
      .select({ id: d.id, ownerId: d.assignedUserId })
      .from(d)
      .where(and(eq(d.tenantId, tenantId), eq(d.id, input.dealId), isNull(d.deletedAt)))
    if (!deal) throw refuse('dealId', 'The deal does not exist in this workspace')
    dealOwnerId = deal.ownerId
  }
  if (input.participantUserId) {
    const u = schema.users
    const [user] = await tx
      .select({ id: u.id })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), eq(u.id, input.participantUserId)))
    if (!user) throw refuse('participantUserId', 'The user is not a member of this workspace')
  }
  const [row] = await tx
    .insert(schema.activities)
    .values({
      tenantId,
      contactId,
      dealId: input.dealId ?? null,
      type: input.type,
      subject: input.subject ?? null,
      description: input.description,
      participantUserId: input.participantUserId ?? null,
      ...(input.occurredAt ? { occurredAt: new Date(input.occurredAt) } : {}),
    })
    .returning()
  if (!row) throw new Error('insert returned no row')
  const links = { contactId, dealId: row.dealId }
  await notify(tx, actor, [
    { kind: 'activity.logged', recipientUserId: contact.ownerId, about: { contactId }, also: links },
    { kind: 'activity.logged', recipientUserId: dealOwnerId, about: { dealId: row.dealId }, also: links },
  ])
  return activityView(row)
}
