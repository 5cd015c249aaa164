// Deals as the API shows them: with their process and stage names and whether line items drive the amount.
import { schema, type Tx } from '@aura/db'
import { and, eq, getTableColumns, isNull, type SQL, sql } from 'drizzle-orm'
import { notFound } from '../../lib/problem.ts'

const d = schema.deals
const sp = schema.salesProcesses
const ps = schema.processStages
const li = schema.dealLineItems

export const dealColumns = {
  ...getTableColumns(d),
  processName: sp.name,
  stageName: ps.name,
  hasLineItems: sql<boolean>`exists (select 1 from ${li}
    where ${li.tenantId} = ${d.tenantId} and ${li.dealId} = ${d.id} and ${li.deletedAt} is null)`,
}

/** deals ⋈ process ⋈ stage on the composite keys, live deals only; callers add where/order/limit. */
export function selectDeals(tx: Tx, sortKey: SQL<string> = sql<string>`null`) {
  return tx
    .select({ ...dealColumns, sortKey })
    .from(d)
    .innerJoin(sp, and(eq(sp.tenantId, d.tenantId), eq(sp.id, d.processId)))
    .innerJoin(ps, and(eq(ps.tenantId, d.tenantId), eq(ps.id, d.stageId)))
    .$dynamic()
}

type DealRow = typeof d.$inferSelect & { processName: string; stageName: string; hasLineItems: boolean }

export const toDeal = (r: DealRow) => ({
  id: r.id,
  name: r.name,
  amount: r.amount,
  currency: r.currency,
  processId: r.processId,
  processName: r.processName,
  stageId: r.stageId,
  stageName: r.stageName,
  status: r.status,
  probability: r.probability,
  closeDate: r.closeDate,
  contactId: r.contactId,
  organizationId: r.organizationId,
  assignedUserId: r.assignedUserId,
  notes: r.notes,
  hasLineItems: r.hasLineItems,
  lineItemsTotal: r.lineItemsTotal,
  closedAt: r.closedAt?.toISOString() ?? null,
  closedStageName: r.closedStageName,
  closedProbability: r.closedProbability,
  finalAmount: r.finalAmount,
  customFields: r.customFields,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
})

/** A live deal the caller may see (RLS: a rep only their own), or 404. */
export async function getDeal(tx: Tx, id: string) {
  const [row] = await selectDeals(tx).where(and(eq(d.id, id), isNull(d.deletedAt)))
  if (!row) throw notFound('Deal')
  return toDeal(row)
}

/** The live deal row locked for a change, or 404. */
export async function lockDeal(tx: Tx, id: string) {
  const [row] = await tx
    .select()
    .from(d)
    .where(and(eq(d.id, id), isNull(d.deletedAt)))
    .for('update')
  if (!row) throw notFound('Deal')
  return row
}
