// What the line-item services answer, as the API documents it (F13): a deal's answer nests its lines, so
// the components are named here, once.
import { z } from '@hono/zod-openapi'

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
