// Bulk operations on deals (issue 13, NFR-U5): which deals (listed ids, or every deal the list's filters
// match, up to a cap) and what to do with them.
import { z } from '@hono/zod-openapi'
import { ZDealListQuery } from './deals.inputs.ts'

/** The most deals one operation changes: a bounded transaction, and a confirmation that still means something. */
export const BULK_LIMIT = 500

/**
 * The deals list's filters (no paging or order: all matching deals are meant). Not `q`: a name search
 * answers a bounded set of candidates (search_deal_ids, at most 100), so "all deals matching" a name could
 * silently be fewer than all; a selection by name lists its ids.
 */
export const ZDealFilter = ZDealListQuery.omit({
  limit: true,
  cursor: true,
  sort: true,
  direction: true,
  q: true,
}).strict()

const selection = {
  ids: z.array(z.uuid()).min(1).max(BULK_LIMIT).optional(),
  filter: ZDealFilter.optional(),
  /** Only resolve the selection and answer what would change (the confirmation step). */
  dryRun: z.boolean().default(false),
}

export const ZBulkDeals = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('reassign'), assignedUserId: z.uuid(), ...selection }),
    z.object({ action: z.literal('move'), stageId: z.uuid(), ...selection }),
    z.object({ action: z.literal('delete'), ...selection }),
  ])
  .refine((v) => (v.ids === undefined) !== (v.filter === undefined), {
    message: 'Send either ids or filter',
    path: ['ids'],
  })
  .openapi('BulkDeals')
export type TBulkDeals = z.infer<typeof ZBulkDeals>
