import { formatMoney } from '~/lib/money.ts'

export interface FunnelStage {
  stageId: string
  name: string
  kind: 'open' | 'won'
  openCount: number
  openAmount: string
  reached: number
  conversion: number | null
}

/**
 * The process's funnel: per stage, the deals that reached it and the share that went on to the next stage.
 * Words and numbers are HTML (readable at any width, read by screen readers); each bar is a small SVG drawn
 * on the server and hidden from them.
 */
export function FunnelChart({ stages, currency }: { stages: FunnelStage[]; currency: string }) {
  const max = Math.max(1, ...stages.map((s) => s.reached))
  return (
    <ol className="flex flex-col gap-3" data-chart="funnel">
      {stages.map((s) => (
        <li key={s.stageId} className="flex flex-col gap-1 text-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-x-2">
            <span className="font-medium">{s.name}</span>
            <span className="tabular-nums text-slate-700">
              {s.reached} reached
              {s.conversion !== null && ` · ${s.conversion}% went on`}
            </span>
          </div>
          <svg
            viewBox="0 0 1000 10"
            preserveAspectRatio="none"
            className="h-3 w-full"
            aria-hidden="true"
            focusable="false"
          >
            <rect width="1000" height="10" rx="3" className="fill-slate-100" />
            <rect
              width={Math.round((1000 * s.reached) / max)}
              height="10"
              rx="3"
              className={s.kind === 'won' ? 'fill-emerald-500' : 'fill-indigo-500'}
            />
          </svg>
          {s.kind === 'open' && s.openCount > 0 && (
            <span className="text-xs text-slate-600 tabular-nums">
              {s.openCount} open here · {formatMoney(s.openAmount, currency)}
            </span>
          )}
        </li>
      ))}
    </ol>
  )
}
