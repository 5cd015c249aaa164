// Bulk operations on deals (issue 13, NFR-U5): which deals (listed ids, or every deal the list's filters
// match, up to a cap) and what to do with them. The selection is every record type's (lib/bulk.ts).
import { z } from '@hono/zod-openapi'
import { BULK_LIMIT, bulkSelection, idsOrFilter } from '../../lib/bulk.ts'
import { ZDealListQuery } from './deals.inputs.ts'

export { BULK_LIMIT }

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

const selection = bulkSelection(ZDealFilter)

export const ZBulkDeals = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('reassign'), assignedUserId: z.uuid(), ...selection }),
    z.object({ action: z.literal('move'), stageId: z.uuid(), ...selection }),
    z.object({ action: z.literal('delete'), ...selection }),
  ])
  .refine(...idsOrFilter)
  .openapi('BulkDeals')
export type TBulkDeals = z.infer<typeof ZBulkDeals>
