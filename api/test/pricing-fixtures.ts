// Test fixtures shared by the product, pricing and line-item suites (not a test file itself).
import { schema } from '@aura/db'
import { createDeal, createProduct } from '@aura/db/seed/index'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Member, TestApi, Workspace } from './fixtures.ts'

export { send, type TestApi, type Workspace } from './fixtures.ts'
export { elevate } from './workspace.ts'

/** A product with a blueprint, written directly (no API, no step-up). */
export async function product(
  api: TestApi,
  ws: Workspace,
  blueprint: { defaultPrice: string; cost?: string | null; maxDiscountPercent?: string | null },
  fields: { isActive?: boolean; name?: string; category?: string } = {},
) {
  return (await createProduct(api.db, { tenantId: ws.tenant.id, ...fields, blueprint })).product
}

/** A deal owned by `owner` (assigned to and created by them), amount entered by hand. */
export function deal(api: TestApi, ws: Workspace, owner: Member, amount = '500.00') {
  return createDeal(api.db, { tenantId: ws.tenant.id, assignedUserId: owner.id, createdBy: owner.id, amount })
}

/** What the database itself holds for a deal: amount, kept total, and the sum of live lines recomputed. */
export async function dbTotals(api: TestApi, dealId: string) {
  const li = schema.dealLineItems
  const [d] = await api.db
    .select({ amount: schema.deals.amount, lineItemsTotal: schema.deals.lineItemsTotal })
    .from(schema.deals)
    .where(eq(schema.deals.id, dealId))
  const [s] = await api.db
    .select({ liveSum: sql<string>`coalesce(sum(${li.extendedPrice}), 0)::numeric(14,2)::text` })
    .from(li)
    .where(and(eq(li.dealId, dealId), isNull(li.deletedAt)))
  return { ...d, liveSum: s?.liveSum }
}

/** Audit rows of one action on one entity, oldest first. */
export function auditRows(api: TestApi, action: string, entityId: string) {
  const a = schema.auditLog
  return api.db
    .select()
    .from(a)
    .where(and(eq(a.action, action), eq(a.entityId, entityId)))
    .orderBy(a.createdAt)
}
