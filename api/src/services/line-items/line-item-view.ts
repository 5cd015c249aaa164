// Reading lines and deal totals back from the database in the caller's transaction: the API returns
// what Postgres computed (extended price, margin, the trigger-kept totals), never its own arithmetic.
// A line's margin is for those who may read cost: cost = unitPrice × (1 − margin), so a rep shown the
// margin is shown the cost (ADR 0140).
import { type Role, schema, type Tx } from '@aura/db'
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm'
import { can } from '../../lib/permissions.ts'
import { notFound } from '../../lib/problem.ts'

const { dealLineItems: li, pricingBlueprints: bp, deals } = schema

/** Margin against the blueprint's current cost, exact in numeric and rounded to 2 decimals. */
const marginPercent = sql<string | null>`(case when ${bp.cost} is null or ${li.unitPrice} = 0 then null
  else round((${li.unitPrice} - ${bp.cost}) * 100 / ${li.unitPrice}, 2) end)::text`

export function selectLines(tx: Tx, where: SQL | undefined) {
  return tx
    .select({
      id: li.id,
      dealId: li.dealId,
      productId: li.productId,
      productName: li.nameSnapshot,
      sku: li.skuSnapshot,
      quantity: li.quantity,
      listPrice: li.listPrice,
      unitPrice: li.unitPrice,
      extendedPrice: li.extendedPrice,
      marginPercent,
      position: li.position,
      removedAt: li.deletedAt,
      createdAt: li.createdAt,
      updatedAt: li.updatedAt,
    })
    .from(li)
    .leftJoin(bp, and(eq(bp.tenantId, li.tenantId), eq(bp.productId, li.productId)))
    .where(where)
    .orderBy(asc(li.position), asc(li.id))
}

export type LineRow = Awaited<ReturnType<typeof selectLines>>[number]

export const toLine = (r: LineRow, role: Role) => ({
  ...r,
  marginPercent: can(role, 'pricing.read-cost') ? r.marginPercent : null,
  removedAt: r.removedAt ? r.removedAt.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
})

/**
 * The live deal the caller may see, locked so concurrent line changes on it serialise (RLS hides a
 * colleague's or another tenant's deal: 404).
 */
export async function lockDeal(tx: Tx, dealId: string) {
  const [deal] = await tx
    .select({ id: deals.id, lineItemsTotal: deals.lineItemsTotal })
    .from(deals)
    .where(and(eq(deals.id, dealId), isNull(deals.deletedAt)))
    .for('update')
  if (!deal) throw notFound('Deal')
  return deal
}

export async function dealTotals(tx: Tx, dealId: string) {
  const [deal] = await tx
    .select({ id: deals.id, amount: deals.amount, lineItemsTotal: deals.lineItemsTotal })
    .from(deals)
    .where(eq(deals.id, dealId))
  if (!deal) throw notFound('Deal')
  return deal
}

/** The changed line and the deal's new totals, as the database now has them. */
export async function lineChange(
  tx: Tx,
  { role, dealId, lineId }: { role: Role; dealId: string; lineId: string },
) {
  const [line] = await selectLines(tx, eq(li.id, lineId))
  if (!line) throw notFound('Line item')
  return { line: toLine(line, role), deal: await dealTotals(tx, dealId) }
}

/** A live line of this deal, locked for the change. */
export async function lockLine(tx: Tx, dealId: string, lineId: string) {
  const [line] = await tx
    .select()
    .from(li)
    .where(and(eq(li.id, lineId), eq(li.dealId, dealId), isNull(li.deletedAt)))
    .for('update')
  if (!line) throw notFound('Line item')
  return line
}
