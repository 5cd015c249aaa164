// Product fields (admins) and the pricing blueprint fields, shared by "New product" and the product page;
// values and errors come from the Conform form (lib/product-form.server.ts parses it, ADR 0150).
import { type AnyField, FormField } from '../form.tsx'

export type ProductFieldSet = Record<'sku' | 'name' | 'description' | 'category', AnyField>

export function ProductFields({ fields }: { fields: ProductFieldSet }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField label="Name" meta={fields.name} required />
      <FormField label="SKU" meta={fields.sku} required autoComplete="off" />
      <FormField label="Category" meta={fields.category} />
      <FormField label="Description" meta={fields.description} />
    </div>
  )
}

export type PricingFieldSet = Record<
  'defaultPrice' | 'cost' | 'maxDiscountPercent' | 'marginTargetPercent',
  AnyField
>

/** Money and percentages go to the API as the decimal strings typed (never through a float). */
export function PricingFields({
  fields,
  currency,
  required = true,
}: {
  fields: PricingFieldSet
  currency: string
  required?: boolean
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField
        label={`Default price (${currency})`}
        meta={fields.defaultPrice}
        inputMode="decimal"
        required={required}
        hint="For example 1200.00"
      />
      <FormField label={`Cost (${currency})`} meta={fields.cost} inputMode="decimal" />
      <FormField
        label="Max discount %"
        meta={fields.maxDiscountPercent}
        inputMode="decimal"
        hint="Empty: no discount limit"
      />
      <FormField label="Margin target %" meta={fields.marginTargetPercent} inputMode="decimal" />
    </div>
  )
}
