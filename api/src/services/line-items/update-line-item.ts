// Changes a line's quantity and/or unit price (F13.3, F13.4); each kind of change is its own audit row
// on the deal (F13.6). The discount policy is checked against the line's list price.
import { schema, type Tx } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { toCents } from '../../lib/money.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { checkCeiling, checkDiscount } from './check-line-price.ts'
import { lineChange, lockDeal, lockLine } from './line-item-view.ts'

export interface UpdateLineItemInput {
  quantity?: number | undefined
  unitPrice?: string | undefined
}

export async function updateLineItem(
  tx: Tx,
  {
    actor,
    dealId,
    lineId,
    input,
  }: { actor: Actor; dealId: string; lineId: string; input: UpdateLineItemInput },
) {
  const { dealLineItems: li, pricingBlueprints: bp } = schema
  const deal = await lockDeal(tx, dealId)
  const line = await lockLine(tx, dealId, lineId)
  const quantity = input.quantity ?? line.quantity
  const unitPrice = input.unitPrice ?? line.unitPrice
  const priceChanged = toCents(unitPrice) !== toCents(line.unitPrice)
  const quantityChanged = quantity !== line.quantity
  if (!priceChanged && !quantityChanged) return lineChange(tx, { role: actor.role, dealId, lineId: lineId })

  let verdict = {}
  if (priceChanged) {
    const [policy] = await tx
      .select({ maxDiscountPercent: bp.maxDiscountPercent })
      .from(bp)
      .where(and(eq(bp.tenantId, line.tenantId), eq(bp.productId, line.productId)))
    verdict = checkDiscount({
      role: actor.role,
      listPrice: line.listPrice,
      maxDiscountPercent: policy?.maxDiscountPercent ?? null,
      unitPrice,
    })
  }
  checkCeiling({ dealTotal: deal.lineItemsTotal, oldExtended: line.extendedPrice, quantity, unitPrice })
  const [saved] = await tx
    .update(li)
    .set({ quantity, unitPrice })
    .where(eq(li.id, lineId))
    .returning({ unitPrice: li.unitPrice })

  const audit = {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    entityType: 'deal',
    entityId: dealId,
  }
  if (quantityChanged) {
    await recordAudit(tx, {
      ...audit,
      action: 'deal.line_item_quantity_changed',
      before: { lineId, sku: line.skuSnapshot, quantity: line.quantity },
      after: { lineId, sku: line.skuSnapshot, quantity },
      requestId: actor.requestId,
    })
  }
  if (priceChanged) {
    await recordAudit(tx, {
      ...audit,
      action: 'deal.line_item_price_overridden',
      before: { lineId, sku: line.skuSnapshot, listPrice: line.listPrice, unitPrice: line.unitPrice },
      after: {
        lineId,
        sku: line.skuSnapshot,
        listPrice: line.listPrice,
        unitPrice: saved?.unitPrice,
        ...verdict,
      },
      requestId: actor.requestId,
    })
  }
  return lineChange(tx, { role: actor.role, dealId, lineId: lineId })
}
