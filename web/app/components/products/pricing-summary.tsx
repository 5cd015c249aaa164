import { formatMoney } from '~/lib/money.ts'

interface Pricing {
  defaultPrice: string
  cost: string | null
  maxDiscountPercent: string | null
  marginTargetPercent: string | null
}

/** The blueprint as read-only facts (reps never get cost or margin from the API). */
export function PricingSummary({ pricing, currency }: { pricing: Pricing | null; currency: string }) {
  if (!pricing) return <p className="mt-2 text-sm text-slate-700">No price set yet.</p>
  const rows: [string, string][] = [
    ['Default price', formatMoney(pricing.defaultPrice, currency)],
    ['Max discount', pricing.maxDiscountPercent ? `${pricing.maxDiscountPercent} %` : 'No limit'],
  ]
  if (pricing.cost) rows.push(['Cost', formatMoney(pricing.cost, currency)])
  if (pricing.marginTargetPercent) rows.push(['Margin target', `${pricing.marginTargetPercent} %`])
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600">{k}</dt>
          <dd className="text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  )
}
