import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { bulkSelectColumn } from '~/components/ui/bulk-change.tsx'
import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { formatDate, formatMoney } from '~/lib/money.ts'
import { formatShortDayInZone } from '~/lib/zoned-time.ts'

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
  nextStep: { dueAt: string } | null
}

type Names = { users: Record<string, string>; orgs: Record<string, string> }

/** An open deal's next step, or the flag that it has none (ADR 0168); nothing for a closed deal. */
function NextStep({ deal, timezone }: { deal: DealRow; timezone: string }) {
  if (deal.status !== 'open') return null
  if (deal.nextStep) {
    const day = formatShortDayInZone(deal.nextStep.dueAt, timezone)
    return Date.parse(deal.nextStep.dueAt) < Date.now() ? (
      <span className="block text-xs font-medium text-red-700">Next step overdue ({day})</span>
    ) : (
      <span className="block text-xs text-slate-600">Next step {day}</span>
    )
  }
  return <span className="block text-xs font-medium text-amber-800">No next step</span>
}

function columns(names: Names, timezone: string): Column<DealRow>[] {
  return [
    {
      header: 'Deal',
      primary: true,
      cell: (d) => (
        <>
          <Link to={`/deals/${d.id}`} className="inline-flex min-h-11 items-center text-indigo-700 underline">
            {d.name}
          </Link>
          <NextStep deal={d} timezone={timezone} />
        </>
      ),
    },
    { header: 'Organization', cell: (d) => (d.organizationId && names.orgs[d.organizationId]) ?? '—' },
    {
      header: 'Stage',
      cell: (d) => (
        <>
          {d.stageName}
          <span className="block text-xs text-slate-500">
            {d.processName}
            {d.status !== 'open' && ` · ${d.status}`}
          </span>
        </>
      ),
    },
    { header: 'Amount', align: 'end', cell: (d) => formatMoney(d.amount, d.currency) },
    { header: 'Probability', align: 'end', cell: (d) => `${d.probability}%` },
    { header: 'Closes', cell: (d) => formatDate(d.closeDate) },
    { header: 'Owner', cell: (d) => (d.assignedUserId && names.users[d.assignedUserId]) ?? '—' },
  ]
}

/** Deals as a table on wide screens and as cards on a phone (the shared DataTable). */
export function DealTable({
  deals,
  names,
  empty,
  selectFor,
  timezone,
}: {
  deals: DealRow[]
  names: Names
  /** The reader's zone, for the day each next step is due. */
  timezone: string
  empty: ReactNode
  /** The bulk form's id: each row gets a tick box for it. */
  selectFor?: string
}) {
  const all = columns(names, timezone)
  return (
    <DataTable
      caption="Deals"
      columns={selectFor ? [bulkSelectColumn<DealRow>(selectFor, (d) => d.name), ...all] : all}
      rows={deals}
      rowKey={(d) => d.id}
      empty={empty}
    />
  )
}
