import { Link } from '@remix-run/react'
import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { formatMoney } from '~/lib/money.ts'
import { days, type Figures, percent } from './figures.tsx'

export type OwnerFigures = Figures & { userId: string | null; name: string | null }

/** The team per owner (a lead's view); each name narrows the page to that owner. */
export function OwnersTable({
  owners,
  currency,
  linkTo,
}: {
  owners: OwnerFigures[]
  currency: string
  linkTo: (userId: string) => string
}) {
  const columns: Column<OwnerFigures>[] = [
    {
      header: 'Owner',
      primary: true,
      cell: (o) =>
        o.userId ? (
          <Link to={linkTo(o.userId)} className="text-indigo-700 underline-offset-2 hover:underline">
            {o.name ?? 'Unnamed member'}
          </Link>
        ) : (
          'Unassigned'
        ),
    },
    { header: 'Open', align: 'end', cell: (o) => `${o.openCount} · ${formatMoney(o.openAmount, currency)}` },
    { header: 'Weighted', align: 'end', cell: (o) => formatMoney(o.openWeightedAmount, currency) },
    { header: 'Won', align: 'end', cell: (o) => `${o.wonCount} · ${formatMoney(o.wonAmount, currency)}` },
    { header: 'Lost', align: 'end', cell: (o) => o.lostCount },
    { header: 'Win rate', align: 'end', cell: (o) => percent(o.winRate) },
    { header: 'Days to close', align: 'end', cell: (o) => days(o.averageDaysToClose) },
  ]
  return (
    <DataTable
      caption="Figures per owner"
      columns={columns}
      rows={owners}
      rowKey={(o) => o.userId ?? 'unassigned'}
      empty={<p className="text-sm text-slate-600">No deals in this view yet.</p>}
    />
  )
}
