// What a saved view holds (issue 13): a name and the list's own filters, checked by the list's schema so a
// view opens exactly as the list would with them. Paging is never saved (a view starts at its first page).
import { schema } from '@aura/db'
import { z } from 'zod'
import { line } from '../../lib/text.ts'
import { DEAL_SORTS, ZDealListQuery } from '../deals/deals.inputs.ts'

/** Views one user may keep per list: enough for a working week's angles, few enough to show as chips. */
export const MAX_VIEWS_PER_LIST = 30

/** The deals list's query without paging; order is optional (the list's default applies when absent). */
export const ZDealViewFilters = ZDealListQuery.omit({
  limit: true,
  cursor: true,
  sort: true,
  direction: true,
})
  .extend({ sort: z.enum(DEAL_SORTS).optional(), direction: z.enum(['asc', 'desc']).optional() })
  .strict()

const ZViewName = line(60).min(1, 'Enter a name')

export const ZCreateSavedView = z.object({
  list: z.enum(schema.SAVED_VIEW_LISTS),
  name: ZViewName,
  filters: ZDealViewFilters,
})
export type TCreateSavedView = z.infer<typeof ZCreateSavedView>

export const ZUpdateSavedView = z
  .object({ name: ZViewName.optional(), filters: ZDealViewFilters.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.filters !== undefined, {
    message: 'Give a name or filters to change',
    path: ['name'],
  })
export type TUpdateSavedView = z.infer<typeof ZUpdateSavedView>

export const ZSavedViewQuery = z.object({ list: z.enum(schema.SAVED_VIEW_LISTS) })
