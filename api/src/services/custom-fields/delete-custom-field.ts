import { schema, type Tx } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'

/**
 * Archives a definition: new writes may no longer use the key, values already stored on records stay
 * (ADR 0041). The key stays taken so an old value is never reinterpreted under a new type.
 */
export async function deleteCustomField(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const t = schema.customFieldDefinitions
  const [row] = await tx
    .update(t)
    .set({ archivedAt: new Date() })
    .where(and(eq(t.tenantId, actor.tenantId), eq(t.id, id), isNull(t.archivedAt)))
    .returning()
  if (!row) throw notFound('Custom field')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'custom_field.deleted',
    actorUserId: actor.userId,
    entityType: 'custom_field',
    entityId: row.id,
    before: { entity: row.entity, key: row.key, type: row.type },
    requestId: actor.requestId,
  })
}
