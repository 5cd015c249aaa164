// Adds a product to the catalogue (F12.1), optionally with its first pricing blueprint, and audits it.
import { schema, type Tx } from '@aura/db'
import type { Actor } from '../../lib/actor.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { checkProductCustomFields } from './check-product-custom-fields.ts'
import { toProduct } from './product-view.ts'
import { type PricingInput, setPricing } from './set-pricing.ts'

export interface CreateProductInput {
  sku: string
  name: string
  description?: string | null | undefined
  category?: string | null | undefined
  isActive?: boolean | undefined
  customFields?: Record<string, unknown> | undefined
  pricing?: PricingInput | undefined
}

/** Run under withConstraintErrors: a duplicate SKU is a 409 naming `sku`. */
export async function createProduct(tx: Tx, actor: Actor, input: CreateProductInput) {
  const { pricing, ...fields } = input
  const customFields = await checkProductCustomFields(tx, {
    tenantId: actor.tenantId,
    values: fields.customFields,
  })
  const [product] = await tx
    .insert(schema.products)
    .values({ ...fields, customFields, tenantId: actor.tenantId })
    .returning()
  if (!product) throw new Error('createProduct: insert returned no row')
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'product.created',
    actorUserId: actor.userId,
    entityType: 'product',
    entityId: product.id,
    after: { sku: product.sku, name: product.name, category: product.category, isActive: product.isActive },
    requestId: actor.requestId,
  })
  const blueprint = pricing ? await setPricing(tx, { actor, productId: product.id, input: pricing }) : null
  return toProduct(product, blueprint, actor.role)
}
