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
 * the bars beside the same numbers. Pure CSS, no chart library.
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
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[18rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium">
              Stage
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Deals
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Value
            </th>
            <th scope="col" className="py-2 font-medium">
              Weighted
            </th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.stageId} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-800">
                {s.name}
                {s.kind !== 'open' && <span className="ml-1 text-xs text-slate-500">({s.kind})</span>}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{s.count}</td>
              <td className="w-1/3 py-2 pr-3">
                <span className="block tabular-nums">{formatMoney(s.totalAmount, currency)}</span>
                <Bar value={s.totalAmount} max={max} tone="bg-indigo-500" />
              </td>
              <td className="w-1/3 py-2">
                <span className="block tabular-nums">{formatMoney(s.weightedAmount, currency)}</span>
                <Bar value={s.weightedAmount} max={max} tone="bg-emerald-500" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
