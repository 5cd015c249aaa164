// A product's price history (F12.5), newest first, keyset paged on (changed_at, id).
import { schema, type Tx } from '@aura/db'
import { and, eq } from 'drizzle-orm'
import { newestFirst, toPage } from '../../lib/pagination.ts'

export async function listPriceHistory(
  tx: Tx,
  productId: string,
  input: { limit: number; cursor?: string | undefined },
) {
  const h = schema.productPriceHistory
  const order = newestFirst(h.changedAt, h.id, input.cursor)
  const rows = await tx
    .select({ change: h, key: order.key })
    .from(h)
    .where(and(eq(h.productId, productId), order.after))
    .orderBy(...order.orderBy)
    .limit(input.limit + 1)
  const page = toPage(rows, input.limit, (r) => [r.key, r.change.id])
  return {
    data: page.data.map(({ change: r }) => ({
      id: r.id,
      productId: r.productId,
      oldPrice: r.oldPrice,
      newPrice: r.newPrice,
      oldCost: r.oldCost,
      newCost: r.newCost,
      maxDiscountPercent: r.maxDiscountPercent,
      marginTargetPercent: r.marginTargetPercent,
      changedBy: r.changedBy,
      changedAt: r.changedAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  }
}
