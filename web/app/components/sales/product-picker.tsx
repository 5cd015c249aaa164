// Add a product in two taps (issue 13: under 3): "Add a product" opens the active catalogue as buttons,
// and a tap adds one of it at its list price; quantity and price are edited on the line afterwards, or set
// up front with the full form below. A plain form of submit buttons: works without JavaScript; with it, a
// box filters a long list by name or SKU (public/enhance.js reveals and runs it; hidden without).
import { Form } from '@remix-run/react'
import { IdempotencyKeyField } from '~/components/idempotency-key.tsx'
import { formatMoney } from '~/lib/money.ts'
import type { CatalogueItem } from './add-line-item.tsx'

export function ProductPicker({ catalogue, currency }: { catalogue: CatalogueItem[]; currency: string }) {
  return (
    <Form method="post" aria-label="Add a product" className="flex flex-col gap-2">
      <input type="hidden" name="intent" value="add-line" />
      <input type="hidden" name="quantity" value="1" />
      <IdempotencyKeyField />
      {catalogue.length > 8 && (
        <div hidden className="flex flex-col gap-1">
          <label htmlFor="product-filter" className="text-sm font-medium text-slate-800">
            Find a product
          </label>
          <input
            id="product-filter"
            type="search"
            data-list-filter="product-choices"
            autoComplete="off"
            className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base"
          />
        </div>
      )}
      <ul id="product-choices" className="grid max-h-96 grid-cols-1 gap-2 overflow-y-auto sm:grid-cols-2">
        {catalogue.map((p) => (
          <li key={p.id}>
            <button
              type="submit"
              name="productId"
              value={p.id}
              className="flex min-h-11 w-full flex-col items-start rounded-md border border-slate-300 bg-white px-3 py-2 text-left text-sm hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
            >
              <span className="font-medium break-words text-slate-900">{p.name}</span>
              <span className="text-slate-600">
                {p.sku} · {p.listPrice ? formatMoney(p.listPrice, currency) : 'no list price'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Form>
  )
}
