// Product catalogue and pricing blueprint shapes (F12). Money and percentages are decimal strings.

import { z } from '@hono/zod-openapi'
import { ZMoney } from '../../lib/money.ts'
import { ZListQuery } from '../../lib/pagination.ts'
import { line } from '../../lib/text.ts'

const percent = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,2})?$/, 'Use a decimal percentage such as 12.50 (at most 2 decimals)')
    .refine((v) => Number(v) >= min && Number(v) <= max, `Use a percentage between ${min} and ${max}`)
    .openapi({ example: '15.00' })

export const ZPricingInput = z
  .object({
    defaultPrice: ZMoney,
    cost: ZMoney.nullable().optional(),
    /** null or omitted: no discount policy. */
    maxDiscountPercent: percent(0, 100).nullable().optional(),
    marginTargetPercent: percent(-100, 100).nullable().optional(),
  })
  .strict()
  .openapi('PricingInput')

export const ZPricing = z
  .object({
    defaultPrice: z.string(),
    /** null when unknown, or hidden from reps (cost is for managers and admins). */
    cost: z.string().nullable(),
    maxDiscountPercent: z.string().nullable(),
    marginTargetPercent: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Pricing')

const ZCustomFields = z.record(z.string(), z.unknown())

export const ZProductCreate = z
  .object({
    sku: line(64).min(1, 'Enter a SKU'),
    name: line(200).min(1, 'Enter a name'),
    description: z.string().trim().max(5000).nullable().optional(),
    category: line(100).nullable().optional(),
    isActive: z.boolean().optional(),
    /** Checked against the tenant's product field definitions; on PATCH merged over stored values (null removes). */
    customFields: ZCustomFields.optional(),
    /** The initial blueprint; like every pricing change it needs step-up verification. */
    pricing: ZPricingInput.optional(),
  })
  .strict()

export const ZProductPatch = ZProductCreate.omit({ pricing: true }).partial().strict()

export const ZProduct = z
  .object({
    id: z.uuid(),
    sku: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.string().nullable(),
    isActive: z.boolean(),
    customFields: ZCustomFields,
    pricing: ZPricing.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Product')

export const ZProductListQuery = ZListQuery.extend({
  q: line(200).min(1).optional(),
  category: line(100).min(1).optional(),
  active: z.enum(['true', 'false']).optional(),
})

export const ZPriceChange = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    oldPrice: z.string().nullable(),
    newPrice: z.string(),
    oldCost: z.string().nullable(),
    newCost: z.string().nullable(),
    maxDiscountPercent: z.string().nullable(),
    marginTargetPercent: z.string().nullable(),
    changedBy: z.uuid().nullable(),
    changedAt: z.string(),
  })
  .openapi('PriceChange')
