import { formatMoney } from '~/lib/money.ts'

export interface Figures {
  openCount: number
  openAmount: string
  openWeightedAmount: string
  wonCount: number
  wonAmount: string
  lostCount: number
  lostAmount: string
  winRate: number | null
  averageDaysToClose: number | null
}

const deals = (n: number) => `${n} ${n === 1 ? 'deal' : 'deals'}`

export const percent = (v: number | null) => (v === null ? '—' : `${v}%`)
export const days = (v: number | null) => (v === null ? '—' : `${v} d`)

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="flex flex-col rounded-md border border-slate-200 bg-white p-3">
      <dt className="text-xs font-medium text-slate-500 uppercase">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums break-words">{value}</dd>
      {detail && <dd className="text-xs text-slate-600 tabular-nums">{detail}</dd>}
    </div>
  )
}

/** The headline figures: two per row on a phone, five on a laptop. */
export function FigureGrid({
  figures: f,
  currency,
  periodName,
}: {
  figures: Figures
  currency: string
  periodName: string
}) {
  return (
    <dl className="grid grid-cols-2 gap-2 lg:grid-cols-5">
      <Figure
        label="Open pipeline"
        value={formatMoney(f.openAmount, currency)}
        detail={`${deals(f.openCount)} · weighted ${formatMoney(f.openWeightedAmount, currency)}`}
      />
      <Figure
        label={`Won ${periodName}`}
        value={formatMoney(f.wonAmount, currency)}
        detail={deals(f.wonCount)}
      />
      <Figure
        label={`Lost ${periodName}`}
        value={formatMoney(f.lostAmount, currency)}
        detail={deals(f.lostCount)}
      />
      <Figure label="Win rate" value={percent(f.winRate)} detail="won of closed, by count" />
      <Figure label="Days to close" value={days(f.averageDaysToClose)} detail="average, deals won" />
    </dl>
  )
}
