// Edits a product (F12.1): fields, SKU, and activation. A deactivated product stays on existing lines but
// cannot be added to deals. Audited with before/after of the changed fields.
import { schema, type Tx } from '@aura/db'
import { eq } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { checkProductCustomFields } from './check-product-custom-fields.ts'
import type { CreateProductInput } from './create-product.ts'
import { selectProducts, toProduct } from './product-view.ts'

export type UpdateProductInput = Partial<Omit<CreateProductInput, 'pricing'>>

/** Run under withConstraintErrors: a duplicate SKU is a 409 naming `sku`. */
export async function updateProduct(
  tx: Tx,
  { actor, id, patch }: { actor: Actor; id: string; patch: UpdateProductInput },
) {
  const { products } = schema
  const [current] = await selectProducts(tx, eq(products.id, id)).for('update', { of: products })
  if (!current) throw notFound('Product')
  const changes = { ...patch }
  if (patch.customFields) {
    changes.customFields = await checkProductCustomFields(tx, {
      tenantId: actor.tenantId,
      values: patch.customFields,
      existing: current.product.customFields,
    })
  }
  const keys = (Object.keys(changes) as (keyof typeof changes)[]).filter(
    (k) => JSON.stringify(changes[k]) !== JSON.stringify(current.product[k]),
  )
  if (keys.length === 0) return toProduct(current.product, current.blueprint, actor.role)

  const [product] = await tx.update(products).set(changes).where(eq(products.id, id)).returning()
  if (!product) throw notFound('Product')
  const pick = (row: typeof product) => Object.fromEntries(keys.map((k) => [k, row[k]]))
  const activation = keys.length === 1 && keys[0] === 'isActive'
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: activation ? (product.isActive ? 'product.activated' : 'product.deactivated') : 'product.updated',
    actorUserId: actor.userId,
    entityType: 'product',
    entityId: id,
    before: pick(current.product),
    after: pick(product),
    requestId: actor.requestId,
  })
  return toProduct(product, current.blueprint, actor.role)
}
