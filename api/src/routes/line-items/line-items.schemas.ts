// Deal line item shapes (F13). Quantities are whole numbers; money is a decimal string, never a float.
import { z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'
import { ZListQuery } from '../../lib/pagination.ts'

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

export const ZLineItem = z
  .object({
    id: z.uuid(),
    dealId: z.uuid(),
    productId: z.uuid(),
    productName: z.string(),
    sku: z.string(),
    quantity: z.number().int(),
    listPrice: z.string(),
    unitPrice: z.string(),
    /** quantity × unitPrice, computed by the database. */
    extendedPrice: z.string(),
    /**
     * (unitPrice − cost) / unitPrice in percent, 2 decimals; null when cost is unknown, the price is 0, or
     * the caller may not read cost (reps: the margin would give the cost away, ADR 0140).
     */
    marginPercent: z.string().nullable(),
    position: z.number().int(),
    removedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('LineItem')

/** What the database computed for the deal after the change (F13.10). */
export const ZDealTotals = z
  .object({ id: z.uuid(), amount: z.string(), lineItemsTotal: z.string() })
  .openapi('DealTotals')

export const ZLineItemChange = z.object({ line: ZLineItem, deal: ZDealTotals }).openapi('LineItemChange')

export const ZLineItemListQuery = ZListQuery.extend({
  /** Also list removed lines (soft-deleted, F13.8). */
  includeRemoved: z.enum(['true', 'false']).optional(),
})

export const ZLineItemPage = z
  .object({ data: z.array(ZLineItem), nextCursor: z.string().nullable(), deal: ZDealTotals })
  .openapi('LineItemPage')
