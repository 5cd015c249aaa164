// "New deal"'s product rows (F13.1): a product, its quantity (1 when blank) and an optional price; a row
// with no product chosen is left out (lib/deal-form.server.ts). Plain fields, so no JavaScript is needed.
import { type AnyField, FormField } from '../form.tsx'
import { FormRecordSelect } from './select-field.tsx'

/** How many product rows "New deal" shows; more can be added on the deal page. */
export const NEW_DEAL_LINES = 3

interface LineRow {
  key: string | undefined
  getFieldset(): Record<'productId' | 'quantity' | 'unitPrice', AnyField>
}

export function NewDealLines({
  lines,
  catalogue,
}: {
  lines: LineRow[]
  catalogue: { id: string; name: string }[]
}) {
  return (
    <fieldset className="flex flex-col gap-3 sm:col-span-2">
      <legend className="text-sm font-medium text-slate-800">Products (optional)</legend>
      <p className="text-sm text-slate-600">
        While a deal has products, its amount is their total. More can be added on the deal page.
      </p>
      {lines.map((line, i) => {
        const f = line.getFieldset()
        return (
          <div
            key={line.key ?? i}
            className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,3fr)_minmax(0,1fr)_minmax(0,1fr)]"
          >
            <FormRecordSelect
              label={`Product ${i + 1}`}
              meta={f.productId}
              none="No product"
              options={catalogue}
            />
            <FormField label={`Quantity ${i + 1}`} meta={f.quantity} inputMode="numeric" placeholder="1" />
            <FormField label={`Unit price ${i + 1} (optional)`} meta={f.unitPrice} inputMode="decimal" />
          </div>
        )
      })}
    </fieldset>
  )
}
