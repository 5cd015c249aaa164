// How a product reads through the API: one query for product + blueprint, one mapper. The raw cost is for
// managers and admins only (ADR 0060), and so are line margins, from which cost follows (ADR 0140); reps see
// the price, discount policy and margin target.
import { type Role, schema, type Tx } from '@aura/db'
import { and, eq, type SQL } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { can } from '../../lib/permissions.ts'
import { notFound } from '../../lib/problem.ts'

type ProductRow = typeof schema.products.$inferSelect
type BlueprintRow = typeof schema.pricingBlueprints.$inferSelect

export function toPricing(bp: BlueprintRow | null, role: Role) {
  if (!bp) return null
  const seesCost = can(role, 'pricing.read-cost')
  return {
    defaultPrice: bp.defaultPrice,
    cost: seesCost ? bp.cost : null,
    maxDiscountPercent: bp.maxDiscountPercent,
    marginTargetPercent: bp.marginTargetPercent,
    updatedAt: bp.updatedAt.toISOString(),
  }
}

export function toProduct(p: ProductRow, bp: BlueprintRow | null, role: Role) {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    description: p.description,
    category: p.category,
    isActive: p.isActive,
    customFields: p.customFields,
    pricing: toPricing(bp, role),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }
}

/** Products with their blueprint (left join); RLS scopes both to the actor's tenant. */
export function selectProducts(tx: Tx, where: SQL | undefined) {
  const { products, pricingBlueprints: bp } = schema
  return tx
    .select({ product: products, blueprint: bp })
    .from(products)
    .leftJoin(bp, and(eq(bp.tenantId, products.tenantId), eq(bp.productId, products.id)))
    .where(where)
}

/** A product the actor may see: reps see active products only, so an inactive one is a 404 for them. */
export async function findVisibleProduct(tx: Tx, actor: Actor, id: string) {
  const [row] = await selectProducts(tx, eq(schema.products.id, id))
  if (!row || (!row.product.isActive && !can(actor.role, 'products.read-inactive'))) throw notFound('Product')
  return row
}
