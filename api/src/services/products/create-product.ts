// Adds a product to the catalogue (F12.1), optionally with its first pricing blueprint, and audits it.
import { schema, type Tx } from '@aura/db'
import { recordAudit } from '../audit/record-audit.ts'
import { checkProductCustomFields } from './check-product-custom-fields.ts'
import { type Caller, toProduct } from './product-view.ts'
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
export async function createProduct(tx: Tx, caller: Caller, input: CreateProductInput) {
  const { pricing, ...fields } = input
  const customFields = await checkProductCustomFields(tx, caller.tenantId, fields.customFields)
  const [product] = await tx
    .insert(schema.products)
    .values({ ...fields, customFields, tenantId: caller.tenantId })
    .returning()
  if (!product) throw new Error('createProduct: insert returned no row')
  await recordAudit(tx, {
    tenantId: caller.tenantId,
    action: 'product.created',
    actorUserId: caller.userId,
    entityType: 'product',
    entityId: product.id,
    after: { sku: product.sku, name: product.name, category: product.category, isActive: product.isActive },
    requestId: caller.requestId,
  })
  const blueprint = pricing ? await setPricing(tx, caller, product.id, pricing) : null
  return toProduct(product, blueprint, caller.role)
}
