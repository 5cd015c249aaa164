// Factories for the catalogue and deal line items.
import { eq } from 'drizzle-orm'
import { dealLineItems, pricingBlueprints, products } from '../schema/index.ts'
import { type Executor, first, uniq } from './executor.ts'

export type Product = typeof products.$inferSelect
export type PricingBlueprint = typeof pricingBlueprints.$inferSelect
export type LineItem = typeof dealLineItems.$inferSelect

export interface ProductOverrides extends Partial<typeof products.$inferInsert> {
  tenantId: string
  /** Blueprint fields; `defaultPrice` (a decimal string) is required for a blueprint to be written. */
  blueprint?: Partial<Omit<typeof pricingBlueprints.$inferInsert, 'tenantId' | 'productId'>> | null
}

export interface ProductWithBlueprint {
  product: Product
  blueprint: PricingBlueprint | null
}

export async function createProduct(
  db: Executor,
  overrides: ProductOverrides,
): Promise<ProductWithBlueprint> {
  const { blueprint: bp = {}, ...rest } = overrides
  const n = uniq()
  const product = first(
    await db
      .insert(products)
      .values({ sku: `SKU-${n}`, name: `Product ${n}`, ...rest })
      .returning(),
  )
  if (bp === null) return { product, blueprint: null }
  const blueprint = first(
    await db
      .insert(pricingBlueprints)
      .values({ defaultPrice: '100.00', ...bp, tenantId: product.tenantId, productId: product.id })
      .returning(),
  )
  return { product, blueprint }
}

/** A line copying the product's snapshot and blueprint price (F13.2) unless overridden. */
export async function createLineItem(
  db: Executor,
  overrides: Partial<typeof dealLineItems.$inferInsert> & {
    tenantId: string
    dealId: string
    productId: string
  },
): Promise<LineItem> {
  const [p] = await db.select().from(products).where(eq(products.id, overrides.productId))
  const [bp] = await db
    .select()
    .from(pricingBlueprints)
    .where(eq(pricingBlueprints.productId, overrides.productId))
  if (!p) throw new Error('createLineItem: product not visible')
  const listPrice = overrides.listPrice ?? bp?.defaultPrice ?? '0.00'
  return first(
    await db
      .insert(dealLineItems)
      .values({
        skuSnapshot: p.sku,
        nameSnapshot: p.name,
        quantity: 1,
        listPrice,
        unitPrice: overrides.unitPrice ?? listPrice,
        ...overrides,
      })
      .returning(),
  )
}
