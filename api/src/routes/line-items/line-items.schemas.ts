// Deal line item shapes (F13). Quantities are whole numbers; money is a decimal string, never a float.
import { z } from '@hono/zod-openapi'
import { ZListQuery } from '../../lib/pagination.ts'
import { ZLineItemCreate, ZLineItemPatch, ZQuantity } from '../../services/line-items/line-items.inputs.ts'
import { ZDealTotals, ZLineItem } from '../../services/line-items/line-items.outputs.ts'

export { ZDealTotals, ZLineItem, ZLineItemCreate, ZLineItemPatch, ZQuantity }

export const ZLineParams = z.object({ id: z.uuid('Not a valid id'), lineId: z.uuid('Not a valid id') })

export const ZLineItemChange = z.object({ line: ZLineItem, deal: ZDealTotals }).openapi('LineItemChange')

export const ZLineItemListQuery = ZListQuery.extend({
  /** Also list removed lines (soft-deleted, F13.8). */
  includeRemoved: z.enum(['true', 'false']).optional(),
})

export const ZLineItemPage = z
  .object({ data: z.array(ZLineItem), nextCursor: z.string().nullable(), deal: ZDealTotals })
  .openapi('LineItemPage')
