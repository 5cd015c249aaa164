// Product fields (admins) and the pricing blueprint fields, shared by "New product" and the product page.
import { Field } from '../form.tsx'

export interface ProductValues {
  sku?: string
  name?: string
  description?: string | null
  category?: string | null
}

export function ProductFields({
  values,
  errors = {},
}: {
  values: ProductValues
  errors?: Record<string, string> | undefined
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Name" name="name" required defaultValue={values.name ?? ''} error={errors.name} />
      <Field
        label="SKU"
        name="sku"
        required
        autoComplete="off"
        defaultValue={values.sku ?? ''}
        error={errors.sku}
      />
      <Field label="Category" name="category" defaultValue={values.category ?? ''} error={errors.category} />
      <Field
        label="Description"
        name="description"
        defaultValue={values.description ?? ''}
        error={errors.description}
      />
    </div>
  )
}

export interface PricingValues {
  defaultPrice?: string | null
  cost?: string | null
  maxDiscountPercent?: string | null
  marginTargetPercent?: string | null
}

export function PricingFields({
  values,
  errors = {},
  currency,
  required = true,
}: {
  values: PricingValues
  errors?: Record<string, string> | undefined
  currency: string
  required?: boolean
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label={`Default price (${currency})`}
        name="defaultPrice"
        inputMode="decimal"
        required={required}
        hint="For example 1200.00"
        defaultValue={values.defaultPrice ?? ''}
        error={errors.defaultPrice}
      />
      <Field
        label={`Cost (${currency})`}
        name="cost"
        inputMode="decimal"
        defaultValue={values.cost ?? ''}
        error={errors.cost}
      />
      <Field
        label="Max discount %"
        name="maxDiscountPercent"
        inputMode="decimal"
        hint="Empty: no discount limit"
        defaultValue={values.maxDiscountPercent ?? ''}
        error={errors.maxDiscountPercent}
      />
      <Field
        label="Margin target %"
        name="marginTargetPercent"
        inputMode="decimal"
        defaultValue={values.marginTargetPercent ?? ''}
        error={errors.marginTargetPercent}
      />
    </div>
  )
}

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null)

export function productBody(values: Record<string, string>) {
  return {
    sku: values.sku ?? '',
    name: values.name ?? '',
    description: orNull(values.description),
    category: orNull(values.category),
  }
}

/** Money and percentages go to the API as the decimal strings typed (never through a float). */
export function pricingBody(values: Record<string, string>) {
  return {
    defaultPrice: values.defaultPrice?.trim() ?? '',
    cost: orNull(values.cost),
    maxDiscountPercent: orNull(values.maxDiscountPercent),
    marginTargetPercent: orNull(values.marginTargetPercent),
  }
}

export const hasPricing = (values: Record<string, string>) =>
  ['defaultPrice', 'cost', 'maxDiscountPercent', 'marginTargetPercent'].some((k) => values[k]?.trim())
