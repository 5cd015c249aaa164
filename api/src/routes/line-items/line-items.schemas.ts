// Deal line item shapes (F13). Quantities are whole numbers; money is a decimal string, never a float.
import { z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'
import { ZListQuery } from '../../lib/pagination.ts'
import { ZDealTotals, ZLineItem } from '../../services/line-items/line-items.outputs.ts'

export { ZDealTotals, ZLineItem }

export const ZQuantity = z
  .number('Use a whole number of at least 1')
  .int('Use a whole number of at least 1')
  .min(1, 'Use a whole number of at least 1')
  .max(2_147_483_647, 'Too large')
  .openapi({ example: 3 })

export const ZLineItemCreate = z
  .object({
    productId: z.uuid('Not a valid id'),
    quantity: ZQuantity,
    /** Defaults to the blueprint's default price (F13.2). */
    unitPrice: ZMoney.optional(),
  })
  .strict()

export const ZLineItemPatch = z
  .object({ quantity: ZQuantity, unitPrice: ZMoney })
  .partial()
  .strict()
  .refine((p) => p.quantity !== undefined || p.unitPrice !== undefined, 'Send quantity, unitPrice or both')

export const ZLineParams = z.object({ id: z.uuid('Not a valid id'), lineId: z.uuid('Not a valid id') })

export const ZLineItemChange = z.object({ line: ZLineItem, deal: ZDealTotals }).openapi('LineItemChange')

export const ZLineItemListQuery = ZListQuery.extend({
  /** Also list removed lines (soft-deleted, F13.8). */
  includeRemoved: z.enum(['true', 'false']).optional(),
})

export const ZLineItemPage = z
  .object({ data: z.array(ZLineItem), nextCursor: z.string().nullable(), deal: ZDealTotals })
  .openapi('LineItemPage')
