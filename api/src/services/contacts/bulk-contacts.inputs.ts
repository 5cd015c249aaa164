// Bulk operations on contacts (issue 13, ADR 0158): which contacts (listed ids, or every contact the list's
// filters match, up to a cap) and what to do with them. The selection is every record type's (lib/bulk.ts).
import { z } from '@hono/zod-openapi'
import { bulkSelection, idsOrFilter } from '../../lib/bulk.ts'

/**
 * The contacts list's filters (the list query adds the search box and paging to these). Not `q`: a search
 * answers a ranked, bounded set of candidates (search_contacts), so "all contacts matching" a search could
 * silently be fewer than all; a selection by search lists its ids.
 */
export const ZContactFilter = z
  .object({
    assignedUserId: z.uuid('Not a valid id').optional(),
    organizationId: z.uuid('Not a valid id').optional(),
  })
  .strict()

const selection = bulkSelection(ZContactFilter)

export const ZBulkContacts = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('reassign'), assignedUserId: z.uuid(), ...selection }),
    z.object({ action: z.literal('delete'), ...selection }),
  ])
  .refine(...idsOrFilter)
  .openapi('BulkContacts')
export type TBulkContacts = z.infer<typeof ZBulkContacts>
