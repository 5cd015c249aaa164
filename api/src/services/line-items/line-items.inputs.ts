// What the line item services take (F13): the routes validate requests with these schemas and add only
// OpenAPI metadata (routes/line-items/line-items.schemas.ts); "New deal" nests ZLineItemCreate in
// ZCreateDeal.lineItems. Quantities are whole numbers; money is a decimal string, never a float.
import { z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'

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
