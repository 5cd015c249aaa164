import { getFormProps, useForm } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useState } from 'react'
import { FormErrors, FormField } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import type { FormReply } from '~/lib/forms.server.ts'
import { formatMoney, fromCents, toCents } from '~/lib/money.ts'
import { FormSelect } from './select-field.tsx'

export interface CatalogueItem {
  id: string
  name: string
  sku: string
  listPrice: string | null
}

/**
 * Add a product with its quantity (1 by default) and an optional price override (the picker adds one at
 * list price in a tap: product-picker.tsx). With JavaScript the
 * list price sits beside the choice and a preview multiplies in BigInt cents; the saved total is the API's.
 */
export function AddLineItem({
  catalogue,
  currency,
  result,
}: {
  catalogue: CatalogueItem[]
  currency: string
  result: FormReply | undefined
}) {
  const [form, fields] = useForm({
    id: 'add-line',
    lastResult: result,
    defaultValue: { productId: catalogue[0]?.id ?? '', quantity: '1', unitPrice: '' },
  })
  // Controlled for the preview; they start from the typed values after a refusal.
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  const [productId, setProductId] = useState(text(fields.productId.initialValue))
  const [quantity, setQuantity] = useState(text(fields.quantity.initialValue))
  const [price, setPrice] = useState(text(fields.unitPrice.initialValue))
  const product = catalogue.find((p) => p.id === productId)
  const unit = toCents(price || product?.listPrice || '')
  const qty = /^\d{1,9}$/.test(quantity) ? BigInt(quantity) : null
  const preview = unit != null && qty != null ? fromCents(unit * qty) : null
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      noValidate
      className="flex flex-col gap-3 rounded-md bg-slate-50 p-3"
    >
      <input type="hidden" name="intent" value="add-line" />
      <IdempotencyKeyField />
      <FormErrors errors={form.errors} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
        <div>
          <FormSelect
            label="Product"
            meta={fields.productId}
            value={productId}
            onChange={(e) => setProductId(e.target.value)}
          >
            {catalogue.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.sku}){p.listPrice ? ` · list ${p.listPrice}` : ''}
              </option>
            ))}
          </FormSelect>
          <p className="mt-1 text-sm text-slate-600" aria-live="polite">
            List price: {formatMoney(product?.listPrice, currency)}
          </p>
        </div>
        <FormField
          label="Quantity"
          meta={fields.quantity}
          inputMode="numeric"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
        <FormField
          label="Unit price (optional)"
          meta={fields.unitPrice}
          inputMode="decimal"
          placeholder="List price"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
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
