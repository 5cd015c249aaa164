// Adds a product to a deal (F13.1–F13.4): snapshot of SKU and name, the blueprint price as list price,
// the discount policy, and audit rows on the deal. The deal total is then kept by the database trigger.
import { schema, type Tx } from '@aura/db'
import { and, eq, max } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { AppError } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { checkCeiling, checkDiscount } from './check-line-price.ts'
import { lineChange, lockDeal } from './line-item-view.ts'

export interface AddLineItemInput {
  productId: string
  quantity: number
  unitPrice?: string | undefined
}

const refuseProduct = (message: string) =>
  new AppError('unprocessable', message, { errors: [{ field: 'productId', message }] })

export async function addLineItem(
  tx: Tx,
  { actor, dealId, input }: { actor: Actor; dealId: string; input: AddLineItemInput },
) {
  const { products, pricingBlueprints: bp, dealLineItems: li } = schema
  const deal = await lockDeal(tx, dealId)
  const [row] = await tx
    .select({ product: products, blueprint: bp })
    .from(products)
    .leftJoin(bp, and(eq(bp.tenantId, products.tenantId), eq(bp.productId, products.id)))
    .where(eq(products.id, input.productId))
  // Unknown and other-tenant ids read the same (RLS hides the latter): nothing to reveal.
  if (!row) throw refuseProduct('No such product in this workspace')
  if (!row.product.isActive) throw refuseProduct('This product is inactive and cannot be added to deals')
  if (!row.blueprint) throw refuseProduct('This product has no price yet')

  const listPrice = row.blueprint.defaultPrice
  const unitPrice = input.unitPrice ?? listPrice
  const verdict = checkDiscount({
    role: actor.role,
    listPrice,
    maxDiscountPercent: row.blueprint.maxDiscountPercent,
    unitPrice,
  })
  checkCeiling({ dealTotal: deal.lineItemsTotal, oldExtended: '0', quantity: input.quantity, unitPrice })

  const [last] = await tx
    .select({ position: max(li.position) })
    .from(li)
    .where(eq(li.dealId, dealId))
  const [line] = await tx
    .insert(li)
    .values({
      tenantId: actor.tenantId,
      dealId,
      productId: row.product.id,
      skuSnapshot: row.product.sku,
      nameSnapshot: row.product.name,
      quantity: input.quantity,
      listPrice,
      unitPrice,
      position: (last?.position ?? 0) + 1,
    })
    .returning({ id: li.id, listPrice: li.listPrice, unitPrice: li.unitPrice })
  if (!line) throw new Error('addLineItem: insert returned no row')

  const audit = {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    entityType: 'deal',
    entityId: dealId,
  }
  const after = { lineId: line.id, productId: row.product.id, sku: row.product.sku, quantity: input.quantity }
  await recordAudit(tx, {
    ...audit,
    action: 'deal.line_item_added',
    after: { ...after, listPrice: line.listPrice, unitPrice: line.unitPrice },
    requestId: actor.requestId,
  })
  if (line.unitPrice !== line.listPrice) {
    await recordAudit(tx, {
      ...audit,
      action: 'deal.line_item_price_overridden',
      before: { lineId: line.id, unitPrice: line.listPrice },
      after: { lineId: line.id, unitPrice: line.unitPrice, ...verdict },
      requestId: actor.requestId,
    })
  }
  return lineChange(tx, { role: actor.role, dealId, lineId: line.id })
}
