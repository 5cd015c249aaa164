import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { formatMoney } from '~/lib/money.ts'
import { formatInZone } from '~/lib/zoned-time.ts'

interface PriceChange {
  id: string
  oldPrice: string | null
  newPrice: string
  oldCost: string | null
  newCost: string | null
  maxDiscountPercent: string | null
  marginTargetPercent: string | null
  changedBy: string | null
  changedAt: string
}

const pct = (v: string | null) => (v == null ? '—' : `${v} %`)

/** Blueprint changes, newest first, with who and when (managers and admins). */
export function PriceHistory({
  changes,
  names,
  currency,
  timezone,
}: {
  changes: PriceChange[]
  names: Record<string, string>
  currency: string
  timezone: string
}) {
  const columns: Column<PriceChange>[] = [
    { header: 'When', primary: true, cell: (c) => formatInZone(c.changedAt, timezone) },
    {
      header: 'Price',
      cell: (c) =>
        `${c.oldPrice ? `${formatMoney(c.oldPrice, currency)} → ` : ''}${formatMoney(c.newPrice, currency)}`,
    },
    { header: 'Cost', cell: (c) => formatMoney(c.newCost, currency) },
    { header: 'Max discount', cell: (c) => pct(c.maxDiscountPercent) },
    { header: 'Margin target', cell: (c) => pct(c.marginTargetPercent) },
    { header: 'By', cell: (c) => (c.changedBy && names[c.changedBy]) ?? '—' },
  ]
  return (
    <section className="mt-2" aria-label="Price changes">
      <DataTable
        caption="Price changes"
        columns={columns}
        rows={changes}
        rowKey={(c) => c.id}
        empty={<p className="text-sm text-slate-700">No price changes yet.</p>}
        bare
      />
    </section>
  )
}
