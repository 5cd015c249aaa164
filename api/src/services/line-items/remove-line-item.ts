// Removes a line from a deal (F13.8): a soft delete, so the line stays in history; the trigger drops it
// from the deal total. Audited on the deal with what was removed.
import { schema, type Tx } from '@aura/db'
import { eq, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { lineChange, lockDeal, lockLine } from './line-item-view.ts'

export async function removeLineItem(
  tx: Tx,
  { actor, dealId, lineId }: { actor: Actor; dealId: string; lineId: string },
) {
  const li = schema.dealLineItems
  await lockDeal(tx, dealId)
  const line = await lockLine(tx, dealId, lineId)
  await tx.update(li).set({ deletedAt: sql`now()` }).where(eq(li.id, lineId))
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'deal.line_item_removed',
    actorUserId: actor.userId,
    entityType: 'deal',
    entityId: dealId,
    before: {
      lineId,
      productId: line.productId,
      sku: line.skuSnapshot,
      quantity: line.quantity,
      listPrice: line.listPrice,
      unitPrice: line.unitPrice,
      extendedPrice: line.extendedPrice,
    },
    requestId: actor.requestId,
  })
  return lineChange(tx, { role: actor.role, dealId, lineId: lineId })
}
