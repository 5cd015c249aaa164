// Removes a line from a deal (F13.8): a soft delete, so the line stays in history; the trigger drops it
// from the deal total. Audited on the deal with what was removed.
import { schema, type Tx } from '@aura/db'
import { eq, sql } from 'drizzle-orm'
import { recordAudit } from '../audit/record-audit.ts'
import type { Caller } from '../products/product-view.ts'
import { lineChange, lockDeal, lockLine } from './line-item-view.ts'

export async function removeLineItem(tx: Tx, caller: Caller, dealId: string, lineId: string) {
  const li = schema.dealLineItems
  await lockDeal(tx, dealId)
  const line = await lockLine(tx, dealId, lineId)
  await tx.update(li).set({ deletedAt: sql`now()` }).where(eq(li.id, lineId))
  await recordAudit(tx, {
    tenantId: caller.tenantId,
    action: 'deal.line_item_removed',
    actorUserId: caller.userId,
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
    requestId: caller.requestId,
  })
  return lineChange(tx, caller.role, dealId, lineId)
}
