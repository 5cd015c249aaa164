import { Link } from '@remix-run/react'
import { cardClass } from '~/components/ui/card.ts'
import { formatMoney } from '~/lib/money.ts'

interface DealRow {
  id: string
  name: string
  amount: string
  currency: string
  stageName: string
  status: string
}

/** The contact's deals; each links to its deal page. */
export function ContactDeals({ deals, contactId }: { deals: DealRow[]; contactId: string }) {
  return (
    <section aria-labelledby="deals" className={cardClass}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="deals" className="text-lg font-semibold">
          Deals
        </h2>
        <Link
          to={`/deals/new?contactId=${contactId}`}
          className="inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-indigo-700 hover:underline"
        >
          New deal
        </Link>
      </div>
      {deals.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No deals with this contact.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {deals.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-x-3 py-1 text-sm">
              <Link
                to={`/deals/${d.id}`}
                className="inline-flex min-h-11 items-center font-medium text-indigo-700 hover:underline"
              >
                {d.name}
              </Link>
              <span className="text-slate-700">
                {d.stageName} · {formatMoney(d.amount, d.currency)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
