import { Form } from '@remix-run/react'
import { buttonClass } from '~/components/ui/button.tsx'
import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { replyFor } from '~/lib/form-reply.ts'
import type { FormReply } from '~/lib/forms.server.ts'
import { formatMoney } from '~/lib/money.ts'
import { Disclosure } from '../ui/disclosure.tsx'
import { LinkDisclosure, useOpenDisclosure } from '../ui/link-disclosure.tsx'
import { AddLineItem, type CatalogueItem } from './add-line-item.tsx'
import { ProductPicker } from './product-picker.tsx'

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

/** The deal page's action answer; each line's form and the add form pick out their own (replyFor). */
export type LineResult = FormReply

const small =
  'min-h-11 w-24 rounded-md border border-slate-300 bg-white px-2 text-base tabular-nums aria-invalid:border-red-600'

/** The row's own reply: errors and typed values come back only for the line whose form was sent. */
const mineOf = (line: Line, result: LineResult | undefined) =>
  replyFor(result, 'update-line', { name: 'lineId', value: line.id })

/** Quantity or unit price of one line, sent with that line's Save form (`form=`), its error tied to it. */
function LineInput({
  line,
  result,
  name,
  label,
}: {
  line: Line
  result: LineResult | undefined
  name: 'quantity' | 'unitPrice'
  label: string
}) {
  const mine = mineOf(line, result)
  const error = mine?.error?.[name]?.join(' ')
  const typed = mine?.initialValue?.[name]
  const formId = `line-${line.id}`
  const id = `${formId}-${name === 'quantity' ? 'qty' : 'price'}`
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label} of {line.productName}
      </label>
      <input
        id={id}
        form={formId}
        name={name}
        inputMode={name === 'quantity' ? 'numeric' : 'decimal'}
        defaultValue={typeof typed === 'string' ? typed : line[name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={small}
      />
      {error && (
        <p
          id={`${id}-error`}
          {...(name === 'unitPrice' ? { role: 'alert' } : {})}
          className="text-xs text-red-700"
        >
          {error}
        </p>
      )}
    </>
  )
}

function LineActions({ line }: { line: Line }) {
  return (
    <div className="flex gap-1">
      <Form method="post" id={`line-${line.id}`}>
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
  )
}

function lineColumns(currency: string, seesMargins: boolean, result: LineResult | undefined): Column<Line>[] {
  return [
    {
      header: 'Product',
      primary: true,
      cell: (l) => (
        <>
          {l.productName}
          <span className="block text-xs font-normal text-slate-500">{l.sku}</span>
        </>
      ),
    },
    { header: 'List price', align: 'end', cell: (l) => formatMoney(l.listPrice, currency) },
    {
      header: 'Quantity',
      cell: (l) => <LineInput line={l} result={result} name="quantity" label="Quantity" />,
    },
    {
      header: 'Unit price',
      cell: (l) => <LineInput line={l} result={result} name="unitPrice" label="Unit price" />,
    },
    { header: 'Total', align: 'end', cell: (l) => formatMoney(l.extendedPrice, currency) },
    // Reps get no margins (ADR 0140): the column is left out rather than shown empty.
    ...(seesMargins
      ? [
          {
            header: 'Margin',
            align: 'end',
            cell: (l) => (l.marginPercent ? `${l.marginPercent}%` : '—'),
          } satisfies Column<Line>,
        ]
      : []),
    { header: 'Actions', headerHidden: true, cell: (l) => <LineActions line={l} /> },
  ]
}

const ADD_LINE = 'add-line'

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
  const addResult = replyFor(result, 'add-line')
  // The form with quantity and price carries a select of every product: rendered only when asked for.
  const opened = useOpenDisclosure()
  const adding = Boolean(addResult) || opened === ADD_LINE
  return (
    <section aria-labelledby="lines-heading" className="flex flex-col gap-3">
      <h2 id="lines-heading" className="text-lg font-semibold">
        Products
      </h2>
      <DataTable
        caption="Line items"
        columns={lineColumns(currency, seesMargins, result)}
        rows={lines}
        rowKey={(l) => l.id}
        empty={null}
        footer={{
          label: 'Line items total',
          value: <span data-testid="lines-total">{formatMoney(total, currency)}</span>,
          under: 'Total',
        }}
        bare
      />
      {catalogue.length === 0 ? (
        <p className="text-sm text-slate-600">The catalogue has no active products.</p>
      ) : (
        <Disclosure summary="Add a product" open={adding}>
          <div className="flex flex-col gap-3">
            <ProductPicker catalogue={catalogue} currency={currency} />
            <LinkDisclosure name={ADD_LINE} summary="With a quantity or a price" open={Boolean(addResult)}>
              <AddLineItem key={lines.length} catalogue={catalogue} result={addResult} />
            </LinkDisclosure>
          </div>
        </Disclosure>
      )}
    </section>
  )
}
