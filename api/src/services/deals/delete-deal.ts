import { schema, type Tx } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { lockDeal } from './deal-view.ts'

/** Soft delete: the row, its history and line items stay for audit and export; lists and reads hide it. */
export async function deleteDeal(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const before = await lockDeal(tx, id)
  await tx.update(schema.deals).set({ deletedAt: new Date() }).where(eq(schema.deals.id, id))
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'deal.deleted',
    actorUserId: actor.userId,
    entityType: 'deal',
    entityId: id,
    before: { name: before.name, amount: before.amount, stageId: before.stageId, status: before.status },
    requestId: actor.requestId,
  })
}
