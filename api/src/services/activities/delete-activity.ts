import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError, notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'

/**
 * F10.4: activities are never edited; deleting stamps deleted_at (the only column besides archived_at
 * crm_app may update, and a trigger refuses anything else). Its author or a manager/admin may do it.
 */
export async function deleteActivity(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const a = schema.activities
  const [row] = await tx
    .select({ id: a.id, createdBy: a.createdBy, contactId: a.contactId, type: a.type })
    .from(a)
    .where(and(eq(a.tenantId, actor.tenantId), eq(a.id, id), isNull(a.deletedAt)))
  if (!row) throw notFound('Activity')
  if (row.createdBy !== actor.userId && actor.role === 'rep')
    throw new AppError('forbidden', 'Only its author or a manager may delete an activity')
  await tx
    .update(a)
    .set({ deletedAt: new Date() })
    .where(and(eq(a.tenantId, actor.tenantId), eq(a.id, id)))
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'activity.deleted',
    actorUserId: actor.userId,
    entityType: 'activity',
    entityId: id,
    before: { contactId: row.contactId, type: row.type },
    requestId: actor.requestId,
  })
}
