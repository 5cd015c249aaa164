// The catalogue, alphabetical with keyset paging on (name, id). Reps see active products only (F12.1).
import { schema, type Tx } from '@aura/db'
import { and, eq, ilike, or, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { pageColumns } from '../../lib/owned-page.ts'
import { decodeCursor, isTextKey, toPage } from '../../lib/pagination.ts'
import { can } from '../../lib/permissions.ts'
import { toProduct } from './product-view.ts'

export interface ListProductsInput {
  limit: number
  cursor?: string | undefined
  q?: string | undefined
  category?: string | undefined
  active?: 'true' | 'false' | undefined
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

export async function listProducts(tx: Tx, actor: Actor, input: ListProductsInput) {
  const { products, pricingBlueprints: bp } = schema
  const after = decodeCursor(input.cursor, isTextKey)
  const active = can(actor.role, 'products.read-inactive')
    ? input.active && eq(products.isActive, input.active === 'true')
    : and(eq(products.isActive, true), input.active === 'false' ? sql`false` : undefined)
  const where = and(
    active,
    input.category ? eq(products.category, input.category) : undefined,
    input.q
      ? or(ilike(products.name, likePattern(input.q)), ilike(products.sku, likePattern(input.q)))
      : undefined,
    after ? sql`(${products.name}, ${products.id}) > (${String(after[0])}, ${after[1]}::uuid)` : undefined,
  )
  // The page first, on products_tenant_id_(active_)name_idx, then each product's blueprint by key (a
  // lateral LIMIT 1: a join would hash the tenant's blueprints). Joined first, the whole catalogue was read
  // and sorted for every page (ADR 0100). A literal limit, as in lib/owned-page.ts.
  const limit = sql.raw(String(input.limit + 1))
  const page = sql`select ${products}.* from ${products} where ${where ?? sql`true`}
    order by ${products.name}, ${products.id} limit ${limit}`
  const blueprint = sql`select ${bp}.* from ${bp}
    where ${bp.tenantId} = page.tenant_id and ${bp.productId} = page.id limit 1`
  const rows = await tx
    .select({ product: pageColumns(products), blueprint: pageColumns(bp, 'blueprint') })
    .from(sql`(${page}) as page left join lateral (${blueprint}) as blueprint on true`)
    .orderBy(sql`page.name`, sql`page.id`)
  const pageOf = toPage(rows, input.limit, (r) => [r.product.name, r.product.id])
  return {
    // Every product has a blueprint (F12.3); a missing one reads as all-null columns from the left join.
    data: pageOf.data.map((r) => toProduct(r.product, r.blueprint.id ? r.blueprint : null, actor.role)),
    nextCursor: pageOf.nextCursor,
  }
}
