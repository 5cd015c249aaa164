import { Form } from '@remix-run/react'
import { formatMoney } from '~/lib/money.ts'
import { AddLineItem, type CatalogueItem } from './add-line-item.tsx'
import { buttonClass } from './select-field.tsx'

export interface Line {
  id: string
  productName: string
  sku: string
  quantity: number
  listPrice: string
  unitPrice: string
  extendedPrice: string
  marginPercent: string | null
}

export interface LineResult {
  formError?: string
  fieldErrors?: Record<string, string>
  values?: Record<string, string>
}

const small =
  'min-h-11 w-24 rounded-md border border-slate-300 bg-white px-2 text-base tabular-nums aria-invalid:border-red-600'

function LineRow({
  line,
  currency,
  seesMargins,
  result,
}: {
  line: Line
  currency: string
  seesMargins: boolean
  result: LineResult | undefined
}) {
  const mine = result?.values?.lineId === line.id ? result : undefined
  const priceError = mine?.fieldErrors?.unitPrice
  const qtyError = mine?.fieldErrors?.quantity
  const formId = `line-${line.id}`
  return (
    <tr className="border-t border-slate-100 align-top">
      <th scope="row" className="px-2 py-2 text-left font-medium">
        {line.productName}
        <span className="block text-xs font-normal text-slate-500">{line.sku}</span>
      </th>
      <td className="px-2 py-2 text-right tabular-nums">{formatMoney(line.listPrice, currency)}</td>
      <td className="px-2 py-2">
        <label className="sr-only" htmlFor={`${formId}-qty`}>
          Quantity of {line.productName}
        </label>
        <input
          id={`${formId}-qty`}
          form={formId}
          name="quantity"
          inputMode="numeric"
          defaultValue={mine?.values?.quantity ?? line.quantity}
          aria-invalid={qtyError ? true : undefined}
          aria-describedby={qtyError ? `${formId}-qty-error` : undefined}
          className={small}
        />
        {qtyError && (
          <p id={`${formId}-qty-error`} className="text-xs text-red-700">
            {qtyError}
          </p>
        )}
      </td>
      <td className="px-2 py-2">
        <label className="sr-only" htmlFor={`${formId}-price`}>
          Unit price of {line.productName}
        </label>
        <input
          id={`${formId}-price`}
          form={formId}
          name="unitPrice"
          inputMode="decimal"
          defaultValue={mine?.values?.unitPrice ?? line.unitPrice}
          aria-invalid={priceError ? true : undefined}
          aria-describedby={priceError ? `${formId}-price-error` : undefined}
          className={small}
        />
        {priceError && (
          <p id={`${formId}-price-error`} role="alert" className="text-xs text-red-700">
            {priceError}
          </p>
        )}
      </td>
      <td className="px-2 py-2 text-right tabular-nums">{formatMoney(line.extendedPrice, currency)}</td>
      {seesMargins && (
        <td className="px-2 py-2 text-right tabular-nums">
          {line.marginPercent ? `${line.marginPercent}%` : '—'}
        </td>
      )}
      <td className="px-2 py-2">
        <div className="flex gap-1">
          <Form method="post" id={formId}>
            <input type="hidden" name="intent" value="update-line" />
            <input type="hidden" name="lineId" value={line.id} />
            <button type="submit" className={buttonClass.secondary} aria-label={`Save ${line.productName}`}>
              Save
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="remove-line" />
            <input type="hidden" name="lineId" value={line.id} />
            <button type="submit" className={buttonClass.secondary} aria-label={`Remove ${line.productName}`}>
              Remove
            </button>
          </Form>
        </div>
      </td>
    </tr>
  )
}

/** Line items: totals and margins are the API's numbers, shown as they came back. */
export function LineItems({
  lines,
  total,
  currency,
  catalogue,
  seesMargins,
  result,
}: {
  lines: Line[]
  total: string
  currency: string
  catalogue: CatalogueItem[]
  /** Reps get no margins (ADR 0140): the column is left out rather than shown empty. */
  seesMargins: boolean
  result: LineResult | undefined
}) {
  const addResult = result?.values?.intent === 'add-line' ? result : undefined
  return (
    <section aria-labelledby="lines-heading" className="flex flex-col gap-3">
      <h2 id="lines-heading" className="text-lg font-semibold">
        Products
      </h2>
      {lines.length > 0 && (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">Line items</caption>
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="px-2 py-1 font-medium">
                  Product
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  List price
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Quantity
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Unit price
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Total
                </th>
                {seesMargins && (
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    Margin
                  </th>
                )}
                <th scope="col" className="px-2 py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <LineRow key={l.id} line={l} currency={currency} seesMargins={seesMargins} result={result} />
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-slate-300 font-semibold">
                <th scope="row" colSpan={4} className="px-2 py-2 text-right">
                  Line items total
                </th>
                <td className="px-2 py-2 text-right tabular-nums" data-testid="lines-total">
                  {formatMoney(total, currency)}
                </td>
                <td colSpan={seesMargins ? 2 : 1} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <AddLineItem key={lines.length} catalogue={catalogue} currency={currency} result={addResult} />
    </section>
  )
}
