import { formatMoney } from '~/lib/money.ts'
import { cents, largest, permille } from './scale.ts'

export interface TrendMonth {
  month: string
  wonCount: number
  wonAmount: string
}

/** "2026-03" → "Mar". */
function monthName(month: string) {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1)).toLocaleString('en', {
    month: 'short',
    timeZone: 'UTC',
  })
}

/** Cents back to an amount string, for the largest month. */
function fromCents(c: bigint): string {
  const s = c.toString().padStart(3, '0')
  return `${s.slice(0, -2)}.${s.slice(-2)}`
}

/**
 * Won amount per month, last twelve: bars in an SVG drawn on the server (no JavaScript, no chart library)
 * that stretches to any width down to 320 px, month names in HTML under it so they stay legible. Screen
 * readers get the figures' table instead of the drawing.
 */
export function TrendChart({ months, currency }: { months: TrendMonth[]; currency: string }) {
  const max = largest(months.map((x) => cents(x.wonAmount)))
  const first = months[0]?.month ?? ''
  const last = months.at(-1)?.month ?? ''
  return (
    <figure className="flex flex-col gap-2">
      {max === 0n ? (
        <p className="text-sm text-slate-600">No deal won in the last twelve months.</p>
      ) : (
        <div aria-hidden="true" className="flex flex-col gap-1">
          <svg
            viewBox="0 0 120 100"
            preserveAspectRatio="none"
            className="h-36 w-full"
            aria-hidden="true"
            focusable="false"
            data-chart="trend"
          >
            {months.map((x, i) => {
              const h = (permille(cents(x.wonAmount), max) * 98) / 1000
              return (
                <rect
                  key={x.month}
                  x={i * 10 + 2}
                  y={100 - h}
                  width="6"
                  height={h}
                  className={i === months.length - 1 ? 'fill-indigo-600' : 'fill-indigo-300'}
                />
              )
            })}
          </svg>
          <div className="grid grid-cols-12 border-t border-slate-300 pt-1 text-center text-[10px] text-slate-600 sm:text-xs">
            {months.map((x) => (
              <span key={x.month}>{monthName(x.month)}</span>
            ))}
          </div>
        </div>
      )}
      <figcaption className="text-sm text-slate-600">
        {first} to {last} · best month {formatMoney(fromCents(max), currency)}
      </figcaption>
      <details className="text-sm">
        <summary className="min-h-11 cursor-pointer content-center text-indigo-700">Show the figures</summary>
        <table className="mt-1 w-full text-left">
          <caption className="sr-only">Won per month</caption>
          <thead>
            <tr className="text-slate-500">
              <th scope="col" className="py-1 font-medium">
                Month
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Deals won
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((x) => (
              <tr key={x.month} className="border-t border-slate-100">
                <th scope="row" className="py-1 font-normal">
                  {x.month}
                </th>
                <td className="py-1 text-right tabular-nums">{x.wonCount}</td>
                <td className="py-1 text-right tabular-nums">{formatMoney(x.wonAmount, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
