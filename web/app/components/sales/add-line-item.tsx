import { Form } from '@remix-run/react'
import { useState } from 'react'
import { Field, FormError } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { formatMoney, fromCents, toCents } from '~/lib/money.ts'
import type { LineResult } from './line-items.tsx'
import { buttonClass, SelectField } from './select-field.tsx'

export interface CatalogueItem {
  id: string
  name: string
  sku: string
  listPrice: string | null
}

/**
 * Add a product: select, quantity (1 by default) and an optional price override. With JavaScript the
 * list price sits beside the choice and a preview multiplies in BigInt cents; the saved total is the API's.
 */
export function AddLineItem({
  catalogue,
  currency,
  result,
}: {
  catalogue: CatalogueItem[]
  currency: string
  result: LineResult | undefined
}) {
  const [productId, setProductId] = useState(result?.values?.productId ?? catalogue[0]?.id ?? '')
  const [quantity, setQuantity] = useState(result?.values?.quantity ?? '1')
  const [price, setPrice] = useState(result?.values?.unitPrice ?? '')
  const product = catalogue.find((p) => p.id === productId)
  const unit = toCents(price || product?.listPrice || '')
  const qty = /^\d{1,9}$/.test(quantity) ? BigInt(quantity) : null
  const preview = unit != null && qty != null ? fromCents(unit * qty) : null
  if (catalogue.length === 0)
    return <p className="text-sm text-slate-600">The catalogue has no active products.</p>
  return (
    <Form method="post" className="flex flex-col gap-3 rounded-md bg-slate-50 p-3" noValidate>
      <input type="hidden" name="intent" value="add-line" />
      <IdempotencyKeyField />
      <FormError message={result?.formError} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
        <div>
          <SelectField
            label="Product"
            name="productId"
            value={productId}
            onChange={(e) => setProductId(e.target.value)}
            error={result?.fieldErrors?.productId}
          >
            {catalogue.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.sku}){p.listPrice ? ` · list ${p.listPrice}` : ''}
              </option>
            ))}
          </SelectField>
          <p className="mt-1 text-sm text-slate-600" aria-live="polite">
            List price: {formatMoney(product?.listPrice, currency)}
          </p>
        </div>
        <Field
          label="Quantity"
          name="quantity"
          inputMode="numeric"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          error={result?.fieldErrors?.quantity}
        />
        <Field
          label="Unit price (optional)"
          name="unitPrice"
          inputMode="decimal"
          placeholder="List price"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          error={result?.fieldErrors?.unitPrice}
        />
        <button type="submit" className={`${buttonClass.primary} sm:mt-6`}>
          Add product
        </button>
      </div>
      {preview && (
        <p className="text-sm text-slate-600">
          Line total before saving: <span className="tabular-nums">{formatMoney(preview, currency)}</span>
        </p>
      )}
    </Form>
  )
}
