// Deals as the API shows them: with their process and stage names and whether line items drive the amount.
// Every read selects its deal rows first (a page on an ordered index, or one deal by id) and only then joins
// the names and the line-items flag, for those rows alone (ADR 0100).
import { type Role, schema, type Tx } from '@aura/db'
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm'
import { pageColumns } from '../../lib/owned-page.ts'
import { notFound } from '../../lib/problem.ts'
import { pageOfLines } from '../line-items/list-line-items.ts'

const d = schema.deals
const sp = schema.salesProcesses
const ps = schema.processStages
const li = schema.dealLineItems
const lr = schema.lostReasons
const tk = schema.tasks

type DealRecord = typeof d.$inferSelect
const fromPage = pageColumns(d)

/**
 * The API's deal rows for `page`, a statement yielding deals.* plus `sort_value` and `sort_key` (text, for
 * the cursor): names by key lookups, the flag by one index probe per deal. Callers order the result.
 */
export function selectDealPage(tx: Tx, page: SQL) {
  return tx
    .select({
      ...fromPage,
      processName: sp.name,
      stageName: ps.name,
      hasLineItems: sql<boolean>`exists (select 1 from ${li}
        where ${li.tenantId} = page.tenant_id and ${li.dealId} = page.id and ${li.deletedAt} is null)`,
      // A key lookup that finds nothing for a deal that is not lost.
      lostReason: sql<string | null>`(select ${lr.label} from ${lr}
        where ${lr.tenantId} = page.tenant_id and ${lr.id} = page.lost_reason_id)`,
      // The deal's next step: its open task due first (one probe of tasks_open_by_deal_idx), as the caller
      // may see it; none flags the deal in lists and on the board (ADR 0168).
      nextStep: sql<NextStepJson | null>`(select json_build_object('id', ${tk.id}, 'type', ${tk.type},
        'subject', ${tk.subject}, 'dueAt', ${tk.dueAt}) from ${tk}
        where ${tk.tenantId} = page.tenant_id and ${tk.dealId} = page.id
          and ${tk.completedAt} is null and ${tk.deletedAt} is null
        order by ${tk.dueAt}, ${tk.id} limit 1)`,
      sortKey: sql<string | null>`page.sort_key`,
    })
    .from(sql`(${page}) as page`)
    .innerJoin(sp, sql`${sp.tenantId} = page.tenant_id and ${sp.id} = page.process_id`)
    .innerJoin(ps, sql`${ps.tenantId} = page.tenant_id and ${ps.id} = page.stage_id`)
}

type NextStepJson = {
  id: string
  type: (typeof schema.activityType.enumValues)[number]
  subject: string
  dueAt: string
}

type DealRow = DealRecord & {
  nextStep: NextStepJson | null
  processName: string
  stageName: string
  hasLineItems: boolean
  lostReason: string | null
}

export type Deal = ReturnType<typeof toDeal>

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
  lostReasonId: r.lostReasonId,
  lostReason: r.lostReason,
  customFields: r.customFields,
  nextStep: r.nextStep && { ...r.nextStep, dueAt: new Date(r.nextStep.dueAt).toISOString() },
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
})

/** A live deal the caller may see (RLS: a rep only their own), or 404. */
export async function getDeal(tx: Tx, id: string): Promise<Deal>
/** The same with the first page of its live lines, read in the same transaction (margins as `role` may see). */
export async function getDeal(
  tx: Tx,
  id: string,
  include: { lineItems: number; role: Role },
): Promise<Deal & { lineItems: Awaited<ReturnType<typeof pageOfLines>> }>
export async function getDeal(tx: Tx, id: string, include?: { lineItems: number; role: Role }) {
  // Both reads start together: on a pipelining connection they share one round trip (ADR 0101). The
  // lines of a deal the caller cannot see are none (RLS), and they are dropped with the 404 anyway.
  const [[row], lineItems] = await Promise.all([
    selectDealPage(
      tx,
      sql`select ${d}.*, null::text as sort_value, null::text as sort_key from ${d}
        where ${d.id} = ${id} and ${d.deletedAt} is null`,
    ),
    include
      ? pageOfLines(tx, { role: include.role, dealId: id, input: { limit: include.lineItems } })
      : undefined,
  ])
  if (!row) throw notFound('Deal')
  return lineItems ? { ...toDeal(row), lineItems } : toDeal(row)
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
