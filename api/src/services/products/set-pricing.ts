// Writes a product's pricing blueprint (F12.3) with its price-history row (F12.5) and an audit row, in
// the caller's transaction. Step-up (NFR-S8) is checked by the route before this runs.
import { schema, type Tx } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { recordAudit } from '../audit/record-audit.ts'

export interface PricingInput {
  defaultPrice: string
  cost?: string | null | undefined
  maxDiscountPercent?: string | null | undefined
  marginTargetPercent?: string | null | undefined
}

type Blueprint = typeof schema.pricingBlueprints.$inferSelect

/** PUT semantics: omitted optional fields become null (no cost known, no discount policy, no target). */
export async function setPricing(
  tx: Tx,
  { actor, productId, input }: { actor: Actor; productId: string; input: PricingInput },
) {
  const { pricingBlueprints: bp, productPriceHistory: history } = schema
  const next = {
    defaultPrice: input.defaultPrice,
    cost: input.cost ?? null,
    maxDiscountPercent: input.maxDiscountPercent ?? null,
    marginTargetPercent: input.marginTargetPercent ?? null,
  }
  const [old] = await tx
    .select()
    .from(bp)
    .where(and(eq(bp.tenantId, actor.tenantId), eq(bp.productId, productId)))
    .for('update')
  // The database normalises numerics ('10' → '10.00'), so compare what it stores, not what was sent.
  const [saved] = old
    ? await tx.update(bp).set(next).where(eq(bp.id, old.id)).returning()
    : await tx
        .insert(bp)
        .values({ ...next, tenantId: actor.tenantId, productId })
        .returning()
  if (!saved) throw new Error('setPricing: blueprint write returned no row')
  if (old && samePricing(old, saved)) return saved

  await tx.insert(history).values({
    tenantId: actor.tenantId,
    productId,
    oldPrice: old?.defaultPrice ?? null,
    newPrice: saved.defaultPrice,
    oldCost: old?.cost ?? null,
    newCost: saved.cost,
    maxDiscountPercent: saved.maxDiscountPercent,
    marginTargetPercent: saved.marginTargetPercent,
  })
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'product.pricing_changed',
    actorUserId: actor.userId,
    entityType: 'product',
    entityId: productId,
    before: old ? pricingFields(old) : null,
    after: pricingFields(saved),
    requestId: actor.requestId,
  })
  return saved
}

const pricingFields = (b: Blueprint) => ({
  defaultPrice: b.defaultPrice,
  cost: b.cost,
  maxDiscountPercent: b.maxDiscountPercent,
  marginTargetPercent: b.marginTargetPercent,
})

const samePricing = (a: Blueprint, b: Blueprint) =>
  JSON.stringify(pricingFields(a)) === JSON.stringify(pricingFields(b))
