import { type Column, DataTable } from '~/components/ui/data-table.tsx'
import { formatMoney, toCents } from '~/lib/money.ts'

export interface SummaryStage {
  stageId: string
  name: string
  kind: string
  count: number
  totalAmount: string
  weightedAmount: string
}

/** Bar length in whole percent of the largest value, in BigInt cents (money never becomes a float). */
function share(value: string, max: bigint): number {
  const cents = toCents(value) ?? 0n
  return max > 0n ? Number((cents * 100n) / max) : 0
}

function Bar({ value, max, tone }: { value: string; max: bigint; tone: string }) {
  return (
    <span aria-hidden="true" className="block h-2 w-full rounded-full bg-slate-100">
      <span className={`block h-2 rounded-full ${tone}`} style={{ width: `${share(value, max)}%` }} />
    </span>
  )
}

/**
 * The pipeline as a table with bars: screen readers read the numbers as a table, sighted users get
 * the bars beside the same numbers (cards on a phone). Pure CSS, no chart library.
 */
export function PipelineChart({
  caption,
  stages,
  currency,
}: {
  caption: string
  stages: SummaryStage[]
  currency: string
}) {
  const max = stages.reduce((m, s) => {
    const c = toCents(s.totalAmount) ?? 0n
    return c > m ? c : m
  }, 0n)
  const columns: Column<SummaryStage>[] = [
    {
      header: 'Stage',
      primary: true,
      cell: (s) => (
        <>
          {s.name}
          {s.kind !== 'open' && <span className="ml-1 text-xs font-normal text-slate-500">({s.kind})</span>}
        </>
      ),
    },
    { header: 'Deals', align: 'end', cell: (s) => s.count },
    {
      header: 'Value',
      className: 'sm:w-1/3',
      cell: (s) => (
        <>
          <span className="block tabular-nums">{formatMoney(s.totalAmount, currency)}</span>
          <Bar value={s.totalAmount} max={max} tone="bg-indigo-500" />
        </>
      ),
    },
    {
      header: 'Weighted',
      className: 'sm:w-1/3',
      cell: (s) => (
        <>
          <span className="block tabular-nums">{formatMoney(s.weightedAmount, currency)}</span>
          <Bar value={s.weightedAmount} max={max} tone="bg-emerald-500" />
        </>
      ),
    },
  ]
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={stages}
      rowKey={(s) => s.stageId}
      empty={<p className="text-sm text-slate-600">No stages yet.</p>}
      bare
    />
  )
}
