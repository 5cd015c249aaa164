import { getFormProps, useForm } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FormErrors, FormField } from '~/components/form.tsx'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { buttonClass } from '~/components/ui/button.tsx'
import type { FormReply } from '~/lib/forms.server.ts'
import { FormSelect } from './select-field.tsx'

export interface CatalogueItem {
  id: string
  name: string
  sku: string
  listPrice: string | null
}

/**
 * Add a product with its quantity (1 by default) and an optional price override (the picker adds one at
 * list price in a tap: product-picker.tsx). Each choice names its list price; the line total is the API's.
 */
export function AddLineItem({
  catalogue,
  result,
}: {
  catalogue: CatalogueItem[]
  result: FormReply | undefined
}) {
  const [form, fields] = useForm({
    id: 'add-line',
    lastResult: result,
    defaultValue: { productId: catalogue[0]?.id ?? '', quantity: '1', unitPrice: '' },
  })
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
          <FormSelect label="Product" meta={fields.productId}>
            {catalogue.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.sku}){p.listPrice ? ` · list ${p.listPrice}` : ''}
              </option>
            ))}
          </FormSelect>
        </div>
        <FormField label="Quantity" meta={fields.quantity} inputMode="numeric" />
        <FormField
          label="Unit price (optional)"
          meta={fields.unitPrice}
          inputMode="decimal"
          placeholder="List price"
        />
        <button type="submit" className={`${buttonClass.primary} sm:mt-6`}>
          Add product
        </button>
      </div>
    </Form>
  )
}
