// The catalogue, alphabetical with keyset paging on (name, id). Reps see active products only (F12.1).
import { schema, type Tx } from '@aura/db'
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { can } from '../../lib/permissions.ts'
import { type Caller, selectProducts, toProduct } from './product-view.ts'

export interface ListProductsInput {
  limit: number
  cursor?: string | undefined
  q?: string | undefined
  category?: string | undefined
  active?: 'true' | 'false' | undefined
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

export async function listProducts(tx: Tx, caller: Caller, input: ListProductsInput) {
  const { products } = schema
  const after = decodeCursor(input.cursor)
  const active = can(caller.role, 'products.read-inactive')
    ? input.active && eq(products.isActive, input.active === 'true')
    : and(eq(products.isActive, true), input.active === 'false' ? sql`false` : undefined)
  const rows = await selectProducts(
    tx,
    and(
      active,
      input.category ? eq(products.category, input.category) : undefined,
      input.q
        ? or(ilike(products.name, likePattern(input.q)), ilike(products.sku, likePattern(input.q)))
        : undefined,
      after ? sql`(${products.name}, ${products.id}) > (${String(after[0])}, ${after[1]}::uuid)` : undefined,
    ),
  )
    .orderBy(asc(products.name), asc(products.id))
    .limit(input.limit + 1)
  const page = toPage(rows, input.limit, (r) => [r.product.name, r.product.id])
  return {
    data: page.data.map((r) => toProduct(r.product, r.blueprint, caller.role)),
    nextCursor: page.nextCursor,
  }
}
