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
  if (changes.length === 0) return <p className="mt-2 text-sm text-slate-700">No price changes yet.</p>
  return (
    <section
      className="mt-2 overflow-x-auto focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      aria-label="Price changes"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be scrollable by keyboard
      tabIndex={0}
    >
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              When
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Price
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Cost
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Max discount
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Margin target
            </th>
            <th scope="col" className="py-2 font-medium">
              By
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.map((c) => (
            <tr key={c.id}>
              <td className="py-2 pr-3">{formatInZone(c.changedAt, timezone)}</td>
              <td className="py-2 pr-3">
                {c.oldPrice ? `${formatMoney(c.oldPrice, currency)} → ` : ''}
                {formatMoney(c.newPrice, currency)}
              </td>
              <td className="py-2 pr-3">{formatMoney(c.newCost, currency)}</td>
              <td className="py-2 pr-3">{pct(c.maxDiscountPercent)}</td>
              <td className="py-2 pr-3">{pct(c.marginTargetPercent)}</td>
              <td className="py-2">{(c.changedBy && names[c.changedBy]) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
