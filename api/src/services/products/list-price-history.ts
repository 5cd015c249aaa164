// A product's price history (F12.5), newest first. The cursor is the last row's id; its (changed_at, id)
// is read back in SQL so microsecond timestamps never skip or repeat rows.
import { schema, type Tx } from '@aura/db'
import { and, desc, eq, sql } from 'drizzle-orm'
import { toPage } from '../../lib/pagination.ts'
import { checkedCursor } from './checked-cursor.ts'

export async function listPriceHistory(
  tx: Tx,
  productId: string,
  input: { limit: number; cursor?: string | undefined },
) {
  const h = schema.productPriceHistory
  const after = checkedCursor(input.cursor)
  const rows = await tx
    .select()
    .from(h)
    .where(
      and(
        eq(h.productId, productId),
        after
          ? sql`(${h.changedAt}, ${h.id}) < (select c.changed_at, c.id from product_price_history c where c.id = ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(h.changedAt), desc(h.id))
    .limit(input.limit + 1)
  const page = toPage(rows, input.limit, (r) => [null, r.id])
  return {
    data: page.data.map((r) => ({
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
