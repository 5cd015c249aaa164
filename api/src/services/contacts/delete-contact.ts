import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'

/** Soft delete (F7.5): hidden everywhere, data kept; its email becomes free for a new contact. */
export async function deleteContact(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const c = schema.contacts
  const [row] = await tx
    .update(c)
    .set({ deletedAt: new Date() })
    .where(and(eq(c.tenantId, actor.tenantId), eq(c.id, id), isNull(c.deletedAt)))
    .returning({ id: c.id, email: c.email, fullName: c.fullName })
  if (!row) throw notFound('Contact')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'contact.deleted',
    actorUserId: actor.userId,
    entityType: 'contact',
    entityId: id,
    before: { fullName: row.fullName, email: row.email },
    requestId: actor.requestId,
  })
}
