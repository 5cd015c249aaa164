import { Link } from '@remix-run/react'
import { formatDate, formatMoney } from '~/lib/money.ts'

export interface DealRow {
  id: string
  name: string
  amount: string
  currency: string
  processName: string
  stageName: string
  status: string
  probability: number
  closeDate: string | null
  organizationId: string | null
  assignedUserId: string | null
}

/** Deals as a table that scrolls inside its own box on a phone (never the page). */
export function DealTable({
  deals,
  names,
}: {
  deals: DealRow[]
  names: { users: Record<string, string>; orgs: Record<string, string> }
}) {
  if (deals.length === 0) return <p className="text-slate-600">No deals match these filters.</p>
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="sr-only">Deals</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {['Deal', 'Organization', 'Stage', 'Amount', 'Probability', 'Closes', 'Owner'].map((h) => (
              <th
                key={h}
                scope="col"
                className={`px-3 py-2 font-medium ${h === 'Amount' || h === 'Probability' ? 'text-right' : ''}`}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {deals.map((d) => (
            <tr key={d.id} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-1 text-left font-medium">
                <Link
                  to={`/deals/${d.id}`}
                  className="inline-flex min-h-11 items-center text-indigo-700 underline"
                >
                  {d.name}
                </Link>
              </th>
              <td className="px-3 py-1">{(d.organizationId && names.orgs[d.organizationId]) ?? '—'}</td>
              <td className="px-3 py-1">
                {d.stageName}
                <span className="block text-xs text-slate-500">
                  {d.processName}
                  {d.status !== 'open' && ` · ${d.status}`}
                </span>
              </td>
              <td className="px-3 py-1 text-right tabular-nums">{formatMoney(d.amount, d.currency)}</td>
              <td className="px-3 py-1 text-right tabular-nums">{d.probability}%</td>
              <td className="px-3 py-1">{formatDate(d.closeDate)}</td>
              <td className="px-3 py-1">{(d.assignedUserId && names.users[d.assignedUserId]) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
