import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'

/**
 * Soft delete (F6.4): the row is kept, hidden from lists and gets. Contacts, deals and subsidiaries keep
 * their link (the data is preserved); views simply stop showing a deleted parent.
 */
export async function deleteOrganization(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const o = schema.organizations
  const [row] = await tx
    .update(o)
    .set({ deletedAt: new Date() })
    .where(and(eq(o.tenantId, actor.tenantId), eq(o.id, id), isNull(o.deletedAt)))
    .returning({ id: o.id, name: o.name })
  if (!row) throw notFound('Organization')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'organization.deleted',
    actorUserId: actor.userId,
    entityType: 'organization',
    entityId: id,
    before: { name: row.name },
    requestId: actor.requestId,
  })
}
