// The product forms (ADR 0150): the API's product and pricing inputs, narrowed to what the pages edit.
import { z } from 'zod'
import { ZPricingInput, ZProductCreate } from './inputs.server.ts'

/** Name, SKU, category, description: "New product" and the product page's details. */
export const ZProductForm = z.object(
  ZProductCreate.pick({ sku: true, name: true, description: true, category: true }).shape,
)

/** The pricing blueprint on the product page (its own step-up operation). */
export const ZPricingForm = z.object(ZPricingInput.shape)

/** Switch on or off: one button posting the new state. */
export const ZProductStatusForm = z
  .object({ isActive: z.enum(['true', 'false']) })
  .transform(({ isActive }) => ({ isActive: isActive === 'true' }))

/** "New product": pricing is optional there; all its fields blank means none (no step-up asked). */
export const ZNewProductForm = ZProductForm.extend({
  pricing: z
    .object({ ...ZPricingInput.shape, defaultPrice: ZPricingInput.shape.defaultPrice.nullable().optional() })
    .optional()
    .transform((pricing, ctx) => {
      if (!pricing) return undefined
      const { defaultPrice, ...rest } = pricing
      if (defaultPrice != null) return { ...rest, defaultPrice }
      if (Object.values(rest).some((v) => v != null))
        ctx.addIssue({ code: 'custom', path: ['defaultPrice'], message: 'Enter a default price' })
      return undefined
    }),
})
